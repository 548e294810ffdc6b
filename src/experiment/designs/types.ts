/**
 * Experiment designs: the shared types and the unit-cube → factor mapping.
 *
 * A design is a list of parameter points to run. Sampling designs (Latin hypercube, Saltelli,
 * Morris) draw in the unit cube [0, 1)^k and map each coordinate to a factor's range here, so
 * every design treats `int` and `log` factors the same way. A design that needs its own
 * estimator afterwards (Saltelli → Sobol indices, Morris → elementary effects) returns a
 * `DesignPlan` whose `meta` records which matrix / trajectory each point belongs to.
 *
 * Designs are deterministic given their inputs: randomness comes only from the `Rng` passed in
 * (see ../../core/rng.ts), so seeds can be derived from what an experiment is.
 */
import { UserError } from '../../core/errors.js';

/** A factor swept by a sampling design. `log`: uniform in log space (needs min > 0). `int`: rounded. */
export interface Factor {
  name: string;
  min: number;
  max: number;
  int?: boolean;
  log?: boolean;
}

/** One parameter point: flat (possibly dotted) keys to values. */
export type Point = Record<string, number | string | boolean>;

/** A design with the bookkeeping its estimator needs. */
export interface DesignPlan {
  kind: string;
  points: Point[];
  meta: unknown;
}

/** Maps a unit coordinate u ∈ [0, 1] to the factor's range (log-uniform and integer aware). */
export function toFactorValue(f: Factor, u: number): number {
  let v: number;
  if (f.log) {
    const lo = Math.log(f.min);
    v = Math.exp(lo + u * (Math.log(f.max) - lo));
  } else {
    v = f.min + u * (f.max - f.min);
  }
  if (f.int) v = Math.round(v);
  return Math.min(f.max, Math.max(f.min, v));
}

/** Checks a factor list once at a design's entry point; errors name the module and the field. */
export function checkFactors(module: string, factors: readonly Factor[]): void {
  if (!Array.isArray(factors) || factors.length === 0) {
    throw new UserError(`${module}: factors: expected at least one factor`);
  }
  const seen = new Set<string>();
  factors.forEach((f, i) => {
    const where = `${module}: factors[${i}]`;
    if (typeof f.name !== 'string' || f.name === '') throw new UserError(`${where}.name: expected a non-empty string`);
    if (seen.has(f.name)) throw new UserError(`${where}.name: duplicate factor '${f.name}'`);
    seen.add(f.name);
    if (!Number.isFinite(f.min) || !Number.isFinite(f.max) || !(f.max > f.min)) {
      throw new UserError(`${where} ('${f.name}'): expected finite min < max, found [${f.min}, ${f.max}]`);
    }
    if (f.log && !(f.min > 0)) throw new UserError(`${where} ('${f.name}'): a log factor needs min > 0, found ${f.min}`);
  });
}

/** Checks a positive integer count. */
export function checkCount(module: string, field: string, n: number, min = 1): void {
  if (!Number.isInteger(n) || n < min) throw new UserError(`${module}: ${field}: expected an integer ≥ ${min}, found ${n}`);
}
