/**
 * Shared machinery of the metrics (no metric of its own).
 *
 * - `memo(snap, key, fn)`: derived arrays (sort orders, quantile labels, group sizes, the tie
 *   pass) are computed once per snapshot and shared by every metric that needs them; the cache is
 *   a WeakMap keyed by the snapshot object (and checked against its step and day).
 * - wealth / score orders (radix argsort, argsort.ts) and quantile labels: agents ranked by value,
 *   ties broken by agent index, label = floor(k · rank / n) (quintile k = 5, decile k = 10); an
 *   order still valid for the next snapshot's values is checked in O(n) and used again.
 * - `valuesId`: an id for the values of an array, the same while they equal a copy taken when the
 *   id was made (an exact O(n) check), so an order can be used again while its values hold.
 * - small numeric helpers: `fin`, `pearson`, `param`.
 */
import { fieldError } from '../core/errors.js';
import type { Snapshot } from '../core/snapshot.js';
import { argsort, quantileLabels } from './argsort.js';

export type Num = ArrayLike<number>;

/** A finite number, or null (NaN and ±Infinity become empty cells, never 0). */
export function fin(x: number | null | undefined): number | null {
  return x !== null && x !== undefined && Number.isFinite(x) ? x : null;
}

const store = new WeakMap<Snapshot, { step: number; day: number; map: Map<string, unknown> }>();

function entry(snap: Snapshot): Map<string, unknown> {
  let e = store.get(snap);
  if (!e || e.step !== snap.step || e.day !== snap.day) {
    e = { step: snap.step, day: snap.day, map: new Map() };
    store.set(snap, e);
  }
  return e.map;
}

/** Computes `fn()` once per snapshot under `key`. */
export function memo<T>(snap: Snapshot, key: string, fn: () => T): T {
  const map = entry(snap);
  if (map.has(key)) return map.get(key) as T;
  const v = fn();
  map.set(key, v);
  return v;
}

// --- per-snapshot derived values -------------------------------------------------------------
// Orders are kept per column array between snapshots: while the column holds the same values
// (`valuesId`), or when its new values are still in that order (one O(n) check), the same order —
// and the labels made from it — are used again. Orders and labels are shared, read-only.
// An order recomputed for the same array object is written into the buffer of the last one (no
// allocation per step); its labels are then marked stale and rewritten in place when next asked for.
const lastOrder = new WeakMap<object, { id: number; order: Int32Array }>();
const labelsOf = new WeakMap<Int32Array, Map<number, { q: Uint8Array; fresh: boolean }>>();

/** True when `order` lists `x` ascending, ties by index (argsort's order). */
function inOrder(x: Num, order: Int32Array): boolean {
  for (let r = 1; r < order.length; r++) {
    const a = x[order[r - 1]!]!, b = x[order[r]!]!;
    if (!(a < b) && !(a === b && order[r - 1]! < order[r]!)) return false;
  }
  return true;
}

/** argsort(x), reusing the order last computed for this array object when it still holds. */
function orderOf(s: Snapshot, x: Float64Array | Float32Array, name: string): Int32Array {
  const id = snapshotValuesId(s, name, x);
  const prev = lastOrder.get(x);
  if (prev && prev.order.length === x.length && (prev.id === id || inOrder(x, prev.order))) {
    prev.id = id;
    return prev.order;
  }
  if (prev && prev.order.length === x.length) {
    argsort(x, prev.order);
    prev.id = id;
    const m = labelsOf.get(prev.order);
    if (m) for (const e of m.values()) e.fresh = false;
    return prev.order;
  }
  const o = argsort(x);
  lastOrder.set(x, { id, order: o });
  return o;
}

function quantileOf(order: Int32Array, k: number): Uint8Array {
  let m = labelsOf.get(order);
  if (!m) labelsOf.set(order, (m = new Map()));
  const e = m.get(k);
  if (!e) {
    const q = quantileLabels(order, k);
    m.set(k, { q, fresh: true });
    return q;
  }
  if (!e.fresh) {
    quantileLabels(order, k, e.q);
    e.fresh = true;
  }
  return e.q;
}

export const wealthOrder = (s: Snapshot): Int32Array => memo(s, 'wealth.order', () => orderOf(s, s.wealth, 'wealth'));
export const wealthQuantile = (s: Snapshot, k: number): Uint8Array => quantileOf(wealthOrder(s), k);

/** Null when the run has no primary score. */
export function scoreOrder(s: Snapshot): Int32Array | null {
  const x = s.score;
  return x ? memo(s, 'score.order', () => orderOf(s, x, 'score')) : null;
}
export function scoreQuantile(s: Snapshot, k: number): Uint8Array | null {
  const o = scoreOrder(s);
  return o ? quantileOf(o, k) : null;
}

/** Agents per group code (length ≥ 2: index 0 majority, 1 minority). */
export function groupSizes(s: Snapshot): Int32Array {
  return memo(s, 'group.sizes', () => {
    const g = s.group, n = s.n, c = new Int32Array(256);
    for (let i = 0; i < n; i++) c[g[i]!]!++;
    let max = 1;
    for (let k = 255; k > 1; k--)
      if (c[k]! > 0) {
        max = k;
        break;
      }
    return c.slice(0, max + 1);
  });
}

/** Number of group codes with at least one agent. */
export function groupsPresent(s: Snapshot): number {
  let k = 0;
  for (const c of groupSizes(s)) if (c > 0) k++;
  return k;
}

// --- ids of contents ------------------------------------------------------------------------
let nextId = 1;
type Plain = Float64Array | Float32Array | Int32Array | Uint8Array;

interface ValuesCopy {
  copy: Plain;
  id: number;
}
const valueCopies = new WeakMap<object, ValuesCopy>();

/** 32-bit words of an array's bytes (its first ⌊bytes / 4⌋ words; the bytes after them are compared one by one). */
const words = (a: Plain): Int32Array =>
  a instanceof Int32Array ? a : new Int32Array(a.buffer, a.byteOffset, a.byteLength >> 2);

/**
 * Word-by-word equality, four words per turn; the last four words are compared once more at the
 * end instead of a tail loop (so every line runs on every call and the compiled loop keeps its
 * feedback).
 */
function sameWordsAt(a: Int32Array, b: Int32Array): boolean {
  const m = a.length;
  if (m !== b.length) return false;
  if (m < 4) return shortSame(a, b);
  const last = m - 4;
  let i = 0;
  for (; i < last; i += 4) if (((a[i]! ^ b[i]!) | (a[i + 1]! ^ b[i + 1]!) | (a[i + 2]! ^ b[i + 2]!) | (a[i + 3]! ^ b[i + 3]!)) !== 0) return false;
  return ((a[last]! ^ b[last]!) | (a[last + 1]! ^ b[last + 1]!) | (a[last + 2]! ^ b[last + 2]!) | (a[last + 3]! ^ b[last + 3]!)) === 0;
}

function shortSame(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when `a` and `b` are arrays of one kind holding the same bits (so NaN matches NaN, −0 does not match 0). */
export function sameBits(a: Plain, b: Plain): boolean {
  if (a.constructor !== b.constructor || a.length !== b.length) return false;
  if (a instanceof Uint8Array) {
    const q = (a.byteOffset & 3) === 0 && (b.byteOffset & 3) === 0 ? a.length >> 2 : 0;
    if (q > 0 && !sameWordsAt(new Int32Array(a.buffer, a.byteOffset, q), new Int32Array(b.buffer, b.byteOffset, q))) return false;
    for (let i = 4 * q; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  return sameWordsAt(words(a), words(b));
}

/** Bitwise equality of Int32 columns. */
export const sameInts = (a: Int32Array, b: Int32Array): boolean => sameBits(a, b);

/**
 * An id for the values `a` holds now: the id of the last call for this array object while its
 * bits are the same, else a new one (and a copy).
 */
export function valuesId(a: Plain): number {
  const c = valueCopies.get(a);
  if (c && sameBits(c.copy, a)) return c.id;
  const id = nextId++;
  if (c && c.copy.length === a.length) {
    c.copy.set(a as never);
    c.id = id;
  } else valueCopies.set(a, { copy: a.slice(), id });
  return id;
}

/** `valuesId` of a snapshot's array under `name` (`wealth`, `score`, `group`), once per snapshot. */
export function snapshotValuesId(s: Snapshot, name: string, a: Plain): number {
  return memo(s, `values.${name}`, () => valuesId(a));
}

/** Pearson correlation of x and y over agents with mask[i] (all when no mask); null if undefined. */
export function pearson(x: Num, y: Num, mask?: Num): number | null {
  const n = x.length;
  let c = 0, sx = 0, sy = 0;
  for (let i = 0; i < n; i++) {
    if (mask && !mask[i]) continue;
    c++;
    sx += x[i]!;
    sy += y[i]!;
  }
  if (c < 2) return null;
  const mx = sx / c, my = sy / c;
  let vxx = 0, vyy = 0, vxy = 0;
  for (let i = 0; i < n; i++) {
    if (mask && !mask[i]) continue;
    const dx = x[i]! - mx, dy = y[i]! - my;
    vxx += dx * dx;
    vyy += dy * dy;
    vxy += dx * dy;
  }
  if (!(vxx > 0 && vyy > 0)) return null;
  return fin(vxy / Math.sqrt(vxx * vyy));
}

/** A metric parameter from `record.params`, checked; `def` when absent. */
export function param(s: Snapshot, key: string, def: number, check: 'positive' | 'posint' | 'nonneg'): number {
  const v = s.metricParams[key];
  if (v === undefined || v === null) return def;
  const ok =
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (check === 'nonneg' ? v >= 0 : v > 0) &&
    (check !== 'posint' || Number.isInteger(v));
  const what = check === 'posint' ? 'a positive integer' : check === 'positive' ? 'a positive number' : 'a number ≥ 0';
  if (!ok) throw fieldError(undefined, `record.params.${key}`, what, v);
  return v as number;
}
