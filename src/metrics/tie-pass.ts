/**
 * One pass over the tie ends for the label-based network metrics (score strata and groups), so
 * that `stratum_modularity`, `cross_stratum_tie_share*`, `group_assortativity`, `group_ei_index`
 * and `group_freeman_segregation` together cost one read of the adjacency.
 *
 * For every ordered tie end (i → j) (both directions of every tie) it counts, for a partition
 * `labels` into k classes: tie ends inside each class, degree sums per class, and tie ends by
 * layer code and same / different class (`byLayer[layer << 1 | same]`); and, for a second
 * partition `groups` into kg classes, the kg × kg mixing matrix. The two labels are packed into one
 * 16-bit key per agent so each tie end costs one random read.
 */
import type { AdjacencyView } from '../core/adjacency.js';
import type { Snapshot } from '../core/snapshot.js';
import { groupSizes, memo, scoreQuantile, type Num } from './util.js';

export interface TiePass {
  /** Σ degrees = 2m. */
  slots: number;
  k: number;
  /** Tie ends inside each class of `labels`. */
  inside: Float64Array;
  /** Sum of degrees per class of `labels`. */
  degree: Float64Array;
  /** Tie ends by (layer code << 1 | same class of `labels`), layer codes 0–3. */
  byLayer: Float64Array;
  kg: number;
  /** kg × kg mixing matrix of `groups`, row-major. */
  mix: Float64Array;
}

/** Counts tie ends by class; pass null (k = 0) for a partition that is not needed. Labels < 256. */
export function tiePass(adj: AdjacencyView, labels: Num | null, k: number, groups: Num | null, kg: number): TiePass {
  const { n, start, deg, targets, layer } = adj;
  const key = new Uint16Array(n);
  for (let i = 0; i < n; i++) key[i] = (labels ? labels[i]! : 0) | ((groups ? groups[i]! : 0) << 8);
  const K = Math.max(k, 1), G = Math.max(kg, 1);
  const inside = new Float64Array(K);
  const degree = new Float64Array(K);
  const byLayer = new Float64Array(8);
  const mix = new Float64Array(G * G);
  let slots = 0;
  for (let i = 0; i < n; i++) {
    const d = deg[i]!;
    if (d === 0) continue;
    const ki = key[i]!;
    const c = ki & 255;
    const row = (ki >> 8) * G;
    const s = start[i]!;
    let inn = 0;
    for (let e = s; e < s + d; e++) {
      const kj = key[targets[e]!]!;
      const same = (kj & 255) === c ? 1 : 0;
      inn += same;
      byLayer[(layer[e]! << 1) | same]!++;
      mix[row + (kj >> 8)]!++;
    }
    inside[c]! += inn;
    degree[c]! += d;
    slots += d;
  }
  return { slots, k, inside, degree, byLayer, kg, mix };
}

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

/** Share of tie ends (= of ties) joining different classes, among ties whose layer code has `bit` (0 = all). */
export function crossShareOf(p: TiePass, bit: number): number | null {
  let tot = 0, cross = 0;
  for (let L = 0; L < 4; L++) {
    if (bit !== 0 && !(L & bit)) continue;
    tot += p.byLayer[L << 1]! + p.byLayer[(L << 1) | 1]!;
    cross += p.byLayer[L << 1]!;
  }
  return tot > 0 ? cross / tot : null;
}

/** The mixing matrix of `groups` as rows. */
export function mixOf(p: TiePass): number[][] {
  const G = Math.max(p.kg, 1);
  return Array.from({ length: p.kg }, (_, g) => Array.from(p.mix.subarray(g * G, g * G + p.kg)));
}

/** The pass of a snapshot: score quintiles (when there is a score) and groups; once per snapshot. */
export function snapshotTiePass(s: Snapshot): TiePass {
  return memo(s, 'tie-pass', () => {
    const q = scoreQuantile(s, 5);
    return tiePass(s.adj, q, q ? 5 : 0, s.group, groupSizes(s).length);
  });
}
