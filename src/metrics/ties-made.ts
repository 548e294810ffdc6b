/**
 * `ties_made` — ties added to the network since the previous recorded step (at the first record:
 * since the network was built; the build's own ties are not counted), counted by the adjacency
 * (src/core/adjacency.ts: `tiesAdded`, one per successful `addEdge`). A layer added to an existing
 * tie (cleanup giving an offline tie its online bit) makes no tie. With `ties_dropped`:
 * tie_count(now) − tie_count(previous record) = ties_made − ties_dropped. Never null (0 without
 * changes).
 *
 * Reference: none needed (a count of events in the window; docs/metrics.md lists none).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { windowCounter } from './ties-dropped.js';

export const tiesMade: MetricSpec = {
  id: 'ties_made',
  columns: ['ties_made'],
  doc: 'Ties made since the previous recorded step (a layer added to an existing tie makes none).',
  make: () => {
    const made = windowCounter((a) => a.tiesAdded);
    return (s) => ({ ties_made: made(s.adj) });
  },
};
