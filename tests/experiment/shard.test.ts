/**
 * Shards and merge through the built CLI: shard 0/2 + shard 1/2 + merge gives the same tables as
 * an unsharded sweep, byte for byte (sensitivity.csv of a Morris design included); merge refuses a
 * shard of another experiment or of another scorelab version, and missing shards; every shipped
 * experiment runs at tiny size.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, tmp } from '../helpers.js';

const MORRIS = ['experiments/cleanup-morris.ts', '--agents', '100', '--steps', '10'];
const TABLES = ['runs.csv', 'steps.csv', 'steps.arrow', 'failures.csv', 'sensitivity.csv'];

describe('scorelab sweep --shard and scorelab merge', () => {
  it('merged shards equal the unsharded sweep; merge refuses foreign, other-version and missing shards', () => {
    const whole = tmp();
    const s0 = tmp();
    const s1 = tmp();
    const merged = tmp();
    const u = cli(['sweep', ...MORRIS, '--workers', '2', '--out', whole]);
    expect(u.code, u.stderr).toBe(0);
    expect(u.stdout).toMatch(/40 runs \(40 points × 1 replicates\)/);
    const a = cli(['sweep', ...MORRIS, '--shard', '0/2', '--workers', '1', '--out', s0]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/\(shard 0\/2\): 20 runs/);
    expect(readCsv(join(s0, 'runs.csv')).map((r) => Number(r.point) % 2)).toEqual(new Array(20).fill(0));
    const b = cli(['sweep', ...MORRIS, '--shard', '1/2', '--workers', '2', '--out', s1]);
    expect(b.code, b.stderr).toBe(0);
    const m = cli(['merge', s0, s1, '--out', merged]);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toMatch(/2 folder\(s\), 40 of 40 runs finished/);
    for (const f of TABLES) expect(readFileSync(join(merged, f)).equals(readFileSync(join(whole, f))), f).toBe(true);
    const sens = readCsv(join(merged, 'sensitivity.csv'));
    expect(Object.keys(sens[0]!)).toEqual(['metric', 'factor', 'mu', 'mu_star', 'sigma']);
    expect(sens.map((r) => `${r.metric}:${r.factor}`)).toEqual(
      ['score_assortativity', 'gini_score'].flatMap((mm) => ['beta', 'lambda', 'c', 'delta'].map((f) => `${mm}:regimes.friend-cleanup.${f}`)),
    );
    for (const r of sens) expect(Number(r.mu_star)).toBeGreaterThanOrEqual(Math.abs(Number(r.mu)) - 1e-12);

    const missing = cli(['merge', s0, '--out', tmp()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/20 of 40 runs are missing: shard\(s\) 1\/2 not given/);
    const foreign = tmp();
    expect(cli(['sweep', 'tests/fixtures/experiments/tiny-other.ts', '--shard', '1/2', '--workers', '1', '--out', foreign]).code).toBe(0);
    const f = cli(['merge', s0, foreign, '--out', tmp()]);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/holds experiment 'tiny-other', but .* holds 'cleanup-morris': shards of different experiments cannot be merged/);
    const old = tmp();
    cpSync(s1, old, { recursive: true });
    const plan = JSON.parse(readFileSync(join(old, 'plan.json'), 'utf8'));
    writeFileSync(join(old, 'plan.json'), JSON.stringify({ ...plan, scorelab: '0.0.1' }));
    const v = cli(['merge', s0, old, '--out', tmp()]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/made by scorelab 0\.0\.1, .* by scorelab \d+\.\d+\.\d+: shards of different versions cannot be merged/);
  });

  it('every shipped experiment runs at tiny size', () => {
    for (const name of ['cleanup-dose', 'cleanup-sobol']) {
      const out = tmp();
      const r = cli(['sweep', name, '--agents', '40', '--steps', '3', '--replicates', '1', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(readCsv(join(out, 'runs.csv')).length).toBeGreaterThan(0);
      if (name === 'cleanup-sobol') expect(readCsv(join(out, 'sensitivity.csv'))).toHaveLength(6);
    }
  });
});
