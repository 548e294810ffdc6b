/**
 * `listed_rate_ratio` — share of the minority (group 1) currently on a blacklist ÷ share of the
 * majority (group 0).
 *
 * listed_rate_ratio = P(on any blacklist | minority) ÷ P(on any blacklist | majority), "on any
 * blacklist" read from `anyBlack`. Null without blacklists, without a minority or a majority, or
 * when no majority member is listed.
 *
 * Reference: docs/metrics.md lists none; it is the ratio of group rates used in adverse-impact analysis
 * (compare the four-fifths rule, 29 CFR §1607.4(D)), applied to listing.
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin, groupSizes } from './util.js';

export const listedRateRatio: MetricSpec = {
  id: 'listed_rate_ratio',
  columns: ['listed_rate_ratio'],
  doc: 'Share of the minority currently on a blacklist ÷ share of the majority.',
  make: () => (s) => {
    const sizes = groupSizes(s);
    if (s.blackLists.length === 0 || sizes[0] === 0 || sizes[1] === 0) return { listed_rate_ratio: null };
    let l0 = 0, l1 = 0;
    const { n, anyBlack, group } = s;
    for (let i = 0; i < n; i++) {
      if (!anyBlack[i]) continue; // few are listed: a well-predicted branch
      if (group[i] === 0) l0++;
      else if (group[i] === 1) l1++;
    }
    if (l0 === 0) return { listed_rate_ratio: null };
    return { listed_rate_ratio: fin(l1 / sizes[1]! / (l0 / sizes[0]!)) };
  },
};
