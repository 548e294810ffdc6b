/**
 * Mobility over a window of recorded steps: `shorrocks_mobility`, `bottom_persistence`.
 *
 * Shorrocks: M(P) = (k − tr P)/(k − 1) for the k × k row-stochastic quintile transition matrix P of
 * wealth (k = 5) between the reference step and now; 0 for no mobility (P = I), 1 when every row is
 * the same (the destination does not depend on the origin), k/(k − 1) at most (tr P = 0).
 * Reference step: the latest recorded step at least `window` days before now (parameter
 * `shorrocks_mobility.window`, default 364 days = 52 weeks); before a full window has passed, the
 * earliest recorded step. Null at the first recorded step and with fewer than 5 agents.
 * Wealth quintile = floor(5 · rank / n), ties broken by agent index. Past quintile vectors are kept
 * inside the closure made by `make()` (4 bits per agent per recorded step of the window).
 *
 * Bottom persistence: share of all agents in the bottom wealth decile (floor(10 · rank / n) = 0) at
 * every recorded step from the reference step (as above; parameter `bottom_persistence.window`,
 * default the Shorrocks window) to now. O(n) per step: the closure keeps, per agent, the last
 * recorded step at which the agent was outside the bottom decile. Null at the first recorded step.
 *
 * A run restarting (day going back) or a change in n resets the history.
 *
 * Reference: A. F. Shorrocks, "The measurement of mobility", Econometrica 46(5):1013–1024 (1978).
 */
import type { MetricSpec, Snapshot } from '../core/snapshot.js';
import { fin, param, wealthOrder, wealthQuantile, type Num } from './util.js';

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
function transitionCounts(from: Uint8Array, to: Uint8Array, n: number): number[][] {
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
function refIndex(days: readonly number[], now: number, window: number): number {
  for (let h = days.length - 1; h >= 0; h--) if (days[h]! <= now - window) return h;
  return 0;
}

function windowOf(s: Snapshot, key: string): number {
  const base = param(s, 'shorrocks_mobility.window', 364, 'nonneg');
  return key === 'shorrocks_mobility.window' ? base : param(s, key, base, 'nonneg');
}

export const shorrocksMobility: MetricSpec = {
  id: 'shorrocks_mobility',
  columns: ['shorrocks_mobility'],
  doc: "Shorrocks' M(P) = (k − tr P)/(k − 1) of the wealth-quintile transition matrix over the window (shorrocks_mobility.window days, default 364).",
  reference: 'Shorrocks, Econometrica 46:1013 (1978)',
  make: () => {
    let days: number[] = [];
    let packed: Uint8Array[] = [];
    let n0 = -1, last = -Infinity;
    return (s) => {
      const window = windowOf(s, 'shorrocks_mobility.window');
      const n = s.n;
      if (n !== n0 || s.day < last) {
        days = [];
        packed = [];
        n0 = n;
      }
      last = s.day;
      const q = wealthQuantile(s, 5);
      let out: number | null = null;
      if (days.length > 0 && n >= 5) {
        const r = refIndex(days, s.day, window);
        days.splice(0, r);
        packed.splice(0, r);
        out = fin(shorrocks(transitionCounts(packed[0]!, q, n)));
      }
      const p = new Uint8Array((n + 1) >> 1);
      for (let i = 0; i + 1 < n; i += 2) p[i >> 1] = q[i]! | (q[i + 1]! << 4);
      if (n & 1) p[n >> 1] = q[n - 1]!;
      days.push(s.day);
      packed.push(p);
      return { shorrocks_mobility: out };
    };
  },
};

export const bottomPersistence: MetricSpec = {
  id: 'bottom_persistence',
  columns: ['bottom_persistence'],
  doc: 'Share of agents in the bottom wealth decile at every recorded step of the window (bottom_persistence.window days, default the Shorrocks window).',
  make: () => {
    let lastOut = new Int32Array(0);
    let days: number[] = [];
    let seqs: number[] = [];
    let seq = 0, n0 = -1, last = -Infinity;
    return (s) => {
      const window = windowOf(s, 'bottom_persistence.window');
      if (s.n !== n0 || s.day < last) {
        lastOut = new Int32Array(s.n).fill(-1);
        days = [];
        seqs = [];
        seq = 0;
        n0 = s.n;
      }
      last = s.day;
      // bottom decile = the first ceil(n/10) agents in wealth order (floor(10·rank/n) = 0)
      const order = wealthOrder(s), bottom = Math.ceil(s.n / 10);
      const keep = new Int32Array(bottom);
      for (let r = 0; r < bottom; r++) keep[r] = lastOut[order[r]!]!;
      lastOut.fill(seq);
      for (let r = 0; r < bottom; r++) lastOut[order[r]!] = keep[r]!;
      days.push(s.day);
      seqs.push(seq);
      const first = seq === 0;
      seq++;
      if (first || s.n === 0) return { bottom_persistence: null };
      const r = refIndex(days, s.day, window);
      days.splice(0, r);
      seqs.splice(0, r);
      const ref = seqs[0]!;
      let c = 0; // only agents in the bottom decile now can have been there since `ref`
      for (let r = 0; r < bottom; r++) if (lastOut[order[r]!]! < ref) c++;
      return { bottom_persistence: c / s.n };
    };
  },
};
