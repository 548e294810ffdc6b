/**
 * `facebook-trust`: exact tests of the Beta posterior on a 3-agent star (own records, reports
 * weighted by the reporter's trust, dissent only with speech data, no reports without friends'
 * data, down-ranking below the threshold); invariant 0 ≤ trust ≤ 1 on a seeded run; preset smoke.
 */
import { describe, expect, it } from 'vitest';
import { ACT_EXPRESSION, ACT_VIOLATION, Adjacency, DOMAIN_INDEX as D, defaults, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import { POLICY } from '../../../src/core/policy.js';
import { facebookTrust } from '../../../src/regimes/comparators/facebook-trust.js';
import { driveStep } from '../drive.js';

type Rec = [agent: number, domain: number, kind: number];

function step(world: World, hooks: Hooks, recs: Rec[] = []) {
  driveStep(world, hooks, (r) => {
    for (const [a, d, k] of recs) r.push(a, d, k, 1, 0);
  });
}

/** Star 1 – 0 – 2; every contact reports every record; no fading, no good evidence, no false reports. */
function make(over: Partial<ParamValues<typeof facebookTrust.params>> = {}, policy: [string, unknown][] = []) {
  const world = new World(3, 1);
  world.adj = Adjacency.fromEdges(3, [0, 0], [1, 2]);
  for (const [k, v] of policy) world.policy.set(k, v);
  const p = { ...defaults(facebookTrust.params), priorAlpha: 4, priorBeta: 1, goodPerDay: 0, recordWeight: 1, reportProb: 1, reportWeight: 1, falseReportsPerYear: 0, memoryDays: 1e12, ...over };
  const hooks = facebookTrust.create(world, p);
  hooks.init?.();
  return { world, hooks, t: world.pop.column('score_fb_trust') as Float64Array };
}

describe('facebook-trust', () => {
  it('a recorded violation and two reports by trusted contacts lower trust: α/(α+β)', () => {
    const { world, hooks, t } = make();
    expect([...t]).toEqual([0.8, 0.8, 0.8]);
    step(world, hooks, [[0, D.law, ACT_VIOLATION]]);
    // β = 1 + 1 (record) + 2 × 0.8 (reports weighted by the reporters' trust)
    expect(t[0]).toBeCloseTo(4 / (4 + 3.6), 9);
    expect(t[1]).toBeCloseTo(0.8, 9);
    expect(world.benefit[0]).toBe(1); // 0.526 ≥ 0.5
    step(world, hooks, [[0, D.commerce, ACT_VIOLATION]]);
    expect(t[0]).toBeLessThan(0.5);
    expect(world.benefitEligible[0]).toBe(1);
    expect(world.benefit[0]).toBe(0); // down-ranked
  });

  it('counts dissent only where speech data may be used', () => {
    const on = make({ dissentReportProb: 0 });
    step(on.world, on.hooks, [[0, D.speech, ACT_EXPRESSION]]);
    expect(on.t[0]).toBeCloseTo(4 / 6, 9);
    const off = make({ dissentReportProb: 0 }, [[POLICY.dataSpeech, false]]);
    step(off.world, off.hooks, [[0, D.speech, ACT_EXPRESSION]]);
    expect(off.t[0]).toBeCloseTo(0.8, 9);
  });

  it('uses no reports without friends’ data (own records only)', () => {
    const { world, hooks, t } = make({}, [[POLICY.dataFriends, false]]);
    step(world, hooks, [[0, D.law, ACT_VIOLATION]]);
    expect(t[0]).toBeCloseTo(4 / 6, 9);
  });

  it('good standing and fading bring trust back toward the prior', () => {
    const { world, hooks, t } = make({ goodPerDay: 0.1, memoryDays: 30 });
    step(world, hooks, [[0, D.law, ACT_VIOLATION]]);
    const low = t[0]!;
    for (let d = 0; d < 60; d++) step(world, hooks);
    expect(t[0]!).toBeGreaterThan(low);
  });

  it('trust stays in [0, 1] on a seeded run; preset runs at tiny size', async () => {
    const r = await runScenario({ seed: 2, steps: 30, population: { agents: 500 }, graph: { model: 'sbm', meanDegree: 10 }, regimes: { 'facebook-trust': {} } });
    for (const x of r.world.pop.column('score_fb_trust') as Float64Array) expect(x >= 0 && x <= 1).toBe(true);
    const p = await runScenario('facebook-trust', { agents: 300, steps: 20 });
    expect(p.rows.length).toBeGreaterThan(1);
  });
});
