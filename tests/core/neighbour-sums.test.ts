/**
 * The neighbour sums kept between passes (src/core/neighbour-sums.ts): exact sums on a tiny
 * hand-computed world, handed out again only when the ties and the values are unchanged, and in a
 * friend-cleanup run recorded every step the recorded assortativity's sums serve the next score.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency } from '../../src/core/adjacency.js';
import { neighbourSums, neighbourSumStats } from '../../src/core/neighbour-sums.js';
import { Simulation } from '../../src/core/simulation.js';
import { parallel } from '../../src/core/threads.js';
import { World } from '../../src/core/world.js';
import { metricById } from '../../src/metrics/index.js';
import { friendCleanup } from '../../src/regimes/basic/friend-cleanup.js';
import { runScenario } from '../../src/index.js';

/** A path 0–1–2–3 and an agent 4 without ties. */
function path(): Adjacency {
  return Adjacency.fromEdges(5, [0, 1, 2], [1, 2, 3]);
}

describe('neighbour sums', () => {
  it('sums the neighbours of each agent (hand-computed), 0 without ties', () => {
    const adj = path();
    const par = parallel({});
    const v = Float64Array.from([1, 10, 100, 1000, 5]);
    expect([...neighbourSums(par, adj, v)]).toEqual([10, 101, 1010, 100, 0]);
  });

  it('hands the sums out again only for the same ties and the same bits', () => {
    const adj = path();
    const par = parallel({});
    const v = Float64Array.from([1, 10, 100, 1000, 5]);
    neighbourSums(par, adj, v);
    neighbourSums(par, adj, Float64Array.from(v)); // equal values in another array: a hit
    expect(neighbourSumStats(adj)).toEqual({ hits: 1, misses: 1 });
    v[2] = 200; // a value changed: recomputed
    expect([...neighbourSums(par, adj, v)]).toEqual([10, 201, 1010, 200, 0]);
    adj.addEdge(4, 0); // a tie added: recomputed
    expect([...neighbourSums(par, adj, v)]).toEqual([15, 201, 1010, 200, 1]);
    adj.removeEdge(4, 0);
    const z = Float64Array.from([-0, 10, 200, 1000, 5]); // −0 and 0 differ in bits: recomputed
    neighbourSums(par, adj, v);
    neighbourSums(par, adj, z);
    expect(neighbourSumStats(adj)).toEqual({ hits: 1, misses: 5 });
  });

  it('takes a Float32 column (population.scorePrecision: float32) and compares its values exactly', () => {
    const adj = path();
    const par = parallel({});
    const v = Float32Array.from([0.1, 10, 100, 1000, 5]);
    expect([...neighbourSums(par, adj, v)]).toEqual([10, Math.fround(0.1) + 100, 1010, 100, 0]);
    neighbourSums(par, adj, Float32Array.from(v));
    v[0] = 0.2;
    expect(neighbourSums(par, adj, v)[1]).toBe(Math.fround(0.2) + 100);
    expect(neighbourSumStats(adj)).toEqual({ hits: 1, misses: 2 });
  });

  it('the benchmark model runs with Float32 scores', async () => {
    const r = await runScenario('bench-friend-cleanup', { agents: 500, steps: 3, set: ['population.scorePrecision=float32'] });
    expect(r.rows).toHaveLength(4);
    expect(r.simulation.world.primaryScore()).toBeInstanceOf(Float32Array);
  });

  it('friend-cleanup recorded every step: the score reuses the sums of the assortativity recorded before it', () => {
    const n = 200;
    const world = new World(n, 3, 1);
    const src: number[] = [], dst: number[] = [];
    for (let i = 0; i < n; i++) for (const o of [1, 7, 31]) (src.push(i), dst.push((i + o) % n));
    world.adj = Adjacency.fromEdges(n, src, dst);
    const params = { beta: 0.3, lambda: 0.1, c: 0.2, delta: 0.05, maxDraws: 10 };
    const metrics = ['mean_score', 'score_assortativity'].map((m) => metricById(m)!);
    const sim = new Simulation(world, [{ spec: friendCleanup, params }], { metrics, every: 1 });
    sim.run(10);
    // step 0's record and each step's record compute; each step's score finds the record's sums
    expect(neighbourSumStats(world.adj)).toEqual({ hits: 10, misses: 11 });
    const every2 = new World(n, 3, 1);
    every2.adj = Adjacency.fromEdges(n, src, dst);
    new Simulation(every2, [{ spec: friendCleanup, params }], { metrics, every: 2 }).run(10);
    // unrecorded steps' scores follow a cleanup that changed ties: no sums to reuse
    expect(neighbourSumStats(every2.adj).hits).toBe(5);
  });
});
