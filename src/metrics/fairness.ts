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
import type { MetricSpec } from '../core/snapshot.js';
import { fin } from './util.js';

export const wrongfulRecordRateRatio: MetricSpec = {
  id: 'wrongful_record_rate_ratio',
  columns: ['wrongful_record_rate_ratio'],
  doc: 'P(mistaken record | no act, minority) ÷ P(mistaken record | no act, majority) over the window.',
  reference: 'Chouldechova, Big Data 5:153 (2017)',
  make: () => (s) => {
    const acted = s.column('acted_window');
    const wrong = s.column('wrong_record_window');
    if (!acted || !wrong) return { wrongful_record_rate_ratio: null };
    const den = [0, 0], num = [0, 0];
    const { n, group } = s;
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      if (g > 1 || acted[i]) continue;
      den[g]!++;
      if (wrong[i]) num[g]!++;
    }
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
    const n = [[0, 0], [0, 0]], l = [[0, 0], [0, 0]];
    const { group, anyBlack } = s;
    for (let i = 0; i < s.n; i++) {
      const g = group[i]!;
      if (g > 1) continue;
      const a = acted[i] ? 1 : 0;
      n[g]![a]!++;
      if (anyBlack[i]) l[g]![a]!++;
    }
    let gap: number | null = null;
    for (const a of [0, 1]) {
      if (n[0]![a] === 0 || n[1]![a] === 0) continue;
      const d = Math.abs(l[1]![a]! / n[1]![a]! - l[0]![a]! / n[0]![a]!);
      gap = gap === null ? d : Math.max(gap, d);
    }
    return { equalized_odds_gap: fin(gap) };
  },
};
