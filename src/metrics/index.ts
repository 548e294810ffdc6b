/**
 * The metric family: every outcome metric of METRICS.md as a `MetricSpec` (src/core/snapshot.ts),
 * plus the pure numeric helpers they are built on (exported for tests and one-off analyses).
 *
 * Add a metric: write one file in src/metrics/ (header: formula and reference; a plain
 * `MetricSpec` value whose `make()` returns `(snap) => row`), then add it to `METRICS` below.
 * Column names are the canonical names of METRICS.md; a metric that does not apply returns null.
 */
import type { MetricSpec } from '../core/snapshot.js';
import { approvalMean } from './approval.js';
import { dataPointsPerAgent, defaultRate, dissentRate, violationRate } from './behaviour.js';
import { components } from './components.js';
import { benefitDisparateImpact, listedRateRatio, scoreGap } from './discrimination.js';
import {
  listedShare,
  listedWithoutNoticeShare,
  meanDaysToDelist,
  redlistedShare,
  wrongfulListedShare,
} from './due-process.js';
import { equalizedOddsGap, wrongfulRecordRateRatio } from './fairness.js';
import { groupAssortativity, groupEiIndex, groupFreemanSegregation } from './group-mixing.js';
import { householdSpillover } from './household.js';
import { giniScore, giniWealth, theilWealth } from './inequality.js';
import { meanScore } from './mean-score.js';
import { bottomPersistence, shorrocksMobility } from './mobility.js';
import { meanDegree, tieCount } from './network-size.js';
import { scoreBimodality, scoreEstebanRay } from './polarization.js';
import { scoreAssortativity } from './score-assortativity.js';
import { crossStratumTieShare, stratumModularity } from './strata.js';

export const METRICS: MetricSpec[] = [
  // score
  meanScore,
  // polarization and segregation of the network
  scoreAssortativity,
  stratumModularity,
  crossStratumTieShare,
  groupAssortativity,
  groupEiIndex,
  groupFreemanSegregation,
  scoreBimodality,
  scoreEstebanRay,
  components,
  // discrimination
  listedRateRatio,
  wrongfulRecordRateRatio,
  benefitDisparateImpact,
  scoreGap,
  equalizedOddsGap,
  // stratification and mobility
  giniWealth,
  giniScore,
  theilWealth,
  shorrocksMobility,
  bottomPersistence,
  householdSpillover,
  // due process, behaviour, attitudes
  listedShare,
  redlistedShare,
  wrongfulListedShare,
  listedWithoutNoticeShare,
  meanDaysToDelist,
  violationRate,
  defaultRate,
  dissentRate,
  approvalMean,
  dataPointsPerAgent,
  tieCount,
  meanDegree,
];

/** Metrics recorded when a scenario does not list any. */
export const DEFAULT_METRICS: string[] = [
  'mean_score',
  'listed_share',
  'gini_wealth',
  'score_assortativity',
  'tie_count',
  'mean_degree',
];

/** The metric with this id; failing that, the metric that writes this column (e.g. `largest_component_share`). */
export function metricById(id: string): MetricSpec | undefined {
  return METRICS.find((m) => m.id === id) ?? METRICS.find((m) => m.columns.includes(id));
}

/** Every canonical column, in the order of `METRICS`. */
export const METRIC_COLUMNS: string[] = METRICS.flatMap((m) => m.columns);

// --- pure helpers ---------------------------------------------------------------------------
export { argsort, quantileLabels, ranksOf } from './argsort.js';
export { pearson } from './util.js';
export { newmanScalarAssortativity } from './score-assortativity.js';
export { crossLabelShare, crossShareOf, modularity, modularityOf } from './strata.js';
export { tiePass, type TiePass } from './tie-pass.js';
export {
  categoricalAssortativity,
  colemanHomophily,
  eiIndex,
  freemanSegregation,
  mixingMatrix,
  mixOf,
  type Matrix,
} from './group-mixing.js';
export { bimodalityCoefficient, binShares, estebanRay } from './polarization.js';
export { connectedComponents, type Components } from './components.js';
export { gini, giniOrdered, theil, theilBetween } from './inequality.js';
export { shorrocks, transitionMatrix } from './mobility.js';
export { degrootInfluence, matrixPower } from './degroot.js';
export { othersMean } from './household.js';
