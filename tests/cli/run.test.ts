import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, tmp } from '../helpers.js';

describe('scorelab run', () => {
  it('writes steps.csv, agents.csv, Arrow copies and a manifest; same seed gives identical bytes', () => {
    const a = tmp();
    const b = tmp();
    const c = tmp();
    const args = ['run', 'default', '--agents', '400', '--steps', '30'];
    const r1 = cli([...args, '--seed', '7', '--out', a]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stdout).toMatch(/results in/);
    for (const f of ['steps.csv', 'agents.csv', 'steps.arrow', 'agents.arrow', 'figure.svg', 'figure.png', 'figure.vl.json', 'manifest.json']) expect(existsSync(join(a, f))).toBe(true);
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
    expect(cli(['--help']).stdout).toMatch(/Commands:/);
  });
});
