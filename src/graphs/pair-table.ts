/**
 * A hash table of unordered node pairs, for deduplicating ties without strings or BigInt.
 *
 * The pair {i, j} (i < j) is stored as the double `i * n + j`, exact for n < 9.4e7 (n² < 2⁵³),
 * in an open-addressing table with linear probing (Knuth, TAOCP vol. 3, §6.4, algorithm L),
 * tombstones for deletion, and an optional Int32 value per pair (a tie index, for merging).
 * Cost ≈ 8 bytes (12 with values) per slot at a load of at most 0.7: ≈ 134 MB for 10M ties,
 * against ≈ 1 GB for a JS `Set` of strings.
 */

const EMPTY = -1;
const TOMB = -2;
const MAX_LOAD = 0.7;

/** Largest node count for which `i * n + j` is an exact double. */
export const MAX_PAIR_NODES = 94_906_265;

export class PairTable {
  private keys: Float64Array;
  private vals: Int32Array | null;
  private mask: number;
  private used = 0; // live keys + tombstones
  /** Number of pairs in the table. */
  size = 0;

  constructor(
    readonly n: number,
    expected = 16,
    withValues = false,
  ) {
    if (n > MAX_PAIR_NODES) throw new RangeError(`graphs/pair-table: at most ${MAX_PAIR_NODES} nodes, got ${n}`);
    const cap = capacityFor(expected);
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.vals = withValues ? new Int32Array(cap) : null;
    this.mask = cap - 1;
  }

  /** True if {i, j} is in the table. */
  has(i: number, j: number): boolean {
    return this.probe(i, j) >= 0;
  }

  /** Adds {i, j}; returns false if it was already there. */
  add(i: number, j: number, value = 0): boolean {
    let s = this.probe(i, j);
    if (s >= 0) return false;
    if (this.used + 1 > (this.mask + 1) * MAX_LOAD) {
      this.rehash();
      s = this.probe(i, j);
    }
    s = -s - 1;
    if (this.keys[s] === EMPTY) this.used++;
    this.keys[s] = i < j ? i * this.n + j : j * this.n + i;
    if (this.vals) this.vals[s] = value;
    this.size++;
    return true;
  }

  /** The value stored with {i, j}, or -1 if absent (needs `withValues`). */
  get(i: number, j: number): number {
    const s = this.probe(i, j);
    return s >= 0 && this.vals ? this.vals[s]! : -1;
  }

  /** Removes {i, j}; returns false if it was absent. */
  delete(i: number, j: number): boolean {
    const s = this.probe(i, j);
    if (s < 0) return false;
    this.keys[s] = TOMB;
    this.size--;
    return true;
  }

  /** Slot of {i, j} (≥ 0) or, if absent, -(insertion slot) - 1. */
  private probe(i: number, j: number): number {
    let lo = i;
    let hi = j;
    if (lo > hi) {
      lo = j;
      hi = i;
    }
    const key = lo * this.n + hi;
    const keys = this.keys;
    const mask = this.mask;
    let s = hashPair(lo, hi) & mask;
    let tomb = -1;
    for (;;) {
      const k = keys[s]!;
      if (k === key) return s;
      if (k === EMPTY) return -(tomb >= 0 ? tomb : s) - 1;
      if (k === TOMB && tomb < 0) tomb = s;
      s = (s + 1) & mask;
    }
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const cap = capacityFor(Math.max(this.size * 2, 16));
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.vals = oldVals ? new Int32Array(cap) : null;
    this.mask = cap - 1;
    this.used = 0;
    this.size = 0;
    const n = this.n;
    for (let s = 0; s < oldKeys.length; s++) {
      const k = oldKeys[s]!;
      if (k < 0) continue;
      let lo = Math.floor(k / n);
      if (lo * n > k) lo--; // guard against the rounding of k / n
      else if (k - lo * n >= n) lo++;
      this.add(lo, k - lo * n, oldVals ? oldVals[s]! : 0);
    }
  }
}

function capacityFor(expected: number): number {
  let cap = 16;
  while (cap * MAX_LOAD < expected + 1) cap *= 2;
  return cap;
}

/** 32-bit mix of a pair (murmur3 finaliser). */
function hashPair(lo: number, hi: number): number {
  let h = Math.imul(lo, 0x9e3779b1) ^ hi;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
