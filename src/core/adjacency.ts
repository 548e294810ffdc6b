/**
 * Flat typed adjacency for the step loop: undirected ties stored as slotted blocks.
 *
 * Agent i's neighbours are `targets[start[i] .. start[i] + deg[i])`. Every block has spare
 * slots (`cap[i] - deg[i]`) so that a tie is added or dropped in O(degree) without a rebuild;
 * a full block moves to the end of the arrays with doubled capacity, and the arrays are
 * compacted when more than half of them is dead space. Each slot also carries a layer code
 * (bit 1 = offline, bit 2 = online; 3 = both), so that a tie can be an online tie, an offline
 * tie or both (docs/model.md#adapt, "social cleanup" spills from online into offline life).
 *
 * Cost (docs/benchmark.md#performance-facts): ≈ 5 bytes per slot, two slots per tie, plus spare: ≈ 10–16 bytes per tie,
 * against ≈ 330 bytes per tie for graphology. Convert to and from graphology with
 * `src/graphs/convert.ts` for building, import, export and one-off algorithms.
 */

export const LAYER_OFFLINE = 1;
/** Layer code of a tie that exists online only. */
export const LAYER_ONLINE = 2;
/** Layer code of a tie that exists online and offline (the default of a generated tie). */
export const LAYER_BOTH = 3;

/** Read-only view used by metrics. */
export interface AdjacencyView {
  readonly n: number;
  readonly start: Int32Array;
  readonly deg: Int32Array;
  readonly targets: Int32Array;
  readonly layer: Uint8Array;
  readonly edgeCount: number;
  /** Ties added by `addEdge` since the adjacency was built (a layer change of a kept tie is not counted). */
  readonly tiesAdded: number;
  /** Ties dropped by `removeEdge` (or `setLayer(…, 0)`) since the adjacency was built. */
  readonly tiesRemoved: number;
  /** Self-ties and repeated ties are kept (a self-tie fills two slots of its agent's block). */
  readonly multigraph?: boolean;
  /** Tie ends whose layer code is not LAYER_BOTH, when the view keeps that count (an `Adjacency` does). */
  readonly endsNotBoth?: number;
}

/** The ties of a run as a flat adjacency (CSR: `start`, `deg`, `targets`, `layer`): `fromEdges(n, src, dst, layer?)`, `degree(i)`, `hasEdge(i, j)`, `addEdge`, `removeEdge`. */
export class Adjacency implements AdjacencyView {
  start: Int32Array;
  cap: Int32Array;
  deg: Int32Array;
  targets: Int32Array;
  layer: Uint8Array;
  edgeCount = 0;
  /** Ties added since the adjacency was built (the ties of `fromEdges` are the build, not counted). Metrics read the change between two records. */
  tiesAdded = 0;
  /** Ties dropped since the adjacency was built. */
  tiesRemoved = 0;
  /** Counts every change of a block (a tie end written or dropped): equal versions, equal ties (src/core/neighbour-sums.ts). */
  version = 0;
  /**
   * Tie ends whose layer code is not LAYER_BOTH, kept by every method that writes a layer code
   * (write `layer` only through them): at 0 the tie pass of src/metrics/tie-pass.ts need not read
   * the codes at all.
   */
  endsNotBoth = 0;
  /** Slots in use up to this index (including dead space of moved blocks). */
  private used = 0;
  private dead = 0;
  /**
   * Self-ties and repeated ties are kept (graph.multigraph: voter and rewiring models ask for
   * them). A self-tie i–i fills two slots of i's block (both its ends), so it counts 2 towards
   * i's degree, as in the usual convention; a tie repeated r times fills r slots in each block.
   */
  readonly multigraph: boolean;

  constructor(
    readonly n: number,
    capacityPerAgent: Int32Array | number = 8,
    opts: { multigraph?: boolean } = {},
  ) {
    this.multigraph = opts.multigraph === true;
    this.start = new Int32Array(n);
    this.cap = new Int32Array(n);
    this.deg = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const c = typeof capacityPerAgent === 'number' ? capacityPerAgent : capacityPerAgent[i]!;
      this.start[i] = total;
      this.cap[i] = c;
      total += c;
    }
    this.used = total;
    // room at the end for the blocks that outgrow their spare slots: without it the first such
    // block reallocates the whole arrays (0.6 s at 10M ties, most of it page faults); 1/64 holds
    // thousands of moved blocks (a few bytes per tie)
    const room = total + Math.max(16, Math.ceil(total / 64));
    this.targets = new Int32Array(room);
    this.layer = new Uint8Array(room);
  }

  /**
   * Build from an edge list (pairs `src[e]`–`dst[e]`). Self-ties and duplicates are dropped (the
   * first copy of a tie is kept, with its layer); a `multigraph` adjacency keeps them all.
   * `spare` is the share of extra slots per agent kept free for rewiring.
   *
   * Each agent's block lists its neighbours in the order of the ties' first copies in the list,
   * as adding the ties one by one with `addEdge` would. The blocks are filled from the list (both
   * ends of every tie, copies included: a block's capacity counts them), then each block drops
   * its repeated neighbours in place, keeping the first: a stamp per agent (`seen[j] = i + 1`
   * while block i is read) finds a repeat in O(1), so the build is linear in the ties instead of
   * O(degree) per tie. A list ordered by its ties' smaller ends with no pair twice (what the
   * generators give; checked while filling) has nothing to drop and skips that step.
   */
  static fromEdges(
    n: number,
    src: ArrayLike<number>,
    dst: ArrayLike<number>,
    layer?: ArrayLike<number>,
    spare = 0.5,
    opts: {
      multigraph?: boolean;
      /** Agents per fill bucket, as a power of two (default 12 from 2^18 ties on; -1: fill directly). The result does not depend on it. */
      bucketShift?: number;
      /** Tie ends held in the bucket buffer at once (default 2^22; at least one bucket's). The result does not depend on it. */
      passSlots?: number;
    } = {},
  ): Adjacency {
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
    const cap = new Int32Array(n);
    for (let i = 0; i < n; i++) cap[i] = d[i]! + Math.max(2, Math.ceil(d[i]! * spare));
    const a = new Adjacency(n, cap, { multigraph: multi });
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
        const l = layer ? layer[e]! : LAYER_BOTH;
        let k = start[i]! + deg[i]!++;
        targets[k] = j;
        lay[k] = l;
        k = start[j]! + deg[j]!++;
        targets[k] = i;
        lay[k] = l;
      }
      settle(0, n);
      a.edgeCount = slots / 2;
      if (layer) a.endsNotBoth = a.countEndsNotBoth();
      return a;
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
    const room = Math.min(bStart[buckets]!, Math.max(largest, opts.passSlots ?? 1 << 22));
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
          code[k] = layer ? layer[e]! : LAYER_BOTH;
        }
      } else {
        for (let e = 0; e < m; e++) {
          const i = src[e]!;
          const j = dst[e]!;
          if (i === j && !multi) continue;
          const l = layer ? layer[e]! : LAYER_BOTH;
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
            lay[w] = layer ? layer[run]! : LAYER_BOTH;
          }
        }
        settle(base, top);
      }
      b0 = b1;
    }
    a.edgeCount = slots / 2;
    if (layer) a.endsNotBoth = a.countEndsNotBoth();
    return a;
  }

  degree(i: number): number {
    return this.deg[i]!;
  }

  /** Index of the slot of j in i's block, or -1. O(deg(i)). */
  slotOf(i: number, j: number): number {
    const s = this.start[i]!;
    const e = s + this.deg[i]!;
    const t = this.targets;
    for (let k = s; k < e; k++) if (t[k] === j) return k;
    return -1;
  }

  hasEdge(i: number, j: number): boolean {
    // search the smaller block
    return this.deg[i]! <= this.deg[j]! ? this.slotOf(i, j) >= 0 : this.slotOf(j, i) >= 0;
  }

  /**
   * Adds the undirected tie i–j; returns false for a self-tie or an existing tie (a multigraph
   * adds both: a self-tie, or one more copy of the tie).
   */
  addEdge(i: number, j: number, layer: number = LAYER_BOTH): boolean {
    if (!this.multigraph && (i === j || this.hasEdge(i, j))) return false;
    this.push(i, j, layer);
    this.push(j, i, layer);
    this.edgeCount++;
    this.tiesAdded++;
    return true;
  }

  /** Drops the tie i–j (in a multigraph, one copy of it); returns false if there was none. O(deg(i) + deg(j)). */
  removeEdge(i: number, j: number): boolean {
    const k = this.slotOf(i, j);
    if (k < 0) return false;
    this.pop(i, k);
    this.pop(j, this.slotOf(j, i));
    this.edgeCount--;
    this.tiesRemoved++;
    return true;
  }

  /** Layer code of the tie i–j (0 if absent). */
  layerOf(i: number, j: number): number {
    const k = this.slotOf(i, j);
    return k < 0 ? 0 : this.layer[k]!;
  }

  /** Sets the layer code of an existing tie on both sides; a code of 0 drops the tie. */
  setLayer(i: number, j: number, code: number): boolean {
    if (code === 0) return this.removeEdge(i, j);
    const a = this.slotOf(i, j);
    if (a < 0) return false;
    this.writeLayer(a, code);
    this.writeLayer(this.slotOf(j, i), code);
    return true;
  }

  private writeLayer(k: number, code: number): void {
    this.endsNotBoth += (code !== LAYER_BOTH ? 1 : 0) - (this.layer[k] !== LAYER_BOTH ? 1 : 0);
    this.layer[k] = code;
  }

  /** Calls fn once per tie (i < j; in a multigraph once per copy, and i = j for a self-tie). */
  forEachEdge(fn: (i: number, j: number, layer: number) => void): void {
    for (let i = 0; i < this.n; i++) {
      const s = this.start[i]!;
      const e = s + this.deg[i]!;
      let self = 0;
      for (let k = s; k < e; k++) {
        const j = this.targets[k]!;
        if (i < j) fn(i, j, this.layer[k]!);
        else if (i === j && self++ % 2 === 0) fn(i, j, this.layer[k]!); // a self-tie's two slots: once
      }
    }
  }

  /** Edge list (i < j), ordered by i then by slot order. */
  edges(): { src: Int32Array; dst: Int32Array; layer: Uint8Array } {
    const src = new Int32Array(this.edgeCount);
    const dst = new Int32Array(this.edgeCount);
    const layer = new Uint8Array(this.edgeCount);
    let e = 0;
    this.forEachEdge((i, j, l) => {
      src[e] = i;
      dst[e] = j;
      layer[e] = l;
      e++;
    });
    return { src, dst, layer };
  }

  /** Bytes held by the typed arrays of this representation. */
  byteSize(): number {
    return (
      this.start.byteLength +
      this.cap.byteLength +
      this.deg.byteLength +
      this.targets.byteLength +
      this.layer.byteLength
    );
  }

  /** Tie ends in use whose layer code is not LAYER_BOTH, counted afresh (`endsNotBoth` keeps this count). */
  countEndsNotBoth(): number {
    let c = 0;
    for (let i = 0; i < this.n; i++) {
      const s = this.start[i]!, e = s + this.deg[i]!;
      for (let k = s; k < e; k++) if (this.layer[k] !== LAYER_BOTH) c++;
    }
    return c;
  }

  /** Checks the invariants (symmetry, no self-ties, no duplicates, count, the count of other layer codes); throws on a violation. */
  validate(): void {
    if (this.endsNotBoth !== this.countEndsNotBoth()) throw new Error(`adjacency: ${this.countEndsNotBoth()} tie ends with a layer code other than both, counted ${this.endsNotBoth}`);
    if (this.multigraph) return this.validateMulti();
    let slots = 0;
    for (let i = 0; i < this.n; i++) {
      const seen = new Set<number>();
      const s = this.start[i]!;
      for (let k = s; k < s + this.deg[i]!; k++) {
        const j = this.targets[k]!;
        if (j === i) throw new Error(`adjacency: self-tie at ${i}`);
        if (seen.has(j)) throw new Error(`adjacency: duplicate tie ${i}-${j}`);
        seen.add(j);
        const back = this.slotOf(j, i);
        if (back < 0) throw new Error(`adjacency: tie ${i}-${j} missing its reverse`);
        if (this.layer[back] !== this.layer[k]) throw new Error(`adjacency: layer mismatch ${i}-${j}`);
        slots++;
      }
    }
    if (slots !== 2 * this.edgeCount) throw new Error(`adjacency: edge count ${this.edgeCount} != ${slots / 2}`);
  }

  /** A multigraph's invariants: each tie as many times in both blocks, a self-tie's slots in pairs, the count. */
  private validateMulti(): void {
    let slots = 0;
    const count = (i: number, j: number) => {
      let c = 0;
      for (let k = this.start[i]!; k < this.start[i]! + this.deg[i]!; k++) if (this.targets[k] === j) c++;
      return c;
    };
    for (let i = 0; i < this.n; i++) {
      const s = this.start[i]!;
      for (let k = s; k < s + this.deg[i]!; k++) {
        const j = this.targets[k]!;
        const c = count(i, j);
        if (j === i ? c % 2 !== 0 : c !== count(j, i)) throw new Error(`adjacency: tie ${i}-${j} held ${c} times at ${i}, not matched at ${j}`);
        slots++;
      }
    }
    if (slots !== 2 * this.edgeCount) throw new Error(`adjacency: edge count ${this.edgeCount} != ${slots / 2}`);
  }

  private push(i: number, j: number, layer: number): void {
    if (this.deg[i]! >= this.cap[i]!) this.grow(i);
    const k = this.start[i]! + this.deg[i]!;
    this.targets[k] = j;
    this.layer[k] = layer;
    if (layer !== LAYER_BOTH) this.endsNotBoth++;
    this.deg[i]!++;
    this.version++;
  }

  private pop(i: number, k: number): void {
    const last = this.start[i]! + this.deg[i]! - 1;
    if (this.layer[k] !== LAYER_BOTH) this.endsNotBoth--;
    this.targets[k] = this.targets[last]!;
    this.layer[k] = this.layer[last]!;
    this.deg[i]!--;
    this.version++;
  }

  /** Moves i's block to the end with doubled capacity. Amortized O(deg). */
  private grow(i: number): void {
    const newCap = Math.max(4, this.cap[i]! * 2);
    if (this.dead > this.used / 2) this.compact();
    if (this.used + newCap > this.targets.length) {
      // grow by 1/16: moved blocks are rare, and a 1.5× growth would cost ~8 bytes per tie for a
      // handful of moved agents (each growth copies the arrays, amortized over used/16 slots)
      const size = this.used + Math.max(newCap, Math.ceil(this.used / 16));
      const t = new Int32Array(size);
      t.set(this.targets.subarray(0, this.used));
      const l = new Uint8Array(size);
      l.set(this.layer.subarray(0, this.used));
      this.targets = t;
      this.layer = l;
    }
    const s = this.start[i]!;
    const d = this.deg[i]!;
    this.targets.copyWithin(this.used, s, s + d);
    this.layer.copyWithin(this.used, s, s + d);
    this.dead += this.cap[i]!;
    this.start[i] = this.used;
    this.cap[i] = newCap;
    this.used += newCap;
  }

  /** Rewrites the blocks contiguously in agent order, dropping dead space. */
  compact(): void {
    let total = 0;
    for (let i = 0; i < this.n; i++) total += this.cap[i]!;
    const t = new Int32Array(Math.max(total, 16));
    const l = new Uint8Array(Math.max(total, 16));
    let at = 0;
    for (let i = 0; i < this.n; i++) {
      const s = this.start[i]!;
      t.set(this.targets.subarray(s, s + this.deg[i]!), at);
      l.set(this.layer.subarray(s, s + this.deg[i]!), at);
      this.start[i] = at;
      at += this.cap[i]!;
    }
    this.targets = t;
    this.layer = l;
    this.used = at;
    this.dead = 0;
  }
}
