/**
 * `scorelab sweep` as a user runs it (the built CLI): kill -9 in the middle and --resume gives
 * byte-identical tables, 1 and 2 workers give identical tables, a poisoned run (a custom regime
 * defined in the experiment file throws, another never returns) is recorded in failures.csv while
 * the rest complete (bad input: ./cli.test.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, readCsv, ROOT, tmp } from '../helpers.js';

const TINY = 'tests/fixtures/experiments/tiny.ts';
// longer runs than the fixture's default, so that a kill lands in the middle of the sweep
const SLOW = ['--agents', '500', '--steps', '80'];
const TABLES = ['runs.csv', 'steps.csv', 'steps.arrow', 'failures.csv'];

const records = (dir: string) => (existsSync(join(dir, 'runs')) ? readdirSync(join(dir, 'runs')).filter((f) => f.endsWith('.json')) : []);

function expectSameTables(a: string, b: string) {
  for (const f of TABLES) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs between ${a} and ${b}`).toBe(true);
}

describe('scorelab sweep', () => {
  it('gives identical tables with 1 and 2 workers, and after kill -9 and --resume', async () => {
    const one = tmp();
    const two = tmp();
    const killed = tmp();
    const r1 = cli(['sweep', TINY, ...SLOW, '--workers', '1', '--out', one]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stdout).toMatch(/18 runs \(6 points × 3 replicates\)/);
    const r2 = cli(['sweep', TINY, ...SLOW, '--workers', '2', '--out', two]);
    expect(r2.code, r2.stderr).toBe(0);
    expectSameTables(one, two);
    const runs = readCsv(join(one, 'runs.csv'));
    expect(runs).toHaveLength(18);
    expect(new Set(runs.map((r) => r.run_id)).size).toBe(18);
    expect(Object.keys(runs[0]!)).toEqual(['run_id', 'point', 'replicate', 'seed', 'regimes.friend-cleanup.c', 'regimes.friend-cleanup.delta', 'score_assortativity', 'tie_count']);
    expect(runs.map((r) => `${r.point}/${r.replicate}`)).toEqual(Array.from({ length: 18 }, (_, i) => `${Math.floor(i / 3)}/${i % 3}`));
    const m = JSON.parse(readFileSync(join(one, 'manifest.json'), 'utf8'));
    expect(m.experiment.id).toBe('tiny');
    expect(m.runs).toMatchObject({ planned: 18, completed: 18, failed: 0 });
    expect(m).toHaveProperty('commit');
    expect(m.scorelab).toMatch(/^\d+\.\d+\.\d+/);

    // kill -9 the whole process group once a few runs are saved
    const child = spawn(process.execPath, [BIN, 'sweep', TINY, ...SLOW, '--workers', '2', '--out', killed], {
      cwd: ROOT,
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, SCORELAB_NO_PROGRESS: '1' },
    });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, sig) => res(sig)));
    const t0 = Date.now();
    while (records(killed).length < 3) {
      if (Date.now() - t0 > 60_000) throw new Error('no run finished within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    process.kill(-child.pid!, 'SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const saved = records(killed);
    expect(saved.length, 'the sweep finished before the kill: make the runs longer').toBeLessThan(18);
    expect(existsSync(join(killed, 'runs.csv'))).toBe(false);
    const stamp = Object.fromEntries(saved.map((f) => [f, statSync(join(killed, 'runs', f)).mtimeMs]));

    expect(cli(['sweep', TINY, ...SLOW, '--workers', '2', '--out', killed]).stderr).toMatch(/already holds this sweep; add --resume/);
    const again = cli(['sweep', TINY, ...SLOW, '--workers', '2', '--out', killed, '--resume']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${saved.length} already done; running ${18 - saved.length}`);
    for (const f of saved) expect(statSync(join(killed, 'runs', f)).mtimeMs, `${f} was redone`).toBe(stamp[f]);
    expect(records(killed)).toHaveLength(18);
    expectSameTables(one, killed);
    // resuming a finished sweep redoes nothing and rewrites the same tables
    const done = cli(['sweep', TINY, ...SLOW, '--out', killed, '--resume']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/18 already done; running 0/);
    expectSameTables(one, killed);
    // another definition in the same folder is refused
    const other = cli(['sweep', TINY, '--agents', '400', '--out', killed, '--resume']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/cannot resume here: it holds another definition of experiment 'tiny' .*differs in: steps, agents/);
  });

  it('records a poisoned run and a timed-out run in failures.csv, completes the rest, exits 1', () => {
    const out = tmp();
    const r = cli(['sweep', 'tests/fixtures/experiments/poisoned.ts', '--workers', '2', '--timeout', '1.5', '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    // the plug-in's own error, named as the plug-in's, with its file and line relative to the working folder
    expect(r.stderr).toMatch(/failed: plug-in 'poison-pill' failed in its score hook \(tests\/fixtures\/experiments\/poisoned\.ts:\d+:\d+\): poison pill swallowed \(mode 1\)/);
    expect(r.stdout).toMatch(/4 of 8 runs finished, 4 failed \(see failures.csv\)/);
    const ok = readCsv(join(out, 'runs.csv'));
    expect(ok.map((x) => x['regimes.poison-pill.mode'])).toEqual(['0', '0', '3', '3']);
    const failures = readCsv(join(out, 'failures.csv'));
    expect(failures.map((f) => [f['regimes.poison-pill.mode'], f.replicate, f.reason])).toEqual([
      ['1', '0', 'error'],
      ['1', '1', 'error'],
      ['2', '0', 'timeout'],
      ['2', '1', 'timeout'],
    ]);
    expect(failures[0]!.error).toMatch(/^plug-in 'poison-pill' failed in its score hook \(tests\/fixtures\/experiments\/poisoned\.ts:\d+:\d+\): poison pill swallowed \(mode 1\)$/);
    expect(failures[2]!.error).toBe('timed out after 1.5 s');
    for (const f of failures) expect(f.seed).toMatch(/^\d+$/);
    expect(Object.keys(failures[0]!)).toEqual(['run_id', 'point', 'replicate', 'seed', 'regimes.poison-pill.mode', 'reason', 'error']);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.runs).toMatchObject({ planned: 8, completed: 4, failed: 4 });
  });
});
