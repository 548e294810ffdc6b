/**
 * Inequality helpers (no metric of its own), used by gini-wealth.ts, gini-score.ts and
 * theil-wealth.ts.
 *
 * Gini, n² form: G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), computed on sorted values x_(0) ≤ … ≤ x_(n−1)
 * as G = Σ_r (2r − n + 1) x_(r) / (n Σ x) (O(n log n) — O(n) with the radix argsort). Values are
 * used as they are (negative wealth — debt — is allowed and can push G above 1); null when n = 0 or
 * the mean is ≤ 0. [1, 1, 1, 1] → 0; [0, 0, 0, 1] → 0.75.
 *
 * Theil: T = (1/n) Σ (x_i/μ) ln(x_i/μ), with 0 ln 0 = 0. The logarithm needs x ≥ 0, so values are
 * floored at 0 (debts count as no wealth). Between-group part (groups of the `group` column):
 * T_between = Σ_g (N_g/N)(μ_g/μ) ln(μ_g/μ); null with fewer than two groups present.
 * `theilWithBetween` computes both in one pass, with the same sums as `theil` and `theilBetween`.
 *
 * References: Gini, "Variabilità e mutabilità" (1912); Theil, Economics and Information Theory (1967).
 */
import { fin, type Num } from './util.js';

/** Gini of x given the ascending `order` of its indices; null if n = 0 or mean ≤ 0. */
export function giniOrdered(x: Num, order: ArrayLike<number>): number | null {
  const n = order.length;
  let sum = 0, acc = 0;
  for (let r = 0; r < n; r++) {
    const v = x[order[r]!]!;
    sum += v;
    acc += (2 * r - n + 1) * v;
  }
  return n > 0 && sum > 0 ? fin(acc / (n * sum)) : null;
}

/** Gini coefficient (n² form) of a list of values; null if empty or mean ≤ 0. */
export function gini(values: Num): number | null {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return giniOrdered(sorted, Int32Array.from({ length: sorted.length }, (_, i) => i));
}

/** Theil T index of non-negative values (negatives floored at 0); null if empty or all 0. */
export function theil(values: Num): number | null {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.max(0, values[i]!);
  if (n === 0 || !(sum > 0)) return null;
  const mu = sum / n;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.max(0, values[i]!) / mu;
    if (r > 0) t += r * Math.log(r);
  }
  return fin(t / n);
}

/** Between-group part of Theil's T (values floored at 0); null if fewer than two groups or all 0. */
export function theilBetween(values: Num, group: Num): number | null {
  const n = values.length;
  const sums: number[] = [], counts: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    const v = Math.max(0, values[i]!);
    sums[g] = (sums[g] ?? 0) + v;
    counts[g] = (counts[g] ?? 0) + 1;
    sum += v;
  }
  if (counts.filter((c) => c > 0).length < 2 || !(sum > 0)) return null;
  const mu = sum / n;
  let t = 0;
  for (let g = 0; g < counts.length; g++) {
    const c = counts[g];
    if (!c) continue;
    const r = sums[g]! / c / mu;
    if (r > 0) t += (c / n) * r * Math.log(r);
  }
  return fin(t);
}

/** [Theil T, between-group part] of `values` by `group` codes (< 256) in one pass: the same sums as `theil` and `theilBetween`. */
export function theilWithBetween(values: Float64Array, group: Uint8Array): [number | null, number | null] {
  const n = values.length;
  const gs = new Float64Array(256), gc = new Float64Array(256);
  let sum = 0, top = 0;
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    const v = Math.max(0, values[i]!);
    gs[g]! += v;
    gc[g]!++;
    sum += v;
    if (g > top) top = g;
  }
  if (n === 0 || !(sum > 0)) return [null, null];
  const mu = sum / n;
  let t = 0, present = 0, tb = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.max(0, values[i]!) / mu;
    if (r > 0) t += r * Math.log(r);
  }
  for (let g = 0; g <= top; g++) {
    const c = gc[g]!;
    if (!c) continue;
    present++;
    const r = gs[g]! / c / mu;
    if (r > 0) tb += (c / n) * r * Math.log(r);
  }
  return [fin(t / n), present < 2 ? null : fin(tb)];
}
