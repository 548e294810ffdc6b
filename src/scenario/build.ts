/**
 * Assembles a world and its simulation from a resolved scenario: population, graph, detection,
 * plug-ins, metrics. Browser-safe: a graph from a file is passed in already read (see load.ts).
 */
import { Adjacency, LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../core/adjacency.js';
import type { AnyPlugin } from '../core/contracts.js';
import { fieldError, UserError } from '../core/errors.js';
import { checkStandardPopulation, populate } from '../core/populate.js';
import { DOMAINS } from '../core/population.js';
import { Simulation } from '../core/simulation.js';
import { World } from '../core/world.js';
import { householdCliques, mergeEdgeLists, type EdgeList } from '../graphs/index.js';
import { findGraph, toEdgeList } from '../graphs/registry.js';
import { inversePermutation, localityOrder, permuteArray, permuteColumn, relabelEdges, type GraphOrder } from '../graphs/relabel.js';
import { type BuiltinGraphContext } from './graphs.js';
import './graphs.js'; // registers the built-in graph models
import { metricById } from '../metrics/index.js';
import { FAMILIES } from '../core/contracts.js';
import { findPlugin, SECTION } from './registry.js';
import { warmable, warmUp, WARM_UP_FROM } from './warm-up.js';
import type { ResolvedScenario } from './resolve.js';

/** A graph read from a file: ties, original node keys and node attributes. */
export interface LoadedGraph {
  el: EdgeList;
  keys: string[];
  nodeAttributes: Record<string, (string | number)[]>;
}

function socialTies(world: World, s: ResolvedScenario, loaded?: LoadedGraph): EdgeList {
  const n = world.n;
  const g = s.graph;
  const spec = findGraph(g.model);
  if (!spec) throw new UserError(`graph.model: unknown graph model '${g.model}'`);
  const rng = world.rng('graph');
  const file = s.file ?? undefined;
  if (spec.builtin) {
    const ctx: BuiltinGraphContext = { group: world.pop.group, household: world.pop.household, file, scenario: s, loaded };
    return spec.build(n, g as never, rng, ctx) as EdgeList;
  }
  return toEdgeList(g.model, n, spec.build(n, (g.params ?? {}) as never, rng, { group: world.pop.group, household: world.pop.household, file }), s.graph.multigraph === true);
}

/** Applies node attributes from a graph file that match core columns (group). */
function applyNodeAttributes(world: World, loaded: LoadedGraph, file: string | null): void {
  const group = loaded.nodeAttributes.group;
  if (!group) return;
  const values = [...new Set(group.map(String))].sort();
  const minorityValue = values.length === 2 ? (values.includes('1') ? '1' : values[1]) : null;
  if (values.length > 2) throw new UserError(`${file ?? 'graph file'}: node attribute 'group' must have at most 2 values, found ${values.length}`);
  for (let i = 0; i < world.n; i++) world.pop.group[i] = String(group[i]) === minorityValue ? 1 : 0;
}

/**
 * Renumbers the agents for locality (`graph.order`): the permutation comes from the ties, and the
 * population drawn so far, the node keys and the ties move with it, so each agent keeps its
 * attributes and ties under its public id (`world.publicIds`). Done after the graph is drawn (the
 * sbm and the household cliques read the groups and households) and before the adjacency and the
 * plug-ins are made. The edge list is changed in place unless it is the graph file's, which a
 * caller may reuse.
 */
function renumber(world: World, el: EdgeList, order: GraphOrder, owned: boolean): EdgeList {
  const n = world.n;
  const newOf = localityOrder(n, el.src, el.dst, order);
  const scratch = new Float64Array(n);
  // every column has n values or a block of n per domain (trait); all are moved, even those
  // still at their initial constant, so none is missed
  for (const col of world.pop.columns.values()) permuteColumn(col, newOf, scratch);
  permuteColumn(world.propensityMult, newOf, scratch);
  if (world.nodeKeys) world.nodeKeys = permuteArray(world.nodeKeys, newOf);
  world.publicIds = inversePermutation(newOf);
  return relabelEdges(el, newOf, owned);
}

/** Memory a run needs, by part (bytes); see `memoryEstimate`. */
export interface MemoryEstimate {
  agents: number;
  ties: number;
  /** Bytes of the agents' state, the ties, and the output tables (the largest, agents.arrow). */
  state: number;
  network: number;
  tables: number;
  total: number;
}

/**
 * Bytes per agent of the world's state and the plug-ins' columns, of one tie (both ends of the
 * adjacency, its layer, and the edge list it is built from, at the build's peak), and per agent of
 * the output tables in the JavaScript heap (agents.csv and agents.arrow are streamed to disk
 * 50,000 rows at a time, so little is left per agent). Rounded up from measurements of `scorelab
 * run … --steps 1 --no-figure` (peak RSS, `/usr/bin/time -v`): the default preset (about 6 ties
 * per agent) peaks at 0.35 GiB plus 681 bytes per agent from 1M to 16M agents, national-composite
 * at 562 bytes per agent, the benchmark model (10 ties per agent) at about 440; a run of the
 * default preset at 4M agents finishes in a JavaScript heap of 200 MB (under 50 bytes per agent).
 * This estimate gives 926 bytes per agent at the default graph.
 */
export const BYTES_PER_AGENT = 600;
export const BYTES_PER_TIE = 48;
export const TABLE_BYTES_PER_AGENT = 50;
/** The memory a run may use: the schema's maximum population fits in it. */
export const MEMORY_BUDGET_BYTES = 24 * 1024 ** 3;

/** Ties a graph model will make for n agents (an upper estimate; a graph file gives its own). */
function expectedTies(s: ResolvedScenario, n: number, graph?: LoadedGraph): number {
  const g = s.graph;
  const spec = findGraph(g.model);
  let ties = (n * Math.min(g.meanDegree, n - 1)) / 2;
  if (graph) ties = graph.el.src.length;
  else if (spec?.expectedTies) ties = spec.expectedTies(n, (spec.builtin ? g : (g.params ?? {})) as never);
  if (g.households) ties += (n * Math.max(0, s.population.householdSize - 1)) / 2;
  return ties;
}

/**
 * Bytes of one recorded step row per column, in the JavaScript heap: the row object's field
 * (measured 29–70 B per cell: rows of 49 columns are dictionary-mode objects) and its copies in
 * the steps table (28–43 B), rounded up.
 */
export const ROW_BYTES_PER_COLUMN = 120;

export function memoryEstimate(s: ResolvedScenario, graph?: LoadedGraph): MemoryEstimate {
  const n = graph ? graph.keys.length : s.population.agents;
  const ties = expectedTies(s, n, graph);
  const state = n * BYTES_PER_AGENT;
  const network = ties * BYTES_PER_TIE;
  // the steps table: one row per recorded step, a column per metric column (plus step, day, seed)
  const columns = 3 + s.metrics.reduce((k, id) => k + (metricById(id)?.columns.length ?? 1), 0);
  const rows = Math.floor(s.steps / Math.max(1, s.record.every)) + 1;
  const tables = n * TABLE_BYTES_PER_AGENT + rows * columns * ROW_BYTES_PER_COLUMN;
  return { agents: n, ties, state, network, tables, total: state + network + tables };
}

const gb = (b: number) => `${(b / 1024 ** 3).toFixed(b < 10 * 1024 ** 3 ? 1 : 0)} GB`;

type Builtins = { getBuiltinModule?: (m: string) => any };

/** The memory this process may use: the machine's (or its container's) memory less 1.5 GB, at most 24 GB. */
export function memoryBudget(): number {
  const proc = globalThis.process as (NodeJS.Process & { constrainedMemory?: () => number | undefined }) | undefined;
  const os = (proc as unknown as Builtins | undefined)?.getBuiltinModule?.('node:os') as { totalmem(): number } | undefined;
  const total = os?.totalmem() ?? MEMORY_BUDGET_BYTES;
  const limit = proc?.constrainedMemory?.();
  const avail = limit && limit > 0 && limit < total ? limit : total;
  return Math.min(MEMORY_BUDGET_BYTES, avail - 1.5 * 1024 ** 3);
}

/** The JavaScript heap this process may use (V8's limit; --max-old-space-size raises it). */
export function heapBudget(): number {
  const v8 = (globalThis.process as unknown as Builtins | undefined)?.getBuiltinModule?.('node:v8') as { getHeapStatistics(): { heap_size_limit: number } } | undefined;
  return v8?.getHeapStatistics().heap_size_limit ?? Infinity;
}

/**
 * Checks, before anything is allocated, that a resolved scenario can run: its graph model fits its
 * population, and its memory estimate fits the memory there is. A run that would not fit is
 * refused with the estimate (a UserError: choose fewer agents or a smaller mean degree).
 */
export function checkRunnable(s: ResolvedScenario, graph?: LoadedGraph, file?: string, opts: { memory?: boolean } = {}): void {
  const where = file ?? s.file ?? undefined;
  const n = graph ? graph.keys.length : s.population.agents;
  if (s.graph.model === 'sbm' && !graph) {
    if (s.population.minorityShare <= 0 || s.population.minorityShare >= 1) {
      throw fieldError(where, 'population.minorityShare', 'a share strictly between 0 and 1 (an sbm graph needs two groups)', s.population.minorityShare);
    }
    if (s.graph.meanDegree > n - 1) throw fieldError(where, 'graph.meanDegree', `at most agents − 1 = ${n - 1} for an sbm graph`, s.graph.meanDegree);
  }
  if (opts.memory === false) return;
  const est = memoryEstimate(s, graph);
  const budget = memoryBudget();
  const recorded = Math.floor(s.steps / Math.max(1, s.record.every)) + 1;
  const stepsDominate = est.tables - n * TABLE_BYTES_PER_AGENT > Math.max(est.state, est.network);
  if (est.total > budget) {
    const field = stepsDominate ? 'steps' : 'population.agents';
    throw new UserError(
      `${where ? where + ': ' : ''}${field}: a run of ${n} agents, about ${Math.round(est.ties)} ties and ${recorded} recorded steps needs about ${gb(est.total)} of memory (agents ${gb(est.state)}, ties ${gb(est.network)}, tables ${gb(est.tables)}), more than the ${gb(budget)} it may use; choose ${stepsDominate ? 'fewer steps or a larger record.every' : 'fewer agents or a smaller graph.meanDegree'}`,
      where,
      field,
    );
  }
  // the output tables are built in the JavaScript heap, which has its own limit
  const heap = heapBudget();
  if (est.tables > 0.75 * heap) {
    const rowsField = est.tables - n * TABLE_BYTES_PER_AGENT > n * TABLE_BYTES_PER_AGENT ? 'steps' : 'population.agents';
    const mb = Math.ceil((est.tables / 0.75 + 512 * 1024 ** 2) / 1024 ** 2);
    throw new UserError(
      `${where ? where + ': ' : ''}${rowsField}: the tables of ${n} agents and ${recorded} recorded steps need about ${gb(est.tables)} of JavaScript heap, more than Node's limit of ${gb(heap)} allows; run with NODE_OPTIONS=--max-old-space-size=${mb}, or choose fewer agents, fewer steps or a larger record.every`,
      where,
      rowsField,
    );
  }
}

/** Options of `buildSimulation`: a graph read from a file, extra plug-ins. */
export interface BuildOptions {
  graph?: LoadedGraph;
  /** Extra plug-ins (e.g. from an experiment file) that the scenario may refer to. */
  plugins?: AnyPlugin[];
  /** Threads of the run's per-agent passes (src/core/threads.ts; default 1). */
  threads?: number;
  /**
   * Step a small copy of the scenario first (src/scenario/warm-up.ts); default: from WARM_UP_FROM agents on,
   * when the scenario uses only the library's own plug-ins, metrics and graph models (true: also
   * with the given plug-ins; a graph from a file is never shrunk, so it is not warmed).
   */
  warmUp?: boolean;
}

/** Builds the world and simulation of a resolved scenario: population, graph, detection, plug-ins, metrics. */
export function buildSimulation(s: ResolvedScenario, opts: BuildOptions = {}): Simulation {
  checkRunnable(s, opts.graph);
  const n = opts.graph ? opts.graph.keys.length : s.population.agents;
  checkStandardPopulation(s.population, s.metrics, FAMILIES.flatMap((f) => Object.keys(s[SECTION[f]])), s.file ?? undefined);
  if (!opts.graph && (opts.warmUp ?? (n >= WARM_UP_FROM && warmable(s, opts)))) warmUp(s, opts.plugins, buildSimulation);
  const world = new World(n, s.seed, s.daysPerStep);
  populate(world, s.population);
  if (opts.graph) {
    world.nodeKeys = opts.graph.keys;
    applyNodeAttributes(world, opts.graph, s.graph.file);
    if (opts.graph.nodeAttributes.group && s.population.standard === false) world.pop.groupGiven();
  }
  DOMAINS.forEach((d, i) => {
    world.detect[i * 2] = s.detect[d];
    world.detect[i * 2 + 1] = Math.min(1, s.detect[d] * s.minorityDetectRatio);
    world.evidenceQuality[i] = s.evidenceQuality?.[d] ?? world.evidenceQuality[i]!;
  });
  const parts: EdgeList[] = [socialTies(world, s, opts.graph)];
  // without the standard population there are no households (population.standard: false)
  if (s.graph.households && s.population.standard !== false) parts.push(householdCliques(world.pop.household));
  let el = parts.length > 1 ? mergeEdgeLists(n, ...parts) : parts[0]!;
  if (s.graph.order && s.graph.order !== ('as-built' as GraphOrder)) el = renumber(world, el, s.graph.order, el !== opts.graph?.el);
  const layer = el.layer ? Uint8Array.from(el.layer) : new Uint8Array(el.src.length).fill(LAYER_BOTH);
  if (s.graph.onlineOnlyShare > 0 || s.graph.offlineOnlyShare > 0) {
    const lr = world.rng('graph:layers');
    for (let e = 0; e < layer.length; e++) {
      if (layer[e] !== LAYER_BOTH) continue;
      const u = lr();
      if (u < s.graph.onlineOnlyShare) layer[e] = LAYER_ONLINE;
      else if (u < s.graph.onlineOnlyShare + s.graph.offlineOnlyShare) layer[e] = LAYER_OFFLINE;
    }
  }
  world.adj = Adjacency.fromEdges(n, el.src, el.dst, layer, undefined, { multigraph: s.graph.multigraph === true });
  if (s.primaryScore) world.primaryChoice = s.primaryScore;
  const extra = new Map((opts.plugins ?? []).map((p) => [p.id, p]));
  const plugins: { spec: AnyPlugin; params: Record<string, unknown> }[] = [];
  for (const f of FAMILIES) {
    for (const [id, params] of Object.entries(s[SECTION[f]])) {
      const spec = extra.get(id) ?? findPlugin(id);
      if (!spec) throw new UserError(`${SECTION[f]}.${id}: unknown plug-in '${id}'`);
      plugins.push({ spec, params });
    }
  }
  const metrics = [...new Set(s.metrics.map((id) => metricById(id)!))];
  return new Simulation(world, plugins, { metrics, every: s.record.every, params: s.record.params }, { threads: opts.threads });
}

export { WARM_UP_FROM, warmUpCounts } from './warm-up.js';
