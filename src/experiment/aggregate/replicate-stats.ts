/**
 * One summary of a list of replicate values (src/experiment/aggregate.ts): n, mean, sample sd and
 * the 95 % t interval, missing values left out.
 */
import { tQuantile } from './t-quantile.js';

/** Mean, standard deviation, confidence interval and count over replicates. */
export interface Stats {
  /** Values that are finite numbers. */
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null for n < 2. */
  sd: number | null;
  /** The 95 % interval mean ± t(0.975, n − 1)·sd/√n; null for n < 2. */
  low: number | null;
  high: number | null;
}

export const LEVEL = 0.95;

const T975 = new Map<number, number>();
/** t(0.975, df), computed once per df. */
function t975(df: number): number {
  let t = T975.get(df);
  if (t === undefined) T975.set(df, (t = tQuantile(1 - (1 - LEVEL) / 2, df)));
  return t;
}

export const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** n, mean, sample sd and the 95 % t interval of the finite values (others left out). */
export function replicateStats(values: readonly (number | null | undefined)[]): Stats {
  let n = 0;
  let sum = 0;
  for (const x of values) {
    if (finite(x)) {
      n++;
      sum += x;
    }
  }
  if (n === 0) return { n, mean: null, sd: null, low: null, high: null };
  const mean = sum / n;
  if (n === 1) return { n, mean, sd: null, low: null, high: null };
  let ss = 0;
  for (const x of values) if (finite(x)) ss += (x - mean) * (x - mean);
  const sd = Math.sqrt(ss / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, low: mean - half, high: mean + half };
}
