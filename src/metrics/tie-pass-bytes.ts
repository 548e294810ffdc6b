/**
 * The byte-key counts of the tie pass (k ≤ 8 classes, kg ≤ 2 groups): each agent's class (3 bits)
 * and group (1 bit) packed in a byte `kb`, and each tie end (i → j) counted with one lookup in a
 * table of 32-bit packed counts, indexed by ((kb_j XOR class_i) << 2) | layer code. XOR with i's
 * class leaves the low three bits zero exactly when the classes match, and keeps j's group bit
 * (bit 3), so the table needs no comparison:
 *   bits 0–7 the end is inside i's class, 8–15 j is in group 1, 16–23 inside and online (layer
 *   bit 2), 24–31 inside and offline (layer bit 1);
 * and the layer bits alone are added beside it (bits 0–7 offline, 8–15 online). Each field stays
 * below 256 for a block of fewer than 256 tie ends; a larger block, or one with a layer code above
 * 3, is counted field by field (`countBlock`). The per-agent counts are taken by the kernel
 * K_TIE_BYTE_COUNTS (src/core/kernels.ts, on the run's threads or inline) and added up here in
 * agent order (`combineByteKeys`), with the assortativity sums of the node values.
 *
 * Integer 32-bit adds with lookups were measured at 1M agents / 10M ties against the earlier
 * floating-point table fused with the gather of the node values: 45 ms for the counts and 35 ms
 * for the gather as two loops, against 390 ms for the fused loop (docs/benchmark.md).
 */

/** Packed counts of one tie end, indexed ((kb_j ^ class_i) << 2) | layer code (see the header). */
export const TIE_TABLE = new Int32Array(64);
for (let x = 0; x < 16; x++)
  for (let L = 0; L < 4; L++) {
    const same = (x & 7) === 0 ? 1 : 0;
    TIE_TABLE[(x << 2) | L] = same | ((x >> 3) << 8) | ((same & (L >> 1)) << 16) | ((same & L & 1) << 24);
  }

const B32 = 4294967296;

/**
 * The kernel's counts (K_TIE_BYTE_COUNTS, reading the layer codes) fused with the gather of the
 * neighbours' values, for one thread: per agent i, h[i] as the kernel writes it and acc[i] =
 * Σ_j v_j in slot order (the additions of K_NEIGHBOUR_SUMS). `v` may be a Float32Array holding the
 * values exactly (then half the bytes per tie end, the same doubles). On one thread one fused
 * loop beats the two when nothing keeps the sums for later (national-composite); the sums go to
 * src/core/neighbour-sums.ts all the same, for a next step that sums the same values.
 */
export function fusedByteCounts(
  n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, layer: Uint8Array, kb: Uint8Array, T: Int32Array,
  v: Float64Array | Float32Array, both: boolean, h: Float64Array, acc: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const d = deg[i]!, s = start[i]!, e2 = s + d, cl = kb[i]! & 7;
    let a = 0, c = 0, l = 0, lor = 0;
    if (both) {
      for (let e = s; e < e2; e++) {
        const j = targets[e]!;
        a += v[j]!;
        c = (c + T[((kb[j]! ^ cl) << 2) | 3]!) | 0;
      }
      l = d * 257;
    } else
      for (let e = s; e < e2; e++) {
        const j = targets[e]!, L = layer[e]!;
        a += v[j]!;
        lor |= L;
        c = (c + T[((kb[j]! ^ cl) << 2) | (L & 3)]!) | 0;
        l += (L & 1) | ((L & 2) << 7);
      }
    acc[i] = a;
    h[i] = d >= 256 || lor >= 4 ? -1 : (c >>> 0) + l * B32;
  }
}

/** Counts of a block field by field, into `blk`: for 256 or more tie ends (the packed fields could overflow) or a layer code above 3 (counted as the general pass counts it). */
const blk = new Float64Array(6);
function countBlock(targets: Int32Array, layer: Uint8Array, kb: Uint8Array, cl: number, s: number, e2: number): void {
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
 * Adds up the per-agent counts `h` (kernel K_TIE_BYTE_COUNTS: the table's sum, unsigned, + 2^32 × the layer sum; −1 where the
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
      const u = Math.floor(hp / B32), l = hp - u * B32;
      inn = l & 255;
      g1 = (l >>> 8) & 255;
      inOn = (l >>> 16) & 255;
      inOff = l >>> 24;
      off = u & 255;
      on = u >>> 8;
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
