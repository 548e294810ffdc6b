/**
 * `listed_without_notice_share` — share of blacklistings made without prior notice.
 *
 * listed_without_notice_share = Σ window.withoutNotice ÷ Σ window.listings over the blacklists
 * (listings made since the last recorded step). Null when there was no listing in the window.
 *
 * Reference: prior notice before listing is required by the Supreme People's Court provisions on
 * the list of dishonest judgment debtors (2013, revised 2017) and grace periods are allowed by the
 * 2019 opinion (docs/calibration.md#court-blacklist-and-joint-punishment); docs/metrics.md lists none.
 */
import type { MetricSpec } from '../core/snapshot.js';

export const listedWithoutNoticeShare: MetricSpec = {
  id: 'listed_without_notice_share',
  columns: ['listed_without_notice_share'],
  doc: 'Share of blacklistings made in the window without prior notice.',
  reference: "Supreme People's Court provisions on the list of dishonest judgment debtors (2013, rev. 2017)",
  make: () => (s) => {
    let listings = 0, without = 0;
    for (const l of s.blackLists) {
      listings += l.window.listings;
      without += l.window.withoutNotice;
    }
    return { listed_without_notice_share: listings > 0 ? without / listings : null };
  },
};
