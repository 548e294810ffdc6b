/**
 * One run of an experiment: build its scenario, run it, summarise it. The same function runs in
 * a worker thread (./worker.ts) and in-process (`workers: 0`), so both give the same numbers.
 */
import type { Row } from '../core/contracts.js';
import { buildSimulation } from '../scenario/build.js';
import { prepareScenario } from '../scenario/load.js';
import type { SummaryContext } from './define.js';
import type { Point } from './designs/index.js';
import type { LoadedExperiment } from './load.js';
import { scenarioFor, type Settings } from './plan.js';

/** One run of a sweep: its point, replicate and seed. */
export interface RunTask {
  runId: string;
  point: Point;
  replicate: number;
  seed: number;
}

/** What one run returns: its summary, rows and timing. */
export interface RunOutput {
  /** Step-table columns (the simulation's, without `seed`, which every table carries already). */
  columns: string[];
  /** One array per recorded step, aligned with `columns` (empty when steps are not kept). */
  rows: (number | null)[][];
  summary: Record<string, number | null>;
  seconds: number;
}

const NOT_METRICS = new Set(['step', 'day', 'seed']);

/** Summary row of a run (see `SummarySpec` in ./define.ts). */
export function summarise(exp: LoadedExperiment, rows: Row[], columns: string[], ctx: SummaryContext): Record<string, number | null> {
  const spec = exp.def.summary;
  if (typeof spec === 'function') {
    const out = spec(rows, ctx);
    if (!out || typeof out !== 'object' || Array.isArray(out)) throw new Error(`summary: expected an object of numbers, found ${JSON.stringify(out)}`);
    const clean: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(out)) {
      if (v !== null && typeof v !== 'number') throw new Error(`summary: '${k}': expected a number or null, found ${JSON.stringify(v)}`);
      clean[k] = v;
    }
    return clean;
  }
  const names = spec?.metrics?.length ? spec.metrics : columns.filter((c) => !NOT_METRICS.has(c));
  for (const m of names) {
    if (!columns.includes(m)) throw new Error(`summary.metrics: '${m}' is not a recorded column (recorded: ${columns.join(', ')})`);
  }
  const k = spec?.meanOfLast ?? 1;
  const tail = rows.slice(Math.max(0, rows.length - k));
  const out: Record<string, number | null> = {};
  for (const m of names) {
    if (k === 1) {
      out[m] = tail[0]?.[m] ?? null;
      continue;
    }
    let sum = 0;
    let n = 0;
    for (const r of tail) {
      const v = r[m];
      if (typeof v === 'number') {
        sum += v;
        n++;
      }
    }
    out[m] = n ? sum / n : null;
  }
  return out;
}

/** Runs one planned run of an experiment in this process and returns its output. */
export async function executeRun(exp: LoadedExperiment, settings: Settings, task: RunTask): Promise<RunOutput> {
  const t0 = performance.now();
  const raw = scenarioFor(exp, settings, task.point, task.seed);
  const { scenario, graph } = await prepareScenario(raw, exp.baseFile);
  const sim = buildSimulation(scenario, { graph, plugins: exp.plugins });
  const rows = sim.run(scenario.steps);
  const columns = sim.columns.filter((c) => c !== 'seed');
  const summary = summarise(exp, rows, sim.columns, {
    runId: task.runId,
    point: task.point,
    replicate: task.replicate,
    seed: task.seed,
    columns: sim.columns,
  });
  return {
    columns,
    rows: settings.outputs.steps ? rows.map((r) => columns.map((c) => r[c] ?? null)) : [],
    summary,
    seconds: (performance.now() - t0) / 1000,
  };
}
