/**
 * Sweep throughput for `npm run bench`: runs per second of a real sweep (worker pool, records
 * written as runs finish, tables at the end) of experiments/cleanup-dose.ts at 1, 2, … workers,
 * measured in the same process, and the ratio to 1 worker (target ≥ 1.8× at 2 workers on two
 * free cores; ≥ 8× at 16 on a 16-core machine, docs/benchmark.md#performance-facts).
 *
 * Each pool is started and warmed first (every thread imports the experiment), so the figure
 * counts runs, not thread start-up; the clock runs from the first run handed out to the last run
 * saved. Rounds alternate between worker counts (1, 2, 1, 2 …) so drifting machine load hits
 * every count alike; the median per count is reported.
 *
 * Beside it, the machine's ceiling in the same rounds: bare worker threads (no pool, no records,
 * no tables) running the same share of the same runs, started together behind a barrier. On a
 * shared machine whose cores are busy the ceiling itself falls below 2×; the sweep's efficiency
 * (its speed-up over the ceiling's) says what the sweep machinery costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadExperiment } from '../experiment/load.js';
import { RunPool } from '../experiment/pool.js';
import { runSweep } from '../experiment/sweep.js';
import { PACKAGE_ROOT } from '../scenario/load.js';

export interface SweepBenchOptions {
  workersList: number[];
  /** Runs per measured sweep (rounded up to whole replicates of the 4 design points). */
  runs: number;
  agents: number;
  steps: number;
  rounds: number;
}

export interface SweepBenchRow {
  workers: number;
  runs: number;
  runsPerSecond: number;
  secondsPerRun: number;
  speedup: number;
  /** Speed-up of bare threads doing the same runs, measured in the same rounds. */
  ceiling: number;
}

// A bare thread: import the library, one small warm-up run, wait for all, run its share, report.
const BARE = `
const { parentPort, workerData: d } = require('node:worker_threads');
(async () => {
  const lib = await import(d.lib);
  await lib.runScenario('bench-friend-cleanup', { agents: 200, steps: 5 });
  const b = new Int32Array(d.barrier);
  Atomics.add(b, 0, 1);
  Atomics.notify(b, 0);
  for (let s = Atomics.load(b, 0); s < d.threads; s = Atomics.load(b, 0)) Atomics.wait(b, 0, s, 50);
  const t = performance.now();
  for (let i = 0; i < d.runs; i++) {
    await lib.runScenario('bench-friend-cleanup', { agents: d.agents, steps: d.steps, seed: d.first + i, set: ['regimes.friend-cleanup.c=' + [0, 0.05, 0.1, 0.2][(d.first + i) % 4]] });
  }
  parentPort.postMessage(performance.now() - t);
})();
`;

async function bare(threads: number, runs: number, agents: number, steps: number): Promise<number> {
  const lib = pathToFileURL(resolve(PACKAGE_ROOT, 'dist', 'index.js')).href;
  const barrier = new SharedArrayBuffer(4);
  const share = (i: number) => Math.floor((runs * (i + 1)) / threads) - Math.floor((runs * i) / threads);
  const times = await Promise.all(
    Array.from({ length: threads }, (_, i) => {
      const w = new Worker(BARE, { eval: true, workerData: { lib, barrier, threads, runs: share(i), first: Math.floor((runs * i) / threads), agents, steps } });
      return new Promise<number>((res, rej) => {
        w.once('message', (ms: number) => void w.terminate().then(() => res(ms)));
        w.once('error', rej);
      });
    }),
  );
  return Math.max(...times) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(file: string, workers: number, replicates: number, agents: number, steps: number): Promise<{ runs: number; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'scorelab-bench-sweep-'));
  const pool = new RunPool(workers);
  try {
    await pool.warm(file, { replicates, agents, steps });
    let start = 0;
    let end = 0;
    let runs = 0;
    await runSweep(file, {
      pool,
      out: join(dir, 'out'),
      replicates,
      agents,
      steps,
      onStart: (i) => {
        runs = i.todo;
        start = performance.now();
      },
      onProgress: (p) => {
        if (p.done === p.total) end = performance.now();
      },
    });
    return { runs, seconds: (end - start) / 1000 };
  } finally {
    await pool.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSweep(o: SweepBenchOptions): Promise<SweepBenchRow[]> {
  const file = resolve(PACKAGE_ROOT, 'experiments', 'cleanup-dose.ts');
  const exp = await loadExperiment(file);
  const points = exp.def.design.kind === 'grid' ? 4 : 1;
  const replicates = Math.max(1, Math.ceil(o.runs / points));
  const list = [...new Set(o.workersList)].sort((a, b) => a - b);
  const times = new Map<number, number[]>(list.map((w) => [w, []]));
  const bareTimes = new Map<number, number[]>(list.map((w) => [w, []]));
  let runs = 0;
  for (let r = 0; r < o.rounds; r++) {
    for (const w of list) {
      const m = await measure(file, w, replicates, o.agents, o.steps);
      runs = m.runs;
      times.get(w)!.push(m.seconds);
      bareTimes.get(w)!.push(await bare(w, runs, o.agents, o.steps));
    }
  }
  const rate = (w: number) => runs / median(times.get(w)!);
  const bareRate = (w: number) => runs / median(bareTimes.get(w)!);
  return list.map((w) => ({
    workers: w,
    runs,
    runsPerSecond: rate(w),
    secondsPerRun: 1 / rate(w),
    speedup: rate(w) / rate(list[0]!),
    ceiling: bareRate(w) / bareRate(list[0]!),
  }));
}

export function printSweepBench(rows: SweepBenchRow[], o: SweepBenchOptions, cores: number): void {
  console.log(`\nsweep throughput: experiments/cleanup-dose.ts, ${rows[0]?.runs ?? 0} runs of ${o.agents} agents × ${o.steps} steps per sweep, median of ${o.rounds} round(s), ${cores} cores`);
  for (const r of rows) {
    const target = r.workers === 2 ? ' (target ≥ 1.8× on two free cores)' : r.workers === 16 ? ' (target ≥ 8× on 16 cores)' : '';
    const note = r.workers > cores ? ` — more workers than the ${cores} cores here` : '';
    console.log(
      `  ${String(r.workers).padStart(2)} worker(s)  ${r.runsPerSecond.toFixed(2).padStart(7)} runs/s  ${(r.secondsPerRun * 1000).toFixed(0).padStart(5)} ms/run  = ${r.speedup.toFixed(2)} × 1 worker${target}; ` +
        `bare threads ${r.ceiling.toFixed(2)} ×, sweep efficiency ${((100 * r.speedup) / r.ceiling).toFixed(0)} %${note}`,
    );
  }
}
