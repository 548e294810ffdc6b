/**
 * Error-rate parity of listing between the majority (group 0) and the minority (group 1):
 * `wrongful_record_rate_ratio`, `equalized_odds_gap`.
 *
 * - wrongful_record_rate_ratio (false-positive rate parity): among agents with no true violation in
 *   the window (column `acted_window` = 0), the rate of a mistaken record (`wrong_record_window` = 1)
 *   in the minority ÷ that in the majority. Null when either group has no such agent, or when the
 *   majority rate is 0.
 * - equalized_odds_gap: the prediction is "on a blacklist now" (`anyBlack`), the outcome "acted in
 *   the window" (`acted_window` ≠ 0, any domain). TPR_g = P(listed | acted, g), FPR_g =
 *   P(listed | not acted, g); gap = max(|TPR_1 − TPR_0|, |FPR_1 − FPR_0|) over the terms defined in
 *   both groups. Null without blacklists, without two groups, or when neither term is defined.
 *   (The outcome is kept simple: an act before the window is not counted as a positive.)
 *
 * References: Chouldechova, "Fair prediction with disparate impact", Big Data 5(2):153 (2017);
 * Hardt, Price & Srebro, "Equality of opportunity in supervised learning", NeurIPS (2016).
 */
import type { MetricSpec, Snapshot } from '../core/snapshot.js';
import type { Column } from '../core/population.js';
import { fin, memo } from './util.js';

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
const countsOf = (s: Snapshot, acted: Column): Int32Array =>
  memo(s, 'fairness.counts', () => fairnessCounts(s.group, acted, s.anyBlack, s.column('wrong_record_window'), s.n));

export const wrongfulRecordRateRatio: MetricSpec = {
  id: 'wrongful_record_rate_ratio',
  columns: ['wrongful_record_rate_ratio'],
  doc: 'P(mistaken record | no act, minority) ÷ P(mistaken record | no act, majority) over the window.',
  reference: 'Chouldechova, Big Data 5:153 (2017)',
  make: () => (s) => {
    const acted = s.column('acted_window');
    const wrong = s.column('wrong_record_window');
    if (!acted || !wrong) return { wrongful_record_rate_ratio: null };
    const c = countsOf(s, acted);
    const den = [c[8]!, c[9]!], num = [c[10]!, c[11]!];
    if (den[0] === 0 || den[1] === 0 || num[0] === 0) return { wrongful_record_rate_ratio: null };
    return { wrongful_record_rate_ratio: fin(num[1]! / den[1]! / (num[0]! / den[0]!)) };
  },
};

export const equalizedOddsGap: MetricSpec = {
  id: 'equalized_odds_gap',
  columns: ['equalized_odds_gap'],
  doc: 'max(|ΔTPR|, |ΔFPR|) between groups, prediction = on a blacklist now, outcome = acted in the window.',
  reference: 'Hardt, Price & Srebro, NeurIPS (2016)',
  make: () => (s) => {
    const acted = s.column('acted_window');
    if (!acted || s.blackLists.length === 0) return { equalized_odds_gap: null };
    // [group][acted] → agents, listed
    const c = countsOf(s, acted);
    const n = [[c[0]!, c[1]!], [c[2]!, c[3]!]], l = [[c[4]!, c[5]!], [c[6]!, c[7]!]];
    let gap: number | null = null;
    for (const a of [0, 1]) {
      if (n[0]![a] === 0 || n[1]![a] === 0) continue;
      const d = Math.abs(l[1]![a]! / n[1]![a]! - l[0]![a]! / n[0]![a]!);
      gap = gap === null ? d : Math.max(gap, d);
    }
    return { equalized_odds_gap: fin(gap) };
  },
};
