/**
 * `suining`: exact ranking on a 5-agent world (points, bottom and top classes, ties, rank alone
 * brings nothing), expiry, the invariant "a deduction never raises points", the points service
 * (restore, rewards for reports), and a smoke run.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, tmp } from '../../helpers.js';
import { ACT_EXPRESSION, ACT_GOOD, ACT_VIOLATION, DOMAIN_INDEX as D, buildSimulation, defaults, prepareScenario, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import { POLICY } from '../../../src/core/policy.js';
import { pointsServiceKey, type PointsService } from '../../../src/core/points.js';
import { suining } from '../../../src/regimes/municipal/suining.js';
import { countMoves, driveStep } from '../drive.js';

type Rec = [agent: number, domain: number, kind: number];

function step(world: World, hooks: Hooks, recs: Rec[] = []) {
  driveStep(world, hooks, (r) => {
    for (const [a, d, k] of recs) r.push(a, d, k, 1);
  });
}

function make(n: number, over: Partial<ParamValues<typeof suining.params>> = {}) {
  const world = new World(n, 1);
  const hooks = suining.create(world, { ...defaults(suining.params), bottomShare: 0.2, topShare: 0.2, opportunityDays: 1, ...over });
  hooks.init?.();
  return { world, hooks, score: world.pop.column('score_suining') as Float64Array, cls: world.pop.column('class_suining') as Uint8Array };
}

describe('suining', () => {
  it('adds and deducts points per record and ranks residents into bottom, middle and top', () => {
    const { world, hooks, score, cls } = make(5);
    step(world, hooks, [
      [0, D.finance, ACT_VIOLATION],
      [1, D.law, ACT_VIOLATION],
      [2, D.civic, ACT_GOOD],
      [3, D.civic, ACT_GOOD],
      [3, D.civic, ACT_GOOD],
      [4, D.speech, ACT_EXPRESSION], // speech 0 by default
    ]);
    expect([...score]).toEqual([980, 990, 1005, 1010, 1000]);
    expect([...cls]).toEqual([0, 1, 1, 2, 1]);
    expect(world.incomeMult[0]).toBeCloseTo(0.9, 6);
    expect(world.lostOpportunity[0]).toBe(1);
    expect([...world.benefit]).toEqual([0, 0, 0, 1, 0]);
    expect([...world.benefitEligible]).toEqual([1, 1, 1, 1, 1]);
  });

  it('points service: restore gives a deduction back; a report is rewarded at once when informReward > 0', () => {
    const { world, hooks, score } = make(5, { informReward: 3 });
    const svc = world.services.get(pointsServiceKey('suining')) as PointsService;
    driveStep(world, hooks, (r) => {
      r.push(0, D.finance, ACT_VIOLATION, 1);
      svc.report(r.push(1, D.law, ACT_VIOLATION, 1), 4);
    });
    expect([...score]).toEqual([980, 990, 1000, 1000, 1003]);
    const e = svc.recent().find((x) => x.agent === 0)!;
    expect(e.points).toBe(-20);
    expect(svc.restore(e.id)).toBe(-20);
    expect(score[0]).toBe(1000);
    expect(svc.benefitAt()).toBeGreaterThan(1000);
    const none = make(5);
    const s0 = none.world.services.get(pointsServiceKey('suining')) as PointsService;
    driveStep(none.world, none.hooks, (r) => s0.report(r.push(1, D.law, ACT_VIOLATION, 1), 4));
    expect(none.score[4]).toBe(1000);
  });

  it('treats equal points alike and never ranks an untouched record into a class', () => {
    const { world, hooks, cls } = make(5);
    step(world, hooks);
    expect([...cls]).toEqual([1, 1, 1, 1, 1]); // all at the start: nobody restricted or rewarded
    step(world, hooks, [
      [0, D.law, ACT_VIOLATION],
      [1, D.law, ACT_VIOLATION],
    ]);
    expect([...cls]).toEqual([0, 0, 1, 1, 1]); // tied at the cut: both in, though bottomShare·n = 1
  });

  it('honours POLICY.expiryDays and can punish speech when asked', () => {
    const { world, hooks, score } = make(3, { points: { ...defaults(suining.params).points, speech: -7 } });
    world.policy.set(POLICY.expiryDays, 2);
    step(world, hooks, [[0, D.speech, ACT_EXPRESSION]]);
    expect(score[0]).toBe(993);
    step(world, hooks);
    step(world, hooks);
    expect(score[0]).toBe(1000);
  });

  it('rejects a positive deduction', () => {
    const p = defaults(suining.params);
    p.points.law = 3;
    expect(() => suining.create(new World(2, 1), p)).toThrow(/points.law/);
  });

  it('invariant: with no rewards and no expiry, points never rise (seeded run)', async () => {
    const loaded = await prepareScenario(
      { seed: 5, steps: 100, population: { agents: 400, traits: { finance: 0.002, law: 0.003, commerce: 0.001 } }, graph: { model: 'erdos-renyi', meanDegree: 4 }, regimes: { suining: { points: { civic: 0 } } }, metrics: ['mean_score'] },
      '(test)',
    );
    const sim = buildSimulation(loaded.scenario);
    sim.init();
    const score = sim.world.pop.column('score_suining') as Float64Array;
    const { rose, fell } = countMoves(sim, score, 100);
    expect(rose).toBe(0);
    expect(fell).toBeGreaterThan(20);
  });

  it('preset runs at tiny size', async () => {
    const r = await runScenario('suining', { agents: 300, steps: 20 });
    const last = r.rows.at(-1)!;
    expect(last.mean_score).toBeLessThanOrEqual(1000 + 5 * 20);
    expect(last.suining_bottom_share as number).toBeGreaterThan(0); // someone was ranked into the bottom class (measured 0.017)
  });
  it('CLI: runs and describes the preset by name (needs npm run build)', () => {
    const out = tmp();
    const r = cli(['run', 'suining', '--agents', '300', '--steps', '20', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'steps.csv')).length).toBeGreaterThan(1);
    const d = cli(['describe', 'suining']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toContain('suining');
  });
});
