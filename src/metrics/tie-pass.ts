/**
 * One pass over the tie ends for the network metrics, so that `score_assortativity`,
 * `stratum_modularity`, `cross_stratum_tie_share*`, `group_assortativity`, `group_ei_index` and
 * `group_freeman_segregation` together cost one read of the adjacency.
 *
 * For every ordered tie end (i → j) (both directions of every tie) it counts, for a partition
 * `labels` into k classes: tie ends inside each class, degree sums per class, and tie ends by
 * layer bit (online 2, offline 1) and same / different class; for a second partition `groups`
 * into kg classes, the kg × kg mixing matrix; and, for node values `x`, the sums of Newman's
 * scalar assortativity (score-assortativity.ts), in the order and form that function uses.
 * The two labels are packed into one 16-bit key per agent so each tie end costs one random read
 * (two with `x`); the counters of an agent's tie ends stay in local variables. Layer counts: when
 * every tie end of an agent has layer code 3 (both) or 0 (a sum test), they follow from the class
 * counts; otherwise the agent's block, still in cache, is read again to count them, and once more
 * than a quarter of the agents so far mixed layer codes, every block is counted in full at once.
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
  /** With `x`: [Σk, Σk·x′, Σk·x′², Σ x′_i(Σ_j x_j − k·c), min x′, max x′] over agents with ties, x′ = x − c, c = mean x. */
  xsums: Float64Array | null;
}

let key = new Uint16Array(0);
let xf = new Float64Array(0);
let zeros = new Float64Array(0);

/** Counts tie ends by class (pass null, k = 0 for a partition not needed) and, with `x`, the assortativity sums. Labels < 256. */
export function tiePass(adj: AdjacencyView, labels: Num | null, k: number, groups: Num | null, kg: number, x: Num | null = null): TiePass {
  if (k > 256 || kg > 256) throw new Error(`metrics: the tie pass takes at most 256 classes, got ${Math.max(k, kg)}`);
  const { n, start, deg, targets, layer } = adj;
  if (key.length < n) key = new Uint16Array(n);
  const kk = key;
  for (let i = 0; i < n; i++) kk[i] = (labels ? labels[i]! : 0) | ((groups ? groups[i]! : 0) << 8);
  let v: Float64Array, c = 0;
  if (x instanceof Float64Array) v = x;
  else if (x) {
    if (xf.length < n) xf = new Float64Array(n);
    v = xf;
    for (let i = 0; i < n; i++) v[i] = x[i]!; // exact for Float32 and plain numbers
  } else v = zeros.length < n ? (zeros = new Float64Array(n)) : zeros; // read, never written
  if (x) for (let i = 0; i < n; i++) c += v[i]!;
  c = n > 0 ? c / n : 0;
  const K = Math.max(k, 1), G = Math.max(kg, 1);
  const inside = new Float64Array(K), degree = new Float64Array(K), mix = new Float64Array(G * G);
  const wantLayers = labels !== null; // layer counts feed only the cross-stratum shares
  let slots = 0, sameAll = 0, onAll = 0, offAll = 0, sameOn = 0, sameOff = 0, mixed = 0, inline = G > 2;
  let m2 = 0, s1 = 0, s2 = 0, sxy = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = deg[i]!;
    if (d === 0) continue;
    const ki = kk[i]!, cl = ki & 255, gi = ki >> 8, s = start[i]!, e2 = s + d;
    let inn = 0, g1 = 0, ls = 0, acc = 0;
    const fast = !inline;
    let recount = inline;
    if (fast) {
      let e = s;
      for (; e + 1 < e2; e += 2) {
        // two tie ends per turn; acc keeps the order of a plain loop
        const j = targets[e]!, j2 = targets[e + 1]!, kj = kk[j]!, kj2 = kk[j2]!;
        acc += v[j]!; // zeros without x
        acc += v[j2]!;
        inn += ((((kj ^ cl) & 255) - 1) >>> 31) + ((((kj2 ^ cl) & 255) - 1) >>> 31); // 1 when the classes match
        g1 += (kj >> 8) + (kj2 >> 8);
        ls += layer[e]! + layer[e + 1]!;
      }
      if (e < e2) {
        const j = targets[e]!, kj = kk[j]!;
        acc += v[j]!;
        inn += (((kj ^ cl) & 255) - 1) >>> 31;
        g1 += kj >> 8;
        ls += layer[e]!;
      }
      if (!wantLayers) {
        // no score partition: the layer counts are not reported, so mixed codes need no recount
      } else if (ls === 3 * d) {
        onAll += d;
        offAll += d;
        sameOn += inn;
        sameOff += inn;
      } else if (ls !== 0) {
        recount = true; // mixed layer codes: read the block again (once a quarter of agents mix, always)
        inline = ++mixed * 4 > i + 64;
      }
    }
    if (recount) {
      const row = gi * G;
      let on = 0, off = 0, inOn = 0, inOff = 0;
      inn = g1 = 0;
      for (let e = s; e < e2; e++) {
        const j = targets[e]!, kj = kk[j]!, L = layer[e]!;
        if (!fast) acc += v[j]!;
        const same = (((kj ^ cl) & 255) - 1) >>> 31;
        inn += same;
        on += L >> 1;
        off += L & 1;
        inOn += (L >> 1) & same;
        inOff += L & same;
        if (G > 2) mix[row + (kj >> 8)]!++;
        else g1 += kj >> 8;
      }
      onAll += on;
      offAll += off;
      sameOn += inOn;
      sameOff += inOff;
    }
    if (G <= 2) {
      mix[gi * G]! += d - g1;
      if (G === 2) mix[gi * G + 1]! += g1;
    }
    inside[cl]! += inn;
    degree[cl]! += d;
    slots += d;
    sameAll += inn;
    const xi = v[i]! - c;
    if (xi < lo) lo = xi;
    if (xi > hi) hi = xi;
    m2 += d;
    s1 += d * xi;
    s2 += d * xi * xi;
    sxy += xi * (acc - d * c);
  }
  const xsums = x ? Float64Array.of(m2, s1, s2, sxy, lo, hi) : null;
  return { slots, k, inside, degree, same: [sameAll, sameOn, sameOff], total: [slots, onAll, offAll], kg, mix, xsums };
}

/** The pass of a snapshot: score quintiles and score sums (when there is a score) and groups; once per snapshot. */
export function snapshotTiePass(s: Snapshot): TiePass {
  return memo(s, 'tie-pass', () => {
    const q = scoreQuantile(s, 5);
    return tiePass(s.adj, q, q ? 5 : 0, s.group, groupSizes(s).length, s.score);
  });
}
