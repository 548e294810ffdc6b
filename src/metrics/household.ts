/**
 * `household_spillover` — correlation between a person's listing and the lost opportunities of
 * the other members of their household (association sanctions).
 *
 * Over agents whose household has at least one other member: x_i = 1 if i is on any blacklist now
 * (`anyBlack`), y_i = mean of column `lost_opportunities` over the OTHER members of i's household
 * = (S_h − L_i)/(N_h − 1). household_spillover = Pearson r(x, y). Null when either does not vary
 * (e.g. nobody listed, no lost opportunities), without blacklists or without the column.
 * O(n) with per-household sums; agents with a negative household id count as living alone.
 *
 * The households of a run do not change: the metric groups the agents once (the agents with a
 * housemate, in index order, and the size of their households) and keeps the grouping while the
 * household column holds the same ids (an O(n) check). The sums are those of `othersMean` and
 * `pearson`, in the same order. It returns null at once when the listing does not vary among
 * those agents, or when nobody among them lost an opportunity.
 *
 * Reference: docs/metrics.md lists none; the association sanctions it measures (a relative sanctioned
 * for a person's listing) are those of docs/model.md#association-sanctions; Pearson's r as in
 * util.ts.
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin, pearson, sameInts } from './util.js';

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

/** Agents with a housemate (ascending), their household ids, and the size of every household. */
interface Grouping {
  household: Int32Array;
  members: Int32Array;
  home: Int32Array;
  size: Int32Array;
}

function groupHouseholds(household: Int32Array): Grouping {
  const n = household.length;
  let max = -1;
  for (let i = 0; i < n; i++) if (household[i]! > max) max = household[i]!;
  const size = new Int32Array(max + 1);
  for (let i = 0; i < n; i++) {
    const h = household[i]!;
    if (h >= 0) size[h]!++;
  }
  let m = 0;
  for (let i = 0; i < n; i++) {
    const h = household[i]!;
    if (h >= 0 && size[h]! > 1) m++;
  }
  const members = new Int32Array(m), home = new Int32Array(m);
  for (let i = 0, k = 0; i < n; i++) {
    const h = household[i]!;
    if (h >= 0 && size[h]! > 1) {
      members[k] = i;
      home[k++] = h;
    }
  }
  return { household: household.slice(), members, home, size };
}

/** Pearson r of (x, y) over the agents of a grouping: the sums of `pearson` over the mask of `othersMean`, in its order. */
function spillover(g: Grouping, listed: Uint8Array, value: Float64Array, sum: Float64Array, y: Float64Array): number | null {
  const { members, home, size } = g;
  const c = members.length;
  if (c < 2) return null;
  // x constant (nobody listed, or everybody): Σ(x − x̄)² = 0
  const x0 = listed[members[0]!]!;
  let varies = false;
  for (let k = 1; k < c; k++)
    if (listed[members[k]!] !== x0) {
      varies = true;
      break;
    }
  if (!varies) return null;
  // nobody lost an opportunity: every y is 0, Σ(y − ȳ)² = 0
  let any = false;
  for (let k = 0; k < c; k++)
    if (value[k] !== 0) {
      any = true;
      break;
    }
  if (!any) return null;
  sum.fill(0);
  for (let k = 0; k < c; k++) sum[home[k]!]! += value[k]!;
  let sx = 0, sy = 0;
  for (let k = 0; k < c; k++) {
    const h = home[k]!;
    const v = (sum[h]! - value[k]!) / (size[h]! - 1);
    y[k] = v;
    sx += listed[members[k]!]!;
    sy += v;
  }
  const mx = sx / c, my = sy / c;
  let vxx = 0, vyy = 0, vxy = 0;
  for (let k = 0; k < c; k++) {
    const dx = listed[members[k]!]! - mx, dy = y[k]! - my;
    vxx += dx * dx;
    vyy += dy * dy;
    vxy += dx * dy;
  }
  if (!(vxx > 0 && vyy > 0)) return null;
  return fin(vxy / Math.sqrt(vxx * vyy));
}

export const householdSpillover: MetricSpec = {
  id: 'household_spillover',
  columns: ['household_spillover'],
  doc: "Pearson correlation between being on a blacklist and the mean lost opportunities of one's other household members.",
  make: () => {
    let g: Grouping | null = null;
    let sum = new Float64Array(0), y = new Float64Array(0), value = new Float64Array(0);
    return (s) => {
      const lost = s.column('lost_opportunities');
      if (!lost || s.blackLists.length === 0) return { household_spillover: null };
      if (!(s.household instanceof Int32Array) || !(s.anyBlack instanceof Uint8Array)) {
        // not the arrays of a world: the plain helpers
        const ys = othersMean(s.household, lost);
        const mask = new Uint8Array(s.n);
        for (let i = 0; i < s.n; i++) {
          const ok = ys[i] === ys[i];
          mask[i] = ok ? 1 : 0;
          if (!ok) ys[i] = 0;
        }
        return { household_spillover: pearson(s.anyBlack, ys, mask) };
      }
      if (!g || !sameInts(g.household, s.household)) {
        g = groupHouseholds(s.household);
        sum = new Float64Array(g.size.length);
        y = new Float64Array(g.members.length);
        value = new Float64Array(g.members.length);
      }
      const members = g.members;
      for (let k = 0; k < members.length; k++) value[k] = lost[members[k]!]!; // exact for every column kind
      return { household_spillover: spillover(g, s.anyBlack, value, sum, y) };
    };
  },
};
