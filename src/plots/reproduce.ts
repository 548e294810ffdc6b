/**
 * Re-running one run of a sweep in this process and checking it against what the sweep recorded.
 *
 * The committed record of a run is runs/<run_id>.json when the folder has it; otherwise the run's
 * rows of steps.csv and its row of runs.csv (committed results may leave runs/ out). A re-run is
 * compared cell by cell as text — JSON text of each cell for a record, the CSV text the sweep
 * would write (src/experiment/tables.ts `csvText`) for the tables — so "reproduces" means byte
 * for byte, and a difference names the step, the column and the two values.
 *
 * Used by `scorelab verify` (src/report/verify.ts) and by the figures that need agent state
 * (distribution, network: ./agents.ts), which re-run replicate 0 of a point.
 */
import * as aq from 'arquero';
import { existsSync, readFileSync } from 'node:fs';
import type { Simulation } from '../core/simulation.js';
import { encodeNumber } from '../experiment/canonical.js';
import { summarise, type RunOutput } from '../experiment/execute.js';
import type { LoadedExperiment } from '../experiment/load.js';
import { scenarioFor, type Plan, type PlannedRun } from '../experiment/plan.js';
import { RECORD_FORMAT, recordPath } from '../experiment/store.js';
import { csvText } from '../experiment/tables.js';
import { buildSimulation } from '../scenario/build.js';
import { prepareScenario } from '../scenario/load.js';
import { parseCsvText, type SweepFolder } from './sweep-data.js';

/** The first difference between a re-run and its recorded result: step, column, both values. */
export interface Difference {
  /** The step of the first differing row (null for the summary or the shape of the record). */
  step: number | null;
  column: string;
  committed: string;
  rerun: string;
}

/** A re-run compared with its recorded result, column by column. */
export interface Comparison {
  runId: string;
  /** Where the committed values came from. */
  against: 'record' | 'tables' | 'none';
  /** Rows compared (step rows plus the summary row). */
  rows: number;
  cells: number;
  difference: Difference | null;
}

const ID_COLUMNS = ['run_id', 'point', 'replicate', 'seed'];

const jsonCell = (v: unknown) => JSON.stringify(v === undefined ? null : v);

/** The raw committed record (numbers as written: non-finite ones as strings), or null. */
function rawRecord(dir: string, plan: Plan, run: PlannedRun): { columns: string[]; rows: unknown[][]; summary: Record<string, unknown> } | null {
  const p = recordPath(dir, run.runId);
  if (!existsSync(p)) return null;
  let rec: Record<string, any>;
  try {
    rec = JSON.parse(readFileSync(p, 'utf8')) as Record<string, any>;
  } catch {
    return null;
  }
  if (rec.format !== RECORD_FORMAT || rec.runId !== run.runId || rec.definition !== plan.definition || rec.status !== 'ok') return null;
  return { columns: rec.columns ?? [], rows: rec.rows ?? [], summary: rec.summary ?? {} };
}

function compareRecord(rec: NonNullable<ReturnType<typeof rawRecord>>, out: RunOutput, runId: string): Comparison {
  const c: Comparison = { runId, against: 'record', rows: 0, cells: 0, difference: null };
  const stepAt = out.columns.indexOf('step');
  if (jsonCell(rec.columns) !== jsonCell(out.columns)) {
    c.difference = { step: null, column: '(columns)', committed: rec.columns.join(','), rerun: out.columns.join(',') };
    return c;
  }
  const n = Math.max(rec.rows.length, out.rows.length);
  for (let j = 0; j < n; j++) {
    const a = rec.rows[j];
    const b = out.rows[j];
    if (!a || !b) {
      c.difference = { step: null, column: '(rows)', committed: `${rec.rows.length} rows`, rerun: `${out.rows.length} rows` };
      return c;
    }
    c.rows++;
    for (let k = 0; k < out.columns.length; k++) {
      c.cells++;
      const x = jsonCell(a[k]);
      const y = jsonCell(encodeNumber(b[k] ?? null));
      if (x !== y) {
        const step = Number(b[stepAt] ?? a[stepAt]);
        c.difference = { step: Number.isFinite(step) ? step : j, column: out.columns[k]!, committed: x, rerun: y };
        return c;
      }
    }
  }
  c.rows++;
  for (const k of [...new Set([...Object.keys(rec.summary), ...Object.keys(out.summary)])]) {
    c.cells++;
    const x = jsonCell(rec.summary[k]);
    const y = jsonCell(k in out.summary ? encodeNumber(out.summary[k]!) : undefined);
    if (x !== y) {
      c.difference = { step: null, column: `summary ${k}`, committed: x, rerun: y };
      return c;
    }
  }
  return c;
}

/** The name a value of `names` got in a table whose header is `header` (tables.ts prefixes clashes with 'summary_'). */
function sourceOf(h: string, names: string[]): string | undefined {
  let s = h;
  for (;;) {
    if (names.includes(s)) return s;
    if (!s.startsWith('summary_')) return undefined;
    s = s.slice('summary_'.length);
  }
}

/** The CSV lines the sweep would write for one run, under a given header. */
function linesFor(header: string[], values: (h: string) => unknown[]): string[] {
  const data: Record<string, unknown[]> = {};
  for (const h of header) data[h] = values(h);
  return csvText(aq.table(data)).split('\n').slice(1, -1);
}

function firstCellDifference(header: string[], committedLine: string, rerunLine: string): { column: string; committed: string; rerun: string } {
  const a = parseCsvText(committedLine).cells[0] ?? [];
  const b = parseCsvText(rerunLine).cells[0] ?? [];
  for (let k = 0; k < Math.max(a.length, b.length, header.length); k++) {
    if (a[k] !== b[k]) return { column: header[k] ?? `(cell ${k + 1})`, committed: a[k] ?? '(missing)', rerun: b[k] ?? '(missing)' };
  }
  return { column: '(line)', committed: committedLine, rerun: rerunLine };
}

function compareTables(f: SweepFolder, run: PlannedRun, out: RunOutput): Comparison {
  const plan = f.plan;
  const point = plan.points[run.point]!;
  const c: Comparison = { runId: run.runId, against: 'tables', rows: 0, cells: 0, difference: null };
  const idValue = (h: string): unknown => {
    if (h === 'run_id') return run.runId;
    if (h === 'point') return run.point;
    if (h === 'replicate') return run.replicate;
    if (h === 'seed') return run.seed;
    return point[h] ?? null;
  };
  const isId = (h: string) => ID_COLUMNS.includes(h) || plan.paramKeys.includes(h);
  const steps = f.table('steps');
  if (steps && plan.settings.outputs.steps) {
    const mine = steps.lines.filter((_, k) => steps.raw[k]![0] === run.runId);
    const want = linesFor(steps.columns, (h) => {
      if (isId(h)) return out.rows.map(() => idValue(h));
      const src = sourceOf(h, out.columns);
      const at = src === undefined ? -1 : out.columns.indexOf(src);
      return out.rows.map((r) => (at < 0 ? null : (r[at] ?? null)));
    });
    const stepAt = out.columns.indexOf('step');
    for (let j = 0; j < Math.max(mine.length, want.length); j++) {
      if (mine[j] === undefined || want[j] === undefined) {
        c.difference = { step: null, column: '(rows of steps.csv)', committed: `${mine.length} rows`, rerun: `${want.length} rows` };
        return c;
      }
      c.rows++;
      c.cells += steps.columns.length;
      if (mine[j] !== want[j]) {
        const d = firstCellDifference(steps.columns, mine[j]!, want[j]!);
        const step = Number(out.rows[j]?.[stepAt]);
        c.difference = { step: Number.isFinite(step) ? step : j, ...d };
        return c;
      }
    }
  }
  const runs = f.table('runs');
  if (runs) {
    const k = runs.raw.findIndex((r) => r[0] === run.runId);
    if (k < 0) {
      c.difference = { step: null, column: '(row of runs.csv)', committed: '(no row)', rerun: 'a row' };
      return c;
    }
    const keys = Object.keys(out.summary);
    const [want] = linesFor(runs.columns, (h) => {
      if (isId(h)) return [idValue(h)];
      const src = sourceOf(h, keys);
      return [src === undefined ? null : (out.summary[src] ?? null)];
    });
    c.rows++;
    c.cells += runs.columns.length;
    if (runs.lines[k] !== want) {
      const d = firstCellDifference(runs.columns, runs.lines[k]!, want!);
      c.difference = { step: null, ...d, column: `summary ${d.column}` };
    }
  }
  if (!steps && !runs) c.against = 'none';
  return c;
}

/** Compares a re-run's output with the committed record of the run (see the file header). */
export function compareRun(f: SweepFolder, run: PlannedRun, out: RunOutput): Comparison {
  const rec = rawRecord(f.dir, f.plan, run);
  return rec ? compareRecord(rec, out, run.runId) : compareTables(f, run, out);
}

/** One line saying what a comparison found. */
export function describeComparison(c: Comparison, run?: PlannedRun, plan?: Plan): string {
  const who = run && plan ? `run ${c.runId} (point ${run.point}, replicate ${run.replicate}, seed ${run.seed})` : `run ${c.runId}`;
  if (c.against === 'none') return `${who}: nothing committed to compare with`;
  const src = c.against === 'record' ? `runs/${c.runId}.json` : 'steps.csv and runs.csv';
  if (!c.difference) return `${who}: reproduces ${src} byte for byte (${c.rows} rows, ${c.cells} cells)`;
  const d = c.difference;
  const at = d.step === null ? '' : `step ${d.step}, `;
  return `${who}: differs from ${src} at ${at}column ${d.column}: committed ${d.committed}, re-run ${d.rerun}`;
}

/**
 * Runs one planned run in this process, as the sweep did (same scenario and seed), keeping the
 * simulation so that callers can read the agents' state; `atStart` is called after the initial
 * state is recorded (step 0), before the first step.
 */
export async function rerunWithWorld(
  exp: LoadedExperiment,
  plan: Plan,
  run: PlannedRun,
  atStart?: (sim: Simulation) => void,
): Promise<{ sim: Simulation; output: RunOutput }> {
  const t0 = performance.now();
  const point = plan.points[run.point]!;
  const raw = scenarioFor(exp, plan.settings, point, run.seed);
  const { scenario, graph } = await prepareScenario(raw, exp.baseFile);
  const sim = buildSimulation(scenario, { graph, plugins: exp.plugins });
  sim.init();
  atStart?.(sim);
  const rows = sim.run(scenario.steps);
  const columns = sim.columns.filter((c) => c !== 'seed');
  const summary = summarise(exp, rows, sim.columns, { runId: run.runId, point, replicate: run.replicate, seed: run.seed, columns: sim.columns });
  const output: RunOutput = {
    columns,
    rows: plan.settings.outputs.steps ? rows.map((r) => columns.map((c) => (r[c] as number | null) ?? null)) : [],
    summary,
    seconds: (performance.now() - t0) / 1000,
  };
  return { sim, output };
}
