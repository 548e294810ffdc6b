/**
 * Reading a sweep's results folder for figures, reports and verification: plan.json,
 * manifest.json and the CSV tables, read by their column contracts (src/experiment/tables.ts and
 * the aggregate tables):
 *
 *   points.csv   point, <parameter columns>, step, day, metric, n, mean, sd, ci_low, ci_high
 *   effects.csv  treatment, control, <parameter columns>, metric, n, treatment_mean,
 *                control_mean, diff, diff_sd, ci_low, ci_high, rel_diff
 *   runs.csv     run_id, point, replicate, seed, <parameter columns>, <summary columns>
 *   steps.csv    run_id, point, replicate, seed, <parameter columns>, step, day, <metric columns>
 *
 * Nothing here aggregates: means and intervals are read as the sweep wrote them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import type { ExperimentDefinition } from '../experiment/define.js';
import { loadExperiment, locateExperiment, type LoadedExperiment } from '../experiment/load.js';
import type { Plan } from '../experiment/plan.js';
import { readPlan } from '../experiment/store.js';

/** A cell of a CSV table read back: a number, text, or empty (null). */
export type Cell = string | number | null;

/** A CSV table of a results folder: columns, parsed rows, and the raw cells and lines as written. */
export interface CsvTable {
  file: string;
  columns: string[];
  rows: Record<string, Cell>[];
  /** The raw cells, as written (for byte-level comparisons). */
  raw: string[][];
  /** The lines of the file as written, without the header (same order as `rows`). */
  lines: string[];
}

/** Splits CSV text (RFC 4180 quoting) into records of raw cells and the text of each record. */
export function parseCsvText(text: string): { cells: string[][]; lines: string[] } {
  const cells: string[][] = [];
  const lines: string[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      cells.push(row);
      lines.push(text.slice(start, i));
      row = [];
      cell = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    cells.push(row);
    lines.push(text.slice(start));
  }
  return { cells, lines };
}

/** A cell as a value: '' → null, a number's text → the number, anything else → the text. */
export function cellValue(s: string): Cell {
  if (s === '') return null;
  if (s === 'NaN') return NaN;
  if (s === 'Infinity') return Infinity;
  if (s === '-Infinity') return -Infinity;
  const x = Number(s);
  return /^[-+]?(\d|\.\d)/.test(s) && Number.isFinite(x) ? x : s;
}

/** Reads a CSV table; null when the file does not exist. */
export function readCsvTable(file: string): CsvTable | null {
  if (!existsSync(file)) return null;
  const { cells, lines } = parseCsvText(readFileSync(file, 'utf8'));
  const [head, ...body] = cells;
  if (!head) return { file, columns: [], rows: [], raw: [], lines: [] };
  const rows = body.map((r, k) => {
    if (r.length !== head.length) throw new UserError(`${file}: line ${k + 2}: expected ${head.length} cells (as in the header), found ${r.length}`, file);
    return Object.fromEntries(head.map((c, j) => [c, cellValue(r[j]!)]));
  });
  return { file, columns: head, rows, raw: body, lines: lines.slice(1) };
}

/** What the report and the figures know of the experiment (from the manifest or its file). */
export type ExperimentText = Pick<ExperimentDefinition, 'title' | 'description' | 'question' | 'claim' | 'mechanism' | 'control' | 'expected' | 'set'>;

/** A results folder read for plotting: tables, manifest and plan. */
export interface SweepFolder {
  dir: string;
  plan: Plan;
  manifest: Record<string, any> | null;
  table(name: 'points' | 'effects' | 'runs' | 'steps' | 'failures' | 'sensitivity'): CsvTable | null;
  /** The experiment file, loaded (null when it cannot be found; `experimentError` says why). */
  experiment(): Promise<LoadedExperiment | null>;
  experimentError: string | null;
}

/** Locates the experiment file of a plan: --experiment, the recorded path, or experiments/<id>.ts. */
export function experimentFileOf(plan: Plan, given?: string): string {
  if (given) return locateExperiment(given);
  if (plan.experiment.file && existsSync(plan.experiment.file)) return plan.experiment.file;
  try {
    return locateExperiment(plan.experiment.id);
  } catch {
    throw new UserError(
      `cannot find the experiment file of '${plan.experiment.id}' (recorded as ${plan.experiment.file ?? '(none)'}, and no experiments/${plan.experiment.id}.ts); give it with --experiment FILE`,
      plan.experiment.file ?? undefined,
      '--experiment',
    );
  }
}

/** Opens a results folder written by `scorelab sweep` or `scorelab merge`. */
export function openSweep(dir: string, opts: { experiment?: string } = {}): SweepFolder {
  const abs = resolve(dir);
  if (!existsSync(abs)) throw new UserError(`${dir}: no such results folder`, dir);
  const plan = readPlan(abs);
  if (!plan) throw new UserError(`${dir}: not a sweep results folder (no plan.json); make one with scorelab sweep`, dir);
  let manifest: Record<string, any> | null = null;
  const mf = join(abs, 'manifest.json');
  if (existsSync(mf)) {
    try {
      manifest = JSON.parse(readFileSync(mf, 'utf8')) as Record<string, any>;
    } catch (e) {
      throw new UserError(`${mf}: not readable JSON (${(e as Error).message})`, mf);
    }
  }
  const cache = new Map<string, CsvTable | null>();
  let loaded: Promise<LoadedExperiment | null> | null = null;
  const folder: SweepFolder = {
    dir: abs,
    plan,
    manifest,
    experimentError: null,
    table(name) {
      if (!cache.has(name)) cache.set(name, readCsvTable(join(abs, `${name}.csv`)));
      return cache.get(name)!;
    },
    experiment() {
      loaded ??= (async () => {
        try {
          return await loadExperiment(experimentFileOf(plan, opts.experiment));
        } catch (e) {
          folder.experimentError = (e as Error).message;
          return null;
        }
      })();
      return loaded;
    },
  };
  return folder;
}

/** The experiment's words: from the manifest when it records them, else from the experiment file. */
export async function experimentText(f: SweepFolder): Promise<ExperimentText> {
  const m = (f.manifest?.experiment ?? {}) as Record<string, unknown>;
  const fromManifest = ['question', 'claim', 'mechanism', 'control', 'expected'].some((k) => m[k] !== undefined);
  if (fromManifest) return m as ExperimentText;
  const exp = await f.experiment();
  const d = exp?.def;
  return {
    title: d?.title ?? f.plan.experiment.title,
    description: d?.description ?? f.plan.experiment.description,
    question: d?.question,
    claim: d?.claim,
    mechanism: d?.mechanism,
    control: d?.control ?? (f.manifest?.control as ExperimentText['control'] | undefined),
    expected: d?.expected,
    set: d?.set,
  };
}

/** The parameter columns of the design that take more than one value. */
export function varyingParams(plan: Plan): string[] {
  return plan.paramKeys.filter((k) => new Set(plan.points.map((p) => JSON.stringify(p[k] ?? null))).size > 1);
}

const valueKey = (v: unknown) => JSON.stringify(v ?? null);

/** Whether the values of `keys` decide the value of `k` over the design's points. */
function determined(plan: Plan, keys: string[], k: string): boolean {
  const seen = new Map<string, string>();
  for (const p of plan.points) {
    const at = keys.map((x) => valueKey(p[x])).join('\u0000');
    const v = valueKey(p[k]);
    const was = seen.get(at);
    if (was !== undefined && was !== v) return false;
    seen.set(at, v);
  }
  return true;
}

/**
 * The factors that tell points apart once `fixed` is known (a figure's x, colour or facet): the
 * varying factors not decided by those already chosen. A factor whose values name every point
 * (a `name` in a points design) comes first, so a design of switched plug-ins is labelled by
 * its names rather than by every switch.
 */
export function labelKeys(plan: Plan, fixed: string[] = [], prefer: string[] = []): string[] {
  const varying = varyingParams(plan);
  const naming = varying.filter((k) => typeof plan.points[0]?.[k] === 'string' && new Set(plan.points.map((p) => valueKey(p[k]))).size === plan.points.length);
  const order = [...new Set([...naming, ...prefer, ...varying])].filter((k) => !fixed.includes(k));
  const out: string[] = [];
  for (const k of order) if (!determined(plan, [...fixed, ...out], k)) out.push(k);
  return out;
}
