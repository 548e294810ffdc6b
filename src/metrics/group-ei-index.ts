/**
 * `group_ei_index` — Krackhardt–Stern E-I index of the network by group.
 *
 * E-I = (E − I) / (E + I), E = tie ends between groups (off-diagonal of the group mixing matrix,
 * group-mixing.ts), I = tie ends inside groups (diagonal); −1 when all ties are inside groups, +1
 * when all are between. Null with fewer than two groups present or without ties.
 *
 * Reference: D. Krackhardt & R. N. Stern, "Informal networks and organizational crises: an
 * experimental simulation", Social Psychology Quarterly 51(2):123–140 (1988).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { eiIndex, groupMatrix } from './group-mixing.js';

export const groupEiIndex: MetricSpec = {
  id: 'group_ei_index',
  columns: ['group_ei_index'],
  doc: 'Krackhardt–Stern E-I index (E − I)/(E + I) of ties between (E) and inside (I) groups; −1 when all ties are inside groups.',
  reference: 'Krackhardt & Stern, Social Psychology Quarterly 51:123 (1988)',
  needs: ['groups'], // the mixing matrix of the tie pass (groupMatrix)
  make: () => (s) => {
    const m = groupMatrix(s);
    return { group_ei_index: m ? eiIndex(m) : null };
  },
};
