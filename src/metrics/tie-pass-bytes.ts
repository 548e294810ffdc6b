/**
 * Byte-key loops of the tie pass: each agent's class (3 bits) and group (1 bit) packed in a byte,
 * each tie end counted with one lookup in a table of packed counts (LUT); with node values, the
 * assortativity sums in the same order as a plain loop. Totals go to the `out` scratch the caller passes.
 * (One loop serves passes with and without node values: without, it reads an array of zeros.)
 */

/** Packed counts of one tie end: index (own class << 6) | (neighbour byte << 2) | layer code. */
const B8 = 256, B16 = 65536, B24 = 16777216, B32 = 4294967296, B40 = 1099511627776;
export const LUT = new Float64Array(8 * 64);
for (let cl = 0; cl < 8; cl++)
  for (let kb = 0; kb < 16; kb++)
    for (let L = 0; L < 4; L++) {
      const same = (kb & 7) === cl ? 1 : 0, on = L >> 1, off = L & 1;
      LUT[(cl << 6) | (kb << 2) | L] = same + (kb >> 3) * B8 + on * B16 + off * B24 + (same & on) * B32 + (same & off) * B40;
    }

/** Fields of a packed count `h` (see LUT): bits 0–7 of the low word, 8–15, … and of the high word. */
const lowOf = (h: number): number => h - Math.floor(h / B32) * B32;
const highOf = (h: number): number => Math.floor(h / B32);

/** Counts of a block field by field, into `blk`: for 256 or more tie ends (the fields of the table could overflow) or a layer code above 3 (counted as the general pass counts it). */
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
 * k ≤ 8 classes, kg ≤ 2 groups: table counts per tie end (see the header) and the assortativity
 * sums of `v` (mean c); totals into `out` (see `sums` in tie-pass-loops.ts). Without node values
 * the caller passes zeros (the sums are then not reported).
 */
export function byteKeys(
  n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, layer: Uint8Array, kb: Uint8Array, v: Float64Array, c: number,
  G: number, inside: Float64Array, degree: Float64Array, mix: Float64Array, out: Float64Array,
): void {
  const T = LUT;
  let slots = 0, sameAll = 0, onAll = 0, offAll = 0, sameOn = 0, sameOff = 0;
  let m2 = 0, s1 = 0, s2 = 0, sxy = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = deg[i]!;
    if (d === 0) continue;
    const ki = kb[i]!, cl = ki & 7, s = start[i]!, e2 = s + d;
    let acc = 0, inn, g1, on, off, inOn, inOff;
    let h = 0, lor = 0;
    if (d < 256) {
      const base = cl << 6;
      let e = s;
      for (; e + 1 < e2; e += 2) {
        // two tie ends per turn; acc keeps the order of a plain loop
        const j = targets[e]!, j2 = targets[e + 1]!, L = layer[e]!, L2 = layer[e + 1]!;
        acc += v[j]!;
        acc += v[j2]!;
        lor |= L | L2;
        h += T[base + (kb[j]! << 2) + (L & 3)]! + T[base + (kb[j2]! << 2) + (L2 & 3)]!;
      }
      if (e < e2) {
        const j = targets[e]!, L = layer[e]!;
        acc += v[j]!;
        lor |= L;
        h += T[base + (kb[j]! << 2) + (L & 3)]!;
      }
    } else for (let e = s; e < e2; e++) acc += v[targets[e]!]!;
    if (d < 256 && lor < 4) {
      const l = lowOf(h), u = highOf(h);
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
    const xi = v[i]! - c;
    if (xi < lo) lo = xi;
    if (xi > hi) hi = xi;
    m2 += d;
    s1 += d * xi;
    s2 += d * xi * xi;
    sxy += xi * (acc - d * c);
  }
  out.set([slots, sameAll, onAll, offAll, sameOn, sameOff, m2, s1, s2, sxy, lo, hi]); // the order of `sums`
}


/**
 * `byteKeys` reading the node values from a Float32Array that holds them exactly (the caller checks):
 * the same doubles in the same order, half the bytes gathered per tie end. (A copy, so that each
 * loop sees one kind of array.)
 *
 * k ≤ 8 classes, kg ≤ 2 groups: table counts per tie end (see the header) and the assortativity
 * sums of `v` (mean c); totals into `out` (see `sums` in tie-pass-loops.ts). Without node values
 * the caller passes zeros (the sums are then not reported).
 */
export function byteKeys32(
  n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, layer: Uint8Array, kb: Uint8Array, v: Float32Array, c: number,
  G: number, inside: Float64Array, degree: Float64Array, mix: Float64Array, out: Float64Array,
): void {
  const T = LUT;
  let slots = 0, sameAll = 0, onAll = 0, offAll = 0, sameOn = 0, sameOff = 0;
  let m2 = 0, s1 = 0, s2 = 0, sxy = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = deg[i]!;
    if (d === 0) continue;
    const ki = kb[i]!, cl = ki & 7, s = start[i]!, e2 = s + d;
    let acc = 0, inn, g1, on, off, inOn, inOff;
    let h = 0, lor = 0;
    if (d < 256) {
      const base = cl << 6;
      let e = s;
      for (; e + 1 < e2; e += 2) {
        // two tie ends per turn; acc keeps the order of a plain loop
        const j = targets[e]!, j2 = targets[e + 1]!, L = layer[e]!, L2 = layer[e + 1]!;
        acc += v[j]!;
        acc += v[j2]!;
        lor |= L | L2;
        h += T[base + (kb[j]! << 2) + (L & 3)]! + T[base + (kb[j2]! << 2) + (L2 & 3)]!;
      }
      if (e < e2) {
        const j = targets[e]!, L = layer[e]!;
        acc += v[j]!;
        lor |= L;
        h += T[base + (kb[j]! << 2) + (L & 3)]!;
      }
    } else for (let e = s; e < e2; e++) acc += v[targets[e]!]!;
    if (d < 256 && lor < 4) {
      const l = lowOf(h), u = highOf(h);
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
    const xi = v[i]! - c;
    if (xi < lo) lo = xi;
    if (xi > hi) hi = xi;
    m2 += d;
    s1 += d * xi;
    s2 += d * xi * xi;
    sxy += xi * (acc - d * c);
  }
  out.set([slots, sameAll, onAll, offAll, sameOn, sameOff, m2, s1, s2, sxy, lo, hi]); // the order of `sums`
}


/**
 * `byteKeys` in two parts, for the run's threads: the packed counts of each agent's tie ends `h`
 * (kernel K_TIE_BYTE_COUNTS, −1 where the block is counted here field by field) and the
 * neighbours' sums `acc` of `v` (src/core/neighbour-sums.ts; null without node values) come in
 * per agent; this loop adds them up in agent order, with the same operations as `byteKeys`: the
 * same totals, bit for bit.
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
    const ki = kb[i]!, cl = ki & 7, hi8 = h[i]!;
    let inn, g1, on, off, inOn, inOff;
    if (hi8 >= 0) {
      const l = lowOf(hi8), u = highOf(hi8);
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
