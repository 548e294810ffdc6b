/**
 * One pass over the tie ends for the label-based network metrics (score strata and groups), so
 * that `stratum_modularity`, `cross_stratum_tie_share*`, `group_assortativity`, `group_ei_index`
 * and `group_freeman_segregation` together cost one read of the adjacency.
 *
 * For every ordered tie end (i → j) (both directions of every tie) it counts, for a partition
 * `labels` into k classes: tie ends inside each class, degree sums per class, and tie ends by
 * layer bit (online 2, offline 1) and same / different class; and, for a second
 * partition `groups` into kg classes, the kg × kg mixing matrix. The two labels are packed into one
 * 16-bit key per agent so each tie end costs one random read, and the counters of an agent's
 * tie ends stay in local variables (no table increment per tie end when there are ≤ 2 groups).
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
  /** Tie ends [all, online (layer bit 2), offline (layer bit 1)]. */
  total: [number, number, number];
  /** Of those, tie ends inside a class of `labels`. */
  same: [number, number, number];
  kg: number;
  /** kg × kg mixing matrix of `groups`, row-major. */
  mix: Float64Array;
}

/** Counts tie ends by class; pass null (k = 0) for a partition that is not needed. Labels < 256. */
export function tiePass(adj: AdjacencyView, labels: Num | null, k: number, groups: Num | null, kg: number): TiePass {
  if (k > 256 || kg > 256) throw new Error(`metrics: the tie pass takes at most 256 classes, got ${Math.max(k, kg)}`);
  const { n, start, deg, targets, layer } = adj;
  const key = new Uint16Array(n);
  for (let i = 0; i < n; i++) key[i] = (labels ? labels[i]! : 0) | ((groups ? groups[i]! : 0) << 8);
  const K = Math.max(k, 1), G = Math.max(kg, 1);
  const inside = new Float64Array(K);
  const degree = new Float64Array(K);
  let sameAll = 0, onAll = 0, offAll = 0, sameOn = 0, sameOff = 0;
  const mix = new Float64Array(G * G);
  let slots = 0;
  // Counters stay in registers inside the loop over an agent's tie ends (branch-free for layers).
  for (let i = 0; i < n; i++) {
    const d = deg[i]!;
    if (d === 0) continue;
    const ki = key[i]!;
    const c = ki & 255;
    const gi = ki >> 8;
    const s = start[i]!;
    let inn = 0, on = 0, off = 0, inOn = 0, inOff = 0, g1 = 0;
    if (G <= 2) {
      for (let e = s; e < s + d; e++) {
        const kj = key[targets[e]!]!;
        const same = (((kj ^ c) & 255) - 1) >>> 31; // 1 when the classes match (branch-free)
        const L = layer[e]!;
        inn += same;
        on += L >> 1;
        off += L & 1;
        inOn += (L >> 1) & same;
        inOff += L & same;
        g1 += kj >> 8;
      }
      mix[gi * G]! += d - g1;
      if (G === 2) mix[gi * G + 1]! += g1;
    } else {
      const row = gi * G;
      for (let e = s; e < s + d; e++) {
        const kj = key[targets[e]!]!;
        const same = (((kj ^ c) & 255) - 1) >>> 31; // 1 when the classes match (branch-free)
        const L = layer[e]!;
        inn += same;
        on += L >> 1;
        off += L & 1;
        inOn += (L >> 1) & same;
        inOff += L & same;
        mix[row + (kj >> 8)]!++;
      }
    }
    inside[c]! += inn;
    degree[c]! += d;
    slots += d;
    sameAll += inn;
    onAll += on;
    offAll += off;
    sameOn += inOn;
    sameOff += inOff;
  }
  return { slots, k, inside, degree, same: [sameAll, sameOn, sameOff], total: [slots, onAll, offAll], kg, mix };
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

/** Share of tie ends (= of ties) joining different classes: all ties (0), online (2) or offline (1). */
export function crossShareOf(p: TiePass, layerBit: 0 | 1 | 2): number | null {
  const b = layerBit === 0 ? 0 : layerBit === 2 ? 1 : 2;
  return p.total[b] > 0 ? (p.total[b] - p.same[b]) / p.total[b] : null;
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
