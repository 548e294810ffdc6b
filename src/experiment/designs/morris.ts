/**
 * Morris elementary-effects screening.
 *
 * Morris (1991), "Factorial sampling plans for preliminary computational experiments",
 * Technometrics 33(2):161–174: r random one-at-a-time trajectories of k + 1 points on a
 * p-level grid {0, 1/(p−1), …, 1}^k, each step moving one factor by Δ = p / (2(p − 1)).
 * Each trajectory starts at a uniformly chosen grid level per factor and moves up by Δ from
 * the lower half of the grid, down from the upper half (so every level is equally likely, as in
 * Morris's B* construction), in a random factor order. p must be even, so Δ lies on the grid.
 * Indices: μ (mean elementary effect), σ (its standard deviation, n − 1 divisor; NaN when
 * r = 1) and μ* (mean absolute effect; Campolongo, Cariboni & Saltelli 2007, Environ. Model.
 * Softw. 22:1509–1518). Elementary effects are per unit of the factor's normalised [0, 1]
 * range, so factors with different units are comparable (as in SALib).
 */
import { UserError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { checkCount, checkFactors, toFactorValue, type DesignPlan, type Factor, type Point } from './types.js';

/** What a Morris design records to compute its indices. */
export interface MorrisMeta {
  method: 'morris1991';
  r: number;
  levels: number;
  /** Step in unit (normalised) coordinates. */
  delta: number;
  factors: string[];
  /** Per point: its trajectory. */
  trajectory: number[];
  /** Per point: the factor moved to reach it (−1 for a trajectory's base point). */
  moved: number[];
  /** Per point: +1 or −1, the direction of that move (0 for a base point). */
  sign: number[];
}

/** Morris indices of a factor: mean, mean of absolute and sd of elementary effects. */
export interface MorrisIndices {
  mu: number[];
  muStar: number[];
  sigma: number[];
}

/** r trajectories of k + 1 points each: r(k + 1) points. */
export function morrisDesign(factors: Factor[], r: number, levels: number, rng: Rng): DesignPlan {
  checkFactors('designs/morris', factors);
  checkCount('designs/morris', 'r', r);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new UserError(`designs/morris: levels: expected an even integer ≥ 2, found ${levels}`);
  }
  const k = factors.length;
  const p = levels;
  const half = p / 2; // Δ in grid steps: p/(2(p−1)) · (p−1)
  const meta: MorrisMeta = {
    method: 'morris1991',
    r,
    levels: p,
    delta: p / (2 * (p - 1)),
    factors: factors.map((f) => f.name),
    trajectory: [],
    moved: [],
    sign: [],
  };
  const points: Point[] = [];
  const toPoint = (lv: number[]): Point => {
    const pt: Point = {};
    factors.forEach((f, j) => (pt[f.name] = toFactorValue(f, lv[j]! / (p - 1))));
    return pt;
  };
  const order = new Float64Array(k);
  for (let t = 0; t < r; t++) {
    const lv = factors.map(() => rng.int(p));
    const dir = lv.map((l) => (l < half ? 1 : -1));
    for (let j = 0; j < k; j++) order[j] = j;
    rng.shuffle(order);
    points.push(toPoint(lv));
    meta.trajectory.push(t);
    meta.moved.push(-1);
    meta.sign.push(0);
    for (let m = 0; m < k; m++) {
      const i = order[m]!;
      lv[i] = lv[i]! + dir[i]! * half;
      points.push(toPoint(lv));
      meta.trajectory.push(t);
      meta.moved.push(i);
      meta.sign.push(dir[i]!);
    }
  }
  return { kind: 'morris', points, meta };
}

/** μ, μ* and σ of the elementary effects, per factor, from outputs `y` aligned with the points. */
export function morrisIndices(design: DesignPlan, y: number[]): MorrisIndices {
  const meta = design.meta as MorrisMeta;
  if (design.kind !== 'morris' || meta?.method !== 'morris1991') {
    throw new UserError(`designs/morris: morrisIndices needs a morris design, found kind '${design.kind}'`);
  }
  if (y.length !== design.points.length) {
    throw new UserError(`designs/morris: y: expected ${design.points.length} outputs, found ${y.length}`);
  }
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new UserError(`designs/morris: y[${bad}]: expected a finite number, found ${y[bad]}`);
  const k = meta.factors.length;
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (let q = 0; q < y.length; q++) {
    const i = meta.moved[q]!;
    if (i < 0) continue;
    if (meta.trajectory[q - 1] !== meta.trajectory[q]) {
      throw new UserError(`designs/morris: point ${q} has no predecessor in its trajectory`);
    }
    effects[i]!.push((meta.sign[q]! * (y[q]! - y[q - 1]!)) / meta.delta);
  }
  const mu: number[] = [];
  const muStar: number[] = [];
  const sigma: number[] = [];
  for (const ee of effects) {
    const n = ee.length;
    const m = ee.reduce((s, e) => s + e, 0) / n;
    mu.push(m);
    muStar.push(ee.reduce((s, e) => s + Math.abs(e), 0) / n);
    sigma.push(n > 1 ? Math.sqrt(ee.reduce((s, e) => s + (e - m) ** 2, 0) / (n - 1)) : NaN);
  }
  return { mu, muStar, sigma };
}
