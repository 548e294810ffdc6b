/**
 * `facebook-lending`: exact tests of the patent rule on a tiny world (friends' mean against the
 * minimum, group never read, data-limits fallback to the own score), the own credit score's
 * dependence on wealth, and the seeded emergence test of issue 4 ("done when" 3): on a homophilous
 * network, with a poorer minority, benefit_disparate_impact falls below 0.8; without homophily it
 * is near 1 — although the rule never reads group.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency, defaults, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import { POLICY } from '../../../src/core/policy.js';
import { facebookLending } from '../../../src/regimes/comparators/facebook-lending.js';
import { driveStep } from '../drive.js';

function step(world: World, hooks: Hooks) {
  driveStep(world, hooks);
}

/** Agent 0 is friends with 1 and 2; agent 3 has no friends. Scores come from a `score_fico` column. */
function make(fico: number[], over: Partial<ParamValues<typeof facebookLending.params>> = {}, policy: [string, unknown][] = []) {
  const world = new World(4, 1);
  world.adj = Adjacency.fromEdges(4, [0, 0], [1, 2]);
  for (let i = 0; i < 4; i++) {
    world.pop.income[i] = 100;
    world.pop.wealth[i] = 50_000;
  }
  const col = world.pop.addColumn('score_fico', 'f64', 'test');
  col.set(fico);
  for (const [k, v] of policy) world.policy.set(k, v);
  const hooks = facebookLending.create(world, { ...defaults(facebookLending.params), applyRate: 1, minFriendScore: 650, ...over });
  hooks.init?.();
  return { world, hooks };
}

describe('facebook-lending', () => {
  it('approves when the friends average at least the minimum, and only then', () => {
    const a = make([500, 600, 700, 800]); // friends of 0 average 650
    step(a.world, a.hooks);
    expect(a.world.benefitEligible[0]).toBe(1);
    expect(a.world.benefit[0]).toBe(1);
    const b = make([800, 600, 690, 800]); // friends of 0 average 645; its own 800 does not help
    step(b.world, b.hooks);
    expect(b.world.benefitEligible[0]).toBe(1);
    expect(b.world.benefit[0]).toBe(0);
    expect(b.world.benefit[3]).toBe(0); // no friends: no average, rejected
    expect(b.world.benefit[1]).toBe(1); // the only friend of 1 is 0, at 800
  });

  it('never reads group: flipping every group leaves every decision unchanged', () => {
    const a = make([500, 600, 700, 800]);
    const b = make([500, 600, 700, 800]);
    b.world.pop.group.set([1, 1, 0, 1]);
    step(a.world, a.hooks);
    step(b.world, b.hooks);
    expect([...b.world.benefit]).toEqual([...a.world.benefit]);
  });

  it('without friends’ data (data-limits) decides on the applicant’s own score', () => {
    const a = make([640, 800, 800, 660], {}, [[POLICY.dataFriends, false]]);
    step(a.world, a.hooks);
    expect([...a.world.benefit]).toEqual([0, 1, 1, 1]);
  });

  it('own credit score (no fico column) stays in 300–850 and rises with wealth', () => {
    const world = new World(3, 7);
    world.adj = Adjacency.fromEdges(3, [0, 1], [1, 2]);
    world.pop.income.fill(100);
    world.pop.wealth.set([1_000, 50_000, 500_000]);
    const hooks = facebookLending.create(world, defaults(facebookLending.params));
    hooks.init?.();
    const s = world.pop.column('score_lending') as Float64Array;
    for (const x of s) expect(x >= 300 && x <= 850).toBe(true);
    // same history and mix for a fair comparison: recompute with equal random parts by swapping wealth
    const before = [...s];
    world.pop.wealth.set([500_000, 50_000, 1_000]);
    step(world, hooks);
    expect(s[0]!).toBeGreaterThan(before[0]!);
    expect(s[2]!).toBeLessThan(before[2]!);
  });

  // Seeded emergence ("done when" 3). 5,000 agents, 30 steps, everyone applies each step
  // (applyRate 1) so that each step's rates are precise; DI averaged over the last 10 steps.
  // Households off in both arms so that homophily is the only source of group clustering
  // (household ties are within group and alone pull DI to ≈ 0.85). Minority wealth and income
  // ratio 0.4. Measured (seed 3): DI ≈ 0.62 at homophily 0.9, ≈ 0.98 at homophily 0 (seeds 1–5:
  // 0.61–0.71 and 0.976–0.999).
  // Tolerances: below 0.8 (the four-fifths line) vs above 0.9.
  async function di(homophily: number) {
    const r = await runScenario({
      seed: 3,
      steps: 30,
      population: { agents: 5000, minorityWealthRatio: 0.4 },
      graph: { model: 'sbm', meanDegree: 10, homophily, households: false },
      regimes: { 'facebook-lending': { applyRate: 1 } },
      metrics: ['benefit_disparate_impact'],
      record: { every: 1 },
    });
    const rows = r.rows.slice(-10);
    return rows.reduce((a, x) => a + (x.benefit_disparate_impact as number), 0) / rows.length;
  }

  it('gives disparate impact on a homophilous network with a poorer minority, none without homophily', async () => {
    const hom = await di(0.9);
    const mixed = await di(0);
    console.log(`facebook-lending DI: homophily 0.9 → ${hom.toFixed(3)}, homophily 0 → ${mixed.toFixed(3)}`);
    expect(hom).toBeLessThan(0.8);
    expect(mixed).toBeGreaterThan(0.9);
  });

  it('preset runs at tiny size', async () => {
    const r = await runScenario('facebook-lending', { agents: 300, steps: 20 });
    expect(r.rows.length).toBeGreaterThan(1);
    const s = r.world.pop.column('score_lending') as Float64Array;
    for (const x of s) expect(x >= 300 && x <= 850).toBe(true);
  });
});
