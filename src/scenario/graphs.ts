/**
 * The built-in graph models, registered through the same registry as generators defined outside
 * the library (src/graphs/registry.ts). They read their parameters from the scenario's `graph`
 * fields (`graph.meanDegree`, `graph.p`, `graph.rewire`, `graph.homophily`, `graph.file`), which
 * the scenario schema checks; their `params` tables document those fields.
 */
import { fieldError, UserError } from '../core/errors.js';
import { num, prob, str } from '../core/params.js';
import type { Rng } from '../core/rng.js';
import { barabasiAlbert, erdosRenyiGNM, sbmProbabilities, stochasticBlockModel, wattsStrogatz, type EdgeList } from '../graphs/index.js';
import { erdosRenyiGNP } from '../graphs/erdos-renyi.js';
import { registerBuiltinGraph, type GraphContext } from '../graphs/registry.js';
import type { LoadedGraph } from './build.js';
import type { GraphParams, ResolvedScenario } from './resolve.js';

/** What a built-in model reads: the context of every generator, the scenario, and a graph file read. */
export interface BuiltinGraphContext extends GraphContext {
  scenario: ResolvedScenario;
  loaded?: LoadedGraph;
}

const meanDegree = num(10, { min: 0, max: 10_000, unit: 'ties per agent', doc: 'mean number of social ties (graph.meanDegree)' });

type Build = (n: number, g: GraphParams, rng: Rng, ctx: BuiltinGraphContext) => EdgeList;
function builtin(id: string, title: string, doc: string, params: Record<string, any>, build: Build, expectedTies?: (n: number, g: GraphParams) => number): void {
  registerBuiltinGraph({ id, title, doc, params, build: build as any, ...(expectedTies ? { expectedTies: expectedTies as any } : {}) });
}

builtin(
  'erdos-renyi',
  'Erdős–Rényi random graph',
  'G(N, M): M = round(N·k/2) ties drawn uniformly among the pairs; with graph.p, G(N, p): each pair a tie with probability p',
  { meanDegree, p: prob(0, { unit: 'per pair', doc: 'G(N, p) instead of meanDegree (graph.p)' }) },
  (n, g, rng) => {
    if (g.p !== undefined) return erdosRenyiGNP(n, g.p, rng);
    return erdosRenyiGNM(n, Math.min(Math.round((n * g.meanDegree) / 2), (n * (n - 1)) / 2), rng);
  },
);

builtin(
  'watts-strogatz',
  'Watts–Strogatz small world',
  'a ring lattice of even degree k (the mean degree rounded to even), each tie rewired with probability graph.rewire',
  { meanDegree, rewire: prob(0.1, { unit: 'probability', doc: 'rewiring probability (graph.rewire)' }) },
  (n, g, rng) => {
    const even = Math.max(2, 2 * Math.round(g.meanDegree / 2));
    return wattsStrogatz(n, Math.min(even, n - 1 - ((n - 1) % 2)), g.rewire, rng);
  },
  (n, g) => (n * Math.min(Math.max(2, 2 * Math.round(g.meanDegree / 2)), n - 1)) / 2,
);

builtin(
  'barabasi-albert',
  'Barabási–Albert preferential attachment',
  'each newcomer links to m = round(k/2) earlier agents, chosen in proportion to their degree',
  { meanDegree },
  // each newcomer links to m earlier nodes: at most n − 1 of them exist
  (n, g, rng) => barabasiAlbert(n, Math.min(n - 1, Math.max(1, Math.round(g.meanDegree / 2))), rng),
  (n, g) => n * Math.min(n - 1, Math.max(1, Math.round(g.meanDegree / 2))),
);

builtin(
  'sbm',
  'Stochastic block model of the two groups',
  'ties within and between the majority and the minority, with homophily graph.homophily and mean degree k',
  { meanDegree, homophily: num(0, { min: 0, max: 0.999, unit: 'share', doc: 'homophily of the two groups (graph.homophily)' }) },
  (n, g, rng, ctx) => {
    const s = ctx.scenario;
    const where = s.file ?? undefined;
    let minority = 0;
    for (let i = 0; i < n; i++) minority += ctx.group[i]!;
    if (minority === 0 || minority === n) {
      throw fieldError(where, 'population.minorityShare', `a share that puts agents in both groups (an sbm graph needs two; here every agent is in the ${minority ? 'minority' : 'majority'})`, s.population.minorityShare);
    }
    try {
      sbmProbabilities(ctx.group, g.meanDegree, g.homophily);
    } catch (e) {
      throw fieldError(where, 'graph.meanDegree', `a mean degree the two groups can hold (${(e as Error).message.replace(/^graphs\/sbm: /, '')})`, g.meanDegree);
    }
    return stochasticBlockModel(ctx.group, g.meanDegree, g.homophily, rng);
  },
);

builtin('households-only', 'Households only', 'no social ties besides the household cliques', {}, (n) => ({ n, src: new Int32Array(0), dst: new Int32Array(0) }), () => 0);

builtin('file', 'Graph file', 'the ties of a graph file (graph.file: CSV, GEXF, GraphML …)', { file: str('', { doc: 'path of the graph file (graph.file)' }) }, (_n, g, _rng, ctx) => {
  if (!ctx.loaded) throw new UserError(`graph.file: the graph file '${g.file}' was not loaded (use loadScenario or pass the graph)`);
  return ctx.loaded.el;
});
