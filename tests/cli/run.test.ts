import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';
import { stepsTable } from '../../src/results/tables.js';
import { csvChunks } from '../../src/results/write-run.js';
import { BIN, cli, readCsv, ROOT, tmp } from '../helpers.js';

describe('scorelab run', () => {
  it('writes steps.csv, agents.csv, Arrow copies and a manifest; same seed gives identical bytes', async () => {
    const a = tmp();
    const b = tmp();
    const c = tmp();
    const args = ['run', 'default', '--agents', '400', '--steps', '30'];
    const r1 = cli([...args, '--seed', '7', '--out', a]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stdout).toMatch(/results in/);
    for (const f of ['steps.csv', 'agents.csv', 'steps.arrow', 'agents.arrow', 'figure.svg', 'figure.png', 'figure.vl.json', 'manifest.json']) expect(existsSync(join(a, f))).toBe(true);
    // steps.csv was streamed as the run recorded it: the whole table's CSV, byte for byte, and no .partial left
    expect(existsSync(join(a, 'steps.csv.partial'))).toBe(false);
    const lib = await runScenario('default', { agents: 400, steps: 30, seed: 7 });
    expect(readFileSync(join(a, 'steps.csv'), 'utf8')).toBe([...csvChunks(stepsTable(lib.rows, lib.columns))].join(''));
    expect(cli([...args, '--seed', '7', '--out', b]).code).toBe(0);
    expect(cli([...args, '--seed', '8', '--out', c]).code).toBe(0);
    for (const f of ['steps.csv', 'agents.csv']) {
      expect(readFileSync(join(a, f))).toEqual(readFileSync(join(b, f)));
      expect(readFileSync(join(a, f)).equals(readFileSync(join(c, f)))).toBe(false);
    }
    const rows = readCsv(join(a, 'steps.csv'));
    for (const col of ['step', 'day', 'seed', 'mean_score', 'listed_share', 'gini_wealth', 'score_assortativity', 'tie_count', 'mean_degree']) {
      expect(Object.keys(rows[0]!)).toContain(col);
    }
    expect(rows[0]!.seed).toBe('7');
    expect(readFileSync(join(a, 'figure.svg'), 'utf8')).toMatch(/^<svg[\s\S]*mean score[\s\S]*<\/svg>$/);
    expect(readFileSync(join(a, 'figure.png')).subarray(1, 4).toString()).toBe('PNG');
    // the Arrow IPC copies hold the same tables (what R, pandas and polars will read)
    const arrowSteps = aq.fromArrow(readFileSync(join(a, 'steps.arrow')));
    expect(arrowSteps.numRows()).toBe(rows.length);
    expect(arrowSteps.columnNames()).toEqual(Object.keys(rows[0]!));
    expect(arrowSteps.get('mean_score', 5)).toBeCloseTo(Number(rows[5]!.mean_score), 10);
    const arrowAgents = aq.fromArrow(readFileSync(join(a, 'agents.arrow')));
    expect(arrowAgents.numRows()).toBe(400);
    const m = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
    expect(m.seed).toBe(7);
    expect(m.parameters.population.agents).toBe(400);
    expect(m.parameters.regimes.fico.approvalThreshold).toBe(620);
    expect(m.node).toBe(process.version);
    expect(m).toHaveProperty('commit');
    expect(m).toHaveProperty('scorelab');
  });

  it('runs a regime defined in a module outside src/ (scenario plugins: and --plugin)', () => {
    const out = tmp();
    // a scenario's own plug-in module is code: refused without the opt-in, which the message names
    const refused = cli(['run', 'tests/fixtures/scenarios/coin.yaml', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/coin\.yaml: plugins: .*coin-regime\.ts.*--allow-plugins/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const r = cli(['run', 'tests/fixtures/scenarios/coin.yaml', '--allow-plugins', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readCsv(join(out, 'steps.csv'));
    expect(rows).toHaveLength(21);
    expect(Number(rows[0]!.mean_score)).toBe(5);
    expect(Number(rows[20]!.coin_max)).toBeGreaterThan(5);
    const r2 = cli(['run', 'default', '--plugin', 'tests/fixtures/plugins/coin-regime.ts', '--set', 'regimes.coin-score.up=1', '--set', 'primaryScore=score_coin', '--agents', '100', '--steps', '3', '--out', tmp()]);
    expect(r2.code, r2.stderr).toBe(0);
  });

  it('a run that fails mid-way leaves steps.csv.partial with the rows recorded before, and names it in one line', () => {
    const args = ['run', 'baseline', '--plugin', 'tests/fixtures/plugins/faulty.ts', '--agents', '60', '--steps', '30', '--no-figure'];
    const control = tmp();
    const ok = cli([...args, '--set', 'regimes.faulty-thrower.day=1000', '--out', control]);
    expect(ok.code, ok.stderr).toBe(0);
    // baseline records every 7 steps: rows of steps 0, 7 and 14, then the throw on day 16
    const out = tmp();
    const r = cli([...args, '--set', 'regimes.faulty-thrower.day=16', '--out', out]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^scorelab run: plug-in 'faulty-thrower' failed in its sanction hook .*budget overrun on day 16; the rows recorded before it \(3\) are in .*steps\.csv\.partial$/);
    expect(lines[0]).toContain(join(out, 'steps.csv.partial'));
    expect(existsSync(join(out, 'steps.csv'))).toBe(false);
    const partial = readFileSync(join(out, 'steps.csv.partial'), 'utf8');
    const whole = readFileSync(join(control, 'steps.csv'), 'utf8');
    expect(partial).toBe(whole.split('\n').slice(0, 4).join('\n') + '\n');
    expect(partial.split('\n')[3]!.split(',')[0]).toBe('14');
    // the same command again is refused (the rows are kept) until --force
    const again = cli([...args, '--set', 'regimes.faulty-thrower.day=16', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/the folder holds steps\.csv\.partial, the rows of a run that did not finish; add --force to overwrite it/);
    expect(readFileSync(join(out, 'steps.csv.partial'), 'utf8')).toBe(partial);
    const forced = cli([...args, '--set', 'regimes.faulty-thrower.day=1000', '--force', '--out', out]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(out, 'steps.csv'), 'utf8')).toBe(whole);
    expect(existsSync(join(out, 'steps.csv.partial'))).toBe(false);
  });

  it('an interrupted run (SIGINT) leaves steps.csv.partial with whole rows', async () => {
    const out = tmp();
    const partial = join(out, 'steps.csv.partial');
    const child = spawn(process.execPath, [BIN, 'run', 'default', '--agents', '3000', '--steps', '1000000', '--set', 'record.every=1', '--no-figure', '--quiet', '--out', out], { cwd: ROOT, env: { ...process.env, SCORELAB_NO_PROGRESS: '1' }, stdio: 'ignore' });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
    // interrupt once it has recorded a few rows (a million steps would take hours)
    const rowsIn = () => (existsSync(partial) ? readFileSync(partial, 'utf8').split('\n').length - 2 : 0);
    const t0 = Date.now();
    while (rowsIn() < 3 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const end = await ended;
    expect(end.code === 130 || end.signal === 'SIGINT', JSON.stringify(end)).toBe(true);
    expect(existsSync(join(out, 'steps.csv'))).toBe(false);
    const text = readFileSync(partial, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const [head, ...rows] = text.trimEnd().split('\n');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const width = head!.split(',').length;
    rows.forEach((line, k) => {
      expect(line.split(',')).toHaveLength(width);
      expect(line.split(',')[0]).toBe(String(k)); // a row every step (record.every=1)
    });
  }, 90_000);

  it('list, list --regimes, describe and --help work', () => {
    const l = cli(['list']);
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/^default\s+/m);
    expect(l.stdout).toMatch(/^bench-friend-cleanup\s+/m);
    const r = cli(['list', '--regimes']);
    expect(r.stdout).toMatch(/^regimes/m);
    for (const id of ['baseline', 'fico', 'friend-cleanup', 'standard']) expect(r.stdout).toMatch(new RegExp(`^  ${id}\\s`, 'm'));
    const d = cli(['describe', 'default']);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/approvalThreshold = 620 points \(default\)/);
    expect(d.stdout).toMatch(/## Process/);
    const j = JSON.parse(cli(['describe', 'bench-friend-cleanup', '--json']).stdout);
    expect(j.plugins[0].id).toBe('friend-cleanup');
    expect(j.plugins[0].params.find((p: { name: string }) => p.name === 'c').value).toBe(0.05);
    for (const c of ['run', 'list', 'describe']) {
      const h = cli([c, '--help']);
      expect(h.code).toBe(0);
      expect(h.stdout).toMatch(/Usage: scorelab/);
    }
    expect(cli(['run', '--help']).stdout).toMatch(/steps\.csv\.partial until the run is done/);
    expect(cli(['--help']).stdout).toMatch(/Commands:/);
  });
});
