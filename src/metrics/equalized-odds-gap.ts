/**
 * `equalized_odds_gap` — largest difference between the majority (group 0) and the minority
 * (group 1) in the true-positive or false-positive rate of listing.
 *
 * The prediction is "on a blacklist now" (`anyBlack`), the outcome "acted in the window"
 * (`acted_window` ≠ 0, any domain). TPR_g = P(listed | acted, g), FPR_g = P(listed | not acted, g);
 * gap = max(|TPR_1 − TPR_0|, |FPR_1 − FPR_0|) over the terms defined in both groups. Null without
 * the column `acted_window`, without blacklists, without two groups, or when neither term is defined.
 * The outcome is kept simple: an act before the window is not counted as a positive. The counts
 * are shared with `wrongful_record_rate_ratio` (fairness.ts).
 *
 * Reference: M. Hardt, E. Price & N. Srebro, "Equality of opportunity in supervised learning",
 * NeurIPS (2016).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { countsOf } from './fairness.js';
import { fin } from './util.js';

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
