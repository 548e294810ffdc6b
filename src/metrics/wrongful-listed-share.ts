/**
 * `wrongful_listed_share` — share of agents listed on a record that was mistaken
 * (misidentification, error).
 *
 * wrongful_listed_share = # agents on some blacklist whose entry on that list is mistaken
 * (`mistaken` = 1) ÷ n. Null when the run has no blacklist or no agents.
 *
 * Reference: docs/metrics.md lists none; listings on mistaken records are the misidentification and
 * error cases of docs/model.md#observe (observation plug-ins).
 */
import type { MetricSpec } from '../core/snapshot.js';

export const wrongfulListedShare: MetricSpec = {
  id: 'wrongful_listed_share',
  columns: ['wrongful_listed_share'],
  doc: 'Share of agents listed on a blacklist on a mistaken record (misidentification, error).',
  make: () => (s) => {
    if (s.blackLists.length === 0 || s.n === 0) return { wrongful_listed_share: null };
    let c = 0;
    const listed = s.anyBlack, n = s.n;
    for (let i = 0; i < n; i++) {
      if (!listed[i]) continue;
      for (const l of s.blackLists)
        if (l.isMistaken(i)) {
          c++;
          break;
        }
    }
    return { wrongful_listed_share: c / n };
  },
};
