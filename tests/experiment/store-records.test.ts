/**
 * Run records carry a checksum of their content (src/experiment/store.ts, issue 13): a record that
 * is corrupt (not JSON, truncated), edited (still valid JSON) or without a checksum is detected by
 * name; `sweep --resume` sets it aside and runs it again (the tables equal a clean sweep's), and
 * `merge` refuses it. A live lock of another process is refused with that reason, whatever else
 * the folder holds.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/load.js';
import { makePlan } from '../../src/experiment/plan.js';
import { openFolder, parseRecordText, recordText, RECORD_FORMAT, type RunRecord } from '../../src/experiment/store.js';
import { BIN, ROOT, tmp } from '../helpers.js';

const TINY = ['tests/fixtures/experiments/tiny.ts', '--agents', '40', '--steps', '4'];

function scorelab(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, SCORELAB_NO_PROGRESS: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command that must succeed. */
function ok(args: string[]): void {
  const r = scorelab(args);
  expect(r.code, `scorelab ${args.join(' ')}: ${r.stderr}`).toBe(0);
}

const record: RunRecord = {
  format: RECORD_FORMAT,
  experiment: 'x',
  definition: 'd'.repeat(64),
  runId: 'abc',
  index: 0,
  point: 0,
  replicate: 0,
  seed: 7,
  status: 'ok',
  columns: ['step', 'mean_score'],
  rows: [[0, 0.5], [1, null]],
  summary: { mean_score: 0.25 },
};

describe('record checksums', () => {
  it('a record reads back; an edit, a truncation or a missing checksum is named', () => {
    const text = recordText(record);
    expect(text).toMatch(/,"checksum":"sha256:[0-9a-f]{64}"\}\n$/);
    const back = parseRecordText(text);
    expect('record' in back && back.record.summary).toEqual({ mean_score: 0.25 });
    const edited = text.replace('0.25', '0.26');
    expect(JSON.parse(edited)).toBeTruthy(); // still valid JSON
    expect(parseRecordText(edited)).toEqual({ problem: 'was edited or is corrupt: its content does not match its checksum' });
    expect(parseRecordText(text.slice(0, 40))).toEqual({ problem: 'is corrupt (not valid JSON: truncated or overwritten)' });
    expect(parseRecordText(JSON.stringify(record))).toEqual({ problem: 'has no checksum (edited, or written by an older scorelab)' });
  });

  it('sweep --resume reruns a corrupt and an edited record, says which, and ends with the clean tables; merge refuses an edited record', () => {
    const clean = tmp();
    ok(['sweep', ...TINY, '--workers', '1', '--out', clean]);
    const dir = tmp();
    ok(['sweep', ...TINY, '--workers', '1', '--out', dir]);
    const [a, b] = readdirSync(join(dir, 'runs')).sort();
    const pa = join(dir, 'runs', a!);
    const pb = join(dir, 'runs', b!);
    writeFileSync(pa, readFileSync(pa, 'utf8').slice(0, 100)); // truncated
    const rb = readFileSync(pb, 'utf8');
    const edited = rb.replace(/"summary":\{"score_assortativity":[^,}]+/, '"summary":{"score_assortativity":0.5');
    expect(edited).not.toBe(rb);
    writeFileSync(pb, edited);
    const r = scorelab(['sweep', ...TINY, '--workers', '1', '--resume', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${pa} is corrupt (not valid JSON: truncated or overwritten); set aside as ${a}.rejected, the run runs again`);
    expect(r.stderr).toContain(`${pb} was edited or is corrupt: its content does not match its checksum`);
    expect(r.stdout).toMatch(/16 already done; running 2 on 1 worker/);
    for (const f of ['runs.csv', 'steps.csv', 'failures.csv']) expect(readFileSync(join(dir, f)).equals(readFileSync(join(clean, f))), f).toBe(true);

    const s0 = tmp();
    const s1 = tmp();
    ok(['sweep', ...TINY, '--shard', '0/2', '--workers', '1', '--out', s0]);
    ok(['sweep', ...TINY, '--shard', '1/2', '--workers', '1', '--out', s1]);
    const one = join(s1, 'runs', readdirSync(join(s1, 'runs')).sort()[0]!);
    writeFileSync(one, readFileSync(one, 'utf8').replace(/"seconds":[0-9.e-]+/, '"seconds":1'));
    const m = scorelab(['merge', s0, s1, '--out', tmp()]);
    expect(m.code).toBe(2);
    expect(m.stderr.trim().split('\n')).toHaveLength(1);
    expect(m.stderr).toContain(`${one} was edited or is corrupt: its content does not match its checksum; it cannot be merged`);
    expect(m.stderr).toMatch(/--shard 1\/2 --resume --out /);
  });
});

describe('the sweep lock', () => {
  it('a live lock of another process is refused as such, before the plan or the folder is looked at', async () => {
    const exp = await loadExperiment(join(ROOT, 'tests/fixtures/experiments/tiny.ts'));
    const plan = await makePlan(exp, { agents: 40, steps: 4 }, null);
    const dir = tmp();
    // a folder with only the lock of a live process (its parent), as a second sweep started at once sees it
    writeFileSync(join(dir, 'sweep.lock'), JSON.stringify({ pid: process.ppid, host: hostname() }) + '\n');
    for (const resume of [false, true]) {
      expect(() => openFolder(dir, plan, resume)).toThrow(new RegExp(`another sweep \\(pid ${process.ppid}\\) is writing to this folder`));
    }
    expect(readdirSync(dir)).toEqual(['sweep.lock']);
    // a stale lock (no such process) is taken over
    writeFileSync(join(dir, 'sweep.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }) + '\n');
    const r = openFolder(dir, plan, false);
    expect(r.resumed).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'sweep.lock'), 'utf8')).pid).toBe(process.pid);
  });
});
