/**
 * The hot loops of the tie pass (tie-pass.ts): one specialised loop per case, so that each sees a
 * single array type — groups only, byte keys with or without node values, and the general case.
 * The totals go to the shared `sums` scratch: [slots, same, on, off, same on, same off, Σk, Σk·x′,
 * Σk·x′², Σx′(Σx − k·c), min x′, max x′].
 */
import type { AdjacencyView } from '../core/adjacency.js';
import type { Num } from './util.js';

let key = new Uint16Array(0);
let zeros = new Float64Array(0);

/** Totals of the byte-key loops: [slots, same, on, off, same on, same off, Σk, Σk·x′, Σk·x′², Σx′(Σx − k·c), min x′, max x′]. */
export const sums = new Float64Array(12);

/**
 * Groups only (no labels, no x), kg ≤ 2: the sum of the neighbours' group codes per agent. With
 * two groups, only the blocks of the smaller group are read: every tie is stored in both
 * directions, so the tie ends from group 0 to group 1 are as many as those from 1 to 0, and each
 * row of the mixing matrix sums to the degrees of its group.
 */
export function groupsOnly(n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, g: Uint8Array, G: number, mix: Float64Array, out: Float64Array): void {
  let ones = 0, bits = 0;
  for (let i = 0; i < n; i++) {
    const gi = g[i]!;
    ones += gi;
    bits |= gi;
  }
  let slots = 0;
  if (G === 2 && bits <= 1) {
    const h = 2 * ones <= n ? 1 : 0; // the smaller group
    let d1 = 0, toOne = 0, all = 0; // degrees of group 1; of group h: ends to group 1, all ends
    for (let i = 0; i < n; i++) {
      const d = deg[i]!, gi = g[i]!;
      slots += d;
      d1 += d * gi;
      if (gi !== h || d === 0) continue;
      const s = start[i]!, e2 = s + d;
      let g1 = 0, e = s;
      for (; e + 1 < e2; e += 2) g1 += g[targets[e]!]! + g[targets[e + 1]!]!;
      if (e < e2) g1 += g[targets[e]!]!;
      toOne += g1;
      all += d;
    }
    if (h === 1) {
      mix[3] = toOne;
      mix[2] = mix[1] = all - toOne;
      mix[0] = slots - d1 - mix[1]!;
    } else {
      mix[1] = mix[2] = toOne;
      mix[0] = all - toOne;
      mix[3] = d1 - mix[2]!;
    }
  } else
    for (let i = 0; i < n; i++) {
      const d = deg[i]!;
      if (d === 0) continue;
      const s = start[i]!, e2 = s + d;
      let g1 = 0, e = s;
      for (; e + 1 < e2; e += 2) g1 += g[targets[e]!]! + g[targets[e + 1]!]!;
      if (e < e2) g1 += g[targets[e]!]!;
      const row = g[i]! * G;
      mix[row]! += d - g1;
      if (G === 2) mix[row + 1]! += g1;
      slots += d;
    }
  out[0] = slots;
  out[1] = slots; // one class: every tie end is inside it
}

/**
 * Node values only (no labels, no groups): the assortativity sums of `v` (mean c), in the order of
 * a plain loop — the same additions, in the same order, as `byteKeys` and `general` make for them,
 * so the sums are bit-identical whichever loop took them. Totals into `out` (slots and the sums).
 */
export function scoreSums(n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, v: Float64Array, c: number, out: Float64Array): void {
  let m2 = 0, s1 = 0, s2 = 0, sxy = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = deg[i]!;
    if (d === 0) continue;
    const s = start[i]!, e2 = s + d;
    let acc = 0, e = s;
    for (; e + 1 < e2; e += 2) {
      acc += v[targets[e]!]!;
      acc += v[targets[e + 1]!]!;
    }
    if (e < e2) acc += v[targets[e]!]!;
    const xi = v[i]! - c;
    if (xi < lo) lo = xi;
    if (xi > hi) hi = xi;
    m2 += d;
    s1 += d * xi;
    s2 += d * xi * xi;
    sxy += xi * (acc - d * c);
  }
  out.set([m2, m2, 0, 0, 0, 0, m2, s1, s2, sxy, lo, hi]); // the order of `sums` (one class: every tie end inside it)
}

/**
 * Any k and kg (≤ 256): the two labels packed into 16 bits per agent. Layer counts: when every tie
 * end of an agent has layer code 3 (both) or 0 (a sum test), they follow from the class counts;
 * otherwise the agent's block, still in cache, is read again to count them, and once more than a
 * quarter of the agents so far mixed layer codes, every block is counted in full at once.
 */
export function general(
  adj: AdjacencyView, labels: Num | null, groups: Num | null, x: Float64Array | null, c: number, G: number,
  inside: Float64Array, degree: Float64Array, mix: Float64Array,
): void {
  const { n, start, deg, targets, layer } = adj;
  if (key.length < n) key = new Uint16Array(n);
  const kk = key;
  for (let i = 0; i < n; i++) kk[i] = (labels ? labels[i]! : 0) | ((groups ? groups[i]! : 0) << 8);
  const v = x ?? (zeros.length < n ? (zeros = new Float64Array(n)) : zeros); // zeros: read, never written
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
  sums.set([slots, sameAll, onAll, offAll, sameOn, sameOff, m2, s1, s2, sxy, lo, hi]); // the order of `sums`
}

