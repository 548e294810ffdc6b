/**
 * The one-loop tie pass for the snapshot's five score strata when each neighbour's class can be
 * read off its score (tie-pass-kept.ts `quintileCuts`), with the group mixing kept apart: the counts of
 * tie-pass-bytes.ts `fusedByteKeys` without its read of a class array. Moved out of
 * tie-pass-bytes.ts as it was; it imports the helpers it shares with the byte-key pass.
 */

import type { AdjacencyView } from '../core/adjacency.js';
import { B32, blk, countBlock, exactFloat32, INV32, TIE_TABLE } from './tie-pass-bytes.js';

/**
 * The one-loop pass for five classes that are quintiles of the node values themselves (the
 * snapshot's score strata), with no groups in the pass (their mixing kept apart, tie-pass-kept.ts):
 * whether a neighbour j is in i's class is read off the value just gathered, lo ≤ v_j < hi with
 * [lo, hi) = [t[c], t[c + 1]) for i's class c, instead of from an array of classes. `t` holds
 * −∞, the values t1 < t2 < t3 < t4 at the first rank of classes 1–4, and +∞; each t_c is held by
 * that agent alone, so v_j ≥ t_c exactly when j's rank is at least that rank (the quantile labels
 * of argsort.ts). Everything else is as in `fusedByteKeys`: the same counts, the same sums in the
 * same order. That is one random read less per tie end (the class array's), and the two compares
 * cost next to nothing: measured alone on one thread, a loop of this shape took 5.0 ms at 100,000
 * agents and 1M ties (the gather by itself 4.8 ms, one that reads a class array 7.5–9.5 ms), and
 * 71 ms at 1M agents and 10M ties (gather 82 ms, class array 124–316 ms).
 */
function makeFusedCuts() {
  return function fusedCuts(
    n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, layer: Uint8Array, kb: Uint8Array, T: Float64Array,
    v: Float64Array | Float32Array, x: Float64Array, c: number, both: boolean, acc: Float64Array,
    t: Float64Array, inside: Float64Array, degree: Float64Array, mix: Float64Array, out: Float64Array,
  ): void {
    let slots = 0, sameAll = 0, onAll = 0, offAll = 0, sameOn = 0, sameOff = 0;
    let m2 = 0, s1 = 0, s2 = 0, sxy = 0, lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const d = deg[i]!, s = start[i]!, e2 = s + d, cl = kb[i]! & 7, from = t[cl]!, to = t[cl + 1]!;
      let a = 0, h = 0, hb = 0, lor = 0, e = s;
      if (both) {
        // every layer code 3: count the ends inside i's class, two per turn (a in plain-loop order)
        for (; e + 1 < e2; e += 2) {
          const y = v[targets[e]!]!, y2 = v[targets[e + 1]!]!;
          a += y;
          a += y2;
          hb += (+(y >= from) & +(y < to)) + (+(y2 >= from) & +(y2 < to));
        }
        if (e < e2) {
          const y = v[targets[e]!]!;
          a += y;
          hb += +(y >= from) & +(y < to);
        }
      } else {
        for (; e + 1 < e2; e += 2) {
          const y = v[targets[e]!]!, y2 = v[targets[e + 1]!]!, L = layer[e]!, L2 = layer[e + 1]!;
          a += y;
          a += y2;
          lor |= L | L2;
          h += T[((+(y < from) | +(y >= to)) << 2) | (L & 3)]! + T[((+(y2 < from) | +(y2 >= to)) << 2) | (L2 & 3)]!;
        }
        if (e < e2) {
          const y = v[targets[e]!]!, L = layer[e]!;
          a += y;
          lor |= L;
          h += T[((+(y < from) | +(y >= to)) << 2) | (L & 3)]!;
        }
      }
      acc[i] = a;
      if (d === 0) continue;
      let inn, on, off, inOn, inOff;
      if (both) {
        inn = inOn = inOff = hb;
        on = off = d;
      } else if (d < 256 && lor < 4) {
        const u = Math.floor(h * INV32), l = h - u * B32;
        inn = l & 255;
        on = (l >>> 16) & 255;
        off = l >>> 24;
        inOn = u & 255;
        inOff = u >>> 8;
      } else {
        countBlock(targets, layer, kb, cl, s, e2);
        inn = blk[0]!;
        on = blk[2]!;
        off = blk[3]!;
        inOn = blk[4]!;
        inOff = blk[5]!;
      }
      mix[0]! += d;
      inside[cl]! += inn;
      degree[cl]! += d;
      slots += d;
      sameAll += inn;
      onAll += on;
      offAll += off;
      sameOn += inOn;
      sameOff += inOff;
      const xi = x[i]! - c;
      if (xi < lo) lo = xi;
      if (xi > hi) hi = xi;
      m2 += d;
      s1 += d * xi;
      s2 += d * xi * xi;
      sxy += xi * (a - d * c);
    }
    out.set([slots, sameAll, onAll, offAll, sameOn, sameOff, m2, s1, s2, sxy, lo, hi]); // the order of `sums`
  };
}

const fusedCuts64 = makeFusedCuts();
const fusedCuts32 = makeFusedCuts();

/**
 * `fusedByteKeys` for the five score quintiles with class bounds `t` (−∞, the four cuts, +∞; see
 * makeFusedCuts) and no groups: kb holds the agents' own classes (read in agent order only).
 */
export function fusedCutKeys(
  n: number, a: AdjacencyView, kb: Uint8Array, v: Float64Array, c: number, both: boolean, acc: Float64Array,
  t: Float64Array, inside: Float64Array, degree: Float64Array, mix: Float64Array, out: Float64Array,
): void {
  const v32 = exactFloat32(v, n);
  if (v32) fusedCuts32(n, a.start, a.deg, a.targets, a.layer, kb, TIE_TABLE, v32, v, c, both, acc, t, inside, degree, mix, out);
  else fusedCuts64(n, a.start, a.deg, a.targets, a.layer, kb, TIE_TABLE, v, v, c, both, acc, t, inside, degree, mix, out);
}
