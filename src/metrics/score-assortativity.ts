/**
 * `score_assortativity` — Newman's scalar assortativity of the primary score across ties.
 *
 * r = Pearson correlation of (x_i, x_j) over both directions of every tie (2m ordered pairs):
 *   μ = Σ_i k_i x_i / 2m,  σ² = Σ_i k_i x_i² / 2m − μ²,  cov = Σ_(i→j) x_i x_j / 2m − μ²,  r = cov / σ².
 * Scores are centred on their plain mean first, for numerical stability. Ties of every layer count.
 * Null when there is no score, no tie, or the score does not vary across the ends of ties.
 *
 * Reference: M. E. J. Newman, "Mixing patterns in networks", Phys. Rev. E 67, 026126 (2003), eq. (21).
 */
import type { AdjacencyView } from '../core/adjacency.js';
import type { MetricSpec } from '../core/snapshot.js';
import { fin, type Num } from './util.js';

/** Newman's scalar assortativity of the node values `x` on the undirected graph `adj`; null if undefined. */
export function newmanScalarAssortativity(adj: AdjacencyView, x: Num): number | null {
  const { n, start, deg, targets } = adj;
  let c = 0;
  for (let i = 0; i < n; i++) c += x[i]!;
  c = n > 0 ? c / n : 0;
  let m2 = 0, s1 = 0, s2 = 0, sxy = 0;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = deg[i]!;
    if (k === 0) continue;
    const xi = x[i]! - c;
    if (xi < lo) lo = xi;
    if (xi > hi) hi = xi;
    m2 += k;
    s1 += k * xi;
    s2 += k * xi * xi;
    const s = start[i]!;
    let acc = 0;
    for (let e = s; e < s + k; e++) acc += x[targets[e]!]!;
    sxy += xi * (acc - k * c);
  }
  if (m2 === 0 || !(hi > lo)) return null;
  const mu = s1 / m2;
  const v = s2 / m2 - mu * mu;
  if (!(v > 0)) return null;
  return fin((sxy / m2 - mu * mu) / v);
}

export const scoreAssortativity: MetricSpec = {
  id: 'score_assortativity',
  columns: ['score_assortativity'],
  doc: "Newman's scalar assortativity: Pearson correlation of the primary scores at the two ends of a tie, over both directions of every tie.",
  reference: 'Newman, Phys. Rev. E 67:026126 (2003)',
  make: () => (s) => ({ score_assortativity: s.score ? newmanScalarAssortativity(s.adj, s.score) : null }),
};
