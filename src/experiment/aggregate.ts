/**
 * Aggregates of a sweep over its replicates: the per-point table (points.csv) and the paired
 * effects of each treatment against its control (effects.csv). Pure functions of the run records,
 * so the tables they feed are byte-identical however the sweep was run.
 *
 *   points   one row per design point, recorded step and metric column (tidy long form):
 *            n = replicates with a finite value, mean, sd (sample, n − 1), and the 95 % interval
 *            mean ± t(0.975, n − 1)·sd/√n. n = 1: sd and interval null; n = 0: mean null too.
 *   effects  one row per treatment point and summary column: the replicates of the treatment and
 *            of its control are paired by replicate (the same seed under common random numbers);
 *            diff = mean of the paired differences (treatment − control), diff_sd their sample sd,
 *            the 95 % interval from the t distribution on the n differences, rel_diff =
 *            diff / |control_mean| (null when control_mean is 0).
 *
 * A missing value (null, NaN, ±Infinity) is left out and never counts as 0. The control rule is
 * the one of `ControlSpec` (./define.ts): a point that equals `control.set` on all of its keys is
 * a control; any other point is a treatment, paired with the point equal to it except for the
 * control keys set to the control values. A treatment whose partner is not in the design has no
 * control: it is left out of the effects and counted (`unpaired`).
 *
 * The Student t quantile is computed here (the regularized incomplete beta function by its
 * continued fraction, then Newton's method with a bisection bracket) rather than taken from a
 * table, so any n works; it matches tabulated values to 1e-9.
 */
import { UserError } from '../core/errors.js';
import { normalQuantile } from '../core/truth.js';
import { canonicalJson } from './canonical.js';
import type { ControlSpec } from './define.js';
import type { Point } from './designs/index.js';

// ---------------------------------------------------------------------------------------------
// Student's t distribution

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  const TINY = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** Regularized incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaFraction(1 - x, b, a)) / b;
}

/** P(T > t) for t ≥ 0 under Student's t with `df` degrees of freedom. */
function upperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

function tDensity(t: number, df: number): number {
  return Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Distribution function of Student's t with `df` > 0 degrees of freedom. */
export function tCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`tCdf: degrees of freedom must be > 0, found ${df}`);
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const q = upperTail(Math.abs(t), df);
  return t >= 0 ? 1 - q : q;
}

/**
 * Quantile of Student's t with `df` > 0 degrees of freedom (df need not be an integer):
 * tQuantile(0.975, 4) = 2.7764451051977…; exact closed forms for df = 1 and 2.
 */
export function tQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`tQuantile: degrees of freedom must be > 0, found ${df}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`tQuantile: p must be in [0, 1], found ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const q = 1 - p; // solve upperTail(t) = q for t > 0
  // start: Cornish–Fisher expansion around the normal quantile (Abramowitz & Stegun 26.7.5)
  const z = normalQuantile(p);
  const z2 = z * z;
  let t =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df * df * df);
  if (!(t > 0) || !Number.isFinite(t)) t = z > 0 ? z : 1;
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 200; i++) {
    const f = upperTail(t, df) - q; // decreasing in t
    if (f > 0) lo = Math.max(lo, t);
    else hi = Math.min(hi, t);
    let next = t + f / tDensity(t, df);
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : Math.max(2 * t, lo + 1);
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, t)) return next;
    t = next;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// One summary of a list of replicate values

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

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

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

// ---------------------------------------------------------------------------------------------
// The points table

/** What the aggregates read of a finished run (a sweep's run record has all of it). */
export interface RunValues {
  /** Index of the design point (plan.points). */
  point: number;
  replicate: number;
  seed: number;
  /** Step-table columns, aligned with each row (`step` and `day` among them). */
  columns?: string[];
  rows?: (number | null)[][];
  /** The run's summary row (runs.csv). */
  summary?: Record<string, number | null>;
}

export type Cell = number | string | boolean | null;
export type TidyRow = Record<string, Cell>;

export interface TidyTable {
  /** Column names in order. */
  columns: string[];
  rows: TidyRow[];
}

/** Step columns that are not metrics. */
export const NOT_METRICS = ['step', 'day', 'seed'];

export const POINT_STATS = ['n', 'mean', 'sd', 'ci_low', 'ci_high'];

const param = (p: Point | undefined, k: string): Cell => {
  const v = p?.[k];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return canonicalJson(v);
};

function byCanonicalOrder<T extends { point: number; replicate: number }>(runs: readonly T[]): T[] {
  return [...runs].sort((a, b) => a.point - b.point || a.replicate - b.replicate);
}

/**
 * points.csv: columns `point, <paramKeys>, step, day, metric, n, mean, sd, ci_low, ci_high`, one
 * row per (design point, recorded step, metric) in point order, then step, then metric order.
 * `metrics` defaults to every step column but step/day/seed, in order of first appearance.
 */
export function aggregatePoints(points: readonly Point[], paramKeys: readonly string[], runs: readonly RunValues[], metrics?: readonly string[]): TidyTable {
  const ordered = byCanonicalOrder(runs);
  const names = metrics ? [...metrics] : [];
  if (!metrics) {
    for (const r of ordered) for (const c of r.columns ?? []) if (!NOT_METRICS.includes(c) && !names.includes(c)) names.push(c);
  }
  const columns = ['point', ...paramKeys, 'step', 'day', 'metric', ...POINT_STATS];
  const rows: TidyRow[] = [];
  const byPoint = new Map<number, RunValues[]>();
  for (const r of ordered) {
    if (!byPoint.has(r.point)) byPoint.set(r.point, []);
    byPoint.get(r.point)!.push(r);
  }
  for (const [pi, list] of [...byPoint].sort((a, b) => a[0] - b[0])) {
    // step → (day, value of each metric for each replicate)
    const steps = new Map<number, { day: number | null; values: (number | null)[][] }>();
    for (const r of list) {
      const cols = r.columns ?? [];
      const si = cols.indexOf('step');
      const di = cols.indexOf('day');
      if (si < 0 && (r.rows?.length ?? 0) > 0) throw new Error(`aggregatePoints: run of point ${pi}, replicate ${r.replicate} has no 'step' column`);
      const at = names.map((m) => cols.indexOf(m));
      for (const row of r.rows ?? []) {
        const step = row[si];
        if (typeof step !== 'number') continue;
        let s = steps.get(step);
        if (!s) steps.set(step, (s = { day: null, values: names.map(() => []) }));
        if (s.day === null && di >= 0 && typeof row[di] === 'number') s.day = row[di] as number;
        at.forEach((j, m) => s!.values[m]!.push(j < 0 ? null : (row[j] ?? null)));
      }
    }
    for (const [step, s] of [...steps].sort((a, b) => a[0] - b[0])) {
      names.forEach((metric, m) => {
        const st = replicateStats(s.values[m]!);
        const row: TidyRow = { point: pi };
        for (const k of paramKeys) row[k] = param(points[pi], k);
        Object.assign(row, { step, day: s.day, metric, n: st.n, mean: st.mean, sd: st.sd, ci_low: st.low, ci_high: st.high });
        rows.push(row);
      });
    }
  }
  return { columns, rows };
}

// ---------------------------------------------------------------------------------------------
// The effects table

export const EFFECT_STATS = ['n', 'treatment_mean', 'control_mean', 'diff', 'diff_sd', 'ci_low', 'ci_high', 'rel_diff'];

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Whether a point is a control: it equals `control.set` on every key of the set. */
export function isControl(point: Point, control: ControlSpec): boolean {
  return Object.entries(control.set).every(([k, v]) => point[k] !== undefined && same(point[k], v));
}

export interface Pairing {
  /** Indices of the control points. */
  controls: number[];
  /** Each treatment point paired with its control point. */
  pairs: { treatment: number; control: number }[];
  /** Treatment points whose control point is not in the design. */
  unpaired: number[];
}

/** Pairs every treatment point of the design with its control point (see the file header). */
export function pairPoints(points: readonly Point[], control: ControlSpec): Pairing {
  const index = new Map<string, number>();
  points.forEach((p, i) => {
    const key = canonicalJson(p);
    if (!index.has(key)) index.set(key, i);
  });
  const out: Pairing = { controls: [], pairs: [], unpaired: [] };
  points.forEach((p, i) => {
    if (isControl(p, control)) return void out.controls.push(i);
    const c = index.get(canonicalJson({ ...p, ...control.set }));
    if (c === undefined) out.unpaired.push(i);
    else out.pairs.push({ treatment: i, control: c });
  });
  return out;
}

/**
 * Checks a control against the design before anything runs: every key of `control.set` must be a
 * design factor, and some design point must be a control.
 */
export function checkControl(points: readonly Point[], paramKeys: readonly string[], control: ControlSpec, where: string): void {
  for (const k of Object.keys(control.set)) {
    if (!paramKeys.includes(k)) {
      throw new UserError(
        `${where}: control.set.${k}: expected a factor of the design (${paramKeys.join(', ') || 'none'}), found a key the design does not vary`,
        where,
        `control.set.${k}`,
      );
    }
  }
  if (!points.some((p) => isControl(p, control))) {
    throw new UserError(`${where}: control.set: expected a design point with ${canonicalJson(control.set)}, found none: no treatment would have a control`, where, 'control.set');
  }
}

export interface Effects extends TidyTable {
  pairing: Pairing;
  /** Replicate pairs (treatment run, control run) that both finished. */
  runPairs: number;
}

/**
 * effects.csv: columns `treatment, control, <paramKeys of the treatment point>, metric, n,
 * treatment_mean, control_mean, diff, diff_sd, ci_low, ci_high, rel_diff`, one row per paired
 * treatment point and metric. `metrics` (the summary columns) defaults to the summary keys in
 * order of first appearance. Paired runs must have equal seeds (common random numbers).
 */
export function pairedEffects(
  points: readonly Point[],
  paramKeys: readonly string[],
  control: ControlSpec,
  runs: readonly RunValues[],
  metrics?: readonly string[],
): Effects {
  const ordered = byCanonicalOrder(runs);
  const names = metrics ? [...metrics] : [];
  if (!metrics) for (const r of ordered) for (const k of Object.keys(r.summary ?? {})) if (!names.includes(k)) names.push(k);
  const pairing = pairPoints(points, control);
  const run = new Map<string, RunValues>();
  for (const r of ordered) run.set(`${r.point}/${r.replicate}`, r);
  const columns = ['treatment', 'control', ...paramKeys, 'metric', ...EFFECT_STATS];
  const rows: TidyRow[] = [];
  let runPairs = 0;
  for (const { treatment, control: ctl } of pairing.pairs) {
    const matched: [RunValues, RunValues][] = [];
    for (const t of ordered) {
      if (t.point !== treatment) continue;
      const c = run.get(`${ctl}/${t.replicate}`);
      if (!c) continue;
      if (t.seed !== c.seed) {
        throw new Error(`effects: treatment point ${treatment} and control point ${ctl}, replicate ${t.replicate}: seeds differ (${t.seed} and ${c.seed}); pairs need common random numbers`);
      }
      matched.push([t, c]);
    }
    runPairs += matched.length;
    for (const metric of names) {
      const tv: number[] = [];
      const cv: number[] = [];
      const dv: number[] = [];
      for (const [t, c] of matched) {
        const a = t.summary?.[metric];
        const b = c.summary?.[metric];
        if (!finite(a) || !finite(b)) continue;
        tv.push(a);
        cv.push(b);
        dv.push(a - b);
      }
      const d = replicateStats(dv);
      const cm = replicateStats(cv).mean;
      const row: TidyRow = { treatment, control: ctl };
      for (const k of paramKeys) row[k] = param(points[treatment], k);
      Object.assign(row, {
        metric,
        n: d.n,
        treatment_mean: replicateStats(tv).mean,
        control_mean: cm,
        diff: d.mean,
        diff_sd: d.sd,
        ci_low: d.low,
        ci_high: d.high,
        rel_diff: d.mean === null || cm === null || cm === 0 ? null : d.mean / Math.abs(cm),
      });
      rows.push(row);
    }
  }
  return { columns, rows, pairing, runPairs };
}

/** The formulas, as written into manifest.json. */
export const AGGREGATE_FORMULAS = {
  missing: 'null, NaN and ±Infinity are left out (never counted as 0)',
  n: 'replicates with a finite value (effects: replicate pairs where both runs have one)',
  mean: 'sum / n',
  sd: 'sample standard deviation, sqrt(Σ(x − mean)² / (n − 1)); null when n < 2',
  interval: '95 %: mean ± t(0.975, n − 1) · sd / √n (Student t quantile); null when n < 2',
  points: 'per design point, recorded step and step metric column, over the replicates',
  effects:
    'per treatment point and runs.csv summary column: replicate r of the treatment paired with replicate r of its control (equal seeds under common random numbers); diff = mean of (treatment − control), diff_sd their sd, interval on the differences; treatment_mean and control_mean over the same pairs; rel_diff = diff / |control_mean| (null when control_mean is 0)',
  pairing:
    'a point equal to control.set on all of its keys is a control; any other point is a treatment, paired with the point equal to it except for the control keys set to the control values; a treatment whose partner is not in the design is unpaired and left out',
} as const;
