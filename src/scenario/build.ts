/**
 * Assembles a world and its simulation from a resolved scenario: population, graph, detection,
 * plug-ins, metrics. Browser-safe: a graph from a file is passed in already read (see load.ts).
 */
import { Adjacency, LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../core/adjacency.js';
import type { AnyPlugin } from '../core/contracts.js';
import { UserError } from '../core/errors.js';
import { populate } from '../core/populate.js';
import { DOMAINS } from '../core/population.js';
import { Simulation } from '../core/simulation.js';
import { World } from '../core/world.js';
import {
  barabasiAlbert,
  erdosRenyiGNM,
  householdCliques,
  mergeEdgeLists,
  stochasticBlockModel,
  wattsStrogatz,
  type EdgeList,
} from '../graphs/index.js';
import { metricById } from '../metrics/index.js';
import { FAMILIES } from '../core/contracts.js';
import { findPlugin, SECTION } from './registry.js';
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
  const rng = world.rng('graph');
  const k = g.meanDegree;
  switch (g.model) {
    case 'erdos-renyi':
      return erdosRenyiGNM(n, Math.min(Math.round((n * k) / 2), (n * (n - 1)) / 2), rng);
    case 'watts-strogatz': {
      const even = Math.max(2, 2 * Math.round(k / 2));
      return wattsStrogatz(n, Math.min(even, n - 1 - ((n - 1) % 2)), g.rewire, rng);
    }
    case 'barabasi-albert':
      return barabasiAlbert(n, Math.max(1, Math.round(k / 2)), rng);
    case 'sbm':
      return stochasticBlockModel(world.pop.group, k, g.homophily, rng);
    case 'households-only':
      return { n, src: new Int32Array(0), dst: new Int32Array(0) };
    case 'file':
      if (!loaded) throw new UserError(`graph.file: the graph file '${g.file}' was not loaded (use loadScenario or pass the graph)`);
      return loaded.el;
  }
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

export interface BuildOptions {
  graph?: LoadedGraph;
  /** Extra plug-ins (e.g. from an experiment file) that the scenario may refer to. */
  plugins?: AnyPlugin[];
}

export function buildSimulation(s: ResolvedScenario, opts: BuildOptions = {}): Simulation {
  const n = opts.graph ? opts.graph.keys.length : s.population.agents;
  const world = new World(n, s.seed, s.daysPerStep);
  populate(world, s.population);
  if (opts.graph) {
    world.nodeKeys = opts.graph.keys;
    applyNodeAttributes(world, opts.graph, s.graph.file);
  }
  DOMAINS.forEach((d, i) => {
    world.detect[i * 2] = s.detect[d];
    world.detect[i * 2 + 1] = Math.min(1, s.detect[d] * s.minorityDetectRatio);
    world.evidenceQuality[i] = s.evidenceQuality?.[d] ?? world.evidenceQuality[i]!;
  });
  const parts: EdgeList[] = [socialTies(world, s, opts.graph)];
  if (s.graph.households) parts.push(householdCliques(world.pop.household));
  const el = parts.length > 1 ? mergeEdgeLists(n, ...parts) : parts[0]!;
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
  world.adj = Adjacency.fromEdges(n, el.src, el.dst, layer);
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
  return new Simulation(world, plugins, { metrics, every: s.record.every, params: s.record.params });
}
