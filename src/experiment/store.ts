/**
 * The results folder of a sweep, and how it survives being killed.
 *
 *   plan.json            the plan (./plan.ts): definition hash, points, runs, seeds; written first
 *   runs/<run_id>.json   one record per finished run (summary, step rows, or the error), written
 *                        atomically (temporary file + rename) the moment the run finishes
 *   sweep.lock           pid and host of the sweep writing here (a live one on this host is refused);
 *                        taken atomically (a hard link) before anything else is read or written,
 *                        so of two sweeps started at once into one folder the second is always told
 *                        that another sweep is writing there; removed when the process exits
 *   runs.csv …           the final tables, rebuilt from plan.json + runs/ (./tables.ts)
 *
 * A sweep killed at any moment (SIGKILL included) leaves whole records and at most some
 * `*.tmp-*` files, which the next `--resume` removes; the runs that were in flight have no record
 * and run again. Failed runs are recorded too, and run again on `--resume` (a timeout may pass
 * with a longer limit; a deterministic error fails the same way again).
 *
 * Every record ends with `"checksum":"sha256:<hex>"`, the SHA-256 of the record's text before it.
 * A record that is not valid JSON, has no checksum, or whose content no longer matches it (a
 * truncated copy, a hand edit) is reported by name: `--resume` sets it aside as
 * `runs/<id>.json.rejected` and runs it again; `merge` refuses it (./merge.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { writeFileAtomic, writeFileAtomicAsync } from '../results/atomic.js';
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

/** The record of a finished run as stored in the results folder. */
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

/** The plan.json of a results folder, or null when there is none. */
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

const CHECKSUM_TAIL = /,"checksum":"sha256:([0-9a-f]{64})"\}\n?$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The text of a record: its JSON with the checksum of everything before it as the last field. */
export function recordText(rec: RunRecord): string {
  const enc = {
    ...rec,
    rows: rec.rows?.map((r) => r.map(encodeNumber)),
    summary: rec.summary && Object.fromEntries(Object.entries(rec.summary).map(([k, v]) => [k, encodeNumber(v)])),
  };
  const body = JSON.stringify(enc);
  return `${body.slice(0, -1)},"checksum":"sha256:${sha256(body)}"}\n`;
}

export function writeRecord(dir: string, rec: RunRecord): void {
  writeFileAtomic(recordPath(dir, rec.runId), recordText(rec));
}

/**
 * The same protocol as ../results/atomic.ts (temporary file, fsync, rename) without blocking the
 * thread: the fsync of one record overlaps the next run.
 */
export async function writeRecordAsync(dir: string, rec: RunRecord): Promise<void> {
  await writeFileAtomicAsync(recordPath(dir, rec.runId), recordText(rec));
}

/** A record read back, or why it cannot be trusted. */
export type RecordCheck = { record: RunRecord } | { problem: string } | { missing: true };

/** Reads and verifies the text of a record (its checksum), without checking whose it is. */
export function parseRecordText(text: string): { record: RunRecord } | { problem: string } {
  const m = CHECKSUM_TAIL.exec(text);
  if (!m) {
    try {
      JSON.parse(text);
    } catch {
      return { problem: 'is corrupt (not valid JSON: truncated or overwritten)' };
    }
    return { problem: 'has no checksum (edited, or written by an older scorelab)' };
  }
  const body = text.slice(0, m.index) + '}';
  if (sha256(body) !== m[1]) return { problem: 'was edited or is corrupt: its content does not match its checksum' };
  try {
    return { record: JSON.parse(body) as RunRecord };
  } catch {
    return { problem: 'is corrupt (not valid JSON)' };
  }
}

/** Reads and verifies the record of a run. */
export function checkRecord(dir: string, plan: Plan, run: PlannedRun): RecordCheck {
  const p = recordPath(dir, run.runId);
  if (!existsSync(p)) return { missing: true };
  let text: string;
  try {
    text = readFileSync(p, 'utf8');
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const r = parseRecordText(text);
  if ('problem' in r) return r;
  const rec = r.record;
  if (rec.format !== RECORD_FORMAT) return { problem: `is not a scorelab run record (format ${JSON.stringify(rec.format)})` };
  if (rec.definition !== plan.definition || rec.runId !== run.runId) return { problem: `belongs to another run or definition (run ${rec.runId}, definition ${String(rec.definition).slice(0, 12)})` };
  if (rec.rows) rec.rows = rec.rows.map((row) => row.map(decodeNumber));
  if (rec.summary) rec.summary = Object.fromEntries(Object.entries(rec.summary).map(([k, v]) => [k, decodeNumber(v)]));
  return { record: rec };
}

/** Record of a run, or null when it is missing or cannot be trusted (see `checkRecord`). */
export function readRecord(dir: string, plan: Plan, run: PlannedRun): RunRecord | null {
  const c = checkRecord(dir, plan, run);
  return 'record' in c ? c.record : null;
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

/**
 * Sets aside (as runs/<id>.json.rejected) every record of `runs` in `dir` that cannot be trusted,
 * so that it runs again; returns one line per record saying which and why.
 */
export function rejectBadRecords(dir: string, plan: Plan, runs: PlannedRun[]): string[] {
  const lines: string[] = [];
  for (const r of runs) {
    const c = checkRecord(dir, plan, r);
    if (!('problem' in c)) continue;
    const p = recordPath(dir, r.runId);
    renameSync(p, `${p}.rejected`);
    lines.push(`${p} ${c.problem}; set aside as ${r.runId}.json.rejected, the run runs again`);
  }
  return lines;
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

/** Locks this process holds (removed when it exits, however the sweep ended). */
const held = new Set<string>();
let exitHook = false;

function lockOwner(lock: string): { pid: number; host: string } | null {
  try {
    const o = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; host: string };
    return typeof o?.pid === 'number' && typeof o?.host === 'string' ? o : null;
  } catch {
    return null;
  }
}

/**
 * Takes `dir/sweep.lock` atomically: the lock is written to a private file and hard-linked into
 * place, which fails when a lock exists. A lock of a live process on this host (not this one) is
 * refused; a stale one (its process gone) is replaced.
 */
export function acquireLock(dir: string): void {
  const lock = join(dir, 'sweep.lock');
  const mine = `${lock}.tmp-${process.pid}-0`;
  writeFileSync(mine, JSON.stringify({ pid: process.pid, host: hostname() }) + '\n');
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, lock);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw e;
      }
      const owner = lockOwner(lock);
      if (owner && owner.pid !== process.pid && owner.host === hostname() && pidAlive(owner.pid)) {
        throw new UserError(`${dir}: another sweep (pid ${owner.pid}) is writing to this folder; wait for it or stop it first`, dir, '--out');
      }
      if (owner && owner.pid === process.pid && owner.host === hostname()) break; // ours already
      rmSync(lock, { force: true }); // stale: its process is gone (or another host's, as before)
    }
  } finally {
    rmSync(mine, { force: true });
  }
  held.add(lock);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const l of held) {
        const o = lockOwner(l);
        if (o && o.pid === process.pid) rmSync(l, { force: true });
      }
    });
  }
}

const TMP_FILE = /\.tmp-\d+-\d+$/;

/**
 * Opens a folder for a sweep: takes the lock first (refusing a folder another live sweep on this
 * host is writing), then refuses a folder of another sweep and a folder with results when not
 * resuming; writes plan.json. On resume, records that cannot be trusted are reported through
 * `onWarning` (one line each) and set aside, so they run again.
 */
export function openFolder(
  dir: string,
  plan: Plan,
  resume: boolean,
  onWarning: (message: string) => void = (m) => console.error(`scorelab: ${m}`),
): { resumed: boolean; removedTemporaries: number; rejected: string[] } {
  dir = resolve(dir);
  const existed = existsSync(dir);
  mkdirSync(dir, { recursive: true });
  acquireLock(dir);
  try {
    const old = readPlan(dir);
    if (!old && readdirSync(dir).some((f) => f !== 'logs' && f !== 'sweep.lock' && !TMP_FILE.test(f))) {
      throw new UserError(`${dir}: the folder exists and is not a sweep folder (no plan.json); choose another --out`, dir, '--out');
    }
    if (old) {
      const diff = planDifference(old, plan);
      if (diff) throw new UserError(`${dir}: cannot ${resume ? 'resume' : 'write'} here: ${diff}; use another --out, or delete the folder to start over`, dir, '--out');
      if (!resume) throw new UserError(`${dir}: already holds this sweep; add --resume to finish it, or delete the folder to start over`, dir, '--resume');
    }
    mkdirSync(join(dir, 'runs'), { recursive: true });
    const removedTemporaries = removeTemporaries(dir);
    if (!old) writePlan(dir, plan);
    const rejected = old ? rejectBadRecords(dir, plan, plan.runs) : [];
    for (const line of rejected) onWarning(line);
    return { resumed: Boolean(old), removedTemporaries, rejected };
  } catch (e) {
    releaseLock(dir);
    if (!existed) {
      try {
        rmdirSync(join(dir, 'runs'));
      } catch {
        /* not there or not empty */
      }
      try {
        rmdirSync(dir);
      } catch {
        /* not empty */
      }
    }
    throw e;
  }
}

export function releaseLock(dir: string): void {
  const lock = join(resolve(dir), 'sweep.lock');
  const o = lockOwner(lock);
  if (!o || o.pid === process.pid) rmSync(lock, { force: true });
  held.delete(lock);
}
