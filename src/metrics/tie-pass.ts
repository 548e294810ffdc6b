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
 *
 * The pass is a handful of specialised loops (each site sees one kind of array, and an agent's
 * counters stay in registers):
 * - groups only, kg ≤ 2 (the group metrics without a score): the sum of the neighbours' group
 *   codes, one byte read per tie end;
 * - k ≤ 8 classes and kg ≤ 2 groups (the snapshot pass: score quintiles and two groups): the two
 *   labels are packed into one byte per agent, and each tie end adds one entry of a small table,
 *   indexed by (own class, the neighbour's byte, the layer code), whose 8-bit fields count at once
 *   the tie end, whether the classes match, the neighbour's group and the layer bits (exact for
 *   agents of degree < 256; larger blocks are counted field by field). With `x`, the same loop
 *   sums the neighbours' values in storage order;
 * - anything else (more classes or groups): the two labels packed into 16 bits per agent, every
 *   tie end counted in full.
 * Layer codes are two bits (offline 1, online 2, both 3). All counts are integers, so the order of
 * counting does not matter; the sums of `x` keep the order of a plain loop.
 */
import type { AdjacencyView } from '../core/adjacency.js';
import type { Snapshot } from '../core/snapshot.js';
import { copyGraph, graphIs, groupSizes, memo, scoreQuantile, snapshotValuesId, type Num } from './util.js';

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
let key8 = new Uint8Array(0);
let xf = new Float64Array(0);
let zeros = new Float64Array(0);

/** Packed counts of one tie end: index (own class << 6) | (neighbour byte << 2) | layer code. */
const B8 = 256, B16 = 65536, B24 = 16777216, B32 = 4294967296, B40 = 1099511627776;
const LUT = new Float64Array(8 * 64);
for (let cl = 0; cl < 8; cl++)
  for (let kb = 0; kb < 16; kb++)
    for (let L = 0; L < 4; L++) {
      const same = (kb & 7) === cl ? 1 : 0, on = L >> 1, off = L & 1;
      LUT[(cl << 6) | (kb << 2) | L] = same + (kb >> 3) * B8 + on * B16 + off * B24 + (same & on) * B32 + (same & off) * B40;
    }

/** Fields of a packed count `h` (see LUT): bits 0–7 of the low word, 8–15, … and of the high word. */
const lowOf = (h: number): number => h - Math.floor(h / B32) * B32;
const highOf = (h: number): number => Math.floor(h / B32);

function emptyPass(k: number, kg: number): TiePass {
  const K = Math.max(k, 1), G = Math.max(kg, 1);
  return {
    slots: 0,
    k,
    inside: new Float64Array(K),
    degree: new Float64Array(K),
    total: [0, 0, 0],
    same: [0, 0, 0],
    kg,
    mix: new Float64Array(G * G),
    xsums: null,
  };
}

/** Totals of the byte-key loops: [slots, same, on, off, same on, same off, Σk, Σk·x′, Σk·x′², Σx′(Σx − k·c), min x′, max x′]. */
const sums = new Float64Array(12);

/** Counts tie ends by class (pass null, k = 0 for a partition not needed) and, with `x`, the assortativity sums. Labels < 256. */
export function tiePass(adj: AdjacencyView, labels: Num | null, k: number, groups: Num | null, kg: number, x: Num | null = null): TiePass {
  if (k > 256 || kg > 256) throw new Error(`metrics: the tie pass takes at most 256 classes, got ${Math.max(k, kg)}`);
  const n = adj.n;
  let v: Float64Array | null = null, c = 0;
  if (x instanceof Float64Array) v = x;
  else if (x) {
    if (xf.length < n) xf = new Float64Array(n);
    v = xf;
    for (let i = 0; i < n; i++) v[i] = x[i]!; // exact for Float32 and plain numbers
  }
  if (v) {
    for (let i = 0; i < n; i++) c += v[i]!;
    c = n > 0 ? c / n : 0;
  }
  const p = emptyPass(k, kg);
  let fits = kg <= 2 && k <= 8;
  if (fits) {
    // the byte loops pack a label (3 bits) and a group (1 bit): check the codes fit
    let lb = 0, gb = 0;
    if (labels) for (let i = 0; i < n; i++) lb |= labels[i]!;
    if (groups) for (let i = 0; i < n; i++) gb |= groups[i]!;
    fits = lb >= 0 && lb < 8 && gb >= 0 && gb < 2;
  }
  if (fits) {
    if (key8.length < n) key8 = new Uint8Array(n);
    const kb = key8;
    const G = Math.max(kg, 1), wantLayers = labels !== null;
    sums.fill(0);
    if (!labels && !v) {
      let g: Uint8Array;
      if (groups instanceof Uint8Array) g = groups;
      else {
        g = kb;
        if (groups) for (let i = 0; i < n; i++) g[i] = groups[i]!;
        else g.fill(0, 0, n);
      }
      groupsOnly(n, adj.start, adj.deg, adj.targets, g, G, p.mix, sums);
      p.inside[0] = p.degree[0] = sums[1]!;
    } else {
      if (labels) for (let i = 0; i < n; i++) kb[i] = labels[i]!;
      else kb.fill(0, 0, n);
      if (groups) for (let i = 0; i < n; i++) kb[i] |= groups[i]! << 3;
      if (v) byteKeysX(n, adj.start, adj.deg, adj.targets, adj.layer, kb, v, c, G, p.inside, p.degree, p.mix, sums);
      else byteKeys(n, adj.start, adj.deg, adj.targets, adj.layer, kb, G, p.inside, p.degree, p.mix, sums);
      if (!wantLayers) sums[2] = sums[3] = sums[4] = sums[5] = 0; // layer counts feed only the cross-stratum shares
      if (v) p.xsums = sums.slice(6, 12);
    }
    p.slots = sums[0]!;
    p.total = [sums[0]!, sums[2]!, sums[3]!];
    p.same = [sums[1]!, sums[4]!, sums[5]!];
  } else {
    general(adj, labels, groups, v, c, Math.max(kg, 1), p.inside, p.degree, p.mix);
    p.slots = sums[0]!;
    p.total = [sums[0]!, sums[2]!, sums[3]!];
    p.same = [sums[1]!, sums[4]!, sums[5]!];
    if (v) p.xsums = sums.slice(6, 12);
  }
  return p;
}

/**
 * Groups only (no labels, no x), kg ≤ 2: the sum of the neighbours' group codes per agent. With
 * two groups, only the blocks of the smaller group are read: every tie is stored in both
 * directions, so the tie ends from group 0 to group 1 are as many as those from 1 to 0, and each
 * row of the mixing matrix sums to the degrees of its group.
 */
function groupsOnly(n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, g: Uint8Array, G: number, mix: Float64Array, out: Float64Array): void {
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

/** k ≤ 8 classes, kg ≤ 2 groups, no x: table counts per tie end (see the header); totals into `out` (see `sums`). */
function byteKeys(
  n: number, start: Int32Array, deg: Int32Array, targets: Int32Array, layer: Uint8Array, kb: Uint8Array, G: number,
  inside: Float64Array, degree: Float64Array, mix: Float64Array, out: Float64Array,
): void {
  const T = LUT;
  let slots = 0, sameAll = 0, onAll = 0, offAll = 0, sameOn = 0, sameOff = 0;
  for (let i = 0; i < n; i++) {
    const d = deg[i]!;
    if (d === 0) continue;
    const ki = kb[i]!, cl = ki & 7, s = start[i]!, e2 = s + d;
    let inn, g1, on, off, inOn, inOff;
    let h = 0, lor = 0;
    if (d < 256) {
      const base = cl << 6;
      let e = s;
      for (; e + 1 < e2; e += 2) {
        const L = layer[e]!, L2 = layer[e + 1]!;
        lor |= L | L2;
        h += T[base + (kb[targets[e]!]! << 2) + (L & 3)]! + T[base + (kb[targets[e + 1]!]! << 2) + (L2 & 3)]!;
      }
      if (e < e2) {
        const L = layer[e]!;
        lor |= L;
        h += T[base + (kb[targets[e]!]! << 2) + (L & 3)]!;
      }
    }
    if (d < 256 && lor < 4) {
      const lo = lowOf(h), hi = highOf(h);
      inn = lo & 255;
      g1 = (lo >>> 8) & 255;
      on = (lo >>> 16) & 255;
      off = lo >>> 24;
      inOn = hi & 255;
      inOff = hi >>> 8;
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
  }
  out[0] = slots;
  out[1] = sameAll;
  out[2] = onAll;
  out[3] = offAll;
  out[4] = sameOn;
  out[5] = sameOff;
}

/** As `byteKeys`, with the assortativity sums of `v` (mean c) into out[6 …]. */
function byteKeysX(
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
  out[0] = slots;
  out[1] = sameAll;
  out[2] = onAll;
  out[3] = offAll;
  out[4] = sameOn;
  out[5] = sameOff;
  out[6] = m2;
  out[7] = s1;
  out[8] = s2;
  out[9] = sxy;
  out[10] = lo;
  out[11] = hi;
}

/**
 * Any k and kg (≤ 256): the two labels packed into 16 bits per agent. Layer counts: when every tie
 * end of an agent has layer code 3 (both) or 0 (a sum test), they follow from the class counts;
 * otherwise the agent's block, still in cache, is read again to count them, and once more than a
 * quarter of the agents so far mixed layer codes, every block is counted in full at once.
 */
function general(
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
  const o = sums;
  o[0] = slots;
  o[1] = sameAll;
  o[2] = onAll;
  o[3] = offAll;
  o[4] = sameOn;
  o[5] = sameOff;
  o[6] = m2;
  o[7] = s1;
  o[8] = s2;
  o[9] = sxy;
  o[10] = lo;
  o[11] = hi;
}

interface LastPass {
  group: number;
  score: number;
  /** Id of the graph copy the pass was computed on, or −1. */
  graph: number;
  pass: TiePass;
  /** Snapshots in a row whose pass could not be used again. */
  misses: number;
}
const lastPass = new WeakMap<object, LastPass>();

/**
 * The pass of a snapshot: score quintiles and score sums (when there is a score) and groups; once
 * per snapshot. With a score, when the groups and scores still hold the values of the last pass
 * (an O(n) check) and the graph equals the copy taken with it (`graphIs`), the last pass is used
 * again. The copy costs a memory copy of the adjacency, so while passes cannot be used again
 * (scores change every step) it is taken less and less often: after 1, 2, 4 … 64 misses in a row.
 * Without a score the pass (groups only) costs less than the compare and is always made.
 */
export function snapshotTiePass(s: Snapshot): TiePass {
  return memo(s, 'tie-pass', () => {
    if (!s.score) return tiePass(s.adj, null, 0, s.group, groupSizes(s).length, null);
    const group = snapshotValuesId(s, 'group', s.group), score = snapshotValuesId(s, 'score', s.score);
    const last = lastPass.get(s.adj);
    if (last && last.group === group && last.score === score && last.graph >= 0 && graphIs(s, last.graph)) {
      last.misses = 0;
      return last.pass;
    }
    const q = scoreQuantile(s, 5);
    const pass = tiePass(s.adj, q, q ? 5 : 0, s.group, groupSizes(s).length, s.score);
    const misses = last ? last.misses + 1 : 0;
    const copy = misses < 64 ? (misses & (misses - 1)) === 0 : misses % 64 === 0;
    lastPass.set(s.adj, { group, score, graph: copy ? copyGraph(s) : -1, pass, misses });
    return pass;
  });
}
