/**
 * Score strata on the network: `stratum_modularity` and `cross_stratum_tie_share`
 * (+ `cross_stratum_tie_share_online`, `cross_stratum_tie_share_offline`).
 *
 * Strata are score quintiles: agents ranked by primary score (ties broken by agent index),
 * quintile = floor(5 · rank / n).
 *
 * Modularity of the partition c (Newman & Girvan 2004, eq. 5, in the form of Newman 2006):
 *   Q = (1/2m) Σ_ij [A_ij − k_i k_j / 2m] δ(c_i, c_j) = Σ_c [ e_c / 2m − (K_c / 2m)² ],
 * e_c = ordered tie ends inside c (twice its internal ties), K_c = sum of degrees in c.
 * Cross-stratum tie share = ties joining agents of different quintiles ÷ ties; the `_online`
 * (`_offline`) variant restricts both counts to ties whose layer code has bit 2 (bit 1) set.
 * All are null without a score or without (matching) ties. Counting is shared with the group
 * metrics in one pass over the tie ends (tie-pass.ts).
 *
 * Reference: M. E. J. Newman & M. Girvan, "Finding and evaluating community structure in
 * networks", Phys. Rev. E 69, 026113 (2004).
 */
import { LAYER_OFFLINE, LAYER_ONLINE, type AdjacencyView } from '../core/adjacency.js';
import type { MetricSpec } from '../core/snapshot.js';
import { snapshotTiePass, tiePass, type TiePass } from './tie-pass.js';
import type { Num } from './util.js';

/** Modularity Q = Σ_c [inside_c / 2m − (degree_c / 2m)²] of the `labels` partition; null without ties. */
export function modularityOf(p: TiePass): number | null {
  if (p.slots === 0) return null;
  let q = 0;
  for (let c = 0; c < p.k; c++) {
    const a = p.degree[c]! / p.slots;
    q += p.inside[c]! / p.slots - a * a;
  }
  return Number.isFinite(q) ? q : null;
}

/** Share of tie ends (= of ties) joining different classes: all ties (0), online (2) or offline (1). */
export function crossShareOf(p: TiePass, layerBit: 0 | 1 | 2): number | null {
  const b = layerBit === 0 ? 0 : layerBit === 2 ? 1 : 2;
  return p.total[b] > 0 ? (p.total[b] - p.same[b]) / p.total[b] : null;
}

/** Modularity Q of the partition `labels` (integers 0 … k−1, k ≤ 256); null without ties. */
export function modularity(adj: AdjacencyView, labels: Num, k?: number): number | null {
  let kk = k ?? 0;
  if (k === undefined) for (let i = 0; i < adj.n; i++) kk = Math.max(kk, labels[i]! + 1);
  return modularityOf(tiePass(adj, labels, kk, null, 0));
}

/** Share of ties joining different classes of `labels`, among ties whose layer has `layerBit` (0 = all). */
export function crossLabelShare(adj: AdjacencyView, labels: Num, layerBit: 0 | 1 | 2 = 0): number | null {
  let k = 0;
  for (let i = 0; i < adj.n; i++) k = Math.max(k, labels[i]! + 1);
  return crossShareOf(tiePass(adj, labels, k, null, 0), layerBit);
}

export const stratumModularity: MetricSpec = {
  id: 'stratum_modularity',
  columns: ['stratum_modularity'],
  doc: 'Modularity Q of the partition of agents into score quintiles (ties of every layer).',
  reference: 'Newman & Girvan, Phys. Rev. E 69:026113 (2004)',
  make: () => (s) => ({ stratum_modularity: s.score ? modularityOf(snapshotTiePass(s)) : null }),
};

export const crossStratumTieShare: MetricSpec = {
  id: 'cross_stratum_tie_share',
  columns: ['cross_stratum_tie_share', 'cross_stratum_tie_share_online', 'cross_stratum_tie_share_offline'],
  doc: 'Share of ties joining agents in different score quintiles; also among online ties (layer bit 2) and offline ties (layer bit 1).',
  make: () => (s) => {
    const p = s.score ? snapshotTiePass(s) : null;
    return {
      cross_stratum_tie_share: p && crossShareOf(p, 0),
      cross_stratum_tie_share_online: p && crossShareOf(p, LAYER_ONLINE),
      cross_stratum_tie_share_offline: p && crossShareOf(p, LAYER_OFFLINE),
    };
  },
};
