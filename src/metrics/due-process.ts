/**
 * Due process of the lists: `listed_share`, `redlisted_share`, `wrongful_listed_share`,
 * `listed_without_notice_share`, `mean_days_to_delist`.
 *
 * - listed_share = agents on any blacklist (`anyBlack`) ÷ n; redlisted_share = agents on any
 *   redlist ÷ n. Null when the run has no list of that kind.
 * - wrongful_listed_share = agents on some blacklist whose entry on that list is mistaken
 *   (`mistaken` = 1: misidentification, error) ÷ n. Null without blacklists.
 * - listed_without_notice_share = Σ window.withoutNotice ÷ Σ window.listings over the blacklists
 *   (listings made since the last recorded step). Null when there was no listing.
 * - mean_days_to_delist = Σ window.delistDays ÷ Σ window.delistCount over the blacklists: days from
 *   performance of the obligation (or proof of error) to removal, over removals in the window.
 *   Null when there was no such removal.
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin } from './util.js';

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
        if (l.on[i] && l.mistaken[i]) {
          c++;
          break;
        }
    }
    return { wrongful_listed_share: c / n };
  },
};

export const listedWithoutNoticeShare: MetricSpec = {
  id: 'listed_without_notice_share',
  columns: ['listed_without_notice_share'],
  doc: 'Share of blacklistings made in the window without prior notice.',
  make: () => (s) => {
    let listings = 0, without = 0;
    for (const l of s.blackLists) {
      listings += l.window.listings;
      without += l.window.withoutNotice;
    }
    return { listed_without_notice_share: listings > 0 ? without / listings : null };
  },
};

export const meanDaysToDelist: MetricSpec = {
  id: 'mean_days_to_delist',
  columns: ['mean_days_to_delist'],
  doc: 'Mean days from performance of the obligation (or proof of error) to removal from a blacklist, over removals in the window.',
  make: () => (s) => {
    let days = 0, count = 0;
    for (const l of s.blackLists) {
      days += l.window.delistDays;
      count += l.window.delistCount;
    }
    return { mean_days_to_delist: count > 0 ? fin(days / count) : null };
  },
};
