/**
 * `npm run bench`: performance at population scale on the benchmark model (docs/benchmark.md).
 *
 * Sections, per size (default 10,000 agents with k = 10, 100,000 and 1,000,000 with k = 20;
 * `--quick`: 10k and 100k; `--sizes 10000,100000`):
 * - floor: the streaming-read floor, a plain loop summing the adjacency's targets array (every
 *   neighbour pass is compared to it);
 * - graph: G(N, M) and `Adjacency.fromEdges` timed separately, and bytes per tie;
 * - friend-cleanup: build, median step (its record included), the neighbour pass as a ratio to
 *   the floor;
 * - locality: the neighbour-mean kernel on the ids as built (random order) and relabelled by
 *   `graph.order` bfs and rcm (src/graphs/relabel.ts), Float64 and Float32 scores, the mean tie
 *   span and the time to order and relabel; and friend-cleanup built with `graph.order` as-built,
 *   bfs and rcm side by side: build, median step and neighbour pass, each against the floor;
 * - composite: a full `national-composite` step with `joint-punishment`, `cleanup` and all
 *   metrics (sizes ≥ 100,000);
 * - threads: the worker-thread neighbour pass and step (src/bench/threads.ts, when present) at 1
 *   and 2 threads (and 16 where the machine has them), as ratios to one thread;
 * - memory: peak RSS of a child process per size (build, steps, tables written as `scorelab run`
 *   writes them), so peaks do not mix, and bytes per agent;
 * - record cost: all metrics against the step (`recordCost`, at one size ≤ 100,000; `--presets`);
 * - sweep throughput (./sweep.ts): runs per second at 1 and 2 workers.
 * It prints each section and writes results/bench/<date>.json and .md (`--out DIR`), every
 * timing also as a ratio measured in the same run (to the floor, to one thread) and to the
 * previous file in that folder when there is one. Absolute times on shared machines are noisy.
 * Options: --sizes LIST --quick --degree K --steps N --rounds R --presets LIST --out DIR
 * --only step | sweep, and the sweep's: --workers-list 1,2,16 --sweep-runs N --sweep-agents N
 * --sweep-steps N --sweep-rounds R; --agents N is --sizes N.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../results/atomic.js';
import { writeRun } from '../results/write-run.js';
import { METRICS, METRIC_COLUMNS } from '../metrics/index.js';
import { buildSimulation } from '../scenario/build.js';
import { locateScenario, prepareScenario, readYaml } from '../scenario/load.js';
import { UserError } from '../core/errors.js';
import { benchSweep, printSweepBench } from './sweep.js';
import { targetRows, targetsMarkdown } from './targets.js';
import { BENCH_METRICS, benchComposite, benchGraph, benchLocality, benchOrders, benchStep, collect, degreeOf, median, recordCost, targetsFloor } from './measure.js';

export { benchComposite, benchGraph, benchLocality, benchOrders, benchStep, collect, meanTieSpan, recordCost, targetsFloor } from './measure.js';

/** Child process: build, step and write the tables of friend-cleanup at n agents; print peak RSS. */
async function memoryChild(n: number, k: number, steps: number): Promise<void> {
  // the peak of this process's own memory (VmHWM): getrusage's maxRSS is kept across exec on
  // Linux, so a child's would start at its parent's resident size
  const rss = () => {
    try {
      const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
      if (m) return Number(m[1]) * 1024;
    } catch {
      /* no /proc: fall back */
    }
    return process.resourceUsage().maxRSS * 1024;
  };
  const base = rss();
  const raw = {
    seed: 1,
    steps,
    population: { agents: n, householdSize: 1 },
    graph: { model: 'erdos-renyi', meanDegree: k, households: false },
    behaviour: {},
    regimes: { 'friend-cleanup': {} },
    metrics: BENCH_METRICS,
  };
  const { scenario } = await prepareScenario(raw, '(bench)');
  const sim = buildSimulation(scenario);
  collect();
  const built = rss();
  const started = new Date();
  sim.run(steps);
  const stepped = rss();
  const dir = mkdtempSync(join(tmpdir(), 'scorelab-bench-'));
  try {
    await writeRun(dir, sim, scenario, started, new Date(), { figure: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const written = rss();
  const ties = sim.world.adj.edgeCount;
  console.log(JSON.stringify({ agents: n, ties, baseRss: base, builtRss: built, steppedRss: stepped, peakRss: written, adjacencyBytes: sim.world.adj.byteSize(), bytesPerAgentAndTies: (written - base) / n }));
}

/** Peak RSS of one child process per size (so peaks do not mix). */
export function benchMemory(n: number, k: number, steps: number): Record<string, number> {
  const self = fileURLToPath(import.meta.url);
  const args = self.endsWith('.ts') ? ['--import', 'tsx', self] : [self];
  const r = spawnSync(process.execPath, [...args, '--child-memory', String(n), '--degree', String(k), '--steps', String(steps)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench: the memory child at ${n} agents failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as Record<string, number>;
}

/** Sizes from which the step sections run in a fresh process each (`inChild`); tests lower it with SCORELAB_BENCH_CHILD_FROM. */
const CHILD_FROM = Number(process.env.SCORELAB_BENCH_CHILD_FROM ?? 1_000_000);

/**
 * Runs a timed section in a fresh process and returns what it printed (JSON, its last line): at 1M
 * agents the garbage and the memory of the sections before slowed a section run in the same
 * process 1.4–2 × (the composite step 1.12–1.14 s in the bench process, 0.80 s alone), so from
 * CHILD_FROM agents on each section gets a process of its own, as a `scorelab run` would.
 */
function inChild<T>(section: string, args: unknown): T {
  const self = fileURLToPath(import.meta.url);
  const pre = self.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const flags = process.execArgv.filter((a) => a === '--expose-gc');
  const r = spawnSync(process.execPath, [...flags, ...pre, self, '--child-section', section, '--child-args', JSON.stringify(args)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench: the ${section} child failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

/** The child's side of `inChild`: one section, its result as one line of JSON. */
async function sectionChild(section: string, a: Record<string, unknown>): Promise<void> {
  let out: unknown;
  if (section === 'step') {
    const r = await benchStep(a as Parameters<typeof benchStep>[0]);
    out = { ...r, cost: r.cost ? { ...r.cost, sim: undefined } : null };
  } else if (section === 'composite') out = await benchComposite(a.agents as number, a.steps as number);
  else if (section === 'threads') out = await benchThreadsSection([a.agents as number], a.degree as number | undefined, a.steps as number, 1);
  else throw new UserError(`--child-section: unknown section "${section}"`);
  console.log(JSON.stringify(out));
}

interface ThreadRow {
  agents: number;
  ties: number;
  threads: number;
  passMs: number;
  stepMs: number;
}

/**
 * THREADS SECTION — src/bench/threads.ts (the worker-thread engine's bench) exports
 * `benchThreads(opts)` returning `{ agents, ties, threads, passMs, stepMs }[]`. It is imported
 * dynamically: where the file is absent (or fails to load) the section says so and the bench goes on.
 */
async function benchThreadsSection(sizes: number[], degree: number | undefined, steps: number, rounds: number): Promise<{ rows: (ThreadRow & { passToOne: number; stepToOne: number })[]; note?: string }> {
  const spec = './threads.js';
  type ThreadsModule = { benchThreads?: (o: unknown) => Promise<ThreadRow[]> | ThreadRow[] };
  let mod: ThreadsModule;
  try {
    mod = (await import(spec)) as ThreadsModule;
  } catch (e) {
    return { rows: [], note: `src/bench/threads.ts not present (${(e as Error).message.split('\n')[0]})` };
  }
  const benchThreads = mod.benchThreads;
  if (typeof benchThreads !== 'function') return { rows: [], note: 'src/bench/threads.ts exports no benchThreads' };
  const threads = availableParallelism() >= 16 ? [1, 2, 16] : [1, 2];
  // benchThreads({ agents, degree, threads, steps, warmup }): one call per size, each at its own mean degree
  void rounds;
  const rows: ThreadRow[] = [];
  for (const n of sizes) rows.push(...(await benchThreads({ agents: [n], degree: degreeOf(n, degree), threads, steps, warmup: 3 })));
  return {
    rows: rows.map((r) => {
      const one = rows.find((o) => o.agents === r.agents && o.threads === 1);
      return { ...r, passToOne: one ? r.passMs / one.passMs : NaN, stepToOne: one ? r.stepMs / one.stepMs : NaN };
    }),
  };
}

/** One timing or size in the flat table: its value and its ratios measured in the same run. */
export interface BenchEntry {
  section: string;
  agents: number;
  ties: number;
  measure: string;
  value: number;
  unit: string;
  toFloor?: number;
  toOneThread?: number;
  toPrevious?: number;
}

const entryKey = (e: BenchEntry) => `${e.section}|${e.agents}|${e.measure}`;

/** The newest earlier bench file in `dir` (by name), read before this run writes its own. */
function previousEntries(dir: string): { file: string; commit?: string; entries: Map<string, BenchEntry> } | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}.*\.json$/.test(f)).sort();
  const f = files.pop();
  if (!f) return null;
  try {
    const j = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { commit?: string; entries?: BenchEntry[] };
    return { file: f, commit: j.commit, entries: new Map((j.entries ?? []).map((e) => [entryKey(e), e])) };
  } catch {
    return null;
  }
}

function gitCommit(): string | undefined {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const fmt = (v: number | undefined, d = 2) => (v === undefined || !Number.isFinite(v) ? '' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(d));

/** The markdown table of the entries. */
export function markdownTable(entries: BenchEntry[], head: string): string {
  const lines = [
    head,
    '',
    '| section | agents | ties | measure | value | unit | × floor | × 1 thread | × previous |',
    '|---|---:|---:|---|---:|---|---:|---:|---:|',
  ];
  for (const e of entries) {
    lines.push(`| ${e.section} | ${e.agents.toLocaleString('en-US')} | ${e.ties.toLocaleString('en-US')} | ${e.measure} | ${fmt(e.value, e.unit === 'ms' && e.value >= 10 ? 1 : 2)} | ${e.unit} | ${fmt(e.toFloor)} | ${fmt(e.toOneThread)} | ${fmt(e.toPrevious)} |`);
  }
  return lines.join('\n') + '\n';
}

function printCost(label: string, c: Awaited<ReturnType<typeof recordCost>>): void {
  console.log(
    `  ${label.padEnd(46)} ${c.allMetricsMs.toFixed(1).padStart(6)} ms = ${c.toStep.toFixed(2)} × the step (${c.stepMs.toFixed(1)} ms; target ≤ 1), ` +
      `${c.toDynamics.toFixed(2)} × its dynamics alone (${c.dynamicsMs.toFixed(1)} ms); ` +
      `a step recording all of them takes ${c.addedMs.toFixed(1)} ms more than one recording none (${c.addedToDynamics.toFixed(2)} × the dynamics)`,
  );
}

const OPTIONS = {
  agents: { type: 'string' },
  sizes: { type: 'string' },
  quick: { type: 'boolean' },
  degree: { type: 'string' },
  steps: { type: 'string' },
  rounds: { type: 'string' },
  only: { type: 'string' },
  presets: { type: 'string' },
  out: { type: 'string' },
  'child-memory': { type: 'string' },
  'child-section': { type: 'string' },
  'child-args': { type: 'string' },
  // sweep throughput (./sweep.ts)
  'workers-list': { type: 'string' },
  'sweep-runs': { type: 'string' },
  'sweep-agents': { type: 'string' },
  'sweep-steps': { type: 'string' },
  'sweep-rounds': { type: 'string' },
} as const;

export const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
export const QUICK_SIZES = [10_000, 100_000];

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  let values: Partial<Record<keyof typeof OPTIONS, string | boolean>>;
  try {
    values = parseArgs({ args: argv, options: OPTIONS }).values;
  } catch (e) {
    throw new UserError(`${(e as Error).message}; options: ${Object.keys(OPTIONS).filter((k) => !k.startsWith('child-')).map((k) => `--${k}`).join(' ')}`);
  }
  /** A whole number ≥ 1 from the option `name`, or `def`. */
  const count = (name: keyof typeof OPTIONS, def: number): number => {
    const raw = values[name];
    if (raw === undefined) return def;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < 1) throw new UserError(`--${name}: expected a whole number ≥ 1, found "${raw}"`);
    return v;
  };
  const steps = count('steps', 10);
  const degreeOpt = values.degree === undefined ? undefined : count('degree', 20);
  if (values['child-memory'] !== undefined) {
    const n = count('child-memory', 1000);
    return memoryChild(n, degreeOf(n, degreeOpt), steps);
  }
  if (values['child-section'] !== undefined) return sectionChild(String(values['child-section']), JSON.parse(String(values['child-args'] ?? '{}')));
  if (values.only !== undefined && values.only !== 'step' && values.only !== 'sweep') {
    throw new UserError(`--only: expected step or sweep, found "${values.only}"`);
  }
  let sizes = values.quick ? QUICK_SIZES : DEFAULT_SIZES;
  if (values.agents !== undefined) sizes = [count('agents', 100_000)];
  if (typeof values.sizes === 'string') {
    sizes = values.sizes.split(',').map((x) => x.trim()).filter(Boolean).map((x) => Number(x.replace(/_/g, '')));
    if (!sizes.length || sizes.some((v) => !Number.isInteger(v) || v < 100)) throw new UserError(`--sizes: expected agent counts ≥ 100 like 10000,100000, found "${values.sizes}"`);
  }
  const sweepOnly = values.only === 'sweep';
  const rounds = count('rounds', 7);
  const presets = String(values.presets ?? '').split(',').map((x) => x.trim()).filter(Boolean).map((name) => ({ name, file: locateScenario(name) }));
  const outDir = resolve(typeof values.out === 'string' ? values.out : 'results/bench');
  const entries: BenchEntry[] = [];
  const add = (e: BenchEntry) => entries.push(e);
  const sections: Record<string, unknown> = {};
  if (!sweepOnly) {
    const floors = new Map<number, number>();
    // graph construction and the floor
    const graph: Record<string, number>[] = [];
    const locality: Record<string, number>[] = [];
    console.log('graph construction (G(N, M) and Adjacency.fromEdges, median of rounds) and the streaming-read floor (summing the targets array):');
    for (const n of sizes) {
      const k = degreeOf(n, degreeOpt);
      const g = benchGraph(n, k, n >= 1_000_000 ? 3 : 5);
      const floor = targetsFloor(g.adj.targets, rounds);
      floors.set(n, floor);
      const { adj, ...row } = g;
      graph.push({ ...row, floorMs: floor, targetsBytes: adj.targets.byteLength });
      console.log(`  ${String(n).padStart(9)} agents ${String(g.ties).padStart(9)} ties  G(N,M) ${g.gnmMs.toFixed(0)} ms  fromEdges ${g.fromEdgesMs.toFixed(0)} ms  ${g.bytesPerTie.toFixed(1)} B/tie  floor ${floor.toFixed(2)} ms`);
      add({ section: 'floor', agents: n, ties: g.ties, measure: 'sum of targets', value: floor, unit: 'ms', toFloor: 1 });
      add({ section: 'graph', agents: n, ties: g.ties, measure: 'G(N, M)', value: g.gnmMs, unit: 'ms', toFloor: g.gnmMs / floor });
      add({ section: 'graph', agents: n, ties: g.ties, measure: 'fromEdges', value: g.fromEdgesMs, unit: 'ms', toFloor: g.fromEdgesMs / floor });
      add({ section: 'graph', agents: n, ties: g.ties, measure: 'adjacency bytes per tie', value: g.bytesPerTie, unit: 'B' });
      const loc = benchLocality(adj, n >= 1_000_000 ? Math.min(rounds, 3) : rounds);
      locality.push(loc);
      console.log(
        `    locality, neighbour-mean kernel (Float64; Float32): as built (random ids) ${loc.randomF64Ms!.toFixed(1)} ms = ${loc.randomF64ToFloor!.toFixed(1)} × floor (${loc.randomF32ToFloor!.toFixed(1)} ×), ` +
          `bfs ${loc.bfsF64Ms!.toFixed(1)} ms = ${loc.bfsF64ToFloor!.toFixed(1)} × (${loc.bfsF32ToFloor!.toFixed(1)} ×), rcm ${loc.rcmF64Ms!.toFixed(1)} ms = ${loc.rcmF64ToFloor!.toFixed(1)} × (${loc.rcmF32ToFloor!.toFixed(1)} ×); ` +
          `mean tie span ${loc.randomSpan!.toFixed(3)} / ${loc.bfsSpan!.toFixed(3)} / ${loc.rcmSpan!.toFixed(3)} of n; order + relabel bfs ${loc.bfsOrderMs!.toFixed(0)} ms, rcm ${loc.rcmOrderMs!.toFixed(0)} ms`,
      );
      for (const o of ['random', 'bfs', 'rcm'] as const) {
        const label = o === 'random' ? 'as built (random ids)' : `${o} ids`;
        for (const f of ['F64', 'F32'] as const) {
          add({ section: 'locality', agents: n, ties: g.ties, measure: `kernel, ${label}, ${f === 'F64' ? 'f64' : 'f32'}`, value: loc[`${o}${f}Ms`]!, unit: 'ms', toFloor: loc[`${o}${f}ToFloor`]! });
        }
        add({ section: 'locality', agents: n, ties: g.ties, measure: `mean tie span, ${label}`, value: loc[`${o}Span`]!, unit: '× n' });
      }
      add({ section: 'locality', agents: n, ties: g.ties, measure: 'order + relabel, bfs', value: loc.bfsOrderMs!, unit: 'ms', toFloor: loc.bfsOrderMs! / floor });
      add({ section: 'locality', agents: n, ties: g.ties, measure: 'order + relabel, rcm', value: loc.rcmOrderMs!, unit: 'ms', toFloor: loc.rcmOrderMs! / floor });
    }
    sections.graph = graph;
    sections.locality = locality;
    // the benchmark model's step loop
    const steps1: unknown[] = [];
    const orders: Awaited<ReturnType<typeof benchOrders>> = [];
    // the record's cost at the largest size up to 100,000 (beside the presets'), and at 1M when benched
    const costAt = sizes.filter((n) => n <= 100_000).pop() ?? sizes[0]!;
    const costSizes = new Set([costAt, ...sizes.filter((n) => n >= 1_000_000).slice(0, 1)]);
    for (const n of sizes) {
      collect();
      const so = { agents: n, degree: degreeOf(n, degreeOpt), steps: n >= 1_000_000 ? Math.min(steps, 5) : steps, rounds: n >= 1_000_000 ? Math.min(rounds, 5) : rounds, recordCost: costSizes.has(n) };
      const r = n >= CHILD_FROM ? inChild<Awaited<ReturnType<typeof benchStep>>>('step', so) : await benchStep(so);
      const floor = r.floorMs; // the floor of this run's own adjacency
      console.log(`friend-cleanup step loop: ${r.agents} agents, ${r.ties} ties (ER, random id order, Float64 scores)`);
      console.log(`  build (graph + world)           ${r.buildMs.toFixed(0)} ms`);
      console.log(`  median step                     ${r.stepMedianMs.toFixed(1)} ms = ${(r.stepMedianMs / floor).toFixed(0)} × floor`);
      console.log(`  neighbour pass                  ${r.neighbourPassMs.toFixed(1)} ms = ${r.passToFloor.toFixed(2)} × streaming-read floor (${r.floorMs.toFixed(1)} ms; target ≤ 6×)`);
      console.log(`  stepping representation         ${r.bytesPerTie.toFixed(1)} bytes per tie (target ≤ 20)`);
      add({ section: 'friend-cleanup', agents: n, ties: r.ties, measure: 'build (graph + world)', value: r.buildMs, unit: 'ms', toFloor: r.buildMs / floor });
      add({ section: 'friend-cleanup', agents: n, ties: r.ties, measure: 'median step (record included)', value: r.stepMedianMs, unit: 'ms', toFloor: r.stepMedianMs / floor });
      add({ section: 'friend-cleanup', agents: n, ties: r.ties, measure: 'neighbour pass', value: r.neighbourPassMs, unit: 'ms', toFloor: r.neighbourPassMs / floor });
      if (r.cost) {
        console.log(`all ${METRICS.length} metrics (${METRIC_COLUMNS.length} columns) recorded every step, against the step that records the three of docs/benchmark.md#the-benchmark-model-friend-cleanup:`);
        printCost('benchmark model', r.cost);
        add({ section: 'record cost', agents: n, ties: r.ties, measure: 'record, all metrics', value: r.cost.allMetricsMs, unit: 'ms', toFloor: r.cost.allMetricsMs / floor });
        add({ section: 'record cost', agents: n, ties: r.ties, measure: 'record of all metrics ÷ the step', value: r.cost.toStep, unit: '×' });
        add({ section: 'record cost', agents: n, ties: r.ties, measure: 'dynamics of the step', value: r.cost.dynamicsMs, unit: 'ms', toFloor: r.cost.dynamicsMs / floor });
        add({ section: 'record cost', agents: n, ties: r.ties, measure: 'added by recording all metrics', value: r.cost.addedMs, unit: 'ms', toFloor: r.cost.addedMs / floor });
      }
      const { cost, ...rest } = r;
      steps1.push({ ...rest, recordCost: cost ? { ...cost, sim: undefined } : null });
      // the same model with graph.order as-built, bfs and rcm, side by side
      const big = n >= 1_000_000;
      collect();
      const ord = await benchOrders({ agents: n, degree: degreeOf(n, degreeOpt), steps: big ? Math.min(steps, 5) : steps, rounds: big ? Math.min(rounds, 5) : rounds });
      console.log(`  graph.order (three runs side by side; against the median of their floors):`);
      for (const o of ord) {
        console.log(
          `    ${o.order.padEnd(9)} build ${o.buildMs.toFixed(0).padStart(6)} ms  median step ${o.stepMedianMs.toFixed(1).padStart(7)} ms = ${o.stepToFloor.toFixed(0).padStart(3)} × floor  neighbour pass ${o.neighbourPassMs.toFixed(1).padStart(6)} ms = ${o.passToFloor.toFixed(2)} × floor (${o.floorMs.toFixed(1)} ms)  tie span ${o.tieSpan.toFixed(3)}`,
        );
        add({ section: 'locality', agents: n, ties: o.ties, measure: `friend-cleanup build, order ${o.order}`, value: o.buildMs, unit: 'ms', toFloor: o.buildMs / o.floorMs });
        add({ section: 'locality', agents: n, ties: o.ties, measure: `friend-cleanup median step, order ${o.order}`, value: o.stepMedianMs, unit: 'ms', toFloor: o.stepToFloor });
        add({ section: 'locality', agents: n, ties: o.ties, measure: `friend-cleanup neighbour pass, order ${o.order}`, value: o.neighbourPassMs, unit: 'ms', toFloor: o.passToFloor });
      }
      orders.push(...ord);
    }
    sections.friendCleanup = steps1;
    sections.orders = orders;
    const presetCosts: unknown[] = [];
    for (const { name, file } of presets) {
      const c = await recordCost(readYaml(file), file, Math.min(10, steps), { agents: costAt });
      printCost(`${name} (its own metrics, ${Math.min(10, steps)} steps)`, c);
      presetCosts.push({ preset: name, ...c, sim: undefined });
    }
    sections.presets = presetCosts;
    // a full national-composite step
    const compSizes = sizes.some((n) => n >= 100_000) ? sizes.filter((n) => n >= 100_000) : [sizes[sizes.length - 1]!];
    const comp: unknown[] = [];
    for (const n of compSizes) {
      collect();
      const c = n >= CHILD_FROM ? inChild<Awaited<ReturnType<typeof benchComposite>>>('composite', { agents: n, steps: 3 }) : await benchComposite(n, 5);
      comp.push(c);
      console.log(`national-composite + joint-punishment + cleanup, all metrics every step: ${c.agents} agents, ${c.ties} ties: build ${c.buildMs.toFixed(0)} ms, median step ${c.stepMedianMs.toFixed(0)} ms (record ${c.recordMedianMs.toFixed(0)} ms; target ≤ 1000 ms at 1M)`);
      const floor = floors.get(n);
      add({ section: 'composite', agents: n, ties: c.ties, measure: 'build', value: c.buildMs, unit: 'ms' });
      add({ section: 'composite', agents: n, ties: c.ties, measure: 'median step (all metrics)', value: c.stepMedianMs, unit: 'ms', toFloor: floor ? c.stepMedianMs / floor : undefined });
      add({ section: 'composite', agents: n, ties: c.ties, measure: 'record (all metrics)', value: c.recordMedianMs, unit: 'ms', toFloor: floor ? c.recordMedianMs / floor : undefined });
    }
    sections.composite = comp;
    // threads (the worker-thread engine's own bench)
    collect();
    const th = await benchThreadsSection(sizes.filter((n) => n < CHILD_FROM), degreeOpt, steps, rounds);
    for (const n of sizes.filter((m) => m >= CHILD_FROM)) {
      const t = inChild<Awaited<ReturnType<typeof benchThreadsSection>>>('threads', { agents: n, degree: degreeOpt, steps });
      th.rows.push(...t.rows);
      th.note ??= t.note;
    }
    sections.threads = th;
    if (th.note) console.log(`threads: ${th.note}`);
    for (const r of th.rows) {
      console.log(`threads: ${r.agents} agents, ${r.threads} thread(s): pass ${r.passMs.toFixed(1)} ms (${r.passToOne.toFixed(2)} × 1 thread), step ${r.stepMs.toFixed(1)} ms (${r.stepToOne.toFixed(2)} × 1 thread)`);
      const floor = floors.get(r.agents);
      add({ section: 'threads', agents: r.agents, ties: r.ties, measure: `pass, ${r.threads} thread(s)`, value: r.passMs, unit: 'ms', toFloor: floor ? r.passMs / floor : undefined, toOneThread: r.passToOne });
      add({ section: 'threads', agents: r.agents, ties: r.ties, measure: `step, ${r.threads} thread(s)`, value: r.stepMs, unit: 'ms', toFloor: floor ? r.stepMs / floor : undefined, toOneThread: r.stepToOne });
    }
    // memory, a child process per size
    const mem: Record<string, number>[] = [];
    console.log('peak memory (a child process per size: build, steps, tables written):');
    for (const n of sizes) {
      const m = benchMemory(n, degreeOf(n, degreeOpt), Math.min(steps, 3));
      mem.push(m);
      console.log(`  ${String(n).padStart(9)} agents: peak RSS ${(m.peakRss! / 1024 ** 2).toFixed(0)} MB (after build ${(m.builtRss! / 1024 ** 2).toFixed(0)} MB, after steps ${(m.steppedRss! / 1024 ** 2).toFixed(0)} MB); adjacency ${(m.adjacencyBytes! / m.ties!).toFixed(1)} B/tie`);
      add({ section: 'memory', agents: n, ties: m.ties!, measure: 'peak RSS (tables written)', value: m.peakRss! / 1024 ** 2, unit: 'MB' });
      add({ section: 'memory', agents: n, ties: m.ties!, measure: 'RSS after build', value: m.builtRss! / 1024 ** 2, unit: 'MB' });
      add({ section: 'memory', agents: n, ties: m.ties!, measure: 'peak RSS above the bare process, per agent', value: m.bytesPerAgentAndTies!, unit: 'B' });
      add({ section: 'memory', agents: n, ties: m.ties!, measure: 'adjacency bytes per tie', value: m.adjacencyBytes! / m.ties!, unit: 'B' });
    }
    sections.memory = mem;
  }
  if (values.only !== 'step') {
    const workersList = String(values['workers-list'] ?? '1,2').split(',').map((x) => Number(x.trim()));
    if (workersList.some((w) => !Number.isInteger(w) || w < 1)) throw new UserError(`--workers-list: expected worker counts like 1,2,16, found ${values['workers-list']}`);
    if (!workersList.includes(1)) workersList.unshift(1);
    const o = {
      workersList,
      runs: count('sweep-runs', Math.max(24, 4 * Math.max(...workersList))),
      agents: count('sweep-agents', 10_000), // the small size of docs/benchmark.md#the-benchmark-model-friend-cleanup; per-run overheads hide the scaling at 2,000
      steps: count('sweep-steps', 100),
      rounds: count('sweep-rounds', 3),
    };
    const rows = await benchSweep(o);
    printSweepBench(rows, o, availableParallelism());
    sections.sweep = rows;
    for (const r of rows) add({ section: 'sweep', agents: o.agents, ties: 0, measure: `runs per second, ${r.workers} worker(s)`, value: r.runsPerSecond, unit: 'runs/s', toOneThread: r.speedup });
  }
  // ratios to the previous file, then the files
  const prev = previousEntries(outDir);
  if (prev) for (const e of entries) {
    const p = prev.entries.get(entryKey(e));
    if (p && p.value > 0) e.toPrevious = e.value / p.value;
  }
  const date = new Date().toISOString().slice(0, 10);
  const commit = gitCommit();
  const targets = targetRows(entries);
  const json = { kind: 'scorelab-bench', date: new Date().toISOString(), commit, node: process.version, cores: availableParallelism(), sizes, previous: prev ? { file: prev.file, commit: prev.commit } : null, sections, entries, targets };
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, date);
  writeFileAtomic(`${base}.json`, JSON.stringify(json, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
  const head = `# scorelab bench ${date}${commit ? ` (${commit})` : ''}\n\nNode ${process.version}, ${availableParallelism()} cores; sizes ${sizes.join(', ')}; ratios measured in the same run${prev ? `; × previous: against ${prev.file}${prev.commit ? ` (${prev.commit})` : ''}` : ''}.`;
  if (values.only !== 'sweep') {
    console.log('\ntargets (issue 14):');
    for (const t of targets) console.log(`  ${t.met === null ? 'not measured' : t.met ? 'met         ' : 'NOT MET     '} ${t.target}${t.measured ? `: ${t.measured}` : ''}`);
  }
  writeFileAtomic(`${base}.md`, markdownTable(entries, head) + (values.only !== 'sweep' ? '\n' + targetsMarkdown(targets) : ''));
  console.log(`\nwrote ${base}.json and ${base}.md`);
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
