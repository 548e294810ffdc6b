/**
 * `national-composite`: exact areas, composite and spillover on a 4-agent world (one bad area
 * restricts everywhere; blacklisting sinks the judicial area), expiry, invariants, the points
 * service (a restored deduction lifts the area and the restriction at once), and a smoke run.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, tmp } from '../../helpers.js';
import { ACT_GOOD, ACT_VIOLATION, DOMAIN_INDEX as D, defaults, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import { POLICY } from '../../../src/core/policy.js';
import { pointsServiceKey, type PointsService } from '../../../src/core/points.js';
import { nationalComposite } from '../../../src/regimes/national/national-composite.js';
import { driveStep } from '../drive.js';

type Rec = [agent: number, domain: number, kind: number];

function step(world: World, hooks: Hooks, recs: Rec[] = []) {
  driveStep(world, hooks, (r) => {
    for (const [a, d, k] of recs) r.push(a, d, k, 1);
  });
}

function make(over: Partial<ParamValues<typeof nationalComposite.params>> = {}) {
  const world = new World(4, 1);
  const hooks = nationalComposite.create(world, { ...defaults(nationalComposite.params), judicialShare: 1, govShare: 0, opportunityDays: 1, ...over });
  hooks.init?.();
  const score = world.pop.column('score_composite') as Float64Array;
  const restricted = world.pop.column('restricted_composite') as Uint8Array;
  return { world, hooks, score, restricted };
}

describe('national-composite', () => {
  it('points service: restoring a judicial deduction lifts the area, the composite and the restriction', () => {
    const { world, hooks, score, restricted } = make();
    const svc = world.services.get(pointsServiceKey('national-composite')) as PointsService;
    step(world, hooks, [[0, D.finance, ACT_VIOLATION]]);
    expect(score[0]).toBe(70);
    expect(restricted[0]).toBe(1);
    const [e] = svc.recent();
    expect([e!.agent, e!.points]).toEqual([0, -10]); // −40 judicial × weight 1/4
    expect(svc.restore(e!.id)).toBe(-10);
    expect(score[0]).toBe(80);
    expect(restricted[0]).toBe(0);
    expect(svc.informReward).toBe(0);
  });

  it('one bad area restricts everywhere; a blacklisting sinks the judicial area', () => {
    const { world, hooks, score, restricted } = make();
    expect([...score]).toEqual([80, 80, 80, 80]);
    world.lists.get('court', 'black').add(3, 0, Infinity, -1, true);
    step(world, hooks, [
      [0, D.finance, ACT_VIOLATION], // judicial 80 − 40 = 40 < 60
      [1, D.commerce, ACT_VIOLATION], // commercial 80 − 20 = 60, not below the floor
      [2, D.civic, ACT_GOOD], // societal 80 + 20 = 100
      [2, D.speech, ACT_VIOLATION], // not scored
    ]);
    expect([...score]).toEqual([70, 75, 85, 60]);
    expect([...restricted]).toEqual([1, 0, 0, 1]);
    expect([...world.benefit]).toEqual([0, 0, 1, 0]);
    expect(world.incomeMult[0]).toBeCloseTo(0.9, 6);
    expect(world.incomeMult[3]).toBeCloseTo(0.9, 6);
    expect(world.incomeMult[1]).toBe(1);
    expect(world.lostOpportunity[0]).toBe(1);
    const row = hooks.record!() as Record<string, number>;
    expect(row.composite_restricted_share).toBe(0.5);
    expect(row.composite_spillover_share).toBe(0.5); // both restricted by a single area
  });

  it('routes law records to government affairs or societal by govShare', () => {
    const gov = make({ govShare: 1 });
    step(gov.world, gov.hooks, [[0, D.law, ACT_VIOLATION]]);
    const soc = make({ govShare: 0 });
    step(soc.world, soc.hooks, [[0, D.law, ACT_VIOLATION]]);
    expect(gov.score[0]).toBe(75); // government affairs −20
    expect(soc.score[0]).toBe(77.5); // societal −10
  });

  it('records lapse after POLICY.expiryDays; areas stay within 0–100', () => {
    const { world, hooks, score, restricted } = make();
    world.policy.set(POLICY.expiryDays, 2);
    step(world, hooks, [
      [0, D.finance, ACT_VIOLATION],
      [0, D.finance, ACT_VIOLATION],
      [0, D.finance, ACT_VIOLATION],
      [1, D.civic, ACT_GOOD],
      [1, D.civic, ACT_GOOD],
    ]);
    expect(score[0]).toBe(60); // judicial clamped at 0, not −40
    expect(score[1]).toBe(85); // societal clamped at 100
    step(world, hooks);
    expect(restricted[0]).toBe(1);
    step(world, hooks); // day 2: the day-0 records lapse
    expect([...score]).toEqual([80, 80, 80, 80]);
    expect(restricted[0]).toBe(0);
  });

  it('a deduction never raises the composite (seeded run, no good deeds)', async () => {
    const r = await runScenario({
      seed: 4,
      steps: 60,
      population: { agents: 400, traits: { finance: 0.002, law: 0.003, commerce: 0.001 } },
      graph: { model: 'erdos-renyi', meanDegree: 4 },
      regimes: { 'national-composite': { goodDeedPoints: 0 } },
      metrics: ['mean_score'],
    });
    const m = r.rows.map((x) => x.mean_score as number);
    for (let k = 1; k < m.length; k++) expect(m[k]).toBeLessThanOrEqual(m[k - 1]!);
    expect(m.at(-1)).toBeLessThan(80);
    // deductions push people below an area's floor: restrictions come out of the records (measured 0.03 at the end)
    const restricted = r.rows.map((x) => x.composite_restricted_share as number);
    expect(restricted[0]).toBe(0);
    expect(restricted.at(-1)!).toBeGreaterThan(0.01);
  });

  it('preset runs at tiny size', async () => {
    const r = await runScenario('national-composite', { agents: 300, steps: 20 });
    const last = r.rows.at(-1)!;
    expect(last.mean_score as number).toBeLessThan(r.rows[0]!.mean_score as number); // deductions happened (measured 80 → 79.975)
    expect(typeof last.composite_restricted_share).toBe('number');
  });
  it('CLI: runs and describes the preset by name (needs npm run build)', () => {
    const out = tmp();
    const r = cli(['run', 'national-composite', '--agents', '300', '--steps', '20', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'steps.csv')).length).toBeGreaterThan(1);
    const d = cli(['describe', 'national-composite']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toContain('national-composite');
  });
});
