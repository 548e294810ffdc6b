/**
 * The build of `Adjacency.fromEdges` (src/core/adjacency.ts), in two steps: `fillPlan` reads the
 * edge list once for the degrees (and whether the list is ordered by its ties' smaller ends), the
 * caller allocates the blocks from them, and `fillBlocks` writes every tie's two ends into the
 * blocks and drops the repeated ones. See fromEdges for what the build keeps and in which order.
 */
import type { Adjacency } from './adjacency.js';

/** What the first read of the edge list found (see `fillPlan`). */
export interface FillPlan {
  multi: boolean;
  m: number;
  /** Agents per fill bucket, as a power of two; −1: fill directly. */
  shift: number;
  bucketed: boolean;
  buckets: number;
  /** Tie ends per agent, copies included (the blocks' capacity counts them). */
  d: Int32Array;
  /** The smaller ends never decrease (see fillBlocks). */
  ordered: boolean;
  /** Larger ends per bucket (index b + 1), for an ordered list. */
  hiCount: Int32Array;
  passSlots?: number;
}

/** Reads the edge list once: the degrees, and whether the list is ordered by its ties' smaller ends. */
export function fillPlan(
  n: number,
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
  opts: { multigraph?: boolean; bucketShift?: number; passSlots?: number },
): FillPlan {
  const multi = opts.multigraph === true;
  const m = src.length;
  const shift = opts.bucketShift ?? (m >= 1 << 18 ? 12 : -1);
  const bucketed = shift >= 0 && n > 1 << shift;
  const buckets = bucketed ? ((n - 1) >> shift) + 1 : 0;
  const d = new Int32Array(n);
  // ordered: the smaller ends never decrease (then a pair can only come twice within a run of
  // equal smaller ends, which the fill checks while the run's slots are in cache)
  let ordered = !multi;
  let last = 0;
  const hiCount = new Int32Array(buckets + 1); // larger ends per bucket, for an ordered list
  for (let e = 0; e < m; e++) {
    const i = src[e]!;
    const j = dst[e]!;
    const a = i < j ? i : j;
    if (a < last) ordered = false; // self-ties too: the fill reads the runs in list order
    last = a;
    if (i === j && !multi) continue;
    d[i]!++;
    d[j]!++;
    if (bucketed) hiCount[((i < j ? j : i) >> shift) + 1]!++;
  }
  return { multi, m, shift, bucketed, buckets, d, ordered, hiCount, passSlots: opts.passSlots };
}

/**
 * Writes the ties' ends into the blocks of `a` (allocated from the plan's degrees), drops repeats
 * unless the adjacency is a multigraph, and returns the number of ties kept. `both`: the layer
 * code of a tie when the list has none.
 */
export function fillBlocks(a: Adjacency, plan: FillPlan, src: ArrayLike<number>, dst: ArrayLike<number>, layer: ArrayLike<number> | undefined, both: number): number {
  const { multi, m, shift, bucketed, buckets, d, ordered, hiCount } = plan;
  const n = a.n;
  const { start, deg, targets } = a;
  const lay = a.layer;
  let slots = 0;
  // clean: no block holds a pair twice so far (an ordered list whose runs were checked)
  let clean = false;
  // blocks from..to-1 are filled: drop repeats in place, keeping each neighbour's first slot
  // (the tie's first copy: the slots of a block are in list order); both ends of a tie keep
  // the same copy. Run right after a bucket's fill, while its blocks are in cache. The stamps
  // (agent + 1) reuse d, cleared once the degrees are read.
  const seen = d;
  const settle = (from: number, to: number): void => {
    if (multi || clean) {
      for (let i = from; i < to; i++) slots += deg[i]!;
      return;
    }
    for (let i = from; i < to; i++) {
      const s = start[i]!;
      const e = s + deg[i]!;
      const stamp = i + 1;
      let w = s;
      for (let k = s; k < e; k++) {
        const j = targets[k]!;
        if (seen[j] === stamp) continue;
        seen[j] = stamp;
        if (w !== k) {
          targets[w] = j;
          lay[w] = lay[k]!;
        }
        w++;
      }
      if (w !== e) {
        targets.fill(0, w, e);
        lay.fill(0, w, e);
      }
      deg[i] = w - s;
      slots += w - s;
    }
  };
  if (!bucketed) {
    seen.fill(0);
    // fill: deg counts the slots written so far (copies included)
    for (let e = 0; e < m; e++) {
      const i = src[e]!;
      const j = dst[e]!;
      if (i === j && !multi) continue;
      const l = layer ? layer[e]! : both;
      let k = start[i]! + deg[i]!++;
      targets[k] = j;
      lay[k] = l;
      k = start[j]! + deg[j]!++;
      targets[k] = i;
      lay[k] = l;
    }
    settle(0, n);
    return slots / 2;
  }
  // the same fill in two cache-friendly steps: writing each tie's two ends straight into the
  // blocks scatters 2·m writes over the whole arrays (a cache and TLB miss each: 9 s of the
  // build at 10M ties); instead the ends are first appended, in list order, to one bucket per
  // 2^shift agents (a few hundred sequential streams), then each bucket fills its agents'
  // blocks, whose slots lie together. Bucketing is stable, so each block keeps list order.
  // An ordered list buckets only the larger ends: a block lists the ties where its agent is the
  // larger end (their smaller ends come first in the list) and then its own run, read straight
  // from the list. The buffer holds the buckets of a range of agents at a time (one pass over
  // the list per range): a fresh array costs a page fault per 4 KiB on first touch (≈ 4 ms per
  // MB here), so a 28 MB buffer reused by a few passes beats one of 7 bytes per tie end.
  const mask = (1 << shift) - 1;
  const bStart = new Int32Array(buckets + 1);
  if (ordered) bStart.set(hiCount);
  else for (let i = 0; i < n; i++) bStart[(i >> shift) + 1]! += d[i]!;
  seen.fill(0);
  let largest = 0;
  for (let b = 0; b < buckets; b++) {
    if (bStart[b + 1]! > largest) largest = bStart[b + 1]!;
    bStart[b + 1]! += bStart[b]!;
  }
  const room = Math.min(bStart[buckets]!, Math.max(largest, plan.passSlots ?? 1 << 22));
  const at = new Int32Array(buckets);
  const owner = shift <= 16 ? new Uint16Array(room) : new Int32Array(room);
  const other = new Int32Array(room);
  const code = new Uint8Array(room);
  let run = 0; // an ordered list's next tie whose run is still to be appended
  let runOf = -1; // the agent of the run being appended, and its first slot
  let runFrom = 0;
  clean = ordered;
  for (let b0 = 0; b0 < buckets; ) {
    let b1 = b0 + 1;
    while (b1 < buckets && bStart[b1 + 1]! - bStart[b0]! <= room) b1++;
    const lo = b0 << shift;
    const span = Math.min(n, b1 << shift) - lo;
    const off = bStart[b0]!;
    for (let b = b0; b < b1; b++) at[b] = bStart[b]! - off;
    // (x - lo) >>> 0 < span: x in [lo, lo + span), one unsigned compare
    if (ordered) {
      for (let e = 0; e < m; e++) {
        const i = src[e]!;
        const j = dst[e]!;
        const h = i < j ? j : i;
        if ((h - lo) >>> 0 >= span || i === j) continue;
        const k = at[h >> shift]!++;
        owner[k] = h & mask;
        other[k] = i < j ? i : j;
        code[k] = layer ? layer[e]! : both;
      }
    } else {
      for (let e = 0; e < m; e++) {
        const i = src[e]!;
        const j = dst[e]!;
        if (i === j && !multi) continue;
        const l = layer ? layer[e]! : both;
        if ((i - lo) >>> 0 < span) {
          const k = at[i >> shift]!++;
          owner[k] = i & mask;
          other[k] = j;
          code[k] = l;
        }
        if ((j - lo) >>> 0 < span) {
          const k = at[j >> shift]!++;
          owner[k] = j & mask;
          other[k] = i;
          code[k] = l;
        }
      }
    }
    for (let b = b0; b < b1; b++) {
      const base = b << shift;
      const top = Math.min(n, base + mask + 1);
      for (let k = bStart[b]! - off, end = bStart[b + 1]! - off; k < end; k++) {
        const i = base + owner[k]!;
        const w = start[i]! + deg[i]!++;
        targets[w] = other[k]!;
        lay[w] = code[k]!;
      }
      if (ordered) {
        for (; run < m; run++) {
          const i = src[run]!;
          const j = dst[run]!;
          const s = i < j ? i : j;
          if (s >= top) break;
          if (i === j) continue;
          const h = i < j ? j : i;
          const w = start[s]! + deg[s]!++;
          if (s !== runOf) {
            runOf = s;
            runFrom = w;
          }
          // a pair twice in its run? Short runs are scanned; from the 17th tie on, the run's
          // larger ends are stamped −(s + 1) (negative: apart from the stamps of settle). Once
          // a repeat is found, this bucket and the later ones drop repeats (both ends of a
          // pair lie in this bucket or a later one; the earlier blocks are clean).
          if (clean) {
            const len = w - runFrom;
            if (len <= 16) {
              for (let k = runFrom; k < w; k++) if (targets[k] === h) clean = false;
              if (len === 16) for (let k = runFrom; k <= w; k++) seen[k === w ? h : targets[k]!] = -(s + 1);
            } else {
              if (seen[h] === -(s + 1)) clean = false;
              seen[h] = -(s + 1);
            }
          }
          targets[w] = h;
          lay[w] = layer ? layer[run]! : both;
        }
      }
      settle(base, top);
    }
    b0 = b1;
  }
  return slots / 2;
}

