/**
 * `score_gap` — mean primary score of the majority (group 0) minus that of the minority (group 1),
 * in score units.
 *
 * score_gap = Σ_{g(i)=0} x_i / N_0 − Σ_{g(i)=1} x_i / N_1, x the primary score. Null without a score
 * or when either group is empty.
 *
 * Reference: docs/metrics.md lists none; the difference of group mean scores, as reported for credit
 * scores in Board of Governors of the Federal Reserve System, Report to the Congress on Credit
 * Scoring and Its Effects on the Availability and Affordability of Credit (2007).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin } from './util.js';

export const scoreGap: MetricSpec = {
  id: 'score_gap',
  columns: ['score_gap'],
  doc: 'Mean primary score of the majority minus that of the minority, in score units.',
  reference: 'Federal Reserve Board, Report to the Congress on Credit Scoring (2007)',
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
