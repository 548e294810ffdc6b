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

import { fillBlocks, fillPlan } from './adjacency-build.js';

/** Layer code of a tie that exists offline only. */
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
  /** The log of changed ties, when the view keeps one (an `Adjacency` does; see `Adjacency.log`). */
  readonly log?: Int32Array;
  readonly logStart?: number;
  readonly logCount?: number;
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
  /**
   * The ties added and dropped lately, in order: entry k < `logCount` at [2k, 2k + 1] is (i, j)
   * for the tie i–j added by `addEdge`, (i, ~j) (a negative second) for one dropped by
   * `removeEdge` or `setLayer(…, 0)`. Readers that keep counts between records (the spanning tree
   * of src/metrics/spanning-tree.ts, the group mixing of src/metrics/tie-pass-kept.ts) look at these
   * changes instead of every tie. Entry k's position is `logStart + k`, and a reader remembers
   * the position it read up to: positions before `logStart` are gone (the reader must count
   * afresh). The log holds at most max(4096, n / 2) entries; when full, or when `trimLog()` is
   * called (the simulation calls it after each record, once its metrics have read the log), it
   * starts again empty at the next position. Ties change only through `addEdge`, `removeEdge` and
   * `setLayer`, so the log misses none.
   */
  log = new Int32Array(0);
  logStart = 0;
  logCount = 0;
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
    const plan = fillPlan(n, src, dst, opts);
    const { d } = plan;
    const cap = new Int32Array(n);
    for (let i = 0; i < n; i++) cap[i] = d[i]! + Math.max(2, Math.ceil(d[i]! * spare));
    const a = new Adjacency(n, cap, { multigraph: plan.multi });
    a.edgeCount = fillBlocks(a, plan, src, dst, layer, LAYER_BOTH);
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
    this.logChange(i, j);
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
    this.logChange(i, ~j);
    return true;
  }

  private logChange(i: number, j: number): void {
    if (2 * this.logCount + 2 > this.log.length) {
      const most = 2 * Math.max(4096, this.n >> 1);
      if (this.log.length >= most) this.trimLog(); // full: readers of older positions count afresh
      else {
        const log = new Int32Array(Math.min(most, Math.max(64, 2 * this.log.length)));
        log.set(this.log);
        this.log = log;
      }
    }
    const c = this.logCount;
    this.log[2 * c] = i;
    this.log[2 * c + 1] = j;
    this.logCount = c + 1;
  }

  /** Empties the log of changed ties (see `log`): a reader that has read it all reads on from the next change. */
  trimLog(): void {
    this.logStart += this.logCount;
    this.logCount = 0;
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
