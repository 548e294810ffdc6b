/**
 * `telematics`: exact tests on a 2-agent world — the expected benefit of joining falls with the
 * driver's risk, so the safe driver joins and the risky one does not; joining multiplies
 * monitoring and leaving restores it (also when another plug-in flips `joined`); the discount is
 * paid and observed risky acts are surcharged; the scheme is registered as a VoluntaryScheme.
 * A seeded run checks that joiners are safer than non-joiners; preset smoke.
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, DOMAIN_INDEX as D, defaults, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import type { VoluntaryScheme } from '../../../src/core/policy.js';
import { telematics } from '../../../src/regimes/comparators/telematics.js';
import { driveStep } from '../drive.js';

function step(world: World, hooks: Hooks, recs: number[] = []) {
  hooks.behave?.(); // telematics checks membership at behave
  driveStep(world, hooks, (r) => {
    for (const a of recs) r.push(a, D.law, ACT_VIOLATION, 1);
  });
}

/** Agent 0 never breaks a traffic rule, agent 1 about once every 100 days. Detection 0.5. */
function make(over: Partial<ParamValues<typeof telematics.params>> = {}) {
  const world = new World(2, 1);
  world.pop.income.fill(100);
  world.pop.wealth.fill(1000);
  world.pop.trait[D.law * 2 + 0] = 0;
  world.pop.trait[D.law * 2 + 1] = 0.01;
  const p = { ...defaults(telematics.params), privacySigma: 0, reviewsPerYear: 0, ...over };
  const hooks = telematics.create(world, p);
  hooks.init?.();
  const scheme = world.services.get('voluntary:telematics') as VoluntaryScheme;
  return { world, hooks, scheme, p };
}

describe('telematics', () => {
  it('safe drivers expect more from joining, and join; risky ones do not', () => {
    const { scheme } = make();
    expect(scheme.id).toBe('telematics');
    expect(scheme.expectedBenefit(0)).toBeCloseTo(15 * 0.1, 12);
    // risky: 0.01 · 365 acts a year, seen with probability min(1, 0.5 · 3) = 1
    expect(scheme.expectedBenefit(1)).toBeCloseTo(15 * (0.1 - 0.1 * 3.65), 5); // traits are float32
    expect([...scheme.joined]).toEqual([1, 0]);
  });

  it('monitors members more, restores monitoring on leaving, pays the discount, surcharges risky acts', () => {
    const { world, hooks, scheme } = make();
    step(world, hooks);
    expect([...world.watch]).toEqual([3, 1]);
    expect(world.pop.wealth[0]).toBeCloseTo(1000 + 0.1 * 15 * (1 / 365) * 100, 9);
    expect([...world.benefit]).toEqual([1, 0]);
    step(world, hooks, [0]); // an observed risky act of the member
    expect(world.pop.wealth[0]).toBeCloseTo(1000 + 2 * 0.1 * 15 * (1 / 365) * 100 - 0.1 * 15 * 100, 9);
    scheme.joined[0] = 0; // e.g. the opt-in adaptation decides to leave
    step(world, hooks);
    expect([...world.watch]).toEqual([1, 1]);
    expect(world.benefit[0]).toBe(0);
  });

  it('joiners are safer drivers than non-joiners (seeded run); preset runs at tiny size', async () => {
    const r = await runScenario({ seed: 2, steps: 30, population: { agents: 2000 }, graph: { model: 'sbm', meanDegree: 10 }, regimes: { telematics: {} }, record: { every: 10 } });
    const last = r.rows[r.rows.length - 1]!;
    expect(last.telematics_joined_share as number).toBeGreaterThan(0.05);
    expect(last.telematics_risk_ratio as number).toBeLessThan(1);
    const p = await runScenario('telematics', { agents: 300, steps: 20 });
    expect(p.rows.length).toBeGreaterThan(1);
  });
});
