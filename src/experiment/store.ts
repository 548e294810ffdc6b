/**
 * The results folder of a sweep, and how it survives being killed.
 *
 *   plan.json            the plan (./plan.ts): definition hash, points, runs, seeds; written first
 *   runs/<run_id>.json   one record per finished run (summary, step rows, or the error), written
 *                        atomically (temporary file + rename) the moment the run finishes
 *   sweep.lock           pid and host of the sweep writing here (a live one on this host is refused)
 *   runs.csv …           the final tables, rebuilt from plan.json + runs/ (./tables.ts)
 *
 * A sweep killed at any moment (SIGKILL included) leaves whole records and at most some
 * `*.tmp-*` files, which the next `--resume` removes; the runs that were in flight have no record
 * and run again. Failed runs are recorded too, and run again on `--resume` (a timeout may pass
 * with a longer limit; a deterministic error fails the same way again).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../results/atomic.js';
import { decodeNumber, encodeNumber } from './canonical.js';
import { PLAN_FORMAT, type Plan, type PlannedRun } from './plan.js';

export const RECORD_FORMAT = 'scorelab-run-record/1';

/** What identifies a record: written on every record, checked when it is read back. */
export interface RecordHead {
  format: typeof RECORD_FORMAT;
  experiment: string;
  definition: string;
  runId: string;
  index: number;
  point: number;
  replicate: number;
  seed: number;
}

export function recordHead(plan: Plan, r: PlannedRun): RecordHead {
  return { format: RECORD_FORMAT, experiment: plan.experiment.id, definition: plan.definition, runId: r.runId, index: r.index, point: r.point, replicate: r.replicate, seed: r.seed };
}

export interface RunRecord extends RecordHead {
  status: 'ok' | 'failed';
  /** For failed runs: 'error' or 'timeout', and the first line of the message. */
  reason?: 'error' | 'timeout';
  error?: string;
  columns?: string[];
  rows?: (number | null)[][];
  summary?: Record<string, number | null>;
  /** Wall time of the run (informative; never in a table). */
  seconds?: number;
}

export const planPath = (dir: string) => join(dir, 'plan.json');
export const recordPath = (dir: string, runId: string) => join(dir, 'runs', `${runId}.json`);

export function readPlan(dir: string): Plan | null {
  const p = planPath(dir);
  if (!existsSync(p)) return null;
  let plan: Plan;
  try {
    plan = JSON.parse(readFileSync(p, 'utf8')) as Plan;
  } catch (e) {
    throw new UserError(`${p}: not a readable sweep plan (${(e as Error).message})`, p);
  }
  if (plan?.format !== PLAN_FORMAT) throw new UserError(`${p}: not a scorelab sweep plan (format ${JSON.stringify(plan?.format)})`, p);
  return plan;
}

export function writePlan(dir: string, plan: Plan): void {
  writeFileAtomic(planPath(dir), JSON.stringify(plan) + '\n');
}

function recordText(rec: RunRecord): string {
  const enc = {
    ...rec,
    rows: rec.rows?.map((r) => r.map(encodeNumber)),
    summary: rec.summary && Object.fromEntries(Object.entries(rec.summary).map(([k, v]) => [k, encodeNumber(v)])),
  };
  return JSON.stringify(enc) + '\n';
}

export function writeRecord(dir: string, rec: RunRecord): void {
  writeFileAtomic(recordPath(dir, rec.runId), recordText(rec));
}

let tmpCounter = 0;

/**
 * The same protocol as ../results/atomic.ts (temporary file, fsync, rename) without blocking the
 * thread: the fsync of one record overlaps the next run.
 */
export async function writeRecordAsync(dir: string, rec: RunRecord): Promise<void> {
  const path = recordPath(dir, rec.runId);
  const tmp = `${path}.tmp-${process.pid}-${tmpCounter++}`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(recordText(rec));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/** Record of a run, or null when it is missing, unreadable or belongs to another definition. */
export function readRecord(dir: string, plan: Plan, run: PlannedRun): RunRecord | null {
  const p = recordPath(dir, run.runId);
  if (!existsSync(p)) return null;
  let rec: RunRecord;
  try {
    rec = JSON.parse(readFileSync(p, 'utf8')) as RunRecord;
  } catch {
    return null;
  }
  if (rec.format !== RECORD_FORMAT || rec.definition !== plan.definition || rec.runId !== run.runId) return null;
  if (rec.rows) rec.rows = rec.rows.map((r) => r.map(decodeNumber));
  if (rec.summary) rec.summary = Object.fromEntries(Object.entries(rec.summary).map(([k, v]) => [k, decodeNumber(v)]));
  return rec;
}

/** Records of the given runs that exist in `dir`. */
export function readRecords(dir: string, plan: Plan, runs: PlannedRun[]): Map<string, RunRecord> {
  const out = new Map<string, RunRecord>();
  for (const r of runs) {
    const rec = readRecord(dir, plan, r);
    if (rec) out.set(r.runId, rec);
  }
  return out;
}

/** Removes temporary files left by a killed writer. */
export function removeTemporaries(dir: string): number {
  let n = 0;
  for (const sub of [dir, join(dir, 'runs')]) {
    if (!existsSync(sub)) continue;
    for (const f of readdirSync(sub)) {
      if (/\.tmp-\d+-\d+$/.test(f)) {
        rmSync(join(sub, f), { force: true });
        n++;
      }
    }
  }
  return n;
}

/** Says what differs between the plan in a folder and this one ('' when they are the same sweep). */
export function planDifference(old: Plan, plan: Plan): string {
  if (old.experiment.id !== plan.experiment.id) return `it holds experiment '${old.experiment.id}', not '${plan.experiment.id}'`;
  if (old.scorelab !== plan.scorelab) return `it was made by scorelab ${old.scorelab}, this is scorelab ${plan.scorelab}`;
  if (old.definition !== plan.definition) {
    const keys = [...new Set([...Object.keys(old.parts), ...Object.keys(plan.parts)])].filter((k) => old.parts[k] !== plan.parts[k]);
    return `it holds another definition of experiment '${plan.experiment.id}' (definition ${old.definition.slice(0, 12)}, now ${plan.definition.slice(0, 12)}; differs in: ${keys.join(', ') || 'format'})`;
  }
  const sh = (s: Plan['shard']) => (s ? `shard ${s.index}/${s.count}` : 'the whole sweep');
  if (JSON.stringify(old.shard) !== JSON.stringify(plan.shard)) return `it holds ${sh(old.shard)}, not ${sh(plan.shard)}`;
  return '';
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Opens a folder for a sweep: refuses a folder of another sweep, a folder with results when not
 * resuming, and a folder another live sweep on this host is writing; writes plan.json and the lock.
 */
export function openFolder(dir: string, plan: Plan, resume: boolean): { resumed: boolean; removedTemporaries: number } {
  dir = resolve(dir);
  const old = readPlan(dir);
  if (!old && existsSync(dir) && readdirSync(dir).some((f) => f !== 'logs')) {
    throw new UserError(`${dir}: the folder exists and is not a sweep folder (no plan.json); choose another --out`, dir, '--out');
  }
  if (old) {
    const diff = planDifference(old, plan);
    if (diff) throw new UserError(`${dir}: cannot ${resume ? 'resume' : 'write'} here: ${diff}; use another --out, or delete the folder to start over`, dir, '--out');
    if (!resume) throw new UserError(`${dir}: already holds this sweep; add --resume to finish it, or delete the folder to start over`, dir, '--resume');
  }
  const lock = join(dir, 'sweep.lock');
  if (existsSync(lock)) {
    try {
      const { pid, host } = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; host: string };
      if (host === hostname() && pid !== process.pid && pidAlive(pid)) {
        throw new UserError(`${dir}: another sweep (pid ${pid}) is writing to this folder; wait for it or stop it first`, dir, '--out');
      }
    } catch (e) {
      if (e instanceof UserError) throw e;
    }
  }
  mkdirSync(join(dir, 'runs'), { recursive: true });
  const removedTemporaries = removeTemporaries(dir);
  writeFileAtomic(lock, JSON.stringify({ pid: process.pid, host: hostname() }) + '\n');
  if (!old) writePlan(dir, plan);
  return { resumed: Boolean(old), removedTemporaries };
}

export function releaseLock(dir: string): void {
  rmSync(join(resolve(dir), 'sweep.lock'), { force: true });
}
