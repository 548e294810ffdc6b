/**
 * `score_sd` — population standard deviation of the primary score over all agents, in score units:
 *   μ = Σ_i x_i / n,  sd = √( Σ_i (x_i − μ)² / n )   (two passes: the mean, then the squared deviations).
 * Null when no regime scores (no primary score) or there are no agents.
 *
 * Reference: none needed (the plain population standard deviation, divisor n; docs/metrics.md lists
 * none). The benchmark's expected result (docs/benchmark.md#expected-result) names it.
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin } from './util.js';

export const scoreSd: MetricSpec = {
  id: 'score_sd',
  columns: ['score_sd'],
  doc: 'Population standard deviation of the primary score (divisor n).',
  make: () => (s) => {
    const x = s.score;
    const n = s.n;
    if (!x || n === 0) return { score_sd: null };
    let t = 0;
    for (let i = 0; i < n; i++) t += x[i]!;
    const mu = t / n;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i]! - mu;
      q += d * d;
    }
    return { score_sd: fin(Math.sqrt(q / n)) };
  },
};
