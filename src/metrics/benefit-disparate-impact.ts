/**
 * `benefit_disparate_impact` — lowest group's rate of a benefit (credit approval, redlist, platform
 * access) ÷ highest group's; < 0.8 flags adverse impact under the four-fifths rule.
 *
 * Per group present, rate = (# benefit = 1) ÷ (# benefit_eligible = 1) (columns `benefit`,
 * `benefit_eligible`; when no agent at all is eligible the denominator is every agent of the
 * group); benefit_disparate_impact = lowest rate ÷ highest rate. Null without the `benefit` column,
 * with fewer than two groups, when a group has an empty denominator, or when no benefit was given
 * at all.
 *
 * Reference: Uniform Guidelines on Employee Selection Procedures, 29 CFR §1607.4(D) (four-fifths rule).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin, groupSizes, groupsPresent } from './util.js';

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
