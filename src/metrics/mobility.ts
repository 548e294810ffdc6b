/**
 * Mobility helpers (no metric of its own), used by shorrocks-mobility.ts and bottom-persistence.ts.
 *
 * - `shorrocks(P)` = (k − tr P)/(k − 1) for a k × k row-stochastic transition matrix P: 0 for no
 *   mobility (P = I), 1 when every row is the same (the destination does not depend on the
 *   origin), k/(k − 1) at most (tr P = 0).
 * - `transitionMatrix(from, to, k)`: the row-normalised transition matrix between two label
 *   vectors; `transitionCounts` the same for 5 quintile labels with `from` packed 4 bits per agent.
 * - The window of both metrics: the reference step is the latest recorded step at least `window`
 *   days before now, else (before a full window has passed) the earliest recorded step
 *   (`refIndex`). `windowOf(s, key)` reads the window parameter: `shorrocks_mobility.window`
 *   (default 364 days = 52 weeks), or `bottom_persistence.window` (default the Shorrocks window).
 *
 * Reference: A. F. Shorrocks, "The measurement of mobility", Econometrica 46(5):1013–1024 (1978).
 */
import type { Snapshot } from '../core/snapshot.js';
import { param, type Num } from './util.js';

/** Shorrocks' mobility index (k − tr P)/(k − 1) of a k × k transition matrix (k ≥ 2). */
export function shorrocks(P: readonly (readonly number[])[]): number {
  const k = P.length;
  let tr = 0;
  for (let i = 0; i < k; i++) tr += P[i]![i]!;
  return (k - tr) / (k - 1);
}

/** Row-normalised k × k transition matrix from labels `from` to labels `to` (empty rows stay 0). */
export function transitionMatrix(from: Num, to: Num, k: number): number[][] {
  const P = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < from.length; i++) P[from[i]!]![to[i]!]!++;
  for (const row of P) {
    const t = row.reduce((a, b) => a + b, 0);
    if (t > 0) for (let j = 0; j < k; j++) row[j]! /= t;
  }
  return P;
}

/** The 5 × 5 quintile transition matrix (as `transitionMatrix`) from 4-bit packed labels `from` to `to`. */
export function transitionCounts(from: Uint8Array, to: Uint8Array, n: number): number[][] {
  const c = new Int32Array(25);
  for (let i = 0; i + 1 < n; i += 2) {
    const b = from[i >> 1]!;
    c[(b & 15) * 5 + to[i]!]!++;
    c[(b >> 4) * 5 + to[i + 1]!]!++;
  }
  if (n & 1) c[from[n >> 1]! * 5 + to[n - 1]!]!++;
  const P = Array.from({ length: 5 }, (_, f) => Array.from(c.subarray(f * 5, f * 5 + 5)));
  for (const row of P) {
    const t = row.reduce((a, b) => a + b, 0);
    if (t > 0) for (let j = 0; j < 5; j++) row[j]! /= t;
  }
  return P;
}

/** Index of the reference entry: the latest with day ≤ now − window, else 0. */
export function refIndex(days: readonly number[], now: number, window: number): number {
  for (let h = days.length - 1; h >= 0; h--) if (days[h]! <= now - window) return h;
  return 0;
}

/** The window (days) of the metric whose parameter is `key`; `bottom_persistence.window` defaults to the Shorrocks window. */
export function windowOf(s: Snapshot, key: string): number {
  const base = param(s, 'shorrocks_mobility.window', 364, 'nonneg');
  return key === 'shorrocks_mobility.window' ? base : param(s, key, base, 'nonneg');
}
