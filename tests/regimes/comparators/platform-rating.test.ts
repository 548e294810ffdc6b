/**
 * `platform-rating`: exact tests on a 4-agent world (the rating is the mean of the last `window`
 * ratings; deactivation below the threshold once `minRatings` are in; guards apply), and the
 * seeded calibration test of issue 4 ("done when" 4): with default inflation a small share of
 * providers is deactivated — calibrated toward 2–3% below 4.6 (Uber, San Francisco 2014).
 */
import { describe, expect, it } from 'vitest';
import { defaults, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import { platformRating } from '../../../src/regimes/comparators/platform-rating.js';
import { driveStep, mistakenOn } from '../drive.js';

function step(world: World, hooks: Hooks) {
  driveStep(world, hooks);
}

/** Everyone a provider with 2 trips a day; a problem is never forgiven and always gives 2 stars. */
function make(over: Partial<ParamValues<typeof platformRating.params>> = {}) {
  const world = new World(4, 1);
  world.pop.income.fill(100);
  const p = { ...defaults(platformRating.params), providerShare: 1, tripsPerDay: 2, window: 5, minRatings: 100, inflation: 0, lowStars: [0, 0, 1, 0], customerProblemRate: 0, ...over };
  const hooks = platformRating.create(world, p);
  hooks.init?.();
  const score = world.pop.column('score_platform') as Float64Array;
  const problem = world.pop.column('platform_problem') as Float64Array;
  return { world, hooks, score, problem, list: world.lists.get('platform-deactivation') };
}

describe('platform-rating', () => {
  it('scores a provider by the mean of its last `window` ratings', () => {
    const { world, hooks, score, problem } = make();
    problem.fill(1); // every trip a problem: 2 stars
    for (let s = 0; s < 3; s++) step(world, hooks); // 6 ratings each; the last 5 are all 2
    expect([...score]).toEqual([2, 2, 2, 2]);
    problem.fill(0); // from now on 5 stars
    step(world, hooks); // [2, 2, 2, 5, 5]
    for (const x of score) expect(x).toBeCloseTo(3.2, 12);
    step(world, hooks); // [2, 5, 5, 5, 5]
    for (const x of score) expect(x).toBeCloseTo(4.4, 12);
    step(world, hooks);
    expect([...score]).toEqual([5, 5, 5, 5]);
  });

  it('deactivates below the threshold once minRatings are in: no trips, no access, income cut', () => {
    const { world, hooks, score, problem, list } = make({ minRatings: 5, threshold: 4.6, incomeMult: 0.7 });
    problem.set([1, 0, 0, 0]);
    step(world, hooks); // 2 ratings: too few
    step(world, hooks); // 4
    expect(list.on[0]).toBe(0);
    step(world, hooks); // 6 ratings, mean 2
    expect(list.on[0]).toBe(1);
    expect(mistakenOn(world, list, 0)).toBe(0); // expected rating 2 < 4.6: deserved
    expect(world.benefitEligible[0]).toBe(1);
    expect(world.benefit[0]).toBe(0);
    expect(world.incomeMult[0]).toBeCloseTo(0.7, 6);
    expect([...world.benefit.slice(1)]).toEqual([1, 1, 1]);
    problem[0] = 0;
    step(world, hooks); // deactivated: no new ratings
    expect(score[0]).toBe(2);
    expect(list.count).toBe(1);
  });

  it('goes through the list guards: a blocking guard prevents deactivation', () => {
    const { world, hooks, problem, list } = make({ minRatings: 5 });
    world.lists.addGuard('test', () => false);
    problem.set([1, 0, 0, 0]);
    for (let s = 0; s < 4; s++) step(world, hooks);
    expect(list.on[0]).toBe(0);
    expect(list.total.blocked).toBeGreaterThan(0);
  });

  it('a provider taken off the list by a safeguard (appeal, audit) starts afresh', () => {
    const { world, hooks, score, problem, list } = make({ minRatings: 5 });
    problem.set([1, 0, 0, 0]);
    for (let s = 0; s < 3; s++) step(world, hooks);
    expect(list.on[0]).toBe(1);
    list.markDue(0, world.day);
    list.remove(0, world.day); // e.g. a successful appeal
    problem[0] = 0;
    step(world, hooks);
    expect(list.on[0]).toBe(0); // not re-deactivated on the old ratings
    step(world, hooks);
    expect(score[0]).toBe(5);
  });

  // Seeded calibration ("done when" 4). 10,000 agents (≈ 1,000 providers), 120 days, seed 1,
  // defaults. Measured: deactivated_share ≈ 0.0215 (rated_4_5_share ≈ 0.996); seeds 1–3 gave 0.021–0.034 at day 60 and
  // 0.025–0.037 at day 365. Tolerance: between 1% and 5% (binomial sd at 1,000 providers ≈ 0.5%).
  // Rating inflation: at least 95% of rated providers average 4.5–5 (Zervas et al.: nearly 95%).
  it('with default inflation deactivates a small share, near 2–3% below 4.6', async () => {
    const r = await runScenario({
      seed: 1,
      steps: 120,
      population: { agents: 10000 },
      graph: { model: 'sbm', meanDegree: 10 },
      regimes: { 'platform-rating': {} },
      metrics: ['mean_score', 'listed_share'],
      record: { every: 30 },
    });
    const last = r.rows[r.rows.length - 1]!;
    console.log(`platform-rating: deactivated_share ${last.deactivated_share}, rated_4_5_share ${last.rated_4_5_share}`);
    expect(last.deactivated_share as number).toBeGreaterThan(0.01);
    expect(last.deactivated_share as number).toBeLessThan(0.05);
    expect(last.rated_4_5_share as number).toBeGreaterThanOrEqual(0.95);
    const s = r.world.pop.column('score_platform') as Float64Array;
    for (const x of s) expect(x >= 1 && x <= 5).toBe(true);
  });

  it('preset runs at tiny size', async () => {
    const r = await runScenario('platform-rating', { agents: 300, steps: 20 });
    expect(r.rows.length).toBeGreaterThan(1);
  });
});
