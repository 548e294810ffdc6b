/**
 * Network size: `tie_count` (undirected ties, every layer) and `mean_degree` = 2 · ties / n.
 * mean_degree is null when there are no agents.
 */
import type { MetricSpec } from '../core/snapshot.js';

export const tieCount: MetricSpec = {
  id: 'tie_count',
  columns: ['tie_count'],
  doc: 'Number of ties (undirected, any layer).',
  make: () => (s) => ({ tie_count: s.adj.edgeCount }),
};

export const meanDegree: MetricSpec = {
  id: 'mean_degree',
  columns: ['mean_degree'],
  doc: 'Mean number of ties per agent, 2 · ties / n.',
  make: () => (s) => ({ mean_degree: s.n > 0 ? (2 * s.adj.edgeCount) / s.n : null }),
};
