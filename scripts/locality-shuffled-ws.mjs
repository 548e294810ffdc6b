#!/usr/bin/env node
/**
 * graph.order on a graph with local structure whose node numbers say nothing of it: the benchmark
 * model (friend-cleanup) on a Watts–Strogatz graph (k = 20, rewiring REWIRE, default 0.01) with its
 * node numbers shuffled, as a graph file's may be, built with graph.order as-built, bfs and rcm.
 * The three runs are built side by side and stepped in turn (the order rotating), so drifting load
 * hits each alike; it prints, per order, the build, median step and neighbour pass, each against
 * the streaming-read floor (the median of the three adjacencies'), and the mean tie span. Needs `npm run build`.
 *
 *   node scripts/locality-shuffled-ws.mjs 1000000 6 5
 *   REWIRE=0.1 node scripts/locality-shuffled-ws.mjs 100000 10 7
 */
import { defineGraph, registerGraph } from '../dist/graphs/registry.js';
import { wattsStrogatz } from '../dist/graphs/watts-strogatz.js';
import { makeRng } from '../dist/core/rng.js';
import { prepareScenario } from '../dist/scenario/load.js';
import { buildSimulation } from '../dist/scenario/build.js';
import { meanTieSpan, targetsFloor } from '../dist/bench/main.js';

const [n, steps, rounds] = [1_000_000, 6, 5].map((d, i) => Number(process.argv[2 + i] ?? d));
const rewire = Number(process.env.REWIRE ?? 0.01);
registerGraph(
  defineGraph({
    id: 'ws-shuffled',
    title: 'Watts–Strogatz, node numbers shuffled',
    doc: 'a ring lattice of degree 20, rewired, its node numbers shuffled',
    params: {},
    expectedTies: (n) => n * 10,
    build(n, _p, rng) {
      const ws = wattsStrogatz(n, 20, rewire, rng);
      const r = makeRng('shuffle');
      const p = Int32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = r.int(i + 1);
        [p[i], p[j]] = [p[j], p[i]];
      }
      for (let e = 0; e < ws.src.length; e++) {
        ws.src[e] = p[ws.src[e]];
        ws.dst[e] = p[ws.dst[e]];
      }
      return ws;
    },
  }),
);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = [];
for (const order of ['as-built', 'bfs', 'rcm']) {
  const raw = { seed: 1, steps, population: { agents: n, householdSize: 1 }, graph: { model: 'ws-shuffled', households: false, order }, behaviour: {}, regimes: { 'friend-cleanup': {} }, metrics: ['mean_score', 'score_assortativity', 'tie_count'] };
  const { scenario } = await prepareScenario(raw, '(locality)');
  const t0 = performance.now();
  const sim = buildSimulation(scenario);
  runs.push({ order, sim, buildMs: performance.now() - t0, step: [], pass: [] });
  sim.init();
}
for (let s = 0; s < 3; s++) for (const r of runs) r.sim.step(); // warm-up
for (let s = 0; s < steps; s++) {
  for (let k = 0; k < runs.length; k++) {
    const r = runs[(s + k) % runs.length];
    const t0 = performance.now();
    r.sim.step();
    r.step.push(performance.now() - t0);
  }
}
for (let q = 0; q < rounds; q++) {
  for (let k = 0; k < runs.length; k++) {
    const r = runs[(q + k) % runs.length];
    const t0 = performance.now();
    r.sim.instances[0].hooks.score();
    r.pass.push(performance.now() - t0);
  }
}
targetsFloor(runs[0].sim.world.adj.targets, rounds); // warm-up: the loop compiled before it is timed
console.log(`friend-cleanup on a shuffled Watts–Strogatz graph: ${n} agents, k = 20, rewiring ${rewire}`);
// one floor for the three (the median of each adjacency's: they are the same size)
const floor = median(runs.map((r) => targetsFloor(r.sim.world.adj.targets, rounds)));
for (const r of runs) {
  const [step, pass] = [median(r.step), median(r.pass)];
  console.log(
    `  ${r.order.padEnd(9)} build ${r.buildMs.toFixed(0)} ms  median step ${step.toFixed(1)} ms = ${(step / floor).toFixed(1)} × floor  neighbour pass ${pass.toFixed(1)} ms = ${(pass / floor).toFixed(2)} × floor (${floor.toFixed(1)} ms)  tie span ${meanTieSpan(r.sim.world.adj).toFixed(3)}`,
  );
}
