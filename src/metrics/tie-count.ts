/**
 * `tie_count` — number of ties in the network (undirected, every layer): `adj.edgeCount`.
 * Never null (0 without ties).
 *
 * Reference: none needed (network size; docs/metrics.md lists none).
 */
import type { MetricSpec } from '../core/snapshot.js';

export const tieCount: MetricSpec = {
  id: 'tie_count',
  columns: ['tie_count'],
  doc: 'Number of ties (undirected, any layer).',
  make: () => (s) => ({ tie_count: s.adj.edgeCount }),
};
