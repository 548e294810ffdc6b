/**
 * The byte-key counts of the tie pass (k ≤ 8 classes, kg ≤ 2 groups): each agent's class (3 bits)
 * and group (1 bit) packed in a byte `kb`, and each tie end (i → j) counted with one lookup in a
 * 64-entry table of packed counts, indexed by ((kb_j XOR class_i) << 2) | layer code. XOR with i's
 * class leaves the low three bits zero exactly when the classes match, and keeps j's group bit
 * (bit 3), so the table needs no comparison. Its entries are doubles holding six 8-bit fields:
 *   bits 0–7 the end is inside i's class, 8–15 j is in group 1, 16–23 the layer is online (bit 2),
 *   24–31 offline (bit 1), 32–39 inside and online, 40–47 inside and offline;
 * sums of fewer than 256 entries stay exact integers below 2^48. A larger block, or one with a layer
 * code above 3, is counted field by field (`countBlock`). The per-agent counts are taken by the
 * kernel K_TIE_BYTE_COUNTS (src/core/kernels.ts, on the run's threads) and added up in agent order
 * by `combineByteKeys`; on one thread `fusedByteKeys` does all of it in one loop, with the gather of
 * the node values.
 *
 * Measured on national-composite's world at 1M agents / 6M ties (one thread, the loop alone): this
 * table with two tie ends per turn 68–101 ms, a 32-bit integer table with the layer bits summed
 * beside it 128–137 ms.
 */

import type { AdjacencyView } from '../core/adjacency.js';

/** Packed counts of one tie end, indexed ((kb_j ^ class_i) << 2) | layer code (see the header). */
export const TIE_TABLE = new Float64Array(64);
const B8 = 256, B16 = 65536, B24 = 16777216, B40 = 1099511627776;
/** 2^32, and its inverse (exact: a power of two), to split a packed count into its low and high words by a product, not a division. */
export const B32 = 4294967296, INV32 = 1 / B32;
for (let x = 0; x < 16; x++)
  for (let L = 0; L < 4; L++) {
    const same = (x & 7) === 0 ? 1 : 0, on = L >> 1, off = L & 1;
    TIE_TABLE[(x << 2) | L] = same + (x >> 3) * B8 + on * B16 + off * B24 + (same & on) * B32 + (same & off) * B40;
  }

/**
 * The whole byte-key pass in one loop, for one thread: per agent, the kernel's packed counts
 * (K_TIE_BYTE_COUNTS) and the gather of the neighbours' values `v` (acc[i] = Σ_j v_j in slot order,
 * the additions of K_NEIGHBOUR_SUMS, stored for src/core/neighbour-sums.ts), added up at once as
 * `combineByteKeys` adds them (the same operations in the same order, so the same totals bit for
 * bit; `x` holds the values as doubles for the agent's own terms). `v` may be a Float32 copy that
 * holds the values exactly (half the bytes per tie end). On one thread this beats the kernels and
 * the combine pass apart (national-composite at 1M: 80–115 ms against 110–141 ms) by not writing
 * and reading back two arrays of n. Made twice (for Float64 values and Float32 copies): V8 keeps
 * type feedback per closure, so each reads one kind of array.
 */
function makeFusedByteKeys() {
  return function fusedByteKeys(
    n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, layer: Uint8Array, kb: Uint8Array, T: Float64Array,
    v: Float64Array | Float32Array, x: Float64Array, c: number, both: boolean, acc: Float64Array,
    G: number, inside: Float64Array, degree: Float64Array, mix: Float64Array, out: Float64Array,
  ): void {
    let slots = 0, sameAll = 0, onAll = 0, offAll = 0, sameOn = 0, sameOff = 0;
    let m2 = 0, s1 = 0, s2 = 0, sxy = 0, lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const d = deg[i]!, s = start[i]!, e2 = s + d, ki = kb[i]!, cl = ki & 7;
      let a = 0, h = 0, lor = 0, e = s;
      if (both) {
        // every layer code 3: the codes are not read
        for (; e + 1 < e2; e += 2) {
          const j = targets[e]!, j2 = targets[e + 1]!;
          a += v[j]!;
          a += v[j2]!; // two tie ends per turn; a keeps the order of a plain loop
          h += T[((kb[j]! ^ cl) << 2) | 3]! + T[((kb[j2]! ^ cl) << 2) | 3]!;
        }
        if (e < e2) {
          const j = targets[e]!;
          a += v[j]!;
          h += T[((kb[j]! ^ cl) << 2) | 3]!;
        }
      } else {
        for (; e + 1 < e2; e += 2) {
          const j = targets[e]!, j2 = targets[e + 1]!, L = layer[e]!, L2 = layer[e + 1]!;
          a += v[j]!;
          a += v[j2]!;
          lor |= L | L2;
          h += T[((kb[j]! ^ cl) << 2) | (L & 3)]! + T[((kb[j2]! ^ cl) << 2) | (L2 & 3)]!;
        }
        if (e < e2) {
          const j = targets[e]!, L = layer[e]!;
          a += v[j]!;
          lor |= L;
          h += T[((kb[j]! ^ cl) << 2) | (L & 3)]!;
        }
      }
      acc[i] = a;
      if (d === 0) continue;
      let inn, g1, on, off, inOn, inOff;
      if (d < 256 && lor < 4) {
        const u = Math.floor(h * INV32), l = h - u * B32;
        inn = l & 255;
        g1 = (l >>> 8) & 255;
        on = (l >>> 16) & 255;
        off = l >>> 24;
        inOn = u & 255;
        inOff = u >>> 8;
      } else {
        countBlock(targets, layer, kb, cl, s, e2);
        inn = blk[0]!;
        g1 = blk[1]!;
        on = blk[2]!;
        off = blk[3]!;
        inOn = blk[4]!;
        inOff = blk[5]!;
      }
      const row = (ki >> 3) * G;
      mix[row]! += d - g1;
      if (G === 2) mix[row + 1]! += g1;
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

const fusedByteKeys64 = makeFusedByteKeys(); // reads Float64 values
const fusedByteKeys32 = makeFusedByteKeys(); // reads a Float32 copy that holds them exactly

let f32 = new Float32Array(0);

/** v[0, n) as Float32 when every value is one exactly (scores on a grid: national-composite's), else null. */
export function exactFloat32(v: Float64Array, n: number): Float32Array | null {
  if (f32.length < n) f32 = new Float32Array(n);
  const out = f32;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    out[i] = x;
    if (out[i] !== x) return null; // NaN too: then the Float64 values
  }
  return out;
}

/** The one-loop pass over `a`'s ties, from a Float32 copy of v when it holds the values exactly (see makeFusedByteKeys). */
export function fusedByteKeys(
  n: number, a: AdjacencyView, kb: Uint8Array, v: Float64Array, c: number, both: boolean, acc: Float64Array,
  G: number, inside: Float64Array, degree: Float64Array, mix: Float64Array, out: Float64Array,
): void {
  const v32 = exactFloat32(v, n);
  if (v32) fusedByteKeys32(n, a.start, a.deg, a.targets, a.layer, kb, TIE_TABLE, v32, v, c, both, acc, G, inside, degree, mix, out);
  else fusedByteKeys64(n, a.start, a.deg, a.targets, a.layer, kb, TIE_TABLE, v, v, c, both, acc, G, inside, degree, mix, out);
}

/** Counts of a block field by field, into `blk`: for 256 or more tie ends (the packed fields could overflow) or a layer code above 3 (counted as the general pass counts it). */
export const blk = new Float64Array(6);
/** Fills `blk` with the six counts of the tie ends [s, e2) of an agent of class `cl` (see the header's fields). */
export function countBlock(targets: Int32Array, layer: Uint8Array, kb: Uint8Array, cl: number, s: number, e2: number): void {
  let inn = 0, g1 = 0, on = 0, off = 0, inOn = 0, inOff = 0;
  for (let e = s; e < e2; e++) {
    const kj = kb[targets[e]!]!, L = layer[e]!, same = (kj & 7) === cl ? 1 : 0;
    inn += same;
    g1 += kj >> 3;
    on += L >> 1;
    off += L & 1;
    inOn += (L >> 1) & same;
    inOff += L & same;
  }
  blk[0] = inn;
  blk[1] = g1;
  blk[2] = on;
  blk[3] = off;
  blk[4] = inOn;
  blk[5] = inOff;
}

/**
 * Adds up the per-agent counts `h` (kernel K_TIE_BYTE_COUNTS: the sum of the table's entries; −1 where the
 * block is counted here field by field) in agent order, with the assortativity sums of `v` (mean c)
 * from the neighbours' sums `acc` (src/core/neighbour-sums.ts; null without node values): the sums
 * of a plain loop over the tie ends, bit for bit. Totals into `out` (see `sums` in tie-pass-loops.ts).
 */
export function combineByteKeys(
  n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, layer: Uint8Array, kb: Uint8Array, h: Float64Array,
  v: Float64Array | null, acc: Float64Array | null, c: number, G: number, inside: Float64Array, degree: Float64Array, mix: Float64Array, out: Float64Array,
): void {
  let slots = 0, sameAll = 0, onAll = 0, offAll = 0, sameOn = 0, sameOff = 0;
  let m2 = 0, s1 = 0, s2 = 0, sxy = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = deg[i]!;
    if (d === 0) continue;
    const ki = kb[i]!, cl = ki & 7, hp = h[i]!;
    let inn, g1, on, off, inOn, inOff;
    if (hp >= 0) {
      const u = Math.floor(hp * INV32), l = hp - u * B32;
      inn = l & 255;
      g1 = (l >>> 8) & 255;
      on = (l >>> 16) & 255;
      off = l >>> 24;
      inOn = u & 255;
      inOff = u >>> 8;
    } else {
      countBlock(targets, layer, kb, cl, start[i]!, start[i]! + d);
      inn = blk[0]!;
      g1 = blk[1]!;
      on = blk[2]!;
      off = blk[3]!;
      inOn = blk[4]!;
      inOff = blk[5]!;
    }
    const row = (ki >> 3) * G;
    mix[row]! += d - g1;
    if (G === 2) mix[row + 1]! += g1;
    inside[cl]! += inn;
    degree[cl]! += d;
    slots += d;
    sameAll += inn;
    onAll += on;
    offAll += off;
    sameOn += inOn;
    sameOff += inOff;
    if (!v || !acc) continue;
    const xi = v[i]! - c;
    if (xi < lo) lo = xi;
    if (xi > hi) hi = xi;
    m2 += d;
    s1 += d * xi;
    s2 += d * xi * xi;
    sxy += xi * (acc[i]! - d * c);
  }
  out.set([slots, sameAll, onAll, offAll, sameOn, sameOff, m2, s1, s2, sxy, lo, hi]); // the order of `sums`
}
