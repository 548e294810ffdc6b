/**
 * `uk-scoring`: exact tests on a 2-agent world — a finance default and phone/rent arrears lower
 * the 0–999 score by their weights; without consumption data (data-limits) arrears do not count;
 * employers and services use the thresholds. Invariant 0–999 on a seeded run; preset smoke.
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, DOMAIN_INDEX as D, defaults, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import { POLICY } from '../../../src/core/policy.js';
import { ukScoring } from '../../../src/regimes/comparators/uk-scoring.js';
import { driveStep } from '../drive.js';

type Rec = [agent: number, domain: number, size: number];

function step(world: World, hooks: Hooks, recs: Rec[] = []) {
  driveStep(world, hooks, (r) => {
    for (const [a, d, size] of recs) r.push(a, d, ACT_VIOLATION, size);
  });
}

function make(over: Partial<ParamValues<typeof ukScoring.params>> = {}, policy: [string, unknown][] = []) {
  const world = new World(2, 1);
  world.pop.income.fill(100);
  world.pop.wealth.fill(20_000);
  for (const [k, v] of policy) world.policy.set(k, v);
  const hooks = ukScoring.create(world, { ...defaults(ukScoring.params), arrearsShare: 1, jobSearchesPerYear: 0, serviceApplyRate: 1, ...over });
  hooks.init?.();
  return { world, hooks, s: world.pop.column('score_uk') as Float64Array };
}

// one day of history moves the length part by at most 999 · 0.75 · 0.15 / (25 · 365) ≈ 0.012
const CLOSE = 1;

describe('uk-scoring', () => {
  it('a default of one month of income costs 999 · 0.75 · 0.35 · (1 − e⁻¹) points', () => {
    const { world, hooks, s } = make();
    const before = s[0]!;
    step(world, hooks, [[0, D.finance, 30 * 100]]);
    expect(s[0]! - before).toBeCloseTo(-999 * 0.75 * 0.35 * (1 - Math.exp(-1)), CLOSE);
  });

  it('phone and rent arrears cost 999 · 0.25 · (1 − e^(−1/2)); not counted without consumption data', () => {
    const a = make();
    const before = a.s[0]!;
    step(a.world, a.hooks, [[0, D.consumption, 1]]);
    expect(a.s[0]! - before).toBeCloseTo(-999 * 0.25 * (1 - Math.exp(-0.5)), CLOSE);
    const b = make({}, [[POLICY.dataConsumption, false]]);
    step(b.world, b.hooks);
    const base = b.s[0]!;
    step(b.world, b.hooks, [[0, D.consumption, 1]]);
    expect(b.s[0]! - base).toBeCloseTo(0, CLOSE);
  });

  it('employers and services use the thresholds', () => {
    const { world, hooks, s } = make({ jobThreshold: 999, serviceThreshold: 0, jobIncomeMult: 0.9 });
    step(world, hooks);
    expect(world.incomeMult[0]).toBeCloseTo(0.9, 6);
    expect([...world.benefitEligible]).toEqual([1, 1]);
    expect([...world.benefit]).toEqual([1, 1]);
    const high = make({ jobThreshold: 0, serviceThreshold: 999 });
    step(high.world, high.hooks);
    expect(high.world.incomeMult[0]).toBe(1);
    expect([...high.world.benefit]).toEqual([0, 0]);
    expect(s[0]! >= 0 && s[0]! <= 999).toBe(true);
  });

  it('scores stay in 0–999 on a seeded run; preset runs at tiny size', async () => {
    const r = await runScenario({ seed: 4, steps: 60, population: { agents: 500 }, graph: { model: 'sbm', meanDegree: 10 }, regimes: { 'uk-scoring': {} } });
    for (const x of r.world.pop.column('score_uk') as Float64Array) expect(x >= 0 && x <= 999).toBe(true);
    const p = await runScenario('uk-scoring', { agents: 300, steps: 20 });
    expect(p.rows.length).toBeGreaterThan(1);
  });
});
