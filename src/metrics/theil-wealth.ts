/**
 * `theil_wealth` — Theil's T index of wealth, and its between-group part `theil_wealth_between`.
 *
 * T = (1/n) Σ_i (x_i/μ) ln(x_i/μ), with 0 ln 0 = 0; wealth is floored at 0 (debts count as no
 * wealth), as the logarithm needs x ≥ 0. Between-group part (groups of the `group` column):
 * T_between = Σ_g (N_g/N)(μ_g/μ) ln(μ_g/μ). Both are null when n = 0 or total (floored) wealth is 0;
 * T_between is also null with fewer than two groups present. Both come from one pass
 * (`theilWithBetween`, inequality.ts); the metric keeps the result and reuses it while wealth and
 * groups hold the same values (`snapshotValuesId`).
 *
 * Reference: H. Theil, Economics and Information Theory, North-Holland (1967).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { theilWithBetween } from './inequality.js';
import { snapshotValuesId } from './util.js';

export const theilWealth: MetricSpec = {
  id: 'theil_wealth',
  columns: ['theil_wealth', 'theil_wealth_between'],
  doc: "Theil's T of wealth (floored at 0), and its between-group part Σ_g (N_g/N)(μ_g/μ) ln(μ_g/μ).",
  reference: 'Theil, Economics and Information Theory (1967)',
  make: () => {
    // the logarithms are the cost: kept with the ids of their inputs, used again while those hold
    let wid = -1, gid = -1, last: [number | null, number | null] | null = null;
    return (s) => {
      const w = snapshotValuesId(s, 'wealth', s.wealth), g = snapshotValuesId(s, 'group', s.group);
      if (!last || w !== wid || g !== gid) {
        last = theilWithBetween(s.wealth, s.group);
        wid = w;
        gid = g;
      }
      return { theil_wealth: last[0], theil_wealth_between: last[1] };
    };
  },
};
