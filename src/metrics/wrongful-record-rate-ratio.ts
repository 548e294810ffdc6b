/**
 * `wrongful_record_rate_ratio` — false-positive rate parity between the minority (group 1) and the
 * majority (group 0): P(mistaken record | no act, minority) ÷ P(mistaken record | no act, majority).
 *
 * Among agents with no true violation in the window (column `acted_window` = 0), the rate of a
 * mistaken record (`wrong_record_window` = 1) in the minority ÷ that in the majority. Null without
 * either column, when either group has no such agent, or when the majority rate is 0. The counts
 * are shared with `equalized_odds_gap` (fairness.ts).
 *
 * Reference: A. Chouldechova, "Fair prediction with disparate impact: a study of bias in recidivism
 * prediction instruments", Big Data 5(2):153–163 (2017).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { countsOf } from './fairness.js';
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
    const c = countsOf(s, acted);
    const den = [c[8]!, c[9]!], num = [c[10]!, c[11]!];
    if (den[0] === 0 || den[1] === 0 || num[0] === 0) return { wrongful_record_rate_ratio: null };
    return { wrongful_record_rate_ratio: fin(num[1]! / den[1]! / (num[0]! / den[0]!)) };
  },
};
