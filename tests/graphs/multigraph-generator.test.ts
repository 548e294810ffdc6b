/**
 * A generator defined outside the library, in a multigraph scenario (graph.multigraph: true), keeps
 * the self-ties and repeated ties it returns (voter and rewiring models ask for them); in a simple
 * graph the same generator's repeats are kept once and its self-tie is refused.
 * Hand count, 3 agents, ties (0,0) (0,1) (0,1) (1,2): a self-tie takes two slots, so the degrees
 * are 4, 3, 1 — 8 slots, 4 ties, mean degree 8/3.
 */
import { describe, expect, it } from 'vitest';
import { defineGraph, registerGraph, runScenario } from '../../src/index.js';

registerGraph(
  defineGraph({
    id: 'test-loops',
    title: 'Loops and repeats',
    doc: 'a self-tie at 0, the tie 0–1 twice, the tie 1–2',
    params: {},
    build: () => [[0, 0], [0, 1], [0, 1], [1, 2]],
  }),
);

const scenario = (multigraph: boolean) => ({
  steps: 1,
  population: { agents: 3 },
  graph: { model: 'test-loops', households: false, multigraph },
  metrics: ['tie_count', 'mean_degree'],
});

describe('an outside generator in a multigraph', () => {
  it('keeps self-ties and repeated ties (degrees 4, 3, 1)', async () => {
    const r = await runScenario(scenario(true));
    const adj = r.world.adj;
    expect([0, 1, 2].map((i) => adj.degree(i))).toEqual([4, 3, 1]);
    expect(r.rows.at(-1)!.mean_degree).toBeCloseTo(8 / 3, 12);
  });

  it('in a simple graph the self-tie is refused, naming the generator and the option', async () => {
    await expect(runScenario(scenario(false))).rejects.toThrow(/graph model 'test-loops': tie 0 is \(0, 0\), a self-tie.*graph\.multigraph: true/);
  });
});
