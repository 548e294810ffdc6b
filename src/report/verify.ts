/**
 * `scorelab verify`: re-runs a deterministic sample of a committed sweep's runs (or all of them)
 * from plan.json and the experiment file, and checks that each reproduces byte for byte what the
 * folder holds: runs/<run_id>.json when present, else the run's rows of steps.csv and its row of
 * runs.csv, compared as the CSV text the sweep would write (../plots/reproduce.ts).
 *
 * It refuses (a UserError, exit 2) a folder whose definition hash no longer matches the
 * experiment file, naming the parts that changed (plan.json `parts`: base, set, design,
 * summary, plugins …). Runs are re-run in this process with the sweep's own function
 * (src/experiment/execute.ts `executeRun`), the same code a worker thread runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeRng } from '../core/rng.js';
import { UserError } from '../core/errors.js';
import { executeRun } from '../experiment/execute.js';
import { loadExperiment } from '../experiment/load.js';
import { makePlan, overridesOf, shardRuns, type Plan, type PlannedRun } from '../experiment/plan.js';
import { compareRun, describeComparison, type Comparison } from '../plots/reproduce.js';
import { experimentFileOf, openSweep } from '../plots/sweep-data.js';

/** Options of `verifySweep`: how many runs to re-run, and a callback per run. */
export interface VerifyOptions {
  /** Every committed run instead of a sample. */
  all?: boolean;
  /** Runs in the sample (default 3). */
  sample?: number;
  /** Seed of the sample (default 0): the same seed picks the same runs. */
  seed?: number;
  /** The experiment file, when it is no longer where plan.json says. */
  experiment?: string;
  /** Called after each run is checked, with its line. */
  onRun?(line: string, c: Comparison): void;
  onWarning?(message: string): void;
}

/** What `verifySweep` found: runs re-run and whether they reproduce byte for byte. */
export interface VerifyResult {
  dir: string;
  experimentFile: string;
  /** Runs with committed results. */
  committed: number;
  checked: { run: PlannedRun; comparison: Comparison; line: string }[];
  differ: number;
}

/** Runs that have committed results: a record, or a row of runs.csv. */
function committedRuns(dir: string, plan: Plan, runsCsv: Set<string>): PlannedRun[] {
  return shardRuns(plan).filter((r) => runsCsv.has(r.runId) || existsSync(join(dir, 'runs', `${r.runId}.json`)));
}

/** A deterministic sample of k runs (Fisher–Yates on a seeded stream), in canonical order. */
export function sampleRuns(runs: PlannedRun[], k: number, seed: number): PlannedRun[] {
  const rng = makeRng(`scorelab:verify:${seed}`);
  const a = [...runs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, Math.min(k, a.length)).sort((x, y) => x.index - y.index);
}

/** Re-runs sampled runs of a results folder and compares them with the recorded tables byte for byte. */
export async function verifySweep(dir: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const f = openSweep(dir, { experiment: opts.experiment });
  const old = f.plan;
  const file = experimentFileOf(old, opts.experiment);
  const exp = await loadExperiment(file);
  const s = old.settings;
  const fresh = await makePlan(exp, overridesOf(s), old.shard);
  if (fresh.experiment.id !== old.experiment.id) {
    throw new UserError(`${f.dir}: holds experiment '${old.experiment.id}', but ${file} defines '${fresh.experiment.id}'`, file, 'id');
  }
  if (fresh.definition !== old.definition) {
    const keys = [...new Set([...Object.keys(old.parts ?? {}), ...Object.keys(fresh.parts)])].filter((k) => old.parts?.[k] !== fresh.parts[k]);
    throw new UserError(
      `${f.dir}: the experiment file ${file} no longer defines this sweep: definition ${old.definition.slice(0, 12)} in plan.json, ${fresh.definition.slice(0, 12)} now; changed: ${keys.join(', ') || '(the hash format)'}; nothing to verify (run the sweep again into a new folder)`,
      file,
      keys[0] ?? 'definition',
    );
  }
  if (fresh.scorelab !== old.scorelab) opts.onWarning?.(`the sweep was made by scorelab ${old.scorelab}, this is scorelab ${fresh.scorelab}`);
  const runsCsv = new Set((f.table('runs')?.raw ?? []).map((r) => r[0]!));
  const committed = committedRuns(f.dir, old, runsCsv);
  if (!committed.length) throw new UserError(`${f.dir}: no committed run results (no runs/<id>.json and no rows in runs.csv)`, f.dir);
  const k = opts.sample ?? 3;
  const pick = opts.all ? committed : sampleRuns(committed, k, opts.seed ?? 0);
  const result: VerifyResult = { dir: f.dir, experimentFile: file, committed: committed.length, checked: [], differ: 0 };
  for (const run of pick) {
    const point = old.points[run.point]!;
    const out = await executeRun(exp, old.settings, { runId: run.runId, point, replicate: run.replicate, seed: run.seed });
    const comparison = compareRun(f, run, out);
    const line = describeComparison(comparison, run, old);
    if (comparison.difference || comparison.against === 'none') result.differ++;
    result.checked.push({ run, comparison, line });
    opts.onRun?.(line, comparison);
  }
  return result;
}
