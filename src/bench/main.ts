/**
 * `npm run bench`: performance of the step loop on the benchmark model (docs/benchmark.md).
 *
 * friend-cleanup at 100,000 agents / 1M ties (k = 20): median ms per step and per stage,
 * bytes per tie of the stepping representation, the neighbour pass as a ratio to the in-process
 * streaming-read floor (summing a Float64Array as large as the arrays the pass touches, each counted
 * once), and the cost of recording every metric as a ratio to the step, measured on two runs stepped
 * side by side (`recordCost`); `--presets a,b` measures the same on preset scenarios at --agents.
 * Ratios are measured in the same run; absolute times on shared machines are noisy. Options:
 * --agents N --degree K --steps N --rounds R --presets LIST.
 *
 * Then sweep throughput (./sweep.ts): runs per second at 1 and 2 workers and the ratio. Options:
 * --workers-list 1,2,16 --sweep-runs N --sweep-agents N --sweep-steps N --sweep-rounds R;
 * --only step | sweep runs one section.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { METRICS, METRIC_COLUMNS } from '../metrics/index.js';
import { buildSimulation } from '../scenario/build.js';
import { locateScenario, prepareScenario, readYaml } from '../scenario/load.js';
import { UserError } from '../core/errors.js';
import { benchSweep, printSweepBench } from './sweep.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const now = () => performance.now();

function streamFloor(bytes: number, rounds: number): number {
  // eight independent accumulators, so the loop is bound by memory bandwidth, not add latency
  const a = new Float64Array(Math.ceil(bytes / 64) * 8);
  for (let i = 0; i < a.length; i++) a[i] = i & 7;
  const ts: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds + 2; r++) {
    const t0 = now();
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    for (let i = 0; i < a.length; i += 8) {
      s0 += a[i]!;
      s1 += a[i + 1]!;
      s2 += a[i + 2]!;
      s3 += a[i + 3]!;
      s4 += a[i + 4]!;
      s5 += a[i + 5]!;
      s6 += a[i + 6]!;
      s7 += a[i + 7]!;
    }
    sink += s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    if (r >= 2) ts.push(now() - t0);
  }
  if (sink === -1) console.log('');
  return median(ts);
}

const BENCH_METRICS = ['mean_score', 'score_assortativity', 'tie_count']; // docs/benchmark.md#the-benchmark-model-friend-cleanup step 4, "record"

/**
 * What recording every metric costs, against the step. Two simulations of one scenario and seed run
 * side by side, step for step: A records the scenario's own metrics (for the benchmark model, the
 * three of step 4 of docs/benchmark.md#the-benchmark-model-friend-cleanup), B records all of them. The step is A's whole step, its record
 * included (as docs/benchmark.md defines it); the dynamics are A's step without its record; the cost
 * of all metrics is B's record stage. Metrics only read the world, so A and B must end with the
 * same scores and wealth, bit for bit, and as many ties (checked). The two are stepped in
 * alternating order.
 */
export async function recordCost(raw: unknown, source: string, steps: number, opts: { agents?: number } = {}) {
  // both record every step, whatever the scenario's record.every
  const a = await prepareScenario(raw, source, { agents: opts.agents, set: ['record.every=1'] });
  const b = await prepareScenario(raw, source, { agents: opts.agents, set: ['record.every=1', 'metrics=all'] });
  const A = buildSimulation(a.scenario, { graph: a.graph, plugins: a.plugins }), B = buildSimulation(b.scenario, { graph: b.graph, plugins: b.plugins });
  A.init();
  B.init();
  const step: number[] = [], dyn: number[] = [], all: number[] = [];
  for (let s = 0; s < steps + 3; s++) {
    let tA = 0;
    for (const sim of s % 2 ? [B, A] : [A, B]) {
      const t0 = now();
      sim.step();
      if (sim === A) tA = now() - t0;
    }
    if (s < 3) continue; // warm-up
    step.push(tA);
    dyn.push(tA - A.lastRecordMs);
    all.push(B.lastRecordMs);
  }
  const same = (x: ArrayLike<number> | null, y: ArrayLike<number> | null) =>
    x === null || y === null ? x === y : x.length === y.length && Array.prototype.every.call(x, (v: number, i: number) => Object.is(v, y[i]));
  if (!same(A.world.primaryScore(), B.world.primaryScore()) || !same(A.world.pop.wealth, B.world.pop.wealth) || A.world.adj.edgeCount !== B.world.adj.edgeCount)
    throw new Error(`bench: recording all metrics changed the run of ${source}`);
  const r = { agents: A.world.n, ties: A.world.adj.edgeCount, stepMs: median(step), dynamicsMs: median(dyn), allMetricsMs: median(all) };
  return { ...r, toStep: r.allMetricsMs / r.stepMs, toDynamics: r.allMetricsMs / r.dynamicsMs, sim: A };
}

export async function benchStep(opts: { agents: number; degree: number; steps: number; rounds: number }) {
  const raw = {
    seed: 1,
    steps: opts.steps,
    population: { agents: opts.agents, householdSize: 1 },
    graph: { model: 'erdos-renyi', meanDegree: opts.degree, households: false },
    behaviour: {},
    regimes: { 'friend-cleanup': {} },
    metrics: BENCH_METRICS,
  };
  const t0 = now();
  const { scenario } = await prepareScenario(raw, '(bench)');
  const sim = buildSimulation(scenario);
  const buildMs = now() - t0;
  sim.init();
  const w = sim.world;
  const hooks = sim.instances[0]!.hooks;
  // warm-up
  for (let s = 0; s < 3; s++) sim.step();
  const stepMs: number[] = [];
  const passMs: number[] = [];
  for (let s = 0; s < opts.steps; s++) {
    const a = now();
    sim.step();
    stepMs.push(now() - a);
  }
  for (let r = 0; r < opts.rounds; r++) {
    const a = now();
    hooks.score!();
    passMs.push(now() - a);
  }
  const m2 = 2 * w.adj.edgeCount;
  // bytes of the arrays the neighbour pass reads or writes, each counted once (as docs/benchmark.md
  // counts them): the used slots of targets (4 B each), and start, deg, own, score, next per agent
  const touched = m2 * 4 + w.n * (4 + 4 + 1 + 8 + 8);
  const floor = streamFloor(touched, opts.rounds);
  const cost = await recordCost(raw, '(bench)', opts.steps);
  return {
    agents: w.n,
    ties: w.adj.edgeCount,
    buildMs,
    stepMedianMs: median(stepMs),
    neighbourPassMs: median(passMs),
    floorMs: floor,
    passToFloor: median(passMs) / floor,
    bytesPerTie: w.adj.byteSize() / w.adj.edgeCount,
    cost,
  };
}

function printCost(label: string, c: Awaited<ReturnType<typeof recordCost>>): void {
  console.log(
    `  ${label.padEnd(46)} ${c.allMetricsMs.toFixed(1).padStart(6)} ms = ${c.toStep.toFixed(2)} × the step (${c.stepMs.toFixed(1)} ms; target ≤ 1), ` +
      `${c.toDynamics.toFixed(2)} × its dynamics alone (${c.dynamicsMs.toFixed(1)} ms)`,
  );
}

const OPTIONS = {
  agents: { type: 'string' },
  degree: { type: 'string' },
  steps: { type: 'string' },
  rounds: { type: 'string' },
  only: { type: 'string' },
  presets: { type: 'string' },
  // sweep throughput (./sweep.ts)
  'workers-list': { type: 'string' },
  'sweep-runs': { type: 'string' },
  'sweep-agents': { type: 'string' },
  'sweep-steps': { type: 'string' },
  'sweep-rounds': { type: 'string' },
} as const;

async function main() {
  let values: Partial<Record<keyof typeof OPTIONS, string>>;
  try {
    values = parseArgs({ options: OPTIONS }).values;
  } catch (e) {
    throw new UserError(`${(e as Error).message}; options: ${Object.keys(OPTIONS).map((k) => `--${k}`).join(' ')}`);
  }
  /** A whole number ≥ 1 from the option `name`, or `def`. */
  const count = (name: keyof typeof OPTIONS, def: number): number => {
    const raw = values[name];
    if (raw === undefined) return def;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < 1) throw new UserError(`--${name}: expected a whole number ≥ 1, found "${raw}"`);
    return v;
  };
  if (values.only !== undefined && values.only !== 'step' && values.only !== 'sweep') {
    throw new UserError(`--only: expected step or sweep, found "${values.only}"`);
  }
  const sweepOnly = values.only === 'sweep';
  const agents = count('agents', 100_000);
  const degree = count('degree', 20);
  const steps = count('steps', 20);
  // preset names are checked before anything runs
  const presets = (values.presets ?? '').split(',').map((x) => x.trim()).filter(Boolean).map((name) => ({ name, file: locateScenario(name) }));
  if (!sweepOnly) {
    const r = await benchStep({ agents, degree, steps, rounds: count('rounds', 15) });
    console.log(`friend-cleanup step loop: ${r.agents} agents, ${r.ties} ties (ER, random id order, Float64 scores)`);
    console.log(`  build (graph + world)           ${r.buildMs.toFixed(0)} ms`);
    console.log(`  median step                     ${r.stepMedianMs.toFixed(1)} ms`);
    console.log(`  neighbour pass                  ${r.neighbourPassMs.toFixed(1)} ms = ${r.passToFloor.toFixed(2)} × streaming-read floor (${r.floorMs.toFixed(1)} ms; target ≤ 6×)`);
    console.log(`  stepping representation         ${r.bytesPerTie.toFixed(1)} bytes per tie (target ≤ 20)`);
    console.log(`all ${METRICS.length} metrics (${METRIC_COLUMNS.length} columns) recorded every step, against the step that records the three of docs/benchmark.md#the-benchmark-model-friend-cleanup:`);
    printCost('benchmark model', r.cost);
    for (const { name, file } of presets) {
      printCost(`${name} (its own metrics, ${Math.min(10, steps)} steps)`, await recordCost(readYaml(file), file, Math.min(10, steps), { agents }));
    }
  }
  if (values.only !== 'step') {
    const workersList = (values['workers-list'] ?? '1,2').split(',').map((x) => Number(x.trim()));
    if (workersList.some((w) => !Number.isInteger(w) || w < 1)) throw new UserError(`--workers-list: expected worker counts like 1,2,16, found ${values['workers-list']}`);
    if (!workersList.includes(1)) workersList.unshift(1);
    const o = {
      workersList,
      runs: count('sweep-runs', Math.max(24, 4 * Math.max(...workersList))),
      agents: count('sweep-agents', 10_000), // the small size of docs/benchmark.md#the-benchmark-model-friend-cleanup; per-run overheads hide the scaling at 2,000
      steps: count('sweep-steps', 100),
      rounds: count('sweep-rounds', 3),
    };
    printSweepBench(await benchSweep(o), o, availableParallelism());
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    if (e instanceof UserError) {
      console.error(`bench: ${e.message}`); // a mistake in the options: the message, not a stack trace
      process.exit(2);
    }
    console.error(e);
    process.exit(1);
  });
}
