/**
 * What a court listing costs, through the mechanism (src/regimes/courts/travel.ts), against
 * controls that keep the rule and remove the cause.
 *
 * World (seed 1): 2,000 agents, Erdős–Rényi mean degree 4, 150 weekly steps, every default observed
 * (detect finance 1), finance propensity 0.001/day; court-blacklist alone (no joint punishment),
 * listed people paying at 0.01/day, no sticky removal. Finance defaults are counted from world.acts
 * over the run; Ŝ is the mean perceived severity of a finance sanction at the end (days of income).
 * 1. Deterrence from a listing. A blocked ticket is a lost opportunity (valued at opportunityDays,
 *    src/behaviour/perception.ts), so a listed person who tries to travel learns what a listing
 *    costs. Measured (seed 1): the ban kept, nobody trying to travel (flightsPerYear 0,
 *    trainsPerYear 0: the control) Ŝ = 0, no opportunity lost, 2,000 defaults; default rates
 *    (0.66 flights, 0.146 trains a year) Ŝ 0.070, 101 lost, 1,989 defaults; frequent travellers
 *    (6 flights, 1 train a year) Ŝ 0.718, 959 lost, 1,966 defaults. Seeds 2–4: the same order
 *    (2,059 / 2,052 / 2,027; 1,955 / 1,951 / 1,931; 2,088 / 2,081 / 2,051). Asserted: Ŝ exactly 0
 *    and nothing lost in the control; Ŝ rises with the trips; defaults strictly fall with them, the
 *    frequent travellers' at least 1% below the control (measured 1.7%).
 * 2. The court's own exit ban (option exitBan). Measured: 7,480 person-steps under the ban, 38
 *    departures blocked, 139 opportunities lost (101 without the ban), Ŝ 0.258. Control (the ban
 *    kept, nobody travels abroad: abroadShare 0): as many bans give 0 blocked departures, and the
 *    run is identical to the one without the ban (defaults, Ŝ, opportunities lost).
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, DOMAIN_INDEX, buildSimulation, prepareScenario } from '../../../src/index.js';
import type { Perception } from '../../../src/behaviour/perception.js';

const F = DOMAIN_INDEX.finance;

async function run(court: Record<string, unknown>) {
  const loaded = await prepareScenario(
    {
      name: 'court-travel-test',
      seed: 1,
      steps: 150,
      daysPerStep: 7,
      population: { agents: 2000, traits: { finance: 0.001 } },
      graph: { model: 'erdos-renyi', meanDegree: 4 },
      detect: { finance: 1 },
      regimes: { 'court-blacklist': { listedPayRate: 0.01, stickiness: 0, ...court } },
      metrics: ['listed_share'],
      record: { every: 1 },
    },
    '(test)',
  );
  const sim = buildSimulation(loaded.scenario);
  sim.init();
  let defaults = 0;
  for (let s = 0; s < 150; s++) {
    sim.step();
    const a = sim.world.acts;
    for (let k = 0; k < a.length; k++) if (a.kind[k] === ACT_VIOLATION && a.domain[k] === F) defaults++;
  }
  const per = sim.world.services.get('behaviour:perception') as Perception;
  const n = sim.world.n;
  let S = 0, lost = 0;
  for (let i = 0; i < n; i++) {
    S += per.severity(F, i) / n;
    lost += sim.world.lostOpportunity[i]!;
  }
  const sum = (k: string) => sim.rows.reduce((a, r) => a + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
  return { defaults, S, lost, tickets: sum('blocked_flights') + sum('blocked_trains'), listed: sum('court_published'), exitBans: sum('exit_bans'), blocked: sum('blocked_departures') };
}

const cache = new Map<string, ReturnType<typeof run>>();
const arm = (o: Record<string, unknown>) => {
  const k = JSON.stringify(o);
  if (!cache.has(k)) cache.set(k, run(o));
  return cache.get(k)!;
};

describe('court-blacklist: what a listing costs', () => {
  it('blocked tickets are lost opportunities: deterrence from a listing appears with them and not without (seeded, with control)', async () => {
    const none = await arm({ flightsPerYear: 0, trainsPerYear: 0 });
    const base = await arm({});
    const often = await arm({ flightsPerYear: 6, trainsPerYear: 1 });
    if (process.env.SCORELAB_PRINT) console.log(JSON.stringify({ none, base, often }));
    expect(none.listed).toBeGreaterThan(300); // the listings happen in the control too
    expect(none.tickets).toBe(0);
    expect(none.lost).toBe(0);
    expect(none.S).toBe(0);
    expect(base.lost).toBe(base.tickets);
    expect(base.S).toBeGreaterThan(0);
    expect(often.S).toBeGreaterThan(5 * base.S);
    expect(base.defaults).toBeLessThan(none.defaults);
    expect(often.defaults).toBeLessThan(base.defaults);
    expect(often.defaults).toBeLessThan(0.99 * none.defaults);
  }, 60_000);

  it('the court’s own exit ban costs those who travel abroad; with nobody abroad the run is as without it (seeded, with control)', async () => {
    const off = await arm({});
    const ban = await arm({ exitBan: true });
    const nobodyAbroad = await arm({ exitBan: true, abroadShare: 0 });
    if (process.env.SCORELAB_PRINT) console.log(JSON.stringify({ off, ban, nobodyAbroad }));
    expect(off.exitBans).toBe(0);
    expect(ban.exitBans).toBeGreaterThan(1000);
    expect(ban.blocked).toBeGreaterThan(0);
    expect(ban.lost).toBeGreaterThan(off.lost);
    expect(ban.S).toBeGreaterThan(off.S);
    expect(nobodyAbroad.exitBans).toBeGreaterThan(1000);
    expect(nobodyAbroad.blocked).toBe(0);
    expect(nobodyAbroad.lost).toBe(off.lost);
    expect(nobodyAbroad.defaults).toBe(off.defaults);
    expect(nobodyAbroad.S).toBe(off.S);
  }, 60_000);
});
