/**
 * Discrimination between the majority (group 0) and the minority (group 1):
 * `listed_rate_ratio`, `benefit_disparate_impact`, `score_gap`.
 *
 * - listed_rate_ratio = P(on any blacklist | minority) ÷ P(on any blacklist | majority) (`anyBlack`).
 *   Null without blacklists, without a minority or a majority, or when no majority member is listed.
 * - benefit_disparate_impact: per group present, rate = (# benefit = 1) ÷ (# benefit_eligible = 1)
 *   (columns `benefit`, `benefit_eligible`; when no agent at all is eligible the denominator is every
 *   agent of the group); lowest rate ÷ highest rate. < 0.8 flags adverse impact under the
 *   four-fifths rule. Null with fewer than two groups, when a group has an empty denominator, or
 *   when no benefit was given at all.
 * - score_gap = mean primary score of the majority − mean of the minority (score units). Null
 *   without a score or when a group is empty.
 *
 * Reference: Uniform Guidelines on Employee Selection Procedures, 29 CFR §1607.4(D) (four-fifths rule).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin, groupSizes, groupsPresent } from './util.js';

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

export const benefitDisparateImpact: MetricSpec = {
  id: 'benefit_disparate_impact',
  columns: ['benefit_disparate_impact'],
  doc: "Lowest group's benefit rate (beneficiaries ÷ eligible agents) ÷ highest group's; < 0.8 flags adverse impact (four-fifths rule).",
  reference: 'EEOC Uniform Guidelines, 29 CFR §1607.4(D)',
  make: () => (s) => {
    const benefit = s.column('benefit');
    const eligible = s.column('benefit_eligible');
    if (!benefit || groupsPresent(s) < 2) return { benefit_disparate_impact: null };
    const sizes = groupSizes(s);
    const k = sizes.length;
    const got = new Float64Array(k);
    const den = new Float64Array(k);
    let anyEligible = false;
    const { n, group } = s;
    if (k === 2 && benefit instanceof Uint8Array && eligible instanceof Uint8Array) {
      // two groups, byte columns: sums of 0/1 values in registers (1 when a byte is not 0)
      let b1 = 0, bg = 0, e1 = 0, eg = 0;
      for (let i = 0; i < n; i++) {
        const g = group[i]!, b = benefit[i]!, e = eligible[i]!, got1 = (b | -b) >>> 31, ok = (e | -e) >>> 31;
        b1 += got1;
        bg += got1 & g;
        e1 += ok;
        eg += ok & g;
      }
      got[0] = b1 - bg;
      got[1] = bg;
      den[0] = e1 - eg;
      den[1] = eg;
      anyEligible = e1 > 0;
    } else
      for (let i = 0; i < n; i++) {
        const g = group[i]!;
        if (benefit[i]) got[g]!++;
        if (eligible && eligible[i]) {
          den[g]!++;
          anyEligible = true;
        }
      }
    const d = anyEligible ? den : sizes;
    let lo = Infinity, hi = -Infinity, given = 0;
    for (let g = 0; g < k; g++) {
      if (sizes[g] === 0) continue;
      if (d[g] === 0) return { benefit_disparate_impact: null };
      const r = got[g]! / d[g]!;
      given += got[g]!;
      lo = Math.min(lo, r);
      hi = Math.max(hi, r);
    }
    if (given === 0 || !(hi > 0)) return { benefit_disparate_impact: null };
    return { benefit_disparate_impact: fin(lo / hi) };
  },
};

export const scoreGap: MetricSpec = {
  id: 'score_gap',
  columns: ['score_gap'],
  doc: 'Mean primary score of the majority minus that of the minority, in score units.',
  make: () => (s) => {
    const x = s.score;
    if (!x) return { score_gap: null };
    let s0 = 0, s1 = 0, n0 = 0, n1 = 0;
    const { n, group } = s;
    for (let i = 0; i < n; i++) {
      const g = group[i];
      if (g === 0) {
        s0 += x[i]!;
        n0++;
      } else if (g === 1) {
        s1 += x[i]!;
        n1++;
      }
    }
    return { score_gap: n0 > 0 && n1 > 0 ? fin(s0 / n0 - s1 / n1) : null };
  },
};
