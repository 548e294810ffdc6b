import { prepareScenario } from '/work/main/dist/scenario/load.js';
import { buildSimulation } from '/work/main/dist/scenario/build.js';
globalThis.__T = {};
const vals = [1e9, 1, 2, 3, 4, 6];
const raw = { seed: 1, steps: 40, population: { agents: 100000, householdSize: 1 }, graph: { model: 'erdos-renyi', meanDegree: 20, households: false }, behaviour: {}, regimes: { 'friend-cleanup': {} }, metrics: ['mean_score', 'score_assortativity', 'tie_count'] };
const { scenario } = await prepareScenario(raw, 'x');
const sim = buildSimulation(scenario, { threads: 1 });
sim.init();
for (let s = 0; s < 300; s++) { globalThis.__AHEAD = vals[s % vals.length]; sim.step(); if (s === 11) globalThis.__T = {}; }
const med = (x) => { const s = [...x].sort((a, b) => a - b); return s[s.length >> 1]; };
for (const [k, v] of Object.entries(globalThis.__T)) console.log(k, med(v).toFixed(3), Math.min(...v).toFixed(3), v.length);
