/**
 * Erdős–Rényi random graphs, in both forms:
 * - G(N, M) (`erdosRenyiGNM`): exactly M distinct ties, drawn uniformly among the N(N−1)/2 node
 *   pairs. What a scenario's `graph: { model: erdos-renyi, meanDegree: k }` draws (M = round(N·k/2)).
 * - G(N, p) (`erdosRenyiGNP`, Gilbert's form): each pair is a tie independently with probability p,
 *   so the number of ties is Binomial(N(N−1)/2, p) and the expected mean degree p(N−1). What
 *   `graph: { model: erdos-renyi, p }` draws. Method: geometric skips between successive ties
 *   (V. Batagelj and U. Brandes (2005), "Efficient generation of large random networks",
 *   Phys. Rev. E 71, 036113, algorithm G(n, p)): one uniform draw per tie, O(N + M).
 * E. N. Gilbert (1959), "Random graphs", Ann. Math. Statist. 30, 1141–1144.
 *
 * G(N, M) below:
 *
 * Reference: P. Erdős and A. Rényi (1959), "On random graphs I", Publicationes Mathematicae 6,
 * 290–297. This is the benchmark graph of docs/benchmark.md#the-benchmark-model-friend-cleanup (M = N·k/2).
 *
 * Method: draw node pairs (i, j), i ≠ j, uniformly and keep the first M distinct unordered ones
 * (a uniform M-subset). Deduplication is cache-friendly instead of hashed: the draws are
 * counting-sorted by their smaller end (stable, so draw order is kept within a node's bucket) and
 * each bucket is deduplicated with a stamp array of n ints; the deficit is redrawn in another round.
 * Once the deficit is small, each redraw is checked against its bucket directly. At 1M nodes /
 * 10M ties this is ≈ 2× faster than one hash-table probe per draw (a DRAM miss each), measured.
 * Expected work O(N + M) while M ≤ pairs/2; denser graphs draw the complement (the pairs left
 * out) the same way and list the rest, so the cost stays O(pairs) ≤ O(2M).
 *
 * Output: `src[e] < dst[e]`, ordered by `src`, so `Adjacency.fromEdges` fills blocks in node order.
 */
import type { Rng } from '../core/rng.js';
import { checkInt, checkReal } from './check.js';
import { EdgeBuffer } from './edge-buffer.js';
import { PairTable } from './pair-table.js';
import type { EdgeList } from './types.js';

/** Node counts above this would overflow the Int32 bucket offsets at the largest M. */
const MAX_NODES = 2 ** 31 - 2;

/**
 * G(N, M): `m` distinct ties chosen uniformly at random among the pairs of `n` nodes. `sortRoom`:
 * draws sorted at once (default 2^21, at least one coarse bucket's); the result does not depend on it.
 */
export function erdosRenyiGNM(n: number, m: number, rng: Rng, sortRoom = 1 << 21): EdgeList {
  checkInt('erdos-renyi', 'n', n, 0, MAX_NODES);
  const pairs = (n * (n - 1)) / 2;
  checkInt('erdos-renyi', `m (at most n(n-1)/2 = ${pairs})`, m, 0, Math.min(pairs, 2 ** 31 - 1));
  if (m <= pairs / 2) return sparse(n, m, rng, sortRoom);
  // Dense: choose the pairs to leave out, then list every other pair.
  const out = sparse(n, pairs - m, rng, sortRoom);
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const stamp = new Int32Array(n).fill(-1);
  let e = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k < out.src.length && out.src[k] === i) stamp[out.dst[k++]!] = i;
    for (let j = i + 1; j < n; j++) {
      if (stamp[j] === i) continue;
      src[e] = i;
      dst[e] = j;
      e++;
    }
  }
  return { n, src, dst };
}

function sparse(n: number, m: number, rng: Rng, sortRoom: number): EdgeList {
  // Draws live in (aLo, aHi); each round sorts them stably by the smaller end and compacts away
  // repeats back into (aLo, aHi); kept ties stay in front so they win over later draws of the same pair.
  // The sort has two levels so that no pass scatters into n buckets at once (a cache miss per tie at
  // 1M nodes): a counting sort by the high bits of the smaller end into (bLo, bHi), then, per coarse
  // bucket (a few thousand ties, in cache), a counting sort by the low bits into `tmp`, deduplicated
  // straight back into (aLo, aHi). Same order as one stable counting sort by the smaller end.
  // (bLo, bHi) holds a range of coarse buckets at a time, not all the draws: a fresh array costs a
  // page fault per 4 KiB on first touch (≈ 4 ms per MB here, more than the sort itself), so each
  // pass takes its range's draws out of (aLo, aHi) and moves the others, in order, to the end,
  // leaving room in front for the ties it keeps.
  let bits = 0;
  while (1 << bits < n) bits++;
  const shift = Math.max(0, bits - 11); // ≤ 2048 coarse buckets of 2^shift nodes
  const aLo = new Int32Array(m);
  const aHi = new Int32Array(m);
  const stamp = new Int32Array(n);
  const coarse = (n >>> shift) + 1;
  const cat = new Int32Array(coarse + 1);
  const cEnd = new Int32Array(coarse);
  const fine = 1 << shift;
  const mask = fine - 1;
  const fat = new Int32Array(fine + 1);
  let tmp = new Int32Array(0);
  let bLo: Uint16Array | Int32Array = new Uint16Array(0);
  let bHi = new Int32Array(0);
  let kept = 0;
  for (;;) {
    draw(n, rng, aLo, aHi, kept, m);
    cat.fill(0);
    for (let e = 0; e < m; e++) cat[(aLo[e]! >>> shift) + 1]!++;
    let big = 0;
    for (let c = 0; c < coarse; c++) if (cat[c + 1]! > big) big = cat[c + 1]!;
    if (tmp.length < big) tmp = new Int32Array(big);
    const room = Math.min(m, Math.max(big, sortRoom));
    if (bHi.length < room) {
      // the coarse buckets keep only the low bits of the smaller end (the bucket gives the rest)
      bLo = shift <= 16 ? new Uint16Array(room) : new Int32Array(room);
      bHi = new Int32Array(room);
    }
    stamp.fill(-1);
    let w = 0; // kept ties so far, in aLo/aHi[0..w)
    let d = 0; // draws not yet sorted, in aLo/aHi[d..m), in draw order
    for (let c0 = 0; c0 < coarse; ) {
      let c1 = c0 + 1;
      let cnt = cat[c0 + 1]!;
      while (c1 < coarse && cnt + cat[c1 + 1]! <= room) cnt += cat[++c1]!;
      for (let c = c0, acc = 0; c < c1; c++) cEnd[c] = acc += cat[c + 1]!;
      // from the back: the range's draws to the back of their buckets in (bLo, bHi) (stable), the
      // later ones to the end of (aLo, aHi), in order; every draw left has its smaller end ≥ c0's nodes
      const cut = c1 * fine;
      let t = m;
      for (let e = m - 1; e >= d; e--) {
        const lo = aLo[e]!;
        const hi = aHi[e]!;
        if (lo < cut) {
          const k = --cEnd[lo >>> shift]!;
          bLo[k] = lo & mask;
          bHi[k] = hi;
        } else {
          t--;
          aLo[t] = lo;
          aHi[t] = hi;
        }
      }
      d = t; // ≥ w + cnt: the ties this range keeps fit in front
      // per coarse bucket: stable counting sort by the low bits into tmp, then drop repeats node
      // by node, writing into aLo/aHi at w
      for (let c = c0, r = 0; c < c1; c++) {
        const end = r + cat[c + 1]!;
        const base = c << shift;
        const top = Math.min(fine, n - base);
        if (top <= 0) break;
        fat.fill(0, 0, top + 1);
        for (let k = r; k < end; k++) fat[bLo[k]! + 1]!++;
        for (let f = 0; f < top; f++) fat[f + 1]! += fat[f]!;
        for (let k = r; k < end; k++) tmp[fat[bLo[k]!]!++] = bHi[k]!;
        // now fat[f] is the end of node base + f's run in tmp
        let q = 0;
        for (let f = 0; f < top; f++) {
          const i = base + f;
          const stop = fat[f]!;
          for (; q < stop; q++) {
            const h = tmp[q]!;
            if (stamp[h] === i) continue;
            stamp[h] = i;
            aLo[w] = i;
            aHi[w] = h;
            w++;
          }
        }
        r = end;
      }
      c0 = c1;
    }
    kept = w;
    const deficit = m - kept;
    if (deficit === 0) return { n, src: aLo, dst: aHi };
    // A few missing: check each redraw against its bucket (cost ≈ deficit · mean bucket).
    if (deficit * (kept / Math.max(n, 1) + 4) < kept / 8) return refill(n, m, rng, aLo, aHi, kept);
  }
}

/** Fills positions [from, to) with uniform pairs i ≠ j, stored as lo < hi. */
function draw(n: number, rng: Rng, lo: Int32Array, hi: Int32Array, from: number, to: number): void {
  for (let e = from; e < to; ) {
    const i = rng.int(n);
    const j = rng.int(n);
    if (i === j) continue;
    lo[e] = i < j ? i : j;
    hi[e] = i < j ? j : i;
    e++;
  }
}

/**
 * Adds the last `m - kept` ties one draw at a time, then merges them into the sorted buckets in
 * place: per node, its kept bucket then its redraws in draw order (`lo`/`hi` have room for m).
 */
function refill(
  n: number,
  m: number,
  rng: Rng,
  lo: Int32Array,
  hi: Int32Array,
  kept: number,
): EdgeList {
  // at[i]: where node i's kept ties start (they are ordered by their smaller end)
  const at = new Int32Array(n + 1);
  for (let e = 0; e < kept; e++) at[lo[e]! + 1]!++;
  for (let i = 0; i < n; i++) at[i + 1]! += at[i]!;
  const deficit = m - kept;
  const xLo = new Int32Array(deficit);
  const xHi = new Int32Array(deficit);
  const extra = new PairTable(n, deficit);
  for (let x = 0; x < deficit; ) {
    const i = rng.int(n);
    const j = rng.int(n);
    if (i === j) continue;
    const a = i < j ? i : j;
    const b = i < j ? j : i;
    let found = false;
    for (let k = at[a]!; k < at[a + 1]!; k++) {
      if (hi[k] === b) {
        found = true;
        break;
      }
    }
    if (found || !extra.add(a, b)) continue;
    xLo[x] = a;
    xHi[x] = b;
    x++;
  }
  // the redraws in node order, draw order within a node (a stable sort of their indices)
  const order = Array.from({ length: deficit }, (_, x) => x).sort((x, y) => xLo[x]! - xLo[y]! || x - y);
  // from the last node down: shift the kept ties above node v up by the redraws at or below v
  // still to place, then put v's redraws right after v's kept ties
  let off = deficit;
  let srcEnd = kept;
  for (let g = deficit; g > 0; ) {
    const v = xLo[order[g - 1]!]!;
    let gs = g - 1;
    while (gs > 0 && xLo[order[gs - 1]!]! === v) gs--;
    const from = at[v + 1]!;
    lo.copyWithin(from + off, from, srcEnd);
    hi.copyWithin(from + off, from, srcEnd);
    off -= g - gs;
    for (let x = gs; x < g; x++) {
      lo[from + off + (x - gs)] = v;
      hi[from + off + (x - gs)] = xHi[order[x]!]!;
    }
    srcEnd = from;
    g = gs;
  }
  return { n, src: lo, dst: hi };
}

/**
 * G(N, p): every pair of the `n` nodes is a tie independently with probability `p`. Pairs are
 * walked in the order (1,0), (2,0), (2,1), (3,0) … and the gap to the next tie is geometric,
 * ⌊log(1 − u) / log(1 − p)⌋, so the draws are one per tie (plus one past the last). The ties are
 * then counting-sorted by their smaller end (stable), giving `src[e] < dst[e]` ordered by `src`
 * like G(N, M).
 */
export function erdosRenyiGNP(n: number, p: number, rng: Rng): EdgeList {
  checkInt('erdos-renyi', 'n', n, 0, MAX_NODES);
  checkReal('erdos-renyi', 'p', p, 0, 1);
  const buf = new EdgeBuffer(Math.min(2 ** 26, p * ((n * (n - 1)) / 2) * 1.05 + 16));
  if (p > 0) {
    const logq = Math.log1p(-p); // −∞ when p = 1: every gap is 0
    let v = 1;
    let w = -1;
    while (v < n) {
      w += 1 + Math.floor(Math.log1p(-rng()) / logq);
      while (w >= v && v < n) {
        w -= v;
        v++;
      }
      if (v < n) buf.push(w, v);
    }
  }
  const m = buf.length;
  const lo = buf.src;
  const hi = buf.dst;
  const at = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) at[lo[e]! + 1]!++;
  for (let i = 0; i < n; i++) at[i + 1]! += at[i]!;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const k = at[lo[e]!]!++;
    src[k] = lo[e]!;
    dst[k] = hi[e]!;
  }
  return { n, src, dst };
}
