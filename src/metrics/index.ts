/**
 * The metric family: every outcome metric of docs/metrics.md as a `MetricSpec` (src/core/snapshot.ts),
 * plus the pure numeric helpers they are built on (exported for tests and one-off analyses).
 *
 * Add a metric: write one file in src/metrics/ named after its id (header: formula, when it is
 * null, reference; a plain `MetricSpec` value whose `make()` returns `(snap) => row`), then add it
 * to `METRICS` below (they register through ./registry.ts, the path `registerMetric` takes for
 * metrics defined outside the library with `defineMetric`); a metric that reads the shared pass over the tie ends declares the parts it
 * reads in `needs` (tie-pass.ts), so the pass computes only those. Code shared by several metrics, and the pure numeric helpers, live in
 * modules with no metric of their own (util.ts, argsort.ts, tie-pass*.ts, behaviour.ts,
 * fairness.ts, group-mixing.ts, inequality.ts, mobility.ts, polarization.ts, strata.ts,
 * degroot.ts). Column names are the canonical names of docs/metrics.md; a metric that does not apply
 * returns null.
 */
import type { MetricSpec } from '../core/snapshot.js';
import { registerBuiltinMetrics } from './registry.js';
import { approvalMean } from './approval.js';
import { benefitDisparateImpact } from './benefit-disparate-impact.js';
import { bottomPersistence } from './bottom-persistence.js';
import { components } from './components.js';
import { crossStratumTieShare } from './cross-stratum-tie-share.js';
import { dataPointsPerAgent } from './data-points-per-agent.js';
import { defaultRate } from './default-rate.js';
import { dissentRate } from './dissent-rate.js';
import { equalizedOddsGap } from './equalized-odds-gap.js';
import { giniScore } from './gini-score.js';
import { giniWealth } from './gini-wealth.js';
import { groupAssortativity } from './group-assortativity.js';
import { groupEiIndex } from './group-ei-index.js';
import { groupFreemanSegregation } from './group-freeman-segregation.js';
import { householdSpillover } from './household.js';
import { listedRateRatio } from './listed-rate-ratio.js';
import { listedShare } from './listed-share.js';
import { listedWithoutNoticeShare } from './listed-without-notice-share.js';
import { meanDaysToDelist } from './mean-days-to-delist.js';
import { meanDegree } from './mean-degree.js';
import { meanScore } from './mean-score.js';
import { redlistedShare } from './redlisted-share.js';
import { scoreAssortativity } from './score-assortativity.js';
import { scoreBimodality } from './score-bimodality.js';
import { scoreEstebanRay } from './score-esteban-ray.js';
import { scoreGap } from './score-gap.js';
import { scoreSd } from './score-sd.js';
import { shorrocksMobility } from './shorrocks-mobility.js';
import { stratumModularity } from './stratum-modularity.js';
import { theilWealth } from './theil-wealth.js';
import { tieCount } from './tie-count.js';
import { tiesDropped } from './ties-dropped.js';
import { tiesMade } from './ties-made.js';
import { violationRate } from './violation-rate.js';
import { wrongfulListedShare } from './wrongful-listed-share.js';
import { wrongfulRecordRateRatio } from './wrongful-record-rate-ratio.js';

/** The built-in metrics (docs/metrics.md), in their order; `allMetrics()` adds those registered with `registerMetric`. */
export const METRICS: MetricSpec[] = [
  // score
  meanScore,
  scoreSd,
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
  tiesDropped,
  tiesMade,
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

registerBuiltinMetrics(METRICS);

export { allMetrics, defineMetric, isBuiltinMetric, isDefinedMetric, metricById, registerMetric, type DefinedMetric, type MetricDefinition } from './registry.js';

/** Every canonical column of the built-in metrics, in the order of `METRICS`. */
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
