import { prepareScenario } from '/work/main/dist/scenario/load.js';
import { buildSimulation } from '/work/main/dist/scenario/build.js';
const { KERNELS } = await import("/work/main/dist/core/kernels.js"); for (const [ki, nm] of [[0, "K:sums"], [4, "K:choice"]]) { const f = KERNELS[ki]; KERNELS[ki] = (a, x, lo, hi) => { const t = performance.now(); f(a, x, lo, hi); (globalThis.__acc ??= {})[nm] = ((globalThis.__acc[nm]) ?? 0) + performance.now() - t; }; }
const agents = +(process.argv[2] ?? 100000), threads = +(process.argv[3] ?? 1);
const raw = { seed: 1, steps: 40, population: { agents, householdSize: 1 }, graph: { model: 'erdos-renyi', meanDegree: 20, households: false }, behaviour: {}, regimes: { 'friend-cleanup': {} }, metrics: ['mean_score', 'score_assortativity', 'tie_count'] };
const { scenario } = await prepareScenario(raw, 'x');
const sim = buildSimulation(scenario, { threads });
sim.init();
const acc = {};
const add = (k, v) => { (acc[k] ??= []).push(v); };
for (const inst of sim.instances) for (const [h, f] of Object.entries(inst.hooks)) {
  if (typeof f !== 'function') continue;
  inst.hooks[h] = (...a) => { const t = performance.now(); const r = f(...a); add(inst.spec.id + ':' + h, performance.now() - t); return r; };
}
const origRec = sim.recordRow.bind(sim);
sim.recordRow = () => { const t = performance.now(); origRec(); add('recordRow', performance.now() - t); };
for (let s = 0; s < 33; s++) { const t = performance.now(); sim.step(); if (s >= 3) add('STEP', performance.now() - t); else for (const k in acc) acc[k] = []; }
sim.close();
const med = (x) => { const s = [...x].sort((a, b) => a - b); return s[s.length >> 1]; };
let sum = 0;
console.log(Object.fromEntries(Object.entries(globalThis.__acc).map(([k, v]) => [k, (v / 36).toFixed(3)])));
for (const [k, v] of Object.entries(acc)) { console.log(k.padEnd(36), med(v).toFixed(3), 'min', Math.min(...v).toFixed(3)); if (k !== 'STEP') sum += med(v); }
console.log('sum of parts', sum.toFixed(3));
