/**
 * `npm run bench` as a user runs it, at a tiny size (this checks that it works and what it
 * prints, not how fast anything is: timings belong to the bench, not to tests).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordCost } from '../../src/bench/main.js';
import { locateScenario, readYaml } from '../../src/scenario/load.js';
import { ROOT } from '../helpers.js';

const BENCH = join(ROOT, 'dist', 'bench', 'main.js');
const bench = (args: string[]) => {
  const r = spawnSync(process.execPath, [BENCH, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('the metric-cost measure', () => {
  it('steps two runs side by side, both recording every step, and they end alike', async () => {
    const file = locateScenario('sesame');
    const c = await recordCost(readYaml(file), file, 3, { agents: 1500 });
    expect(c.agents).toBe(1500);
    for (const x of [c.stepMs, c.dynamicsMs, c.allMetricsMs, c.toStep, c.toDynamics]) expect(Number.isFinite(x) && x > 0).toBe(true);
    expect(c.dynamicsMs).toBeLessThan(c.stepMs); // the step includes recording its own metrics
    expect(c.sim.rows.length).toBe(1 + 3 + 3); // step 0, three warm-up steps, three measured steps
  });
});

describe('npm run bench', () => {
  it('prints every section at a tiny size', () => {
    const r = bench(['--agents', '3000', '--steps', '3', '--rounds', '2', '--presets', 'joint-punishment', '--sweep-runs', '2', '--sweep-agents', '500', '--sweep-steps', '5', '--sweep-rounds', '1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const line of ['median step', 'neighbour pass', 'bytes per tie', 'benchmark model', 'joint-punishment (its own metrics, 3 steps)', 'sweep throughput', '2 worker(s)'])
      expect(r.stdout).toContain(line);
  });
  it('a mistake in its options gets one message and exit 2, before anything runs', () => {
    for (const [args, msg] of [
      [['--bogus'], "Unknown option '--bogus'"],
      [['--agents', 'many'], '--agents: expected a whole number ≥ 1, found "many"'],
      [['--only', 'both'], '--only: expected step or sweep'],
      [['--presets', 'sesme'], "did you mean 'sesame'"],
    ] as const) {
      const r = bench([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(msg);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout).toBe('');
    }
  });
});
