#!/usr/bin/env node
/**
 * The effect of population.scorePrecision: float32 on outcomes: one scenario run twice with the
 * same seed, 64-bit and 32-bit score columns, and the largest |Δ| of every recorded metric over
 * the run (absolute, and relative to the metric's range over the 64-bit run). Needs `npm run build`.
 *
 *   node scripts/float32-effect.mjs bench-friend-cleanup 10000 100
 *   node scripts/float32-effect.mjs national-composite 10000 104
 */
import { prepareScenario, locateScenario, readYaml } from '../dist/scenario/load.js';
import { buildSimulation } from '../dist/scenario/build.js';

const [name = 'bench-friend-cleanup', agents = '10000', steps = '100'] = process.argv.slice(2);
const file = locateScenario(name);
async function run(precision) {
  const set = ['record.every=1', ...(precision ? [`population.scorePrecision=${precision}`] : [])];
  const { scenario, graph, plugins } = await prepareScenario(readYaml(file), file, { agents: Number(agents), steps: Number(steps), set });
  const sim = buildSimulation(scenario, { graph, plugins });
  sim.run(scenario.steps);
  return sim;
}
const a = await run(null);
const b = await run('float32');
const out = {};
for (const c of a.columns) {
  if (['step', 'day', 'seed'].includes(c)) continue;
  let maxAbs = 0, lo = Infinity, hi = -Infinity, differ = 0;
  for (let k = 0; k < a.rows.length; k++) {
    const x = a.rows[k][c], y = b.rows[k][c];
    if (typeof x !== 'number' || typeof y !== 'number') continue;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
    const d = Math.abs(x - y);
    if (d > 0) differ++;
    if (d > maxAbs) maxAbs = d;
  }
  const range = hi - lo;
  out[c] = { maxAbs: Number(maxAbs.toPrecision(3)), relToRange: range > 0 ? Number((maxAbs / range).toPrecision(3)) : null, rowsThatDiffer: differ };
}
console.log(JSON.stringify({ scenario: name, agents: a.world.n, ties: a.world.adj.edgeCount, steps: Number(steps), rows: a.rows.length, metrics: out }, null, 1));
