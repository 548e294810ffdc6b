/**
 * `household_spillover` — correlation between a person's listing and the lost opportunities of
 * the other members of their household (association sanctions).
 *
 * Over agents whose household has at least one other member: x_i = 1 if i is on any blacklist now
 * (`anyBlack`), y_i = mean of column `lost_opportunities` over the OTHER members of i's household
 * = (S_h − L_i)/(N_h − 1). household_spillover = Pearson r(x, y). Null when either does not vary
 * (e.g. nobody listed, no lost opportunities), without blacklists or without the column.
 * O(n) with per-household sums; agents with a negative household id count as living alone.
 */
import type { MetricSpec } from '../core/snapshot.js';
import { pearson } from './util.js';

/** Mean of `value` over the other members of each agent's household (NaN when alone). */
export function othersMean(household: ArrayLike<number>, value: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = household.length;
  let max = -1;
  for (let i = 0; i < n; i++) if (household[i]! > max) max = household[i]!;
  const sum = new Float64Array(max + 1);
  const cnt = new Int32Array(max + 1);
  for (let i = 0; i < n; i++) {
    const h = household[i]!;
    if (h < 0) continue;
    sum[h]! += value[i]!;
    cnt[h]!++;
  }
  const y = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = household[i]!;
    y[i] = h >= 0 && cnt[h]! > 1 ? (sum[h]! - value[i]!) / (cnt[h]! - 1) : NaN;
  }
  return y;
}

export const householdSpillover: MetricSpec = {
  id: 'household_spillover',
  columns: ['household_spillover'],
  doc: "Pearson correlation between being on a blacklist and the mean lost opportunities of one's other household members.",
  make: () => {
    let y = new Float64Array(0);
    let mask = new Uint8Array(0);
    return (s) => {
      const lost = s.column('lost_opportunities');
      if (!lost || s.blackLists.length === 0) return { household_spillover: null };
      if (y.length !== s.n) {
        y = new Float64Array(s.n);
        mask = new Uint8Array(s.n);
      }
      othersMean(s.household, lost, y);
      for (let i = 0; i < s.n; i++) {
        const ok = y[i] === y[i]; // not NaN
        mask[i] = ok ? 1 : 0;
        if (!ok) y[i] = 0;
      }
      return { household_spillover: pearson(s.anyBlack, y, mask) };
    };
  },
};
