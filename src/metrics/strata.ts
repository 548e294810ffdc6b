/**
 * Partition helpers on the network (no metric of its own), used by stratum-modularity.ts and
 * cross-stratum-tie-share.ts.
 *
 * Modularity of a partition c (Newman & Girvan 2004, eq. 5, in the form of Newman 2006):
 *   Q = (1/2m) Σ_ij [A_ij − k_i k_j / 2m] δ(c_i, c_j) = Σ_c [ e_c / 2m − (K_c / 2m)² ],
 * e_c = ordered tie ends inside c (twice its internal ties), K_c = sum of degrees in c.
 * Cross-label tie share = ties joining agents of different classes ÷ ties, among all ties or only
 * those whose layer code has bit 2 (online) or bit 1 (offline) set. Both are null without
 * (matching) ties. `modularityOf` and `crossShareOf` read the counts of a tie pass (tie-pass.ts:
 * for a snapshot, the shared pass that also serves the group metrics); `modularity` and
 * `crossLabelShare` run a pass of their own over any graph and labels.
 *
 * Reference: M. E. J. Newman & M. Girvan, "Finding and evaluating community structure in
 * networks", Phys. Rev. E 69, 026113 (2004).
 */
import type { AdjacencyView } from '../core/adjacency.js';
import { tiePass, type TiePass } from './tie-pass.js';
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
