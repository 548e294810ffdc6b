/**
 * Threads of one run (src/core/threads.ts): the benchmark model (friend-cleanup, recording the
 * benchmark's metrics every step) at each size with each thread count, the runs stepped in
 * alternating order so that a busy machine slows them alike. For each run: the median time of the
 * per-agent passes of a step (the score kernel and the tie pass of the record, as `Parallel.passMs`
 * counts them) and of a whole step, with their ranges over the measured steps, and the share of
 * the blocks of agents the workers computed (on a busy machine a worker that gets no core does
 * few: the main thread takes the blocks left); and a check that
 * every thread count ended the run with the same scores, bit for bit, and as many ties.
 */
import { prepareScenario } from '../scenario/load.js';
import { buildSimulation } from '../scenario/build.js';
import type { Simulation } from '../core/simulation.js';

export interface BenchThreadsOptions {
  /** Agent counts (default [100_000]). */
  agents?: number[];
  /** Mean degree (default 20: 100k agents, 1M ties). */
  degree?: number;
  /** Thread counts (default [1, 2]). */
  threads?: number[];
  /** Measured steps per run (default 20), after `warmup` steps (default 3). */
  steps?: number;
  warmup?: number;
}

export interface BenchThreadsRow {
  agents: number;
  ties: number;
  threads: number;
  /** Median milliseconds per step in the per-agent passes, and the range over the measured steps. */
  passMs: number;
  passMsMin: number;
  passMsMax: number;
  /** Median milliseconds of a whole step (record included), and the range. */
  stepMs: number;
  stepMsMin: number;
  stepMsMax: number;
  /** Share of the blocks of agents the workers computed (0 with one thread; about (N − 1)/N when every core was free). */
  workerShare: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

export async function benchThreads(opts: BenchThreadsOptions = {}): Promise<BenchThreadsRow[]> {
  const sizes = opts.agents ?? [100_000], threads = opts.threads ?? [1, 2];
  const steps = opts.steps ?? 20, warmup = opts.warmup ?? 3, degree = opts.degree ?? 20;
  const out: BenchThreadsRow[] = [];
  for (const agents of sizes) {
    const raw = {
      seed: 1,
      steps: steps + warmup,
      population: { agents, householdSize: 1 },
      graph: { model: 'erdos-renyi', meanDegree: degree, households: false },
      behaviour: {},
      regimes: { 'friend-cleanup': {} },
      metrics: ['mean_score', 'score_assortativity', 'tie_count'],
    };
    const { scenario } = await prepareScenario(raw, '(bench threads)');
    const sims: Simulation[] = threads.map((t) => buildSimulation(scenario, { threads: t }));
    const pass = sims.map(() => [] as number[]), step = sims.map(() => [] as number[]);
    const blocks = sims.map(() => ({ all: 0, main: 0 }));
    try {
      for (const sim of sims) sim.init();
      (globalThis as { gc?: () => void }).gc?.(); // see collect() in main.ts
      for (let s = 0; s < steps + warmup; s++) {
        const order = s % 2 ? [...sims.keys()].reverse() : [...sims.keys()];
        for (const k of order) {
          const sim = sims[k]!;
          const b = sim.parallel.blocks, a0 = b.all, m0 = b.main;
          const p0 = sim.parallel.passMs, t0 = performance.now();
          sim.step();
          const t1 = performance.now();
          if (s < warmup) continue; // the workers start, the code warms up
          step[k]!.push(t1 - t0);
          pass[k]!.push(sim.parallel.passMs - p0);
          blocks[k]!.all += b.all - a0;
          blocks[k]!.main += b.main - m0;
        }
      }
      const ref = sims[0]!.world.primaryScore()!;
      for (const sim of sims) {
        const sc = sim.world.primaryScore()!;
        if (sim.world.adj.edgeCount !== sims[0]!.world.adj.edgeCount || sc.some((v, i) => !Object.is(v, ref[i])))
          throw new Error(`bench: ${sim.threads} threads changed the run of ${agents} agents`);
      }
    } finally {
      for (const sim of sims) sim.close();
    }
    sims.forEach((sim, k) =>
      out.push({
        agents,
        ties: sim.world.adj.edgeCount,
        threads: sim.threads,
        passMs: median(pass[k]!),
        passMsMin: Math.min(...pass[k]!),
        passMsMax: Math.max(...pass[k]!),
        stepMs: median(step[k]!),
        stepMsMin: Math.min(...step[k]!),
        stepMsMax: Math.max(...step[k]!),
        workerShare: blocks[k]!.all ? 1 - blocks[k]!.main / blocks[k]!.all : 0,
      }),
    );
  }
  return out;
}
