/**
 * `listed_share` — share of agents currently on a blacklist.
 *
 * listed_share = # agents on any blacklist (`anyBlack`) ÷ n. Null when the run has no blacklist or
 * no agents.
 *
 * Reference: none needed (a plain share; docs/metrics.md lists none).
 */
import type { MetricSpec } from '../core/snapshot.js';

export const listedShare: MetricSpec = {
  id: 'listed_share',
  columns: ['listed_share'],
  doc: 'Share of agents currently on a blacklist.',
  make: () => (s) => {
    if (s.blackLists.length === 0 || s.n === 0) return { listed_share: null };
    let c = 0;
    const on = s.anyBlack, n = s.n;
    for (let i = 0; i < n; i++) {
      const b = on[i]!;
      c += (b | -b) >>> 31; // 1 when listed
    }
    return { listed_share: c / n };
  },
};
