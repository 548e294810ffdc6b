/**
 * `rongcheng`: exact tests on a 4-agent world (records → decision delay → points and grades;
 * decision errors; drunk driving; expiry; sanctions), the invariant "a deduction never raises
 * points" on a seeded run, and a smoke run of the preset at tiny size.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, tmp } from '../helpers.js';
import {
  ACT_GOOD,
  ACT_VIOLATION,
  DOMAIN_INDEX as D,
  buildSimulation,
  defaults,
  prepareScenario,
  runScenario,
  World,
  type Hooks,
  type ParamValues,
} from '../../src/index.js';
import { POLICY } from '../../src/core/policy.js';
import { rongcheng } from '../../src/regimes/rongcheng.js';
import { countMoves, driveStep } from './drive.js';

type Rec = [agent: number, domain: number, kind: number, mistaken?: number];

/** One step by hand: records, then score → publish → sanction as the pipeline orders them. */
function step(world: World, hooks: Hooks, recs: Rec[] = []) {
  driveStep(world, hooks, (r) => {
    for (const [a, d, k, m] of recs) r.push(a, d, k, 1, m ?? 0);
  });
}

/** Deterministic act mix: each domain maps to a single act. */
function make(over: Partial<ParamValues<typeof rongcheng.params>> = {}, mix: Record<string, number> = {}) {
  const world = new World(4, 1);
  const p = { ...defaults(rongcheng.params), decisionDelayDays: 2, decisionErrorRate: 0, ...over };
  p.actMix = Object.fromEntries(Object.keys(p.actMix).map((k) => [k, 0])) as typeof p.actMix;
  Object.assign(p.actMix, { bankArrears: 1, trafficTicket: 1, fraud: 1, heroicAct: 1 }, mix);
  const hooks = rongcheng.create(world, p);
  hooks.init?.();
  const score = world.pop.column('score_rongcheng') as Float64Array;
  const grade = world.pop.column('grade_rongcheng') as Uint8Array;
  return { world, hooks, score, grade };
}

describe('rongcheng', () => {
  it('moves points only after the decision delay, by the table, and grades them', () => {
    const { world, hooks, score, grade } = make();
    expect([...score]).toEqual([1000, 1000, 1000, 1000]);
    expect([...grade]).toEqual([3, 3, 3, 3]); // A: 960–1029
    step(world, hooks, [
      [0, D.finance, ACT_VIOLATION],
      [1, D.law, ACT_VIOLATION],
      [1, D.law, ACT_VIOLATION],
      [2, D.civic, ACT_GOOD],
      [3, D.commerce, ACT_VIOLATION],
      [3, D.speech, ACT_VIOLATION], // not in the table
      [3, D.consumption, ACT_VIOLATION], // not in the table
    ]);
    expect([...score]).toEqual([1000, 1000, 1000, 1000]); // day 0: pending
    step(world, hooks); // day 1: pending
    expect([...score]).toEqual([1000, 1000, 1000, 1000]);
    step(world, hooks); // day 2: decided
    expect([...score]).toEqual([990, 990, 1030, 970]);
    expect([...grade]).toEqual([3, 3, 4, 3]); // 1030 is AA
    expect([...world.benefit]).toEqual([0, 0, 1, 0]);
    expect([...world.benefitEligible]).toEqual([1, 1, 1, 1]);
  });

  it('drunk driving drops to the top of grade C; C brings income cut and lost opportunities', () => {
    const { world, hooks, score, grade } = make({ decisionDelayDays: 0, opportunityDays: 3 }, { trafficTicket: 0, drunkDriving: 1 });
    step(world, hooks, [[0, D.law, ACT_VIOLATION]]);
    expect(score[0]).toBe(849);
    expect(grade[0]).toBe(1);
    expect(world.incomeMult[0]).toBeCloseTo(0.95, 6);
    expect(world.incomeMult[1]).toBe(1);
    step(world, hooks); // day 1
    step(world, hooks); // day 2: (2, 3] holds day 3 → one opportunity lost
    expect(world.lostOpportunity[0]).toBe(1);
    expect(world.lostOpportunity[1]).toBe(0);
    // a second drunk-driving record below the top of C changes nothing (never raises points)
    step(world, hooks, [[0, D.law, ACT_VIOLATION]]);
    expect(score[0]).toBe(849);
  });

  it('decisionErrorRate = 1 drops every true record and confirms every mistaken one', () => {
    const { world, hooks, score } = make({ decisionDelayDays: 0, decisionErrorRate: 1 });
    step(world, hooks, [
      [0, D.finance, ACT_VIOLATION, 0],
      [1, D.finance, ACT_VIOLATION, 1],
    ]);
    expect(score[0]).toBe(1000);
    expect(score[1]).toBe(990);
    const row = hooks.record!() as Record<string, number>;
    expect(row.rongcheng_wrong_dropped).toBe(1);
    expect(row.rongcheng_wrong_confirmed).toBe(1);
  });

  it('honours POLICY.expiryDays: a confirmed act lapses after that many days', () => {
    const { world, hooks, score } = make({ decisionDelayDays: 0 });
    world.policy.set(POLICY.expiryDays, 3);
    step(world, hooks, [[0, D.commerce, ACT_VIOLATION]]); // day 0: 970
    step(world, hooks); // day 1
    step(world, hooks); // day 2
    expect(score[0]).toBe(970);
    step(world, hooks); // day 3: entry of day 0 ≤ 3 − 3 lapses
    expect(score[0]).toBe(1000);
  });

  it('rejects bands that are not decreasing and deductions with the wrong sign', () => {
    const w = new World(2, 1);
    expect(() => rongcheng.create(w, { ...defaults(rongcheng.params), bands: [1050, 1060, 960, 850, 600] })).toThrow(/strictly decreasing/);
    const p = defaults(rongcheng.params);
    p.points.trafficTicket = 5;
    expect(() => rongcheng.create(new World(2, 1), p)).toThrow(/trafficTicket/);
  });

  it('invariant: with no rewards and no expiry, points never rise (seeded run, 500 agents)', async () => {
    const loaded = await prepareScenario(
      {
        seed: 3,
        steps: 120,
        population: { agents: 500, traits: { finance: 0.01, law: 0.02, commerce: 0.01 } },
        graph: { model: 'erdos-renyi', meanDegree: 4 },
        regimes: { rongcheng: { decisionDelayDays: 5, decisionErrorRate: 0.2, actMix: { heroicAct: 0, bloodDonation: 0 } } },
        metrics: ['mean_score'],
      },
      '(test)',
    );
    const sim = buildSimulation(loaded.scenario);
    sim.init();
    const score = sim.world.pop.column('score_rongcheng') as Float64Array;
    const { rose, fell } = countMoves(sim, score, 120);
    expect(rose).toBe(0);
    expect(fell).toBeGreaterThan(50);
  });

  it('preset runs at tiny size', async () => {
    const r = await runScenario('rongcheng', { agents: 300, steps: 20 });
    expect(r.rows.length).toBeGreaterThan(1);
    const last = r.rows.at(-1)!;
    expect(last.mean_score).toBeGreaterThan(900);
    expect(last.mean_score).toBeLessThanOrEqual(1000.0001 + 30 * 20);
  });
  it('CLI: runs and describes the preset by name (needs npm run build)', () => {
    const out = tmp();
    const r = cli(['run', 'rongcheng', '--agents', '300', '--steps', '20', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'steps.csv')).length).toBeGreaterThan(1);
    const d = cli(['describe', 'rongcheng']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toContain('rongcheng');
  });
});
