/**
 * `mean_days_to_delist` — mean days from performance of the obligation (or from proof of error) to
 * removal from a blacklist, over removals in the window.
 *
 * mean_days_to_delist = Σ window.delistDays ÷ Σ window.delistCount over the blacklists (removals
 * since the last recorded step). Null when there was no such removal.
 *
 * Reference: deletion within 3 working days of performance, Supreme People's Court provisions
 * (2013, revised 2017) (docs/calibration.md#court-blacklist-and-joint-punishment); docs/metrics.md lists none.
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin } from './util.js';

export const meanDaysToDelist: MetricSpec = {
  id: 'mean_days_to_delist',
  columns: ['mean_days_to_delist'],
  doc: 'Mean days from performance of the obligation (or proof of error) to removal from a blacklist, over removals in the window.',
  reference: "Supreme People's Court provisions on the list of dishonest judgment debtors (2013, rev. 2017): deletion within 3 working days",
  make: () => (s) => {
    let days = 0, count = 0;
    for (const l of s.blackLists) {
      days += l.window.delistDays;
      count += l.window.delistCount;
    }
    return { mean_days_to_delist: count > 0 ? fin(days / count) : null };
  },
};
