/**
 * Common random numbers hold when a mechanism is switched on (issue "Mechanisms, not parameters",
 * finding 6: the core observation stream took one draw per act in sequence, so one agent's changed
 * act re-drew every later agent's records).
 *
 * World: 2,000 agents, SBM, court-blacklist + joint-punishment (sanctions cut income, so they feed
 * back into stress and defaults), misidentification (false finance records), 300 daily steps,
 * seed 5, a raised finance propensity so that many people are listed. Treatment: the same world
 * with a safeguard switched on (human-review; notice). The two runs are stepped side by side; at
 * every step, for every agent whose own acts of the step are identical in both runs, the records
 * made about that agent (domain, kind, size, evidence strength) must be identical too.
 * Control that the test can fail: the safeguard must actually change some agents' acts (else the
 * comparison would be empty) — asserted.
 */
import { describe, expect, it } from 'vitest';
import { buildSimulation, prepareScenario } from '../../src/index.js';
import type { Simulation } from '../../src/core/simulation.js';

const base = {
  seed: 5,
  steps: 300,
  population: { agents: 2000, traits: { finance: 0.004 }, wealthMedian: 20 },
  graph: { model: 'sbm', meanDegree: 8, homophily: 0.5 },
  observation: { misidentification: { domain: 'finance', baseRate: 0.0005 } },
  regimes: { 'court-blacklist': { graceDays: 30 }, 'joint-punishment': {} },
  metrics: ['listed_share'],
  record: { every: 50 },
};

async function sim(safeguards: Record<string, unknown>, regimes: Record<string, unknown> = base.regimes): Promise<Simulation> {
  const l = await prepareScenario({ ...base, regimes, safeguards }, '(crn test)');
  const s = buildSimulation(l.scenario, { graph: l.graph, plugins: l.plugins });
  s.init();
  return s;
}

/** Per agent: a string of its acts and one of its records this step. */
function byAgent(s: Simulation): { acts: Map<number, string>; recs: Map<number, string> } {
  const w = s.world;
  const acts = new Map<number, string>();
  const recs = new Map<number, string>();
  const a = w.acts;
  for (let k = 0; k < a.length; k++) acts.set(a.agent[k]!, (acts.get(a.agent[k]!) ?? '') + `${a.domain[k]}/${a.kind[k]}/${a.size[k]};`);
  const r = w.records;
  for (let k = 0; k < r.length; k++) recs.set(r.agent[k]!, (recs.get(r.agent[k]!) ?? '') + `${r.domain[k]}/${r.kind[k]}/${r.size[k]}/${r.evidence[k]};`);
  return { acts, recs };
}

describe('common random numbers', () => {
  const cases: [string, () => Promise<Simulation>][] = [
    ['human-review', () => sim({ 'human-review': {} })],
    ['notice', () => sim({ notice: {} })],
    ['joint-punishment (the sanctions themselves)', () => sim({}, { 'court-blacklist': { graceDays: 30 } })],
  ];
  for (const [what, treated] of cases) {
    it(`switching ${what} leaves the records of agents whose acts are unchanged identical`, async () => {
      const a = await sim({});
      const b = await treated();
      let changedActs = 0, compared = 0;
      const mismatches: string[] = [];
      for (let t = 0; t < base.steps; t++) {
        a.step();
        b.step();
        const A = byAgent(a), B = byAgent(b);
        for (let i = 0; i < a.world.n; i++) {
          if ((A.acts.get(i) ?? '') !== (B.acts.get(i) ?? '')) {
            changedActs++;
            continue;
          }
          compared++;
          if ((A.recs.get(i) ?? '') !== (B.recs.get(i) ?? '') && mismatches.length < 5) mismatches.push(`step ${t} agent ${i}: ${A.recs.get(i)} vs ${B.recs.get(i)}`);
        }
      }
      expect(changedActs).toBeGreaterThan(0); // the safeguard changed behaviour somewhere
      expect(compared).toBeGreaterThan(0);
      expect(mismatches).toEqual([]);
    });
  }
});
