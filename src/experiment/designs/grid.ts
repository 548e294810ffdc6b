/**
 * Full factorial grid: every key whose value is an array is swept, scalars are held.
 *
 * The cartesian product is enumerated in a stable order: keys in insertion order, the first
 * swept key varying slowest (like nested for-loops written top to bottom). Nested plain objects
 * are flattened to dotted keys (`{regimes: {sesame: {friendWeight: [1, 2]}}}` sweeps
 * `regimes.sesame.friendWeight`); callers may also pass dotted keys directly. Each point holds
 * every key, swept or held, so a point is a complete description of its run (its seed can be
 * derived from it, and adding a level never shifts other points' seeds).
 */
import { UserError, describeValue } from '../../core/errors.js';
import type { Point } from './types.js';

type Scalar = number | string | boolean;

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Flattens nested plain objects to dotted keys, keeping insertion order. */
function flatten(spec: Record<string, unknown>, prefix: string, out: [string, unknown][]): void {
  for (const [k, v] of Object.entries(spec)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) flatten(v, key, out);
    else out.push([key, v]);
  }
}

/** All points of the grid spanned by `spec` (one point when nothing is swept). */
export function gridDesign(spec: Record<string, unknown>): Point[] {
  if (!isPlainObject(spec)) throw new UserError(`designs/grid: expected an object of parameters, found ${describeValue(spec)}`);
  const entries: [string, unknown][] = [];
  flatten(spec, '', entries);
  const keys: string[] = [];
  const levels: Scalar[][] = [];
  const seen = new Set<string>();
  for (const [key, v] of entries) {
    if (seen.has(key)) throw new UserError(`designs/grid: ${key}: given twice (once dotted, once nested)`);
    seen.add(key);
    const vals = Array.isArray(v) ? v : [v];
    if (Array.isArray(v) && v.length === 0) throw new UserError(`designs/grid: ${key}: an empty list sweeps nothing`);
    vals.forEach((x, i) => {
      if (!isScalar(x)) {
        const at = Array.isArray(v) ? `${key}[${i}]` : key;
        throw new UserError(`designs/grid: ${at}: expected a number, string or boolean, found ${describeValue(x)}`);
      }
    });
    keys.push(key);
    levels.push(vals as Scalar[]);
  }
  const total = levels.reduce((p, l) => p * l.length, 1);
  const points: Point[] = [];
  const idx = new Array<number>(keys.length).fill(0);
  for (let n = 0; n < total; n++) {
    const p: Point = {};
    for (let j = 0; j < keys.length; j++) p[keys[j]!] = levels[j]![idx[j]!]!;
    points.push(p);
    // odometer: the last key turns fastest
    for (let j = keys.length - 1; j >= 0; j--) {
      if (++idx[j]! < levels[j]!.length) break;
      idx[j] = 0;
    }
  }
  return points;
}
