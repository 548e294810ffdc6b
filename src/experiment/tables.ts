/**
 * The final tables of a sweep, rebuilt from plan.json and the run records — after an
 * uninterrupted sweep, after `--resume` and after `merge` alike, so they are byte-identical
 * whatever happened on the way and however many workers ran. Rows are in canonical run order
 * (design order, then replicate), never in finish order.
 *
 *   runs.csv/.arrow/.parquet     one row per finished run: run_id, point, replicate, seed, the
 *                                parameter columns (dotted scenario paths), the summary columns
 *   steps.csv/.arrow/.parquet    long form, one row per run and recorded step: run_id, point,
 *                                replicate, seed, the parameter columns, step, day, the metric
 *                                columns (.arrow and .parquet unless `outputs.arrow` is false)
 *   points.csv/.arrow/.parquet   per design point, recorded step and metric column: n, mean, sd
 *                                and the 95 % interval over the replicates (./aggregate.ts)
 *   effects.csv/.arrow/.parquet  with a `control`: each treatment point against its control,
 *                                paired by replicate, per summary column (./aggregate.ts)
 *   failures.csv                 one row per failed run: run_id, point, replicate, seed,
 *                                parameters, reason, error
 *   sensitivity.csv              sobol and morris designs, whole sweeps only (./sensitivity.ts)
 *   manifest.json                provenance: experiment, scorelab version and commit, definition
 *                                hash, design, seeds rule, counts, the control and the aggregate
 *                                formulas, the schema of every table, and (outside the tables)
 *                                how and when it was computed
 *
 * points and effects are written for whole sweeps (not for one shard: `merge` writes them).
 * Every table has a fixed schema (../results/tables.ts): run_id text, point and replicate int32,
 * seed int64, parameters float64 (bool when all true/false, text when they mix types or are
 * text), metrics and summaries float64, whatever the values.
 */
import * as aq from 'arquero';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../results/atomic.js';
import { provenance } from '../results/manifest.js';
import { toArrowBytes, toCsv, toParquetBytes, typeOfValues, withSchema, type ColumnType, type Schema } from '../results/tables.js';
import { AGGREGATE_FORMULAS, aggregatePoints, EFFECT_STATS, LEVEL, pairedEffects, POINT_STATS, type RunValues } from './aggregate.js';
import type { ControlSpec } from './define.js';
import type { Plan, PlannedRun } from './plan.js';
import { sensitivityTable } from './sensitivity.js';
import type { RunRecord } from './store.js';

const ID_COLUMNS = ['run_id', 'point', 'replicate', 'seed'];
const ID_TYPES: Schema = { run_id: 'utf8', point: 'int32', replicate: 'int32', seed: 'int64' };

/** How a sweep ran (workers, time, machine), written to manifest.json. */
export interface Execution {
  workers: number;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  /** Runs found finished in the folder (resume) or taken from shards (merge). */
  reused: number;
  mergedFrom?: string[];
}

/** Numbers of runs, rows and failures in the tables written. */
export interface TableCounts {
  planned: number;
  completed: number;
  failed: number;
  missing: number;
  files: string[];
}

/** CSV text with exactly one final newline. */
export function csvText(t: aq.ColumnTable): string {
  return toCsv(t);
}

function uniqueName(name: string, taken: Set<string>): string {
  let n = name;
  while (taken.has(n)) n = `summary_${n}`;
  taken.add(n);
  return n;
}

/** The control of a plan (plans written before controls were recorded have none). */
export function controlOf(plan: Plan): ControlSpec | null {
  return plan.control ?? null;
}

/**
 * The type of each parameter column, from every point of the design (so a shard, a resumed
 * sweep and the merged sweep declare the same): float64 for numbers, bool for true/false, text
 * when the values are text or mix types.
 */
export function parameterTypes(plan: Plan): Schema {
  return Object.fromEntries(plan.paramKeys.map((k) => [k, typeOfValues(plan.points.map((p) => p[k]))]));
}

/** Writes every final table and the manifest; returns what they hold. */
export function writeTables(dir: string, plan: Plan, runs: PlannedRun[], records: Map<string, RunRecord>, execution: Execution): TableCounts {
  dir = resolve(dir);
  const ok: [PlannedRun, RunRecord][] = [];
  const failed: [PlannedRun, RunRecord][] = [];
  for (const r of runs) {
    const rec = records.get(r.runId);
    if (rec?.status === 'ok') ok.push([r, rec]);
    else if (rec) failed.push([r, rec]);
  }
  const paramTypes = parameterTypes(plan);
  const taken = new Set([...ID_COLUMNS, ...plan.paramKeys]);
  const ids = (list: [PlannedRun, RunRecord][]) => ({
    run_id: list.map(([r]) => r.runId),
    point: list.map(([r]) => r.point),
    replicate: list.map(([r]) => r.replicate),
    seed: list.map(([r]) => r.seed),
    ...Object.fromEntries(plan.paramKeys.map((k) => [k, list.map(([r]) => plan.points[r.point]![k] ?? null)])),
  });
  const files: string[] = [];
  const schemas: Record<string, Schema> = {};
  const write = (name: string, data: Record<string, unknown[]>, schema: Schema, binary: boolean) => {
    const t = withSchema(aq.table(data, Object.keys(schema)), schema);
    schemas[name] = schema;
    writeFileAtomic(resolve(dir, `${name}.csv`), toCsv(t));
    files.push(`${name}.csv`);
    if (!binary) return;
    writeFileAtomic(resolve(dir, `${name}.arrow`), toArrowBytes(t));
    writeFileAtomic(resolve(dir, `${name}.parquet`), toParquetBytes(t));
    files.push(`${name}.arrow`, `${name}.parquet`);
  };
  const idSchema: Schema = { ...ID_TYPES, ...paramTypes };

  // runs: summary columns in order of first appearance over canonical order
  const sumKeys: string[] = [];
  for (const [, rec] of ok) for (const k of Object.keys(rec.summary ?? {})) if (!sumKeys.includes(k)) sumKeys.push(k);
  const sumNames = sumKeys.map((k) => uniqueName(k, taken));
  const runsData: Record<string, unknown[]> = ids(ok);
  sumKeys.forEach((k, j) => (runsData[sumNames[j]!] = ok.map(([, rec]) => rec.summary?.[k] ?? null)));
  write('runs', runsData, { ...idSchema, ...Object.fromEntries(sumNames.map((c) => [c, 'float64' as ColumnType])) }, true);

  // steps: long form
  const stepCols: string[] = [];
  for (const [, rec] of ok) for (const c of rec.columns ?? []) if (!stepCols.includes(c)) stepCols.push(c);
  const stakenIds = new Set([...ID_COLUMNS, ...plan.paramKeys]);
  const stepNames = stepCols.map((c) => uniqueName(c, stakenIds));
  let stepRows = 0;
  if (plan.settings.outputs.steps) {
    const data: Record<string, unknown[]> = {};
    const idCols = [...ID_COLUMNS, ...plan.paramKeys];
    for (const c of [...idCols, ...stepNames]) data[c] = [];
    for (const [r, rec] of ok) {
      const at = stepCols.map((c) => rec.columns!.indexOf(c));
      const point = plan.points[r.point]!;
      for (const row of rec.rows ?? []) {
        data.run_id!.push(r.runId);
        data.point!.push(r.point);
        data.replicate!.push(r.replicate);
        data.seed!.push(r.seed);
        for (const k of plan.paramKeys) data[k]!.push(point[k] ?? null);
        at.forEach((j, q) => data[stepNames[q]!]!.push(j < 0 ? null : row[j]));
        stepRows++;
      }
    }
    const schema: Schema = { ...idSchema };
    stepCols.forEach((c, q) => (schema[stepNames[q]!] = c === 'step' || c === 'day' ? 'int32' : 'float64'));
    write('steps', data, schema, plan.settings.outputs.arrow);
  }

  const failData: Record<string, unknown[]> = ids(failed);
  failData.reason = failed.map(([, rec]) => rec.reason ?? 'error');
  failData.error = failed.map(([, rec]) => rec.error ?? '');
  write('failures', failData, { ...idSchema, reason: 'utf8', error: 'utf8' }, false);

  const whole = plan.shard === null && runs.length === plan.runs.length;

  // aggregates over the replicates (whole sweeps: a shard holds only some replicates of a point)
  const control = controlOf(plan);
  const rename = new Map(stepCols.map((c, q) => [c, stepNames[q]!]));
  const values: RunValues[] = ok.map(([r, rec]) => ({
    point: r.point,
    replicate: r.replicate,
    seed: r.seed,
    columns: (rec.columns ?? []).map((c) => rename.get(c) ?? c),
    rows: rec.rows ?? [],
    summary: Object.fromEntries(sumKeys.map((k, j) => [sumNames[j]!, rec.summary?.[k] ?? null])),
  }));
  let aggregates: Record<string, unknown> | null = null;
  if (whole) {
    const metrics = stepCols.filter((c) => c !== 'step' && c !== 'day' && c !== 'seed').map((c) => rename.get(c)!);
    const points = aggregatePoints(plan.points, plan.paramKeys, values, metrics);
    const pointSchema: Schema = { point: 'int32', ...paramTypes, step: 'int32', day: 'int32', metric: 'utf8' };
    for (const c of POINT_STATS) pointSchema[c] = c === 'n' ? 'int32' : 'float64';
    write('points', columnsOf(points.columns, points.rows), pointSchema, true);
    aggregates = { level: LEVEL, formulas: AGGREGATE_FORMULAS, points: { rows: points.rows.length, metrics }, effects: null };
    if (control) {
      const eff = pairedEffects(plan.points, plan.paramKeys, control, values, sumNames);
      const effSchema: Schema = { treatment: 'int32', control: 'int32', ...paramTypes, metric: 'utf8' };
      for (const c of EFFECT_STATS) effSchema[c] = c === 'n' ? 'int32' : 'float64';
      write('effects', columnsOf(eff.columns, eff.rows), effSchema, true);
      aggregates.effects = {
        rows: eff.rows.length,
        metrics: sumNames,
        controlPoints: eff.pairing.controls,
        pairs: eff.pairing.pairs.length,
        replicatePairs: eff.runPairs,
        unpaired: eff.pairing.unpaired.length,
        unpairedPoints: eff.pairing.unpaired,
      };
    }
  }

  const sens = plan.design.estimator && whole ? sensitivityTable(plan, records, sumKeys) : null;
  if (sens?.table) {
    writeFileAtomic(resolve(dir, 'sensitivity.csv'), toCsv(sens.table));
    files.push('sensitivity.csv');
  }
  files.push('manifest.json');

  const counts: TableCounts = { planned: runs.length, completed: ok.length, failed: failed.length, missing: runs.length - ok.length - failed.length, files };
  const manifest = {
    kind: 'scorelab-sweep',
    experiment: plan.experiment,
    ...provenance(),
    definition: plan.definition,
    definitionParts: plan.parts,
    base: plan.base,
    design: {
      kind: plan.design.kind,
      spec: plan.design.spec,
      estimator: plan.design.estimator,
      designPoints: plan.design.pointOf.length,
      distinctPoints: plan.points.length,
    },
    parameters: plan.paramKeys,
    replicates: plan.settings.replicates,
    settings: plan.settings,
    summary: plan.summary,
    summaryColumns: sumNames,
    seeds: plan.settings.crn
      ? 'common random numbers: seed = FNV-1a-32(experiment id ␀ "crn" ␀ replicate)'
      : 'seed = FNV-1a-32(experiment id ␀ canonical JSON of the point, keys sorted ␀ replicate); run_id = first 12 hex digits of SHA-256 of the same text',
    order: 'design order (first occurrence of each distinct point), then replicate',
    shard: plan.shard,
    sharding: 'shard i of N holds the runs whose canonical index mod N is i',
    runs: counts,
    steps: { rows: stepRows },
    control: control ? { set: control.set, label: control.label ?? null } : null,
    aggregates: aggregates ?? { note: 'points and effects are written for the whole sweep (merge the shards)' },
    schemas,
    sensitivity: sens ? { method: plan.design.estimator, notes: sens.notes } : null,
    // the figures the experiment declares; what `scorelab plot` drew, and when, is in figures/index.json
    figures: { declared: (plan.figures ?? []).map((x) => `${x.id} (${x.kind})`), specs: plan.figures, drawn: 'figures/index.json, written by scorelab plot' },
    execution,
  };
  writeFileAtomic(resolve(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return counts;
}

/** Row objects → columns, in the given column order. */
function columnsOf(columns: string[], rows: Record<string, unknown>[]): Record<string, unknown[]> {
  return Object.fromEntries(columns.map((c) => [c, rows.map((r) => r[c] ?? null)]));
}
