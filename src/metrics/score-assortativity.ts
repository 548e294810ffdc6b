/**
 * `score_assortativity` — Newman's scalar assortativity of the primary score across ties.
 *
 * r = Pearson correlation of (x_i, x_j) over both directions of every tie (2m ordered pairs):
 *   μ = Σ_i k_i x_i / 2m,  σ² = Σ_i k_i x_i² / 2m − μ²,  cov = Σ_(i→j) x_i x_j / 2m − μ²,  r = cov / σ².
 * Scores are centred on their plain mean first, for numerical stability. Ties of every layer count.
 * Null when there is no score, no tie, or the score does not vary across the ends of ties. The sums
 * are taken in the shared pass over the tie ends (tie-pass.ts), with the strata and group counts.
 *
 * Reference: M. E. J. Newman, "Mixing patterns in networks", Phys. Rev. E 67, 026126 (2003), eq. (21).
 */
import type { AdjacencyView } from '../core/adjacency.js';
import type { MetricSpec, TieNeed } from '../core/snapshot.js';
import { snapshotTiePass, tiePass } from './tie-pass.js';
import { fin, type Num } from './util.js';

/** r from the sums of the tie pass (tie-pass.ts: [Σk, Σk·x′, Σk·x′², Σ x′_i(Σ_j x_j − k·c), min x′, max x′]). */
export function assortativityOfSums(t: Float64Array): number | null {
  const m2 = t[0]!, s1 = t[1]!, s2 = t[2]!, sxy = t[3]!, lo = t[4]!, hi = t[5]!;
  if (m2 === 0 || !(hi > lo)) return null;
  const mu = s1 / m2;
  const v = s2 / m2 - mu * mu;
  if (!(v > 0)) return null;
  return fin((sxy / m2 - mu * mu) / v);
}

/** Newman's scalar assortativity of the node values `x` on the undirected graph `adj`; null if undefined. */
export function newmanScalarAssortativity(adj: AdjacencyView, x: Num): number | null {
  return assortativityOfSums(tiePass(adj, null, 0, null, 0, x).xsums!);
}

const needs: TieNeed[] = ['score-ties'];

export const scoreAssortativity: MetricSpec = {
  id: 'score_assortativity',
  columns: ['score_assortativity'],
  doc: "Newman's scalar assortativity: Pearson correlation of the primary scores at the two ends of a tie, over both directions of every tie.",
  reference: 'Newman, Phys. Rev. E 67:026126 (2003)',
  needs,
  make: () => (s) => ({ score_assortativity: s.score ? assortativityOfSums(snapshotTiePass(s, needs).xsums!) : null }),
};
