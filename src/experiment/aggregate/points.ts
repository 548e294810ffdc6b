/**
 * The points table of a sweep (points.csv; src/experiment/aggregate.ts): one row per design point,
 * recorded step and metric with the replicate summary, and the run and table types both tables use.
 */
import { canonicalJson } from '../canonical.js';
import type { Point } from '../designs/index.js';
import { replicateStats } from './replicate-stats.js';

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

/** A cell of a tidy table: a number, text, true/false, or empty (null). */
export type Cell = number | string | boolean | null;
/** One row of a tidy table (column name to value). */
export type TidyRow = Record<string, Cell>;

/** A tidy table: column names and rows. */
export interface TidyTable {
  /** Column names in order. */
  columns: string[];
  rows: TidyRow[];
}

/** Step columns that are not metrics. */
export const NOT_METRICS = ['step', 'day', 'seed'];

export const POINT_STATS = ['n', 'mean', 'sd', 'ci_low', 'ci_high'];

export const param = (p: Point | undefined, k: string): Cell => {
  const v = p?.[k];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return canonicalJson(v);
};

export function byCanonicalOrder<T extends { point: number; replicate: number }>(runs: readonly T[]): T[] {
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
