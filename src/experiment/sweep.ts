/**
 * Running a sweep: plan it, open (or resume) its folder, run what is left on a worker pool — each
 * finished run written at once as runs/<run_id>.json — then rebuild the final tables from the
 * records (./tables.ts). A run that throws or passes its time limit is recorded as failed and the
 * others go on.
 *
 *   const r = await runSweep('cleanup-dose', { workers: 2, out: 'results/dose' });
 *   r.failed  // runs recorded in failures.csv
 *
 * `workers: 0` runs in this thread (the only way for a definition made in code rather than in a
 * file: worker threads import the experiment file to get its functions). Time limits need workers.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import type { ExperimentDefinition } from './define.js';
import { executeRun } from './execute.js';
import { loadExperiment, prepareExperiment, type LoadedExperiment } from './load.js';
import { makePlan, shardRuns, type Overrides, type Plan, type PlannedRun, type Shard } from './plan.js';
import { RunPool, RunTimeout } from './pool.js';
import { openFolder, planDifference, readPlan, readRecords, recordHead, releaseLock, writeRecord, writeRecordAsync, type RunRecord } from './store.js';
import { writeTables, type TableCounts } from './tables.js';

/** Progress of a sweep (done, failed, total), for a progress bar. */
export interface SweepProgress {
  done: number;
  total: number;
  failed: number;
}

/** A run that failed: its id and the reason (failures.csv). */
export interface FailedRun {
  runId: string;
  point: Record<string, unknown>;
  replicate: number;
  seed: number;
  reason: 'error' | 'timeout';
  error: string;
}

/** Options of `runSweep`: output folder, workers, resume, shard, time limits, progress. */
export interface SweepOptions extends Overrides {
  /** Output folder (default results/<experiment id>). */
  out?: string;
  /** Worker threads (default: available cores); 0 runs in this thread. */
  workers?: number;
  /** Continue the sweep in `out` (or start it when the folder is new). */
  resume?: boolean;
  shard?: Shard | null;
  /** Per-run time limit in seconds (workers only). */
  timeout?: number;
  onStart?(info: { plan: Plan; dir: string; total: number; reused: number; todo: number; threads: number }): void;
  onProgress?(p: SweepProgress): void;
  onFailure?(f: FailedRun): void;
  onWarning?(message: string): void;
  /**
   * Run the experiment's quick form (its `quick` sizes, under explicit replicates/steps/agents);
   * the default folder is then results/<id>-quick.
   */
  quick?: boolean;
  /**
   * When `out` holds an earlier sweep of another definition (the experiment or scorelab changed),
   * delete it and start over; a sweep of the same definition is resumed. What `npm start` uses.
   * Only a sweep folder (with plan.json) is ever deleted.
   */
  replace?: boolean;
  /** Stops the sweep: runs in flight are dropped, finished ones stay recorded. */
  signal?: AbortSignal;
  /** A pool already started (the benchmark warms one up). */
  pool?: RunPool;
}

/** What a sweep wrote: counts, failed runs and the folder. */
export interface SweepResult extends TableCounts {
  dir: string;
  plan: Plan;
  reused: number;
  seconds: number;
  threads: number;
  interrupted: boolean;
}

/** An experiment by file path or name, loaded, or a definition made in code. */
export type ExperimentRef = string | LoadedExperiment | ExperimentDefinition;

function isLoaded(e: ExperimentRef): e is LoadedExperiment {
  return typeof e === 'object' && 'def' in e && 'baseRaw' in e;
}

/** Loads an experiment given by file, by name, already loaded, or as a definition made in code. */
export async function resolveExperiment(e: ExperimentRef): Promise<LoadedExperiment> {
  if (typeof e === 'string') return loadExperiment(e);
  if (isLoaded(e)) return e;
  return prepareExperiment(e, null);
}

function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return (m.split('\n')[0] ?? '').trim() || 'error';
}

/** Runs an experiment's sweep: every planned run, in parallel, resumable; writes the tables of the results folder. */
export async function runSweep(experiment: ExperimentRef, opts: SweepOptions = {}): Promise<SweepResult> {
  const t0 = Date.now();
  const exp = await resolveExperiment(experiment);
  const q = opts.quick ? (exp.def.quick ?? {}) : {};
  const overrides: Overrides = { replicates: opts.replicates ?? q.replicates, steps: opts.steps ?? q.steps, agents: opts.agents ?? q.agents, set: opts.set };
  const plan = await makePlan(exp, overrides, opts.shard ?? null);
  const dir = resolve(opts.out ?? `results/${plan.experiment.id}${opts.quick ? '-quick' : ''}`);
  const requested = opts.pool ? opts.pool.threads : (opts.workers ?? (exp.file ? availableParallelism() : 0));
  if (requested > 0 && !exp.file) {
    throw new UserError(`experiment '${plan.experiment.id}': a definition made in code runs in this thread (workers: 0); save it in a file to run it on worker threads`);
  }
  if (opts.timeout !== undefined && requested === 0) opts.onWarning?.('--timeout is not enforced without worker threads');
  let resume = opts.resume ?? false;
  if (opts.replace) {
    const old = readPlan(dir);
    if (old && planDifference(old, plan)) {
      opts.onWarning?.(`replacing the earlier sweep in ${dir} (${planDifference(old, plan)})`);
      rmSync(dir, { recursive: true, force: true });
    }
    resume = true;
  }

  const { removedTemporaries } = openFolder(dir, plan, resume);
  if (removedTemporaries) opts.onWarning?.(`removed ${removedTemporaries} partly written file(s) of an interrupted sweep`);
  const mine = shardRuns(plan);
  const records = readRecords(dir, plan, mine);
  const reused = [...records.values()].filter((r) => r.status === 'ok').length;
  const todo = mine.filter((r) => records.get(r.runId)?.status !== 'ok'); // failed runs run again
  records.clear(); // the tables are rebuilt from the folder at the end
  const threads = todo.length ? (opts.pool ? opts.pool.threads : Math.min(requested, todo.length)) : 0;
  opts.onStart?.({ plan, dir, total: mine.length, reused, todo: todo.length, threads });

  let failed = 0;
  let done = reused;
  let stopped = false;
  const pool = threads > 0 ? (opts.pool ?? new RunPool(threads, { file: exp.file!, overrides })) : null;
  const stop = () => {
    stopped = true;
    if (pool && pool !== opts.pool) void pool.destroy();
  };
  opts.signal?.addEventListener('abort', stop, { once: true });
  opts.onProgress?.({ done, total: mine.length, failed });

  // in this thread a record's flush overlaps the next run; at most this many flushes pending
  const pending = new Set<Promise<void>>();
  let writeError: unknown = null;
  const one = async (r: PlannedRun) => {
    const point = plan.points[r.point]!;
    const task = { runId: r.runId, point, replicate: r.replicate, seed: r.seed };
    const head = recordHead(plan, r);
    try {
      if (pool) {
        await pool.run({ file: exp.file!, overrides, definition: plan.definition, run: task, dir, head }, opts.timeout);
      } else {
        const out = await executeRun(exp, plan.settings, task);
        const w = writeRecordAsync(dir, { ...head, status: 'ok', columns: out.columns, rows: out.rows, summary: out.summary, seconds: out.seconds })
          .catch((e) => void (writeError ??= e))
          .finally(() => pending.delete(w));
        pending.add(w);
        if (pending.size >= 32) await Promise.race(pending);
      }
    } catch (e) {
      if (stopped) return;
      const reason = e instanceof RunTimeout ? 'timeout' : 'error';
      const rec: RunRecord = { ...head, status: 'failed', reason, error: firstLine(e) };
      writeRecord(dir, rec);
      failed++;
      opts.onFailure?.({ runId: r.runId, point, replicate: r.replicate, seed: r.seed, reason, error: rec.error! });
    }
    if (stopped) return;
    done++;
    opts.onProgress?.({ done, total: mine.length, failed });
  };

  let next = 0;
  const lane = async () => {
    while (!stopped && next < todo.length) await one(todo[next++]!);
  };
  try {
    await Promise.all(Array.from({ length: Math.max(threads, todo.length ? 1 : 0) }, lane));
  } finally {
    opts.signal?.removeEventListener('abort', stop);
    if (pool && pool !== opts.pool) await pool.destroy();
    await Promise.all(pending);
  }
  if (writeError) throw writeError;
  const finishedAt = new Date();
  const result = (counts: TableCounts): SweepResult => ({ ...counts, dir, plan, reused, seconds: (Date.now() - t0) / 1000, threads, interrupted: stopped });
  const all = readRecords(dir, plan, mine);
  if (stopped) {
    releaseLock(dir);
    const completed = [...all.values()].filter((r) => r.status === 'ok').length;
    return result({ planned: mine.length, completed, failed: all.size - completed, missing: mine.length - all.size, files: [] });
  }
  const counts = writeTables(dir, plan, mine, all, {
    workers: threads,
    startedAt: new Date(t0).toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: (finishedAt.getTime() - t0) / 1000,
    reused,
  });
  releaseLock(dir);
  return result(counts);
}
