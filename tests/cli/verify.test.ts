/**
 * scorelab verify: a fresh sweep reproduces byte for byte (exit 0); after one value is edited in
 * a copy of the folder — in a run record, or in steps.csv and runs.csv when runs/ is left out —
 * it fails (exit 1) naming the run, the step, the column and both values; a folder whose
 * experiment file now defines something else is refused (exit 2) naming the part that changed.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tmp } from '../helpers.js';
import { figureSweep } from '../plots/sweep-folder.js';

let dir = '';
beforeAll(() => {
  dir = figureSweep();
}, 60_000);

function copy(): string {
  const c = join(tmp(), 'copy');
  cpSync(dir, c, { recursive: true });
  return c;
}

describe('scorelab verify', () => {
  it('passes on a fresh sweep, and names run, step, column and values after an edit of a record', () => {
    const ok = cli(['verify', dir, '--all']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/12 of 12 committed run\(s\) checked; all reproduce byte for byte/);
    expect(ok.stdout.match(/reproduces runs\/\w{12}\.json byte for byte \(10 rows, \d+ cells\)/g)).toHaveLength(12);
    const sample = cli(['verify', dir, '--sample', '2', '--seed', '3']);
    expect(sample.code).toBe(0);
    expect(sample.stdout).toMatch(/2 of 12 committed run\(s\) checked/);

    const c = copy();
    const plan = JSON.parse(readFileSync(join(c, 'plan.json'), 'utf8'));
    const run = plan.runs[5];
    const file = join(c, 'runs', `${run.runId}.json`);
    const rec = JSON.parse(readFileSync(file, 'utf8'));
    const col = rec.columns.indexOf('score_assortativity');
    const was = rec.rows[4][col];
    rec.rows[4][col] = 0.25;
    writeFileSync(file, JSON.stringify(rec));
    const bad = cli(['verify', c, '--all', '--quiet']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`run ${run.runId} (point ${run.point}, replicate ${run.replicate}, seed ${run.seed}): differs from runs/${run.runId}.json at step 4, column score_assortativity: committed 0.25, re-run ${JSON.stringify(was)}`);
    expect(bad.stderr).toMatch(/1 of 12 run\(s\) checked do not reproduce/);
  }, 60_000);

  it('compares steps.csv and runs.csv as written when the folder has no runs/', () => {
    const c = copy();
    rmSync(join(c, 'runs'), { recursive: true });
    const lines = readFileSync(join(c, 'steps.csv'), 'utf8').split('\n');
    const head = lines[0]!.split(',');
    const cells = lines[13]!.split(',');
    const [runId, step, was] = [cells[0], cells[head.indexOf('step')], cells[head.indexOf('mean_score')]];
    cells[head.indexOf('mean_score')] = '0.5';
    lines[13] = cells.join(',');
    writeFileSync(join(c, 'steps.csv'), lines.join('\n'));
    const r = cli(['verify', c, '--all', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`run ${runId} (`);
    expect(r.stderr).toContain(`differs from steps.csv and runs.csv at step ${step}, column mean_score: committed 0.5, re-run ${was}`);
    expect(r.stderr).toMatch(/1 of 12 run\(s\) checked do not reproduce/);
  }, 60_000);

  it('refuses a folder whose definition changed, and bad input, with exit code 2', () => {
    const r = cli(['verify', dir, '--experiment', 'tests/plots/fixtures/figures-changed.ts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no longer defines this sweep: definition \w{12} in plan\.json, \w{12} now; changed: base;/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const none = cli(['verify', tmp()]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/not a sweep results folder/);
    expect(cli(['verify', dir, '--sample', '0']).stderr).toMatch(/--sample: expected an integer ≥ 1, found "0"/);
    expect(cli(['verify', '--help']).stdout).toMatch(/^Usage: scorelab verify/);
  }, 60_000);

  it('reproduces a sweep made with --set (the held values are part of its plan)', () => {
    const out = join(tmp(), 'set');
    const TINY = 'tests/fixtures/experiments/tiny.ts';
    const r = cli(['sweep', TINY, '--agents', '60', '--steps', '5', '--replicates', '1', '--workers', '1', '--no-render', '--set', 'graph.meanDegree=4', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const v = cli(['verify', out, '--all']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/reproduce byte for byte/);
  }, 60_000);
});
