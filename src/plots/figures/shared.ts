/**
 * What every figure builder of src/plots/figures.ts shares about the sweep's tables:
 * the figure error and result types, the checks that a table, factor, metric or step is there,
 * a row's design point, a factor's levels in design order, and the control's points.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FigureSpec } from '../../experiment/define.js';
import type { Point } from '../../experiment/designs/index.js';
import { fmtParam, paramLabel } from '../labels.js';
import type { Cell, CsvTable, SweepFolder } from '../sweep-data.js';

/** A figure that cannot be drawn from this folder (a missing table, an unknown factor). */
export class FigureError extends Error {}

export interface BuiltFigure {
  spec: TopLevelSpec;
  caption: string;
  notes: string[];
  /** For re-run figures: the runs re-run and whether each reproduced the sweep's record. */
  reproduction?: { runId: string; reproduced: boolean | null; note: string }[];
}

export type Row = Record<string, Cell>;
export type Panel = Record<string, unknown>;

export const num = (v: Cell | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function need(f: SweepFolder, name: 'points' | 'effects', fig: FigureSpec): CsvTable {
  const t = f.table(name);
  if (!t) {
    const why = name === 'effects' ? ' (written when the experiment declares a control)' : ' (the per-point means and intervals of the sweep)';
    throw new FigureError(`figure '${fig.id}' (${fig.kind}) needs ${name}.csv${why}, which ${f.dir} does not have; run the sweep again with --resume to rebuild its tables`);
  }
  return t;
}

export function checkFactor(f: SweepFolder, fig: FigureSpec, field: string, name: string | undefined): void {
  if (name === undefined) return;
  if (!f.plan.paramKeys.includes(name)) {
    throw new FigureError(`figure '${fig.id}': ${field}: '${name}' is not a design factor of this sweep (factors: ${f.plan.paramKeys.join(', ') || 'none'})`);
  }
}

export function metricRows(t: CsvTable, fig: FigureSpec, metric: string): Row[] {
  const rows = t.rows.filter((r) => r.metric === metric);
  if (!rows.length) {
    const known = [...new Set(t.rows.map((r) => String(r.metric)))];
    throw new FigureError(`figure '${fig.id}': metric '${metric}' is not in ${t.file} (metrics there: ${known.join(', ') || 'none'})`);
  }
  return rows;
}

/** The rows of one recorded step (the figure's `step`, else the last step of the metric). */
export function atStep(rows: Row[], fig: FigureSpec, metric: string, step: number | undefined): { rows: Row[]; step: number; day: number | null } {
  const steps = [...new Set(rows.map((r) => num(r.step)).filter((s): s is number => s !== null))].sort((a, b) => a - b);
  const s = step ?? steps[steps.length - 1];
  if (s === undefined || !steps.includes(s)) {
    throw new FigureError(`figure '${fig.id}': step ${step} is not a recorded step of '${metric}' (recorded: ${steps.slice(0, 8).join(', ')}${steps.length > 8 ? ', …' : ''})`);
  }
  const at = rows.filter((r) => r.step === s);
  return { rows: at, step: s, day: num(at[0]?.day) };
}

export function pointOf(f: SweepFolder, r: Row): Point {
  const i = num(r.point);
  const p = i === null ? undefined : f.plan.points[i];
  if (!p) throw new FigureError(`${f.dir}: a row names point ${String(r.point)}, which plan.json does not have`);
  return p;
}

/** "cleanup rate = 0.05, tolerance = 0.1" for the given factors (a point's `name` as it is). */
export function pointText(p: Point, keys: string[]): string {
  return keys.map((k) => (k === 'name' ? fmtParam(p[k]) : `${paramLabel(k).short} = ${fmtParam(p[k])}`)).join(', ');
}

/** Distinct values of a factor in design order, and their legend texts (numbers ascending). */
export function levels(f: SweepFolder, key: string): { values: unknown[]; texts: string[]; numeric: boolean } {
  const seen = new Map<string, unknown>();
  for (const p of f.plan.points) {
    const v = p[key] ?? null;
    const k = JSON.stringify(v);
    if (!seen.has(k)) seen.set(k, v);
  }
  const values = [...seen.values()];
  const numeric = values.every((v) => typeof v === 'number');
  if (numeric) (values as number[]).sort((a, b) => a - b);
  return { values, texts: values.map(fmtParam), numeric };
}

export function nRange(rows: Row[]): string {
  const ns = rows.map((r) => num(r.n)).filter((x): x is number => x !== null);
  if (!ns.length) return 'replicates';
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  return lo === hi ? `${lo} replicate${lo === 1 ? '' : 's'}` : `${lo}–${hi} replicates`;
}

/** The design points that are the control (every key of `set` that is a design factor matches). */
export function controlPoints(f: SweepFolder, set: Record<string, unknown> | undefined): number[] {
  if (!set) return [];
  const keys = Object.keys(set).filter((k) => f.plan.paramKeys.includes(k));
  if (!keys.length) return [];
  return f.plan.points.map((p, i) => ({ p, i })).filter(({ p }) => keys.every((k) => same(p[k] ?? null, set[k] ?? null))).map(({ i }) => i);
}

export const same = (a: unknown, b: unknown) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)));
