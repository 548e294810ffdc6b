/**
 * Saltelli sampling and Sobol sensitivity indices (first order and total).
 *
 * Saltelli, Annoni, Azzini, Campolongo, Ratto & Tarantola (2010), "Variance based sensitivity
 * analysis of model output. Design and estimator for the total sensitivity index", Comput.
 * Phys. Commun. 181:259–270. Design (§3): two N×k matrices A and B from one 2k-dimensional
 * Sobol sequence (A = first k columns, B = last k), and for each factor i the matrix A_B^(i):
 * A with its column i taken from B — N(k + 2) model runs. Estimators (Table 2):
 *   V_i  ≈ (1/N) Σ_j f(B)_j [f(A_B^(i))_j − f(A)_j]          (b), Saltelli 2010
 *   VT_i ≈ (1/2N) Σ_j [f(A)_j − f(A_B^(i))_j]²               (f), Jansen 1999
 * with S1_i = V_i / V and ST_i = VT_i / V, V the variance of f over the rows of A and B.
 * Confidence: a seeded bootstrap over rows (Archer, Saltelli & Sobol 1997), reported as the
 * half-width of a normal 95 % interval, 1.96 × bootstrap s.d. (as SALib does).
 *
 * Run order (meta.matrix): row by row, A_j, A_B^(1)_j … A_B^(k)_j, B_j, so any prefix of
 * whole rows is itself a valid smaller design.
 */
import { UserError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { sobolSequence, SOBOL_MAX_DIM } from './sobol.js';
import { checkCount, checkFactors, toFactorValue, type DesignPlan, type Factor, type Point } from './types.js';

/** Options of a Saltelli sample: base samples, second-order indices, seed. */
export interface SaltelliOptions {
  /** Sobol points to skip first (default 0; the origin is a valid point of the net). */
  skip?: number;
  /** When given, the Sobol sequence gets a random digital shift drawn from this generator. */
  rng?: Rng;
}

/** What a Saltelli design records to compute Sobol indices. */
export interface SaltelliMeta {
  method: 'saltelli2010';
  /** Base sample size (rows of A and of B). */
  N: number;
  factors: string[];
  /** Per point: 0 = A, i + 1 = A_B^(i) (0-based factor i), k + 1 = B. Names in `matrixNames`. */
  matrix: number[];
  /** Per point: the row j of its matrix. */
  row: number[];
  matrixNames: string[];
  skip: number;
  shifted: boolean;
}

/** First-order and total Sobol indices of each factor, with confidence intervals. */
export interface SobolIndices {
  S1: number[];
  ST: number[];
  S1_conf?: number[];
  ST_conf?: number[];
}

/** The Saltelli design: N(k + 2) points over the factors. */
export function saltelliDesign(factors: Factor[], N: number, opts: SaltelliOptions = {}): DesignPlan {
  checkFactors('designs/saltelli', factors);
  checkCount('designs/saltelli', 'N', N, 2);
  const k = factors.length;
  if (2 * k > SOBOL_MAX_DIM) {
    throw new UserError(`designs/saltelli: factors: at most ${Math.floor(SOBOL_MAX_DIM / 2)} factors, found ${k}`);
  }
  const skip = opts.skip ?? 0;
  const seq = sobolSequence(N, 2 * k, { skip, rng: opts.rng });
  const toPoint = (u: (j: number) => number): Point => {
    const p: Point = {};
    factors.forEach((f, j) => (p[f.name] = toFactorValue(f, u(j))));
    return p;
  };
  const points: Point[] = [];
  const matrix: number[] = [];
  const row: number[] = [];
  for (let r = 0; r < N; r++) {
    const s = seq[r]!;
    points.push(toPoint((j) => s[j]!));
    for (let i = 0; i < k; i++) points.push(toPoint((j) => (j === i ? s[k + j]! : s[j]!)));
    points.push(toPoint((j) => s[k + j]!));
    for (let m = 0; m <= k + 1; m++) {
      matrix.push(m);
      row.push(r);
    }
  }
  const names = factors.map((f) => f.name);
  const meta: SaltelliMeta = {
    method: 'saltelli2010',
    N,
    factors: names,
    matrix,
    row,
    matrixNames: ['A', ...names.map((n) => `AB:${n}`), 'B'],
    skip,
    shifted: opts.rng !== undefined,
  };
  return { kind: 'saltelli', points, meta };
}

function estimate(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], rows: ArrayLike<number>): [number[], number[]] {
  const n = rows.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += fA[rows[t]!]! + fB[rows[t]!]!;
  mean /= 2 * n;
  let v = 0;
  for (let t = 0; t < n; t++) v += (fA[rows[t]!]! - mean) ** 2 + (fB[rows[t]!]! - mean) ** 2;
  v /= 2 * n;
  const S1: number[] = [];
  const ST: number[] = [];
  for (const fi of fAB) {
    let s1 = 0;
    let st = 0;
    for (let t = 0; t < n; t++) {
      const j = rows[t]!;
      s1 += fB[j]! * (fi[j]! - fA[j]!);
      st += (fA[j]! - fi[j]!) ** 2;
    }
    S1.push(v > 0 ? s1 / n / v : NaN);
    ST.push(v > 0 ? st / (2 * n) / v : NaN);
  }
  return [S1, ST];
}

/**
 * Sobol indices from the outputs `y` (aligned with `design.points`). NaN where y has no variance.
 * With `resamples` and `rng`, adds bootstrap 95 % half-widths `S1_conf` and `ST_conf`.
 */
export function sobolIndices(design: DesignPlan, y: number[], opts: { resamples?: number; rng?: Rng } = {}): SobolIndices {
  const meta = design.meta as SaltelliMeta;
  if (design.kind !== 'saltelli' || meta?.method !== 'saltelli2010') {
    throw new UserError(`designs/saltelli: sobolIndices needs a saltelli design, found kind '${design.kind}'`);
  }
  if (y.length !== design.points.length) {
    throw new UserError(`designs/saltelli: y: expected ${design.points.length} outputs, found ${y.length}`);
  }
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new UserError(`designs/saltelli: y[${bad}]: expected a finite number, found ${y[bad]}`);
  const { N, factors } = meta;
  const k = factors.length;
  const fA = new Float64Array(N);
  const fB = new Float64Array(N);
  const fAB = Array.from({ length: k }, () => new Float64Array(N));
  y.forEach((v, p) => {
    const m = meta.matrix[p]!;
    const j = meta.row[p]!;
    if (m === 0) fA[j] = v;
    else if (m === k + 1) fB[j] = v;
    else fAB[m - 1]![j] = v;
  });
  const all = Uint32Array.from({ length: N }, (_, j) => j);
  const [S1, ST] = estimate(fA, fB, fAB, all);
  if (!opts.resamples || !opts.rng) return { S1, ST };
  checkCount('designs/saltelli', 'resamples', opts.resamples, 2);
  const sum1 = new Float64Array(k), sq1 = new Float64Array(k), sumT = new Float64Array(k), sqT = new Float64Array(k);
  const pick = new Uint32Array(N);
  for (let b = 0; b < opts.resamples; b++) {
    for (let t = 0; t < N; t++) pick[t] = opts.rng.int(N);
    const [s1, st] = estimate(fA, fB, fAB, pick);
    for (let i = 0; i < k; i++) {
      sum1[i] += s1[i]!;
      sq1[i] += s1[i]! ** 2;
      sumT[i] += st[i]!;
      sqT[i] += st[i]! ** 2;
    }
  }
  const B = opts.resamples;
  const half = (s: number, q: number) => 1.959964 * Math.sqrt(Math.max(0, (q - (s * s) / B) / (B - 1)));
  return {
    S1,
    ST,
    S1_conf: S1.map((_, i) => half(sum1[i]!, sq1[i]!)),
    ST_conf: ST.map((_, i) => half(sumT[i]!, sqT[i]!)),
  };
}
