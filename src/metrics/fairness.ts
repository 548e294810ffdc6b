/**
 * Shared counts of the error-rate parity metrics (no metric of its own), used by
 * wrongful-record-rate-ratio.ts and equalized-odds-gap.ts.
 *
 * - `fairnessCounts(group, acted, listed, wrong, n)`: one pass over the agents of the majority
 *   (group 0) and the minority (group 1), counting by group and by acted / not acted, the listed
 *   among them, and the agents with no act and a mistaken record.
 * - `countsOf(s, acted)`: those counts for a snapshot (`acted_window`, `anyBlack`,
 *   `wrong_record_window`), computed once per snapshot under the memo key `fairness.counts` and
 *   shared by both metrics.
 */
import type { Snapshot } from '../core/snapshot.js';
import type { Column } from '../core/population.js';
import { memo } from './util.js';

/** 1 where a byte is not 0 (`(b | −b) >>> 31`), without a branch. */
const bit = (b: number): number => (b | -b) >>> 31;

/**
 * Counts over the agents of groups 0 and 1: c[2g + a] agents with acted = a (a = 1 when
 * `acted` ≠ 0), c[4 + 2g + a] of them listed, c[8 + g] of them with no act and c[10 + g] of
 * those with a mistaken record (`wrong`; without it, 0).
 */
function fairnessCounts(group: Uint8Array, acted: Column, listed: Uint8Array, wrong: Column | undefined, n: number): Int32Array {
  const c = new Int32Array(12);
  if (acted instanceof Uint8Array && (wrong === undefined || wrong instanceof Uint8Array)) {
    // sums of 0/1 products in registers (no counter in memory): all, group 1, acted, both; the
    // same for the listed; no act with a mistaken record, and of those in group 1
    const w = wrong ?? acted; // without `wrong`, its counts are dropped below
    let all = 0, g1 = 0, a1 = 0, ga = 0, l = 0, lg = 0, la = 0, lga = 0, wn = 0, wng = 0;
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      if (g > 1) continue;
      const a = bit(acted[i]!), b = bit(listed[i]!), x = g & a, wr = bit(w[i]!) & (a ^ 1);
      all++;
      g1 += g;
      a1 += a;
      ga += x;
      l += b;
      lg += b & g;
      la += b & a;
      lga += b & x;
      wn += wr;
      wng += wr & g;
    }
    c[0] = all - g1 - a1 + ga;
    c[1] = a1 - ga;
    c[2] = g1 - ga;
    c[3] = ga;
    c[4] = l - lg - la + lga;
    c[5] = la - lga;
    c[6] = lg - lga;
    c[7] = lga;
    c[8] = c[0];
    c[9] = c[2];
    c[10] = wrong ? wn - wng : 0;
    c[11] = wrong ? wng : 0;
  } else {
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      if (g > 1) continue;
      const a = acted[i] ? 1 : 0, k = (g << 1) | a;
      c[k]!++;
      if (listed[i]) c[4 + k]!++;
      if (!a) {
        c[8 + g]!++;
        if (wrong && wrong[i]) c[10 + g]!++;
      }
    }
  }
  return c;
}

/** The counts of a snapshot with column `acted_window` (shared by both metrics). */
export const countsOf = (s: Snapshot, acted: Column): Int32Array =>
  memo(s, 'fairness.counts', () => fairnessCounts(s.group, acted, s.anyBlack, s.column('wrong_record_window'), s.n));
