/**
 * `ties_dropped` — ties removed from the network since the previous recorded step (at the first
 * record: since the network was built), counted by the adjacency (src/core/adjacency.ts:
 * `tiesRemoved`, one per successful `removeEdge`, which `setLayer(…, 0)` also uses). A tie whose
 * layer changes but that stays (cleanup turning a tie of both layers into an offline tie) is not
 * dropped; a tie dropped and made again in the window counts once here and once in `ties_made`.
 * So tie_count(now) − tie_count(previous record) = ties_made − ties_dropped. Never null (0
 * without changes).
 *
 * Reference: none needed (a count of events in the window; docs/metrics.md lists none). The
 * benchmark's expected result (docs/benchmark.md#expected-result) names the ties dropped.
 */
import type { AdjacencyView } from '../core/adjacency.js';
import type { MetricSpec } from '../core/snapshot.js';

/** A counter of the adjacency read as its change since the previous call; a different adjacency object starts from 0 (its build). */
export function windowCounter(read: (a: AdjacencyView) => number): (a: AdjacencyView) => number {
  let last: AdjacencyView | null = null;
  let seen = 0;
  return (a) => {
    const now = read(a);
    const d = a === last ? now - seen : now;
    last = a;
    seen = now;
    return d;
  };
}

export const tiesDropped: MetricSpec = {
  id: 'ties_dropped',
  columns: ['ties_dropped'],
  doc: 'Ties dropped since the previous recorded step (a tie that only changes layer is not dropped).',
  make: () => {
    const dropped = windowCounter((a) => a.tiesRemoved);
    return (s) => ({ ties_dropped: dropped(s.adj) });
  },
};
