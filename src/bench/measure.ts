/**
 * The measurements of `npm run bench` (src/bench/main.ts runs them, prints them and writes the
 * tables): graph construction, the neighbour pass against the streaming-read floor, locality
 * orders, the benchmark model's step, the cost of the record, and the national-composite step.
 * Each returns plain numbers; docs/benchmark.md says what each measures.
 */
import { Adjacency } from '../core/adjacency.js';
import { makeRng } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import { erdosRenyiGNM } from '../graphs/erdos-renyi.js';
import { GRAPH_ORDERS, localityOrder, relabelEdges, type GraphOrder } from '../graphs/relabel.js';
import { buildSimulation } from '../scenario/build.js';
import { locateScenario, prepareScenario, readYaml } from '../scenario/load.js';

/**
 * A full garbage collection before each timed part (with `node --expose-gc`, as `npm run bench`
 * runs it): the garbage of the sections before (1M-agent worlds) is not collected in the middle of
 * another section's timed steps.
 */
export const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const now = () => performance.now();

export const BENCH_METRICS = ['mean_score', 'score_assortativity', 'tie_count']; // docs/benchmark.md#the-benchmark-model-friend-cleanup step 4, "record"

/**
 * What recording every metric costs, against the step. Three simulations of one scenario and seed
 * run side by side, step for step: A records the scenario's own metrics (for the benchmark model,
 * the three of step 4 of docs/benchmark.md#the-benchmark-model-friend-cleanup) every step, B
 * records all of them every step, C records none between its first row and its end. The step is
 * A's whole step, its record included (as docs/benchmark.md defines it); the dynamics are C's
 * step (a step that records nothing: A's step less its record would leave out work that A's
 * record does for the next step, such as the neighbour sums of src/core/neighbour-sums.ts); the
 * cost of all metrics is B's record stage, and what they add to a step is B's whole step less C's,
 * step by step (the record stage also takes work that the next step then need not do, such as
 * those neighbour sums: the added time counts it once). Metrics only read the world, so the three must end with
 * the same scores and wealth, bit for bit, and as many ties (checked). They are stepped in
 * rotating order.
 */
export async function recordCost(raw: unknown, source: string, steps: number, opts: { agents?: number; threads?: number } = {}) {
  // A and B record every step, whatever the scenario's record.every; C only its step 0
  const a = await prepareScenario(raw, source, { agents: opts.agents, set: ['record.every=1'] });
  const b = await prepareScenario(raw, source, { agents: opts.agents, set: ['record.every=1', 'metrics=all'] });
  const c = await prepareScenario(raw, source, { agents: opts.agents, set: [`record.every=${steps + 4}`] });
  const [A, B, C] = [a, b, c].map((x) => buildSimulation(x.scenario, { graph: x.graph, plugins: x.plugins, threads: opts.threads })) as [Simulation, Simulation, Simulation];
  for (const sim of [A, B, C]) sim.init();
  collect();
  const step: number[] = [], dyn: number[] = [], all: number[] = [], added: number[] = [];
  const orders = [[A, B, C], [B, C, A], [C, A, B]];
  for (let s = 0; s < steps + 3; s++) {
    let tA = 0, tB = 0, tC = 0;
    for (const sim of orders[s % 3]!) {
      const t0 = now();
      sim.step();
      if (sim === A) tA = now() - t0;
      if (sim === B) tB = now() - t0;
      if (sim === C) tC = now() - t0;
    }
    if (s < 3) continue; // warm-up
    step.push(tA);
    dyn.push(tC);
    all.push(B.lastRecordMs);
    added.push(tB - tC);
  }
  const same = (x: ArrayLike<number> | null, y: ArrayLike<number> | null) =>
    x === null || y === null ? x === y : x.length === y.length && Array.prototype.every.call(x, (v: number, i: number) => Object.is(v, y[i]));
  for (const X of [B, C])
    if (!same(A.world.primaryScore(), X.world.primaryScore()) || !same(A.world.pop.wealth, X.world.pop.wealth) || A.world.adj.edgeCount !== X.world.adj.edgeCount)
      throw new Error(`bench: recording ${X === B ? 'all metrics' : 'no metrics'} changed the run of ${source}`);
  for (const sim of [B, C]) sim.close();
  const r = { agents: A.world.n, ties: A.world.adj.edgeCount, stepMs: median(step), dynamicsMs: median(dyn), allMetricsMs: median(all), addedMs: median(added) };
  return { ...r, toStep: r.allMetricsMs / r.stepMs, toDynamics: r.allMetricsMs / r.dynamicsMs, addedToDynamics: r.addedMs / r.dynamicsMs, sim: A };
}

/** The streaming-read floor: a plain loop summing an Int32Array (the targets), eight accumulators. */
export function targetsFloor(t: Int32Array, rounds: number): number {
  const ts: number[] = [];
  let sink = 0;
  const n8 = t.length - (t.length % 8);
  // warm-up rounds (the loop is compiled first): more where one round is short
  const warm = Math.max(2, Math.min(50, Math.ceil(4e6 / Math.max(1, t.length))));
  for (let r = 0; r < rounds + warm; r++) {
    const t0 = now();
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    for (let i = 0; i < n8; i += 8) {
      s0 = (s0 + t[i]!) | 0;
      s1 = (s1 + t[i + 1]!) | 0;
      s2 = (s2 + t[i + 2]!) | 0;
      s3 = (s3 + t[i + 3]!) | 0;
      s4 = (s4 + t[i + 4]!) | 0;
      s5 = (s5 + t[i + 5]!) | 0;
      s6 = (s6 + t[i + 6]!) | 0;
      s7 = (s7 + t[i + 7]!) | 0;
    }
    sink += s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    if (r >= warm) ts.push(now() - t0);
  }
  if (sink === 0.5) console.log('');
  return median(ts);
}

/** Mean degree of the benchmark model at n agents (docs/benchmark.md: k = 10 at 10,000, else 20). */
export const degreeOf = (n: number, k?: number) => k ?? (n <= 10_000 ? 10 : 20);

/** G(N, M) and `Adjacency.fromEdges`, timed separately (median of `rounds`), and bytes per tie. */
export function benchGraph(n: number, k: number, rounds: number) {
  const m = Math.min(Math.round((n * k) / 2), (n * (n - 1)) / 2);
  const gnm: number[] = [], from: number[] = [];
  let adj: Adjacency | null = null;
  for (let r = 0; r < rounds; r++) {
    adj = null;
    let t0 = now();
    const el = erdosRenyiGNM(n, m, makeRng(`bench:graph:${r}`));
    gnm.push(now() - t0);
    t0 = now();
    adj = Adjacency.fromEdges(n, el.src, el.dst);
    from.push(now() - t0);
  }
  return { agents: n, ties: adj!.edgeCount, gnmMs: median(gnm), fromEdgesMs: median(from), buildMs: median(gnm) + median(from), bytesPerTie: adj!.byteSize() / adj!.edgeCount, adj: adj! };
}

/**
 * The friend-cleanup neighbour-mean kernel: next[i] = mean of s over i's neighbours. One copy per
 * score type, so that each stays monomorphic (one function fed both would slow both).
 */
function meanPass64(adj: Adjacency, s: Float64Array, next: Float64Array): void {
  const { start, deg, targets } = adj;
  for (let i = 0; i < adj.n; i++) {
    const d = deg[i]!;
    if (d === 0) {
      next[i] = s[i]!;
      continue;
    }
    const st = start[i]!;
    let sum = 0;
    for (let k = st; k < st + d; k++) sum += s[targets[k]!]!;
    next[i] = sum / d;
  }
}

function meanPass32(adj: Adjacency, s: Float32Array, next: Float64Array): void {
  const { start, deg, targets } = adj;
  for (let i = 0; i < adj.n; i++) {
    const d = deg[i]!;
    if (d === 0) {
      next[i] = s[i]!;
      continue;
    }
    const st = start[i]!;
    let sum = 0;
    for (let k = st; k < st + d; k++) sum += s[targets[k]!]!;
    next[i] = sum / d;
  }
}

/** Mean |i − j| over the ties, as a share of n: about 1/3 for random ids, near 0 when ties join nearby ids. */
export function meanTieSpan(adj: Adjacency): number {
  const { start, deg, targets } = adj;
  let sum = 0, m = 0;
  for (let i = 0; i < adj.n; i++) {
    for (let k = start[i]!, end = start[i]! + deg[i]!; k < end; k++) sum += Math.abs(targets[k]! - i);
    m += deg[i]!;
  }
  return m ? sum / m / adj.n : 0;
}

/**
 * The neighbour-mean kernel against the floor on the graph as built (random ids for G(N, M)) and
 * relabelled by `graph.order`'s bfs and rcm (src/graphs/relabel.ts), with Float64 and Float32
 * scores; and how long each order takes to compute and apply to the ties.
 */
export function benchLocality(adj: Adjacency, rounds: number) {
  const n = adj.n;
  const e = adj.edges();
  const relabelled = (order: 'bfs' | 'rcm') => {
    const t0 = now();
    const el = relabelEdges({ n, ...e }, localityOrder(n, e.src, e.dst, order));
    const ms = now() - t0;
    return { adj: Adjacency.fromEdges(n, el.src, el.dst, el.layer), ms };
  };
  const bfs = relabelled('bfs'), rcm = relabelled('rcm');
  const s64 = new Float64Array(n);
  const r = makeRng('bench:locality');
  for (let i = 0; i < n; i++) s64[i] = r();
  const s32 = Float32Array.from(s64);
  const next = new Float64Array(n);
  const time = (a: Adjacency, s: Float64Array | Float32Array) => {
    const ts: number[] = [];
    for (let k = 0; k < rounds + 2; k++) {
      const t0 = now();
      if (s instanceof Float64Array) meanPass64(a, s, next);
      else meanPass32(a, s, next);
      if (k >= 2) ts.push(now() - t0);
    }
    return median(ts);
  };
  // interleaved, so drifting load hits every variant alike
  const graphs = { random: adj, bfs: bfs.adj, rcm: rcm.adj };
  const out: Record<string, number[]> = { floor: [] };
  for (let k = 0; k < 3; k++) {
    out.floor!.push(targetsFloor(adj.targets, rounds));
    for (const [name, g] of Object.entries(graphs)) {
      (out[`${name}F64`] ??= []).push(time(g, s64));
      (out[`${name}F32`] ??= []).push(time(g, s32));
    }
  }
  const floorMs = median(out.floor!);
  const m = Object.fromEntries(Object.entries(out).filter(([k]) => k !== 'floor').map(([k, v]) => [k, median(v)]));
  return {
    agents: n,
    ties: adj.edgeCount,
    floorMs,
    bfsOrderMs: bfs.ms,
    rcmOrderMs: rcm.ms,
    randomSpan: meanTieSpan(adj),
    bfsSpan: meanTieSpan(bfs.adj),
    rcmSpan: meanTieSpan(rcm.adj),
    ...Object.fromEntries(Object.entries(m).map(([k, v]) => [`${k}Ms`, v])),
    ...Object.fromEntries(Object.entries(m).map(([k, v]) => [`${k}ToFloor`, v / floorMs])),
    bfsGain: m.randomF64! / m.bfsF64!,
    rcmGain: m.randomF64! / m.rcmF64!,
  } as Record<string, number>;
}

/**
 * friend-cleanup at n agents with `graph.order` as-built, bfs and rcm: build (the renumbering
 * included), median step and neighbour pass, each against the streaming-read floor (the median
 * of the three adjacencies' floors: they are the same size). The three runs are built side by side
 * and stepped in turn (the order rotating), so drifting load hits each alike; they are different
 * realisations, so their steps are not the same work to the last tie (cleanup rewires), only the
 * same model at the same size.
 */
export async function benchOrders(opts: { agents: number; degree: number; steps: number; rounds: number }) {
  const runs: { order: GraphOrder; sim: ReturnType<typeof buildSimulation>; buildMs: number; step: number[]; pass: number[] }[] = [];
  for (const order of GRAPH_ORDERS) {
    const raw = {
      seed: 1,
      steps: opts.steps,
      population: { agents: opts.agents, householdSize: 1 },
      graph: { model: 'erdos-renyi', meanDegree: opts.degree, households: false, order },
      behaviour: {},
      regimes: { 'friend-cleanup': {} },
      metrics: BENCH_METRICS,
    };
    const t0 = now();
    const { scenario } = await prepareScenario(raw, '(bench)');
    const sim = buildSimulation(scenario);
  collect();
    collect();
    runs.push({ order, sim, buildMs: now() - t0, step: [], pass: [] });
    sim.init();
  }
  for (let s = 0; s < Math.min(3, opts.steps); s++) for (const r of runs) r.sim.step(); // warm-up
  for (let s = 0; s < opts.steps; s++) {
    for (let k = 0; k < runs.length; k++) {
      const r = runs[(s + k) % runs.length]!;
      const a = now();
      r.sim.step();
      r.step.push(now() - a);
    }
  }
  for (let q = 0; q < opts.rounds; q++) {
    for (let k = 0; k < runs.length; k++) {
      const r = runs[(q + k) % runs.length]!;
      const hooks = r.sim.instances[0]!.hooks;
      const a = now();
      hooks.score!();
      r.pass.push(now() - a);
    }
  }
  // the three adjacencies are the same size: one floor, the median of each one's, so that a
  // noisy floor measurement does not move one order's ratios alone
  const floorMs = median(runs.map((r) => targetsFloor(r.sim.world.adj.targets, opts.rounds)));
  return runs.map((r) => {
    const stepMedianMs = median(r.step), neighbourPassMs = median(r.pass);
    return { order: r.order, agents: r.sim.world.n, ties: r.sim.world.adj.edgeCount, buildMs: r.buildMs, stepMedianMs, neighbourPassMs, floorMs, passToFloor: neighbourPassMs / floorMs, stepToFloor: stepMedianMs / floorMs, tieSpan: meanTieSpan(r.sim.world.adj) };
  });
}

/** friend-cleanup at n agents: build, median step (record included), neighbour pass and its floor. */
export async function benchStep(opts: { agents: number; degree: number; steps: number; rounds: number; recordCost?: boolean }) {
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
  collect();
  const buildMs = now() - t0;
  sim.init();
  const w = sim.world;
  const hooks = sim.instances[0]!.hooks;
  for (let s = 0; s < Math.min(3, opts.steps); s++) sim.step(); // warm-up
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
  const floor = targetsFloor(w.adj.targets, opts.rounds);
  const cost = opts.recordCost ? await recordCost(raw, '(bench)', opts.steps) : null;
  return {
    agents: w.n,
    ties: w.adj.edgeCount,
    buildMs,
    stepMedianMs: median(stepMs),
    neighbourPassMs: median(passMs),
    floorMs: floor,
    passToFloor: median(passMs) / floor,
    stepToFloor: median(stepMs) / floor,
    bytesPerTie: w.adj.byteSize() / w.adj.edgeCount,
    cost,
  };
}

/** A full national-composite step with joint-punishment, cleanup and every metric recorded every step. */
export async function benchComposite(agents: number, steps: number) {
  const file = locateScenario('national-composite');
  const t0 = now();
  const { scenario, graph, plugins } = await prepareScenario(readYaml(file), file, {
    agents,
    steps,
    set: ['regimes.joint-punishment=true', 'adaptations.cleanup=true', 'metrics=all', 'record.every=1'],
  });
  const sim = buildSimulation(scenario, { graph, plugins });
  sim.init();
  const buildMs = now() - t0;
  sim.step(); // warm-up
  const ts: number[] = [], rec: number[] = [];
  for (let s = 0; s < steps; s++) {
    const a = now();
    sim.step();
    ts.push(now() - a);
    rec.push(sim.lastRecordMs);
  }
  return { agents: sim.world.n, ties: sim.world.adj.edgeCount, buildMs, stepMedianMs: median(ts), recordMedianMs: median(rec), steps };
}
