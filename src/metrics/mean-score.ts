/**
 * `mean_score` — mean of the primary score over all agents, in score units; null when no regime
 * scores (no primary score) or there are no agents.
 *
 * Reference: none needed (a plain mean; docs/metrics.md lists none).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin } from './util.js';

export const meanScore: MetricSpec = {
  id: 'mean_score',
  columns: ['mean_score'],
  doc: 'Mean of the primary score.',
  make: () => (s) => {
    const x = s.score;
    if (!x || s.n === 0) return { mean_score: null };
    let t = 0;
    const n = s.n;
    for (let i = 0; i < n; i++) t += x[i]!;
    return { mean_score: fin(t / s.n) };
  },
};
