/**
 * Shared machinery of the metrics (no metric of its own).
 *
 * - `memo(snap, key, fn)`: derived arrays (sort orders, quantile labels, group sizes, the tie
 *   pass) are computed once per snapshot and shared by every metric that needs them; the cache is
 *   a WeakMap keyed by the snapshot object (and checked against its step and day).
 * - wealth / score orders (radix argsort, argsort.ts) and quantile labels: agents ranked by value,
 *   ties broken by agent index, label = floor(k · rank / n) (quintile k = 5, decile k = 10); an
 *   order still valid for the next snapshot's values is checked in O(n) and used again.
 * - `sameValues`: an O(n) check that a column still holds the values a metric last saw.
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

/** Computes `fn()` once per snapshot under `key`. */
export function memo<T>(snap: Snapshot, key: string, fn: () => T): T {
  let e = store.get(snap);
  if (!e || e.step !== snap.step || e.day !== snap.day) {
    e = { step: snap.step, day: snap.day, map: new Map() };
    store.set(snap, e);
  }
  if (e.map.has(key)) return e.map.get(key) as T;
  const v = fn();
  e.map.set(key, v);
  return v;
}

// --- per-snapshot derived values -------------------------------------------------------------
// Orders are kept per column array between snapshots: when the values are still in that order (one
// O(n) check: static wealth, say), the same order — and the labels made from it — are used again.
// Orders and labels are shared, read-only.
const lastOrder = new WeakMap<object, Int32Array>();
const labelsOf = new WeakMap<Int32Array, Map<number, Uint8Array>>();

/** True when `order` lists `x` ascending, ties by index (argsort's order). */
function inOrder(x: Num, order: Int32Array): boolean {
  for (let r = 1; r < order.length; r++) {
    const a = x[order[r - 1]!]!, b = x[order[r]!]!;
    if (!(a < b) && !(a === b && order[r - 1]! < order[r]!)) return false;
  }
  return true;
}

/** argsort(x), reusing the order last computed for this array object when it still holds. */
function orderOf(x: Num): Int32Array {
  const prev = lastOrder.get(x);
  if (prev && prev.length === x.length && inOrder(x, prev)) return prev;
  const o = argsort(x);
  lastOrder.set(x, o);
  return o;
}

function quantileOf(order: Int32Array, k: number): Uint8Array {
  let m = labelsOf.get(order);
  if (!m) labelsOf.set(order, (m = new Map()));
  let q = m.get(k);
  if (!q) m.set(k, (q = quantileLabels(order, k)));
  return q;
}

export const wealthOrder = (s: Snapshot): Int32Array => memo(s, 'wealth.order', () => orderOf(s.wealth));
export const wealthQuantile = (s: Snapshot, k: number): Uint8Array => quantileOf(wealthOrder(s), k);

/** Null when the run has no primary score. */
export function scoreOrder(s: Snapshot): Int32Array | null {
  const x = s.score;
  return x ? memo(s, 'score.order', () => orderOf(x)) : null;
}
export function scoreQuantile(s: Snapshot, k: number): Uint8Array | null {
  const o = scoreOrder(s);
  return o ? quantileOf(o, k) : null;
}

/** Agents per group code (length ≥ 2: index 0 majority, 1 minority). */
export function groupSizes(s: Snapshot): Int32Array {
  return memo(s, 'group.sizes', () => {
    let max = 1;
    for (let i = 0; i < s.n; i++) if (s.group[i]! > max) max = s.group[i]!;
    const c = new Int32Array(max + 1);
    for (let i = 0; i < s.n; i++) c[s.group[i]!]!++;
    return c;
  });
}

/** Number of group codes with at least one agent. */
export function groupsPresent(s: Snapshot): number {
  let k = 0;
  for (const c of groupSizes(s)) if (c > 0) k++;
  return k;
}

/** True when `a` and `b` hold the same values (=== element by element; NaN never matches). */
export function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `sameValues` for byte columns (a separate function keeps each loop monomorphic). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
