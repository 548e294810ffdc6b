/**
 * `mean_degree` — mean number of ties per agent: mean_degree = 2 · ties / n (undirected ties,
 * every layer). Null when there are no agents.
 *
 * Reference: none needed (network size; docs/metrics.md lists none).
 */
import type { MetricSpec } from '../core/snapshot.js';

export const meanDegree: MetricSpec = {
  id: 'mean_degree',
  columns: ['mean_degree'],
  doc: 'Mean number of ties per agent, 2 · ties / n.',
  make: () => (s) => ({ mean_degree: s.n > 0 ? (2 * s.adj.edgeCount) / s.n : null }),
};
