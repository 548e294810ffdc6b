/**
 * `redlisted_share` — share of agents currently on a redlist (honours).
 *
 * redlisted_share = # agents on any redlist ÷ n. Null when the run has no redlist or no agents.
 *
 * Reference: none needed (a plain share; docs/metrics.md lists none).
 */
import type { MetricSpec } from '../core/snapshot.js';

export const redlistedShare: MetricSpec = {
  id: 'redlisted_share',
  columns: ['redlisted_share'],
  doc: 'Share of agents currently on a redlist (honours).',
  make: () => (s) => {
    if (s.redLists.length === 0 || s.n === 0) return { redlisted_share: null };
    let c = 0;
    const n = s.n, lists = s.redLists;
    if (lists.length === 1) {
      const on = lists[0]!.on;
      for (let i = 0; i < n; i++) if (on[i]) c++;
    } else
      for (let i = 0; i < n; i++) {
        for (const l of lists)
          if (l.on[i]) {
            c++;
            break;
          }
      }
    return { redlisted_share: c / n };
  },
};
