/**
 * Locality orders: a renumbering of the agents so that tied agents get nearby indices, which the
 * step loop's neighbour passes reward (a neighbour's score is then often in a cache line or page
 * already read). `graph.order` in a scenario (src/scenario/build.ts) applies one at build time.
 *
 * - `bfs`: breadth-first, roots in index order, each node's neighbours in the order of its ties.
 * - `rcm`: reverse Cuthill–McKee (Cuthill & McKee 1969, "Reducing the bandwidth of sparse
 *   symmetric matrices", Proc. 24th ACM national conference; reversed as George 1971 proposed):
 *   breadth-first from a node of least degree of each component, neighbours visited in increasing
 *   degree (ties by index), the whole order then reversed.
 *
 * Both run on typed arrays in O(n + m): the degrees are counting-sorted, and rcm sorts only each
 * batch of newly reached nodes (the batches sum to n: O(n log n) at worst, a star; short batches
 * in practice). A permutation is given as `newOf[old] = new`.
 */
import type { EdgeList } from './types.js';

/** The orders `graph.order` accepts; `as-built` keeps the generator's numbering. */
export const GRAPH_ORDERS = ['as-built', 'bfs', 'rcm'] as const;
/** A locality order of the agents (see GRAPH_ORDERS). */
export type GraphOrder = (typeof GRAPH_ORDERS)[number];

/** Neighbour lists of an undirected edge list (both directions; self-ties left out). */
interface Csr {
  start: Int32Array;
  nbr: Int32Array;
}

function degrees(n: number, src: Int32Array, dst: Int32Array): Int32Array {
  const deg = new Int32Array(n);
  for (let e = 0; e < src.length; e++) {
    const a = src[e]!, b = dst[e]!;
    if (a === b) continue; // a self-tie moves no one closer to anyone
    deg[a]!++;
    deg[b]!++;
  }
  return deg;
}

/** Row starts (length n + 1) from degrees. */
function starts(deg: Int32Array): Int32Array {
  const start = new Int32Array(deg.length + 1);
  for (let i = 0; i < deg.length; i++) start[i + 1] = start[i]! + deg[i]!;
  return start;
}

/** Neighbour lists in the order of the ties. */
function csrByTies(n: number, src: Int32Array, dst: Int32Array, deg: Int32Array): Csr {
  const start = starts(deg);
  const fill = start.slice(0, n);
  const nbr = new Int32Array(start[n]!);
  for (let e = 0; e < src.length; e++) {
    const a = src[e]!, b = dst[e]!;
    if (a === b) continue;
    nbr[fill[a]!++] = b;
    nbr[fill[b]!++] = a;
  }
  return { start, nbr };
}

/** Nodes sorted by (degree, index): a counting sort over the degrees. */
function byDegree(deg: Int32Array): Int32Array {
  const n = deg.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (deg[i]! > max) max = deg[i]!;
  const at = new Int32Array(max + 2);
  for (let i = 0; i < n; i++) at[deg[i]! + 1]!++;
  for (let d = 1; d < at.length; d++) at[d]! += at[d - 1]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[at[deg[i]!]!++] = i; // stable: ties by index
  return out;
}

/**
 * Breadth-first order from each root in `roots` not yet reached: `order[k]` is the k-th node
 * visited. With `rank`, the nodes each expansion discovers are put in increasing rank before they
 * join the queue (Cuthill–McKee's "neighbours by increasing degree"): the batches sum to n, so
 * sorting them costs little, and no sorted copy of the neighbour lists is needed.
 */
function breadthFirst(n: number, g: Csr, roots: ArrayLike<number>, rank?: { of: Int32Array; at: Int32Array }): Int32Array {
  const { start, nbr } = g;
  // one bit per node: 125 kB at 1M nodes stays in the cache, where the 20M look-ups land
  const seen = new Int32Array((n + 31) >>> 5);
  const order = new Int32Array(n); // also the queue: the visited nodes in visiting order
  let tail = 0;
  for (let r = 0; r < roots.length; r++) {
    const root = roots[r]!;
    if (seen[root >>> 5]! & (1 << (root & 31))) continue;
    seen[root >>> 5]! |= 1 << (root & 31);
    let head = tail;
    order[tail++] = root;
    while (head < tail) {
      const i = order[head++]!;
      const batch = tail;
      for (let k = start[i]!, end = start[i + 1]!; k < end; k++) {
        const j = nbr[k]!;
        const w = j >>> 5, bit = 1 << (j & 31);
        if (!(seen[w]! & bit)) {
          seen[w]! |= bit;
          order[tail++] = j;
        }
      }
      if (rank && tail - batch > 1) sortByRank(order, batch, tail, rank.of, rank.at);
    }
  }
  return order;
}

/** Sorts a[lo, hi) by rank: insertion for short runs, else through the ranks (a numeric sort, no comparator). */
function sortByRank(a: Int32Array, lo: number, hi: number, rank: Int32Array, byRank: Int32Array): void {
  if (hi - lo <= 32) {
    for (let k = lo + 1; k < hi; k++) {
      const v = a[k]!, rv = rank[v]!;
      let j = k - 1;
      while (j >= lo && rank[a[j]!]! > rv) {
        a[j + 1] = a[j]!;
        j--;
      }
      a[j + 1] = v;
    }
    return;
  }
  const ranks = new Int32Array(hi - lo);
  for (let k = lo; k < hi; k++) ranks[k - lo] = rank[a[k]!]!;
  ranks.sort();
  for (let k = lo; k < hi; k++) a[k] = byRank[ranks[k - lo]!]!;
}

/** The identity 0 … n − 1. */
function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * The permutation of an order over the n nodes of a graph given by its ties: `newOf[old] = new`.
 * `as-built` is the identity. Self-ties and repeated ties are allowed (a repeated tie counts twice in
 * a degree); isolated nodes keep their relative order (each is its own component).
 */
export function localityOrder(n: number, src: Int32Array, dst: Int32Array, order: GraphOrder): Int32Array {
  if (src.length !== dst.length) throw new RangeError(`graphs/relabel: ${src.length} sources for ${dst.length} targets`);
  if (order === 'as-built') return identity(n);
  const deg = degrees(n, src, dst);
  let visit: Int32Array;
  if (order === 'bfs') visit = breadthFirst(n, csrByTies(n, src, dst, deg), identity(n));
  else if (order === 'rcm') {
    // roots in (degree, index) order: each component starts at one of its nodes of least degree
    const byRank = byDegree(deg);
    visit = breadthFirst(n, csrByTies(n, src, dst, deg), byRank, { of: inversePermutation(byRank), at: byRank });
    visit.reverse();
  } else throw new RangeError(`graphs/relabel: unknown order '${String(order)}'; expected one of ${GRAPH_ORDERS.join(', ')}`);
  return inversePermutation(visit);
}

/** The inverse of a permutation: `inv[p[i]] = i`. */
export function inversePermutation(p: Int32Array): Int32Array {
  const inv = new Int32Array(p.length);
  for (let i = 0; i < p.length; i++) inv[p[i]!] = i;
  return inv;
}

/** True when p is a permutation of 0 … p.length − 1. */
export function isPermutation(p: ArrayLike<number>): boolean {
  const seen = new Uint8Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= p.length || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
}

/**
 * The ties renumbered: `src`, `dst` mapped through `newOf`, the ties in the same order, so a per-tie
 * array (the layer) stays aligned. A new edge list unless `inPlace` (the caller owns the arrays: a
 * graph read from a file may serve several runs and must not be changed).
 */
export function relabelEdges(el: EdgeList, newOf: Int32Array, inPlace = false): EdgeList {
  const m = el.src.length;
  const src = inPlace ? el.src : new Int32Array(m);
  const dst = inPlace ? el.dst : new Int32Array(m);
  for (let e = 0; e < m; e++) {
    src[e] = newOf[el.src[e]!]!;
    dst[e] = newOf[el.dst[e]!]!;
  }
  return inPlace ? el : { ...el, src, dst };
}

type Gatherable = Float64Array | Float32Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | Int8Array | Int16Array;

/**
 * Moves the values of a column with the agents, in place: the value at old index i goes to
 * `newOf[i]`. A column of b·n values (a block per domain, `trait[d * n + i]`) is moved block by block.
 */
export function permuteColumn(col: Gatherable, newOf: Int32Array, scratch?: Float64Array): void {
  const n = newOf.length;
  if (n === 0 || col.length % n !== 0) throw new RangeError(`graphs/relabel: a column of ${col.length} values is not a whole number of blocks of ${n}`);
  const tmp = scratch && scratch.length >= n ? scratch : new Float64Array(n); // every kind fits a float64 exactly
  for (let b = 0; b < col.length; b += n) {
    for (let i = 0; i < n; i++) tmp[newOf[i]!] = col[b + i]!;
    for (let i = 0; i < n; i++) col[b + i] = tmp[i]!;
  }
}

/** The values of an array in a new order: `out[new] = values[old]` (for arrays that are not typed, e.g. node keys). */
export function permuteArray<T>(values: readonly T[], newOf: Int32Array): T[] {
  const out = new Array<T>(values.length);
  for (let i = 0; i < values.length; i++) out[newOf[i]!] = values[i]!;
  return out;
}

/** Bandwidth of a graph: the largest |i − j| over its ties (0 without ties). */
export function bandwidth(src: ArrayLike<number>, dst: ArrayLike<number>): number {
  let bw = 0;
  for (let e = 0; e < src.length; e++) {
    const d = Math.abs(src[e]! - dst[e]!);
    if (d > bw) bw = d;
  }
  return bw;
}
