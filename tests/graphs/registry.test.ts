/**
 * The graph-generator registry: the built-in models come through it, a generator defined outside
 * (defineGraph + registerGraph) is named by graph.model with its parameters in graph.params, and
 * every mistake names the file, the field, what was expected and what was found.
 */
import { describe, expect, it } from 'vitest';
import { allGraphs, defineGraph, num, registerGraph, runScenario } from '../../src/index.js';
import { toEdgeList } from '../../src/graphs/registry.js';
import { prepareScenario } from '../../src/scenario/load.js';

const star = defineGraph({
  id: 'test-star',
  title: 'Star',
  doc: 'agent 0 tied to every other agent',
  params: { hubs: num(1, { min: 1, max: 3, int: true, unit: 'agents', doc: 'number of hubs' }) },
  build(n, p) {
    const ties: [number, number][] = [];
    for (let h = 0; h < p.hubs; h++) for (let i = h + 1; i < n; i++) ties.push([h, i]);
    return ties;
  },
});
registerGraph(star);

const base = (graph: Record<string, unknown>) => ({ steps: 1, population: { agents: 10 }, graph: { households: false, ...graph }, metrics: ['tie_count', 'mean_degree'] });

describe('graph registry', () => {
  it('holds the six built-in models, then the registered ones', () => {
    expect(allGraphs().map((g) => g.id)).toEqual(['erdos-renyi', 'watts-strogatz', 'barabasi-albert', 'sbm', 'households-only', 'file', 'test-star']);
    expect(allGraphs().filter((g) => g.builtin)).toHaveLength(6);
  });

  it('runs a registered generator with its graph.params (a star of 10: 9 ties; 2 hubs: 9 + 8)', async () => {
    const one = await runScenario(base({ model: 'test-star' }));
    expect(one.rows.at(-1)!.tie_count).toBe(9);
    expect(one.scenario.graph.params).toEqual({ hubs: 1 });
    const two = await runScenario(base({ model: 'test-star', params: { hubs: 2 } }));
    expect(two.rows.at(-1)!.tie_count).toBe(17);
  });

  it('an unknown model: did-you-mean and the known models', async () => {
    await expect(prepareScenario(base({ model: 'test-sta' }), 's.yaml')).rejects.toThrow(/s\.yaml: graph\.model: unknown graph model 'test-sta' \(did you mean 'test-star'\?\); known: erdos-renyi, .*test-star/);
  });

  it('a bad parameter: file, field, expected, found; an unknown one: did-you-mean', async () => {
    await expect(prepareScenario(base({ model: 'test-star', params: { hubs: 9 } }), 's.yaml')).rejects.toThrow(/s\.yaml: graph\.params\.hubs: expected .*3.*, found 9/);
    await expect(prepareScenario(base({ model: 'test-star', params: { hub: 2 } }), 's.yaml')).rejects.toThrow(/graph\.params\.hub: unknown parameter 'hub' \(did you mean 'hubs'\?\)/);
  });

  it('graph.params with a built-in model is refused, naming its graph fields', async () => {
    await expect(prepareScenario(base({ model: 'watts-strogatz', params: { k: 2 } }), 's.yaml')).rejects.toThrow(/graph\.params: expected no graph\.params with the built-in model watts-strogatz \(it takes graph\.meanDegree, graph\.rewire/);
  });

  it('a built-in model draws the same ties as before through the registry (erdos-renyi G(N, M): M = round(N·k/2))', async () => {
    const r = await runScenario(base({ model: 'erdos-renyi', meanDegree: 4 }));
    expect(r.rows.at(-1)!.tie_count).toBe(20);
  });

  it('ties from a generator: repeated ties kept once; self-ties and ids out of range refused', () => {
    const el = toEdgeList('g', 3, [[0, 1], [1, 0], [1, 2]]);
    expect([...el.src]).toEqual([0, 1]);
    expect([...el.dst]).toEqual([1, 2]);
    expect(() => toEdgeList('g', 3, [[1, 1]])).toThrow(/graph model 'g': tie 0 is \(1, 1\), a self-tie/);
    expect(() => toEdgeList('g', 3, [[0, 3]])).toThrow(/tie 0 is \(0, 3\); expected two agent ids, integers in 0 … 2/);
  });

  it('refuses a built-in id and a malformed definition', () => {
    expect(() => registerGraph(defineGraph({ ...star, id: 'sbm' }))).toThrow(/built-in graph model/);
    expect(() => defineGraph({ ...star, id: 'Bad Id' })).toThrow(/kebab-case/);
  });
});
