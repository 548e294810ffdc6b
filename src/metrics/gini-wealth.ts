/**
 * `gini_wealth` — Gini coefficient of wealth.
 *
 * G = Σ_i Σ_j |x_i − x_j| / (2 n² μ) (n² form), computed on the agents in ascending wealth order as
 * Σ_r (2r − n + 1) x_(r) / (n Σ x) (inequality.ts). Wealth is used as it is: debt (negative wealth)
 * is allowed and can push G above 1. Null when n = 0 or mean wealth ≤ 0.
 *
 * Reference: C. Gini, "Variabilità e mutabilità" (1912).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { giniOrdered } from './inequality.js';
import { snapshotValuesId, wealthOrder } from './util.js';

export const giniWealth: MetricSpec = {
  id: 'gini_wealth',
  columns: ['gini_wealth'],
  doc: 'Gini coefficient of wealth, G = ΣΣ|x_i − x_j|/(2n²μ).',
  reference: 'Gini, Variabilità e mutabilità (1912)',
  make: () => {
    // kept with the id of the wealth it was computed from, used again while wealth holds the same
    // values (a read of the sorted wealth, one random read per agent, saved)
    let wid = -1, last: number | null = null;
    return (s) => {
      const id = snapshotValuesId(s, 'wealth', s.wealth);
      if (id !== wid) {
        last = giniOrdered(s.wealth, wealthOrder(s));
        wid = id;
      }
      return { gini_wealth: last };
    };
  },
};
