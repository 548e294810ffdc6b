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
 * The pass of `makeFusedCuts` where every layer code is 3, in two loops: first each agent's sum of
 * its neighbours' values and its count of neighbours inside its class (acc[i], hb[i]), four agents
 * side by side as the neighbour-sums kernel of src/core/kernels.ts (each sum in slot order: the
 * bits of the one-agent loop); then the totals, agent by agent in agent order, exactly as the
 * one-loop pass adds them. The gather's reads are random and overlap four agents at a time; the
 * second loop reads acc and hb in order. The remainder goes first and nothing follows a main loop
 * (the TAILS note of src/core/kernels.ts).
 */
function makeCutSums() {
  return function cutSums(
    n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, kb: Uint8Array, t: Float64Array,
    v: Float64Array | Float32Array, acc: Float64Array, hb: Int32Array,
  ): void {
    let i = 0;
    for (; i < (n & 3); i++) {
      const st = start[i]!, e = st + deg[i]!, cl = kb[i]! & 7, from = t[cl]!, to = t[cl + 1]!;
      let a = 0, h = 0;
      for (let k = st; k < e; k++) {
        const y = v[targets[k]!]!;
        a += y;
        h += +(y >= from) & +(y < to);
      }
      acc[i] = a;
      hb[i] = h;
    }
    for (; i < n; i += 4) {
      const s1 = start[i]!, d1 = deg[i]!, s2 = start[i + 1]!, d2 = deg[i + 1]!;
      const s3 = start[i + 2]!, d3 = deg[i + 2]!, s4 = start[i + 3]!, d4 = deg[i + 3]!;
      const c1 = kb[i]! & 7, c2 = kb[i + 1]! & 7, c3 = kb[i + 2]! & 7, c4 = kb[i + 3]! & 7;
      const f1 = t[c1]!, u1 = t[c1 + 1]!, f2 = t[c2]!, u2 = t[c2 + 1]!, f3 = t[c3]!, u3 = t[c3 + 1]!, f4 = t[c4]!, u4 = t[c4 + 1]!;
      const m12 = d1 < d2 ? d1 : d2, m34 = d3 < d4 ? d3 : d4, m = m12 < m34 ? m12 : m34;
      let a1 = 0, a2 = 0, a3 = 0, a4 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, k = 0;
      for (; k < m; k++) {
        const y1 = v[targets[s1 + k]!]!, y2 = v[targets[s2 + k]!]!, y3 = v[targets[s3 + k]!]!, y4 = v[targets[s4 + k]!]!;
        a1 += y1;
        a2 += y2;
        a3 += y3;
        a4 += y4;
        h1 += +(y1 >= f1) & +(y1 < u1);
        h2 += +(y2 >= f2) & +(y2 < u2);
        h3 += +(y3 >= f3) & +(y3 < u3);
        h4 += +(y4 >= f4) & +(y4 < u4);
      }
      for (let q = k; q < d1; q++) {
        const y = v[targets[s1 + q]!]!;
        a1 += y;
        h1 += +(y >= f1) & +(y < u1);
      }
      for (let q = k; q < d2; q++) {
        const y = v[targets[s2 + q]!]!;
        a2 += y;
        h2 += +(y >= f2) & +(y < u2);
      }
      for (let q = k; q < d3; q++) {
        const y = v[targets[s3 + q]!]!;
        a3 += y;
        h3 += +(y >= f3) & +(y < u3);
      }
      for (let q = k; q < d4; q++) {
        const y = v[targets[s4 + q]!]!;
        a4 += y;
        h4 += +(y >= f4) & +(y < u4);
      }
      acc[i] = a1;
      acc[i + 1] = a2;
      acc[i + 2] = a3;
      acc[i + 3] = a4;
      hb[i] = h1;
      hb[i + 1] = h2;
      hb[i + 2] = h3;
      hb[i + 3] = h4;
    }
  };
}

const cutSums64 = makeCutSums();
const cutSums32 = makeCutSums();

/** The totals of `cutSums`' counts and sums, agent by agent, as the one-loop pass adds them (every layer code 3). Returns them in the order of `sums`. */
function cutTotals(
  n: number, deg: Int32Array, kb: Uint8Array, x: Float64Array, c: number, acc: Float64Array, hb: Int32Array,
  inside: Float64Array, degree: Float64Array, mix: Float64Array,
): number[] {
  let slots = 0, sameAll = 0, m2 = 0, s1 = 0, s2 = 0, sxy = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = deg[i]!;
    if (d === 0) continue;
    const cl = kb[i]! & 7, inn = hb[i]!, a = acc[i]!;
    mix[0]! += d;
    inside[cl]! += inn;
    degree[cl]! += d;
    slots += d;
    sameAll += inn;
    const xi = x[i]! - c;
    if (xi < lo) lo = xi;
    if (xi > hi) hi = xi;
    m2 += d;
    s1 += d * xi;
    s2 += d * xi * xi;
    sxy += xi * (a - d * c);
  }
  return [slots, sameAll, slots, slots, sameAll, sameAll, m2, s1, s2, sxy, lo, hi];
}

let hbOwn = new Int32Array(0);

/**
 * `fusedByteKeys` for the five score quintiles with class bounds `t` (−∞, the four cuts, +∞; see
 * makeFusedCuts) and no groups: kb holds the agents' own classes (read in agent order only).
 */
export function fusedCutKeys(
  n: number, a: AdjacencyView, kb: Uint8Array, v: Float64Array, c: number, both: boolean, acc: Float64Array,
  t: Float64Array, inside: Float64Array, degree: Float64Array, mix: Float64Array, out: Float64Array,
): void {
  const v32 = exactFloat32(v, n);
  if (both) {
    if (hbOwn.length < n) hbOwn = new Int32Array(n);
    if (v32) cutSums32(n, a.start, a.deg, a.targets, kb, t, v32, acc, hbOwn);
    else cutSums64(n, a.start, a.deg, a.targets, kb, t, v, acc, hbOwn);
    out.set(cutTotals(n, a.deg, kb, v, c, acc, hbOwn, inside, degree, mix));
    return;
  }
  if (v32) fusedCuts32(n, a.start, a.deg, a.targets, a.layer, kb, TIE_TABLE, v32, v, c, both, acc, t, inside, degree, mix, out);
  else fusedCuts64(n, a.start, a.deg, a.targets, a.layer, kb, TIE_TABLE, v, v, c, both, acc, t, inside, degree, mix, out);
}
