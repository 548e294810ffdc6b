/**
 * Every core in one run (src/core/threads.ts): the per-agent passes on 1, 2 and 3 threads give the
 * same tables, byte for byte — on a tiny hand-made world and on the 100k-agent benchmark — a bad
 * --threads is refused with a clear error, and no worker outlives its run (the process exits).
 * The workers run dist/core/thread-worker.js: `npm run build` first (as for the CLI tests).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Adjacency } from '../../src/core/adjacency.js';
import { Simulation } from '../../src/core/simulation.js';
import { checkThreads, maxThreads, parallel } from '../../src/core/threads.js';
import { World } from '../../src/core/world.js';
import { metricById } from '../../src/metrics/index.js';
import { friendCleanup } from '../../src/regimes/basic/friend-cleanup.js';
import { agentsTable, stepsTable, toCsv } from '../../src/results/tables.js';
import { buildSimulation } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import { cli, ROOT, tmp } from '../helpers.js';

const TINY_METRICS = ['mean_score', 'score_assortativity', 'tie_count', 'score_sd', 'gini_score', 'ties_dropped', 'ties_made'];

/** 14 agents: a ring of 10 with chords, a triangle apart, one agent without ties. */
function tinyRun(threads: number) {
  const n = 14;
  const world = new World(n, 42, 1);
  const ties: [number, number][] = [];
  for (let i = 0; i < 10; i++) ties.push([i, (i + 1) % 10]);
  ties.push([0, 5], [2, 7], [3, 8], [10, 11], [11, 12], [10, 12]);
  world.adj = Adjacency.fromEdges(n, ties.map((t) => t[0]), ties.map((t) => t[1]));
  const params = { beta: 0.4, lambda: 0.2, c: 0.5, delta: 0.05, maxDraws: 10 };
  const sim = new Simulation(world, [{ spec: friendCleanup, params }], { metrics: TINY_METRICS.map((m) => metricById(m)!), every: 1 }, { threads });
  sim.run(25);
  return { steps: toCsv(stepsTable(sim.rows, sim.columns)), agents: toCsv(agentsTable(sim)), sim };
}

describe('threads of one run', () => {
  it('a tiny hand-made world: 1, 2 and 3 threads give byte-identical steps and agents tables', () => {
    const [one, two, three] = [1, 2, 3].map(tinyRun);
    expect(one!.sim.threads).toBe(1);
    expect(two!.sim.threads).toBe(2);
    expect(two!.steps).toBe(one!.steps);
    expect(three!.steps).toBe(one!.steps);
    expect(two!.agents).toBe(one!.agents);
    expect(three!.agents).toBe(one!.agents);
    // the run did rewire (cleanup ran) and the threads did run the passes
    expect(one!.sim.rows.some((r) => (r.ties_dropped as number) > 0)).toBe(true);
    expect(two!.sim.parallel.passMs).toBeGreaterThan(0);
    // the same as a simulation made without the option
    const world = new World(14, 42, 1);
    expect(parallel(world).threads).toBe(1);
  });

  it('the 100k-agent benchmark: 1, 2 and 3 threads give byte-identical tables', async () => {
    const out: { steps: string; agents: string }[] = [];
    for (const threads of [1, 2, 3]) {
      const l = await loadScenario('bench-friend-cleanup', { agents: 100_000, steps: 3 });
      const sim = buildSimulation(l.scenario, { threads });
      sim.run(3);
      out.push({ steps: toCsv(stepsTable(sim.rows, sim.columns)), agents: toCsv(agentsTable(sim)) });
    }
    expect(out[0]!.steps.split('\n').length).toBe(6); // header, steps 0–3, final newline
    for (const o of out.slice(1)) {
      expect(o.steps).toBe(out[0]!.steps);
      expect(o.agents === out[0]!.agents).toBe(true); // 100k lines: no diff printed
    }
  }, 60_000);

  it.each([
    ['approval', 'neighbourMean and neighbourShare of the approval adaptation'],
    ['chilled-speech', 'neighbourShare of self-censorship'],
  ])('%s (%s): 1, 2 and 3 threads give byte-identical tables', async (preset) => {
    const out: string[] = [];
    for (const threads of [1, 2, 3]) {
      const l = await loadScenario(preset, { agents: 1500, steps: 21, set: ['record.every=1'] });
      const sim = buildSimulation(l.scenario, { threads });
      sim.run(21);
      if (threads > 1) expect(sim.parallel.passMs).toBeGreaterThan(0); // the passes did run on the threads
      out.push(toCsv(stepsTable(sim.rows, sim.columns)) + toCsv(agentsTable(sim)));
    }
    expect(out[1]).toBe(out[0]);
    expect(out[2]).toBe(out[0]);
  }, 60_000);

  it('refuses a thread count that is not an integer from 1 to four per core', () => {
    expect(checkThreads(2)).toBe(2);
    expect(checkThreads('3', '--threads')).toBe(3);
    for (const bad of [0, -1, 1.5, NaN, maxThreads() + 1, 'two', '']) expect(() => checkThreads(bad, '--threads')).toThrow(/--threads: expected an integer from 1 to \d+/);
    const world = new World(3, 1, 1);
    expect(() => new Simulation(world, [], { metrics: [], every: 1 }, { threads: 0 })).toThrow(/threads: expected an integer from 1/);
  });

  it('scorelab run --threads: a bad value is a clear error; 2 threads give the same files as 1, recorded in the manifest', () => {
    const bad = cli(['run', 'bench-friend-cleanup', '--agents', '200', '--steps', '3', '--threads', '0', '--out', tmp()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--threads: expected an integer from 1 to \d+ \(four per core on this machine\), found "0"/);
    const dirs = [tmp(), tmp()];
    for (const [k, t] of ['1', '2'].entries()) {
      const r = cli(['run', 'bench-friend-cleanup', '--agents', '2000', '--steps', '10', '--threads', t, '--no-figure', '--quiet', '--out', dirs[k]!], { timeout: 60_000 });
      expect(r.code, r.stderr).toBe(0); // a hanging worker would time the process out (code null)
    }
    for (const f of ['steps.csv', 'agents.csv']) expect(readFileSync(join(dirs[1]!, f)).equals(readFileSync(join(dirs[0]!, f)))).toBe(true);
    expect(JSON.parse(readFileSync(join(dirs[1]!, 'manifest.json'), 'utf8')).threads).toBe(2);
    expect(JSON.parse(readFileSync(join(dirs[0]!, 'manifest.json'), 'utf8')).threads).toBe(1);
  }, 120_000);

  it('the process exits after a threaded run that never closed its pool by hand', async () => {
    // step() without run(): the pool stays open; its workers must not keep the process alive
    const code = `
      import { loadScenario } from './src/scenario/load.ts';
      import { buildSimulation } from './src/scenario/build.ts';
      const l = await loadScenario('bench-friend-cleanup', { agents: 500, steps: 3 });
      const sim = buildSimulation(l.scenario, { threads: 3 });
      sim.init(); sim.step(); sim.step();
      console.log('stepped', sim.rows.length);`;
    // (under a loader: the workers must not inherit --import tsx, whose hooks would wait on the blocked main thread)
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const p = execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (_e, stdout, stderr) =>
        done({ code: p.exitCode, stdout, stderr }),
      );
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('stepped 3');
    expect(r.code).toBe(0);
  }, 70_000);
});
