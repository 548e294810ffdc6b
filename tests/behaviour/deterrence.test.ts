/**
 * Deterrence emerges from perceived sanctions (src/behaviour/perception.ts, standard behaviour).
 *
 * A test regime `test-fine` (defined here) sanctions every recorded law violation: it reports the
 * sanction (world.experience.sanction) and cuts the agent's income by `cut` for `days` days. So the
 * true certainty of a sanction is the world's detection rate for law and its severity is
 * cut × days days of income; agents only perceive them (own acts and sanctions, neighbours'
 * sanctions, knowledge of the rules). Same seed (5) in every arm; 3,000 agents, Erdős–Rényi mean
 * degree 8, 150 weekly steps; law violations counted from world.acts over the last 100 steps (after
 * the first year's learning); mean perceived ĉ and Ŝ (law) at the end.
 * Arms: no regime; base (detect 0.25, cut 0.25 for 90 days); double certainty (detect 0.5);
 * double severity (cut 0.5); control: the same sanctions costing nothing (cut 0) at detect 0.5.
 * Measured (seed 5): no regime 4,270 acts at detect 0.5 and at 0.25 (identical); costless
 * sanctions 4,270 (identical, although perceived ĉ = 0.23: certainty without a cost does not
 * deter); base 4,108 (ĉ 0.123, Ŝ 11.4 days); double certainty 3,943 (ĉ 0.244, Ŝ 14.4: more
 * sanctions seen shrink the severity estimate less); double severity 4,045 (ĉ 0.126, Ŝ 22.8).
 * So doubling certainty removes 165 acts, doubling severity 63 (ratio 2.6; seeds 1–6: 2.1–2.7).
 * With equal exponents a = b = 0.75 the ratio falls to 1.35 (186 vs 138): the asymmetry comes
 * mostly from a > b (Nagin 2013), partly from the learning of severity.
 * Tolerances: identical counts for the controls (keyed draws: nothing else changes); perceived ĉ
 * and Ŝ at least × 1.6 when their cause doubles (measured × 1.98, × 1.99); base at least 2% below
 * no regime (measured 3.8%, seeds 1–6: 3.8–4.4%); the certainty effect at least 1.5 × the severity
 * effect (measured 2.6); the ratio at least 0.5 above the a = b ratio (measured 2.6 vs 1.35).
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, DOMAIN_INDEX, buildSimulation, defineRegime, num, prepareScenario, prob, registerPlugin } from '../../src/index.js';
import type { Perception } from '../../src/behaviour/perception.js';

const L = DOMAIN_INDEX.law;

const testFine = defineRegime({
  id: 'test-fine',
  title: 'test: income cut for recorded law violations',
  summary: 'test only',
  doc: 'test only',
  sources: [],
  params: {
    cut: prob(0.2, { doc: 'share of income cut while sanctioned' }),
    days: num(60, { min: 0, unit: 'days', doc: 'days the cut lasts' }),
  },
  create(world, p) {
    const until = new Float64Array(world.n).fill(-1);
    return {
      sanction() {
        const r = world.records;
        for (let k = 0; k < r.length; k++) {
          if (r.domain[k] !== L || r.kind[k] !== ACT_VIOLATION) continue;
          const i = r.agent[k]!;
          world.experience.sanction(i, L);
          until[i] = world.day + p.days;
        }
        for (let i = 0; i < world.n; i++) if (until[i]! > world.day) world.incomeMult[i]! *= 1 - p.cut;
      },
    };
  },
});
registerPlugin(testFine);

type Opts = { detect: number; fine?: { cut: number; days: number }; behaviour?: Record<string, number> };
const cache = new Map<string, Promise<{ acts: number; c: number; S: number }>>();
const run = (o: Opts) => {
  const key = JSON.stringify(o);
  if (!cache.has(key)) cache.set(key, simulate(o));
  return cache.get(key)!;
};

async function simulate(opts: Opts) {
  const loaded = await prepareScenario(
    {
      seed: 5,
      steps: 150,
      daysPerStep: 7,
      population: { agents: 3000 },
      graph: { model: 'erdos-renyi', meanDegree: 8, households: false },
      detect: { law: opts.detect },
      behaviour: { standard: opts.behaviour ?? {} },
      regimes: opts.fine ? { 'test-fine': opts.fine } : { baseline: {} },
      metrics: ['violation_rate'],
      record: { every: 150 },
    },
    '(deterrence test)',
  );
  const sim = buildSimulation(loaded.scenario, { plugins: loaded.plugins });
  sim.init();
  let acts = 0;
  for (let s = 0; s < loaded.scenario.steps; s++) {
    sim.step();
    if (s < 50) continue;
    const a = sim.world.acts;
    for (let k = 0; k < a.length; k++) if (a.kind[k] === ACT_VIOLATION && a.domain[k] === L) acts++;
  }
  const per = sim.world.services.get('behaviour:perception') as Perception;
  let c = 0, S = 0;
  const n = sim.world.n;
  for (let i = 0; i < n; i++) {
    c += per.certainty(sim.world, L, i) / n;
    S += per.severity(L, i) / n;
  }
  return { acts, c, S };
}

const C1 = 0.25, CUT1 = 0.25, DAYS = 90;

describe('deterrence by perceived certainty and severity', () => {
  it('violations fall with certainty and with severity, more with certainty; costless sanctions do not deter', async () => {
    const none = await run({ detect: 2 * C1 });
    const noneLow = await run({ detect: C1 });
    const free = await run({ detect: 2 * C1, fine: { cut: 0, days: DAYS } });
    const base = await run({ detect: C1, fine: { cut: CUT1, days: DAYS } });
    const c2 = await run({ detect: 2 * C1, fine: { cut: CUT1, days: DAYS } });
    const s2 = await run({ detect: C1, fine: { cut: 2 * CUT1, days: DAYS } });
    if (process.env.SCORELAB_PRINT) console.log(JSON.stringify({ none, noneLow, free, base, c2, s2 }));
    // controls: without a sanction cost, neither certainty nor sanctions change a single act
    expect(free.acts).toBe(none.acts);
    expect(noneLow.acts).toBe(none.acts);
    // perceptions follow their causes
    expect(c2.c).toBeGreaterThan(1.6 * base.c);
    expect(s2.S).toBeGreaterThan(1.6 * base.S);
    // deterrence, and more of it from doubling certainty than from doubling severity
    expect(base.acts).toBeLessThan(0.98 * none.acts);
    expect(c2.acts).toBeLessThan(base.acts);
    expect(s2.acts).toBeLessThan(base.acts);
    expect(base.acts - c2.acts).toBeGreaterThan(1.5 * (base.acts - s2.acts));
  }, 60_000);

  it('with equal exponents (a = b) the advantage of certainty shrinks', async () => {
    const eq = { certaintyExp: 0.75, severityExp: 0.75 };
    const base = await run({ detect: C1, fine: { cut: CUT1, days: DAYS } });
    const c2 = await run({ detect: 2 * C1, fine: { cut: CUT1, days: DAYS } });
    const s2 = await run({ detect: C1, fine: { cut: 2 * CUT1, days: DAYS } });
    const eBase = await run({ detect: C1, fine: { cut: CUT1, days: DAYS }, behaviour: eq });
    const eC2 = await run({ detect: 2 * C1, fine: { cut: CUT1, days: DAYS }, behaviour: eq });
    const eS2 = await run({ detect: C1, fine: { cut: 2 * CUT1, days: DAYS }, behaviour: eq });
    if (process.env.SCORELAB_PRINT) console.log(JSON.stringify({ base, c2, s2, eBase, eC2, eS2 }));
    const ratio = (base.acts - c2.acts) / (base.acts - s2.acts);
    const eRatio = (eBase.acts - eC2.acts) / (eBase.acts - eS2.acts);
    expect(ratio).toBeGreaterThan(eRatio + 0.5);
  }, 60_000);
});
