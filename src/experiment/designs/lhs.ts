/**
 * Latin hypercube sampling.
 *
 * McKay, Beckman & Conover (1979), "A comparison of three methods for selecting values of input
 * variables in the analysis of output from a computer code", Technometrics 21(2):239–245.
 * Each factor's unit range is cut into n equal strata; every stratum is hit exactly once per
 * factor, strata are paired across factors by independent random permutations, and the point
 * is drawn uniformly inside its stratum. `log` factors are stratified in log space; `int`
 * factors are rounded after stratifying (so with fewer integers than n, strata share values).
 */
import type { Rng } from '../../core/rng.js';
import { checkCount, checkFactors, toFactorValue, type Factor, type Point } from './types.js';

/** Unit-cube Latin hypercube: n rows of k coordinates in [0, 1). */
export function latinHypercubeUnit(k: number, n: number, rng: Rng): number[][] {
  const rows = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  const perm = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    rng.shuffle(perm);
    for (let i = 0; i < n; i++) rows[i]![j] = (perm[i]! + rng()) / n;
  }
  return rows;
}

/** n points of a Latin hypercube over the factors' ranges. */
export function latinHypercube(factors: Factor[], n: number, rng: Rng): Point[] {
  checkFactors('designs/lhs', factors);
  checkCount('designs/lhs', 'n', n);
  return latinHypercubeUnit(factors.length, n, rng).map((u) => {
    const p: Point = {};
    factors.forEach((f, j) => (p[f.name] = toFactorValue(f, u[j]!)));
    return p;
  });
}
