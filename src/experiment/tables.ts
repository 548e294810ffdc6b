/**
 * The final tables of a sweep, rebuilt from plan.json and the run records — after an
 * uninterrupted sweep, after `--resume` and after `merge` alike, so they are byte-identical
 * whatever happened on the way and however many workers ran. Rows are in canonical run order
 * (design order, then replicate), never in finish order.
 *
 *   runs.csv         one row per finished run: run_id, point, replicate, seed, the parameter
 *                    columns (dotted scenario paths), the summary columns
 *   steps.csv/.arrow long form, one row per run and recorded step: run_id, point, replicate, seed,
 *                    the parameter columns, step, day, the metric columns (Arrow IPC file format)
 *   failures.csv     one row per failed run: run_id, point, replicate, seed, parameters, reason, error
 *   sensitivity.csv  sobol and morris designs, whole sweeps only (./sensitivity.ts)
 *   manifest.json    provenance: experiment, scorelab version and commit, definition hash, design,
 *                    seeds rule, counts, and (outside the tables) how and when it was computed
 */
import * as aq from 'arquero';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../results/atomic.js';
import { provenance } from '../results/manifest.js';
import { toArrowBytes } from '../results/tables.js';
import type { Plan, PlannedRun } from './plan.js';
import { sensitivityTable } from './sensitivity.js';
import type { RunRecord } from './store.js';

const ID_COLUMNS = ['run_id', 'point', 'replicate', 'seed'];

export interface Execution {
  workers: number;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  /** Runs found finished in the folder (resume) or taken from shards (merge). */
  reused: number;
  mergedFrom?: string[];
}

export interface TableCounts {
  planned: number;
  completed: number;
  failed: number;
  missing: number;
  files: string[];
}

/** Arrow columns hold one type: a parameter column mixing types (0.1 and 'auto') is written as text. */
function arrowSafe(t: aq.ColumnTable, data: Record<string, unknown[]>): aq.ColumnTable {
  const mixed = Object.keys(data).filter((c) => new Set(data[c]!.filter((v) => v !== null).map((v) => typeof v)).size > 1);
  if (!mixed.length) return t;
  return aq.table({ ...data, ...Object.fromEntries(mixed.map((c) => [c, data[c]!.map((v) => (v === null ? null : String(v)))])) });
}

/** CSV text with exactly one final newline. */
export function csvText(t: aq.ColumnTable): string {
  return t.toCSV().replace(/\n*$/, '') + '\n';
}

function uniqueName(name: string, taken: Set<string>): string {
  let n = name;
  while (taken.has(n)) n = `summary_${n}`;
  taken.add(n);
  return n;
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
  const taken = new Set([...ID_COLUMNS, ...plan.paramKeys]);
  const ids = (list: [PlannedRun, RunRecord][]) => ({
    run_id: list.map(([r]) => r.runId),
    point: list.map(([r]) => r.point),
    replicate: list.map(([r]) => r.replicate),
    seed: list.map(([r]) => r.seed),
    ...Object.fromEntries(plan.paramKeys.map((k) => [k, list.map(([r]) => plan.points[r.point]![k] ?? null)])),
  });

  // runs.csv: summary columns in order of first appearance over canonical order
  const sumKeys: string[] = [];
  for (const [, rec] of ok) for (const k of Object.keys(rec.summary ?? {})) if (!sumKeys.includes(k)) sumKeys.push(k);
  const sumNames = sumKeys.map((k) => uniqueName(k, taken));
  const runsData: Record<string, unknown[]> = ids(ok);
  sumKeys.forEach((k, j) => (runsData[sumNames[j]!] = ok.map(([, rec]) => rec.summary?.[k] ?? null)));
  const files = ['runs.csv'];
  writeFileAtomic(resolve(dir, 'runs.csv'), csvText(aq.table(runsData)));

  // steps: long form
  let stepRows = 0;
  if (plan.settings.outputs.steps) {
    const stepCols: string[] = [];
    for (const [, rec] of ok) for (const c of rec.columns ?? []) if (!stepCols.includes(c)) stepCols.push(c);
    const stakenIds = new Set([...ID_COLUMNS, ...plan.paramKeys]);
    const stepNames = stepCols.map((c) => uniqueName(c, stakenIds));
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
    const t = aq.table(data);
    writeFileAtomic(resolve(dir, 'steps.csv'), csvText(t));
    files.push('steps.csv');
    if (plan.settings.outputs.arrow) {
      writeFileAtomic(resolve(dir, 'steps.arrow'), toArrowBytes(arrowSafe(t, data)));
      files.push('steps.arrow');
    }
  }

  const failData: Record<string, unknown[]> = ids(failed);
  failData.reason = failed.map(([, rec]) => rec.reason ?? 'error');
  failData.error = failed.map(([, rec]) => rec.error ?? '');
  writeFileAtomic(resolve(dir, 'failures.csv'), csvText(aq.table(failData)));
  files.push('failures.csv');

  const whole = plan.shard === null && runs.length === plan.runs.length;
  const sens = plan.design.estimator && whole ? sensitivityTable(plan, records, sumKeys) : null;
  if (sens?.table) {
    writeFileAtomic(resolve(dir, 'sensitivity.csv'), csvText(sens.table));
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
    sensitivity: sens ? { method: plan.design.estimator, notes: sens.notes } : null,
    figures: { specs: plan.figures, rendered: false, note: 'figures are recorded here; rendering comes in a later version' },
    execution,
  };
  writeFileAtomic(resolve(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return counts;
}
