/**
 * `rongcheng`: exact tests on a 4-agent world (records → decision delay → points and grades;
 * decision errors; drunk driving; expiry; sanctions), the invariant "a deduction never raises
 * points" on a seeded run, and a smoke run of the preset at tiny size.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, tmp } from '../../helpers.js';
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
} from '../../../src/index.js';
import { POLICY } from '../../../src/core/policy.js';
import { pointsServiceKey, type PointsService } from '../../../src/core/points.js';
import { rongcheng } from '../../../src/regimes/municipal/rongcheng.js';
import { countMoves, driveStep, recordRow } from '../drive.js';

type Rec = [agent: number, domain: number, kind: number, mistaken?: number];

/** One step by hand: records, then score → publish → sanction as the pipeline orders them. */
function step(world: World, hooks: Hooks, recs: Rec[] = []) {
  driveStep(world, hooks, (r) => {
    for (const [a, d, k, m] of recs) r.push(a, d, k, 1, 0, (m ?? 0) === 1);
  });
}

/**
 * Deterministic act mix: each domain maps to a single act; evidence so strong (d′ 50 for the record
 * and the official's check) that every true record is confirmed — the exact tests are of the points.
 */
function make(over: Partial<ParamValues<typeof rongcheng.params>> = {}, mix: Record<string, number> = {}, n = 4) {
  const world = new World(n, 1);
  world.evidenceQuality.fill(50);
  const p = { ...defaults(rongcheng.params), decisionDelayDays: 2, decisionQuality: 50, decisionCriterion: 20, ...over };
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

  /**
   * The official decides on evidence, so its errors come out of signal detection: 1,000 true and
   * 1,000 mistaken finance records, decided at once, with world evidence quality d′ 1.5 and the
   * default criterion 1.25. With an own check of quality 2 the combined signal (e + e₂)/√2 has mean
   * 2.47 for a true record and 0 for a mistaken one: expected 1 − Φ(1.25) = 10.6 % mistaken
   * confirmed and Φ(1.25 − 2.47) = 11.1 % true dropped. A rubber stamp (quality 0) decides on the
   * file alone: 10.6 % and Φ(−0.25) = 40.1 %. Control without information (record and check of
   * quality 0): true and mistaken confirmed alike (10.6 % each). Tolerance ±0.04 (binomial sd ≈ 0.015).
   */
  it('errors both ways come out of the evidence: a careful check drops fewer true records; no information, no discrimination', () => {
    const rates = (decisionQuality: number, evidence: number) => {
      const { world, hooks, score } = make({ decisionDelayDays: 0, decisionQuality, decisionCriterion: 1.25 }, {}, 2000);
      world.evidenceQuality.fill(evidence);
      const recs: Rec[] = [];
      for (let i = 0; i < 2000; i++) recs.push([i, D.finance, ACT_VIOLATION, i < 1000 ? 0 : 1]);
      step(world, hooks, recs);
      let trueKept = 0, wrongKept = 0;
      for (let i = 0; i < 2000; i++) if (score[i]! < 1000) i < 1000 ? trueKept++ : wrongKept++;
      const row = recordRow(world, hooks) as Record<string, number>;
      expect(row.rongcheng_wrong_dropped).toBe(1000 - trueKept);
      expect(row.rongcheng_wrong_confirmed).toBe(wrongKept);
      return { trueDropped: 1 - trueKept / 1000, wrongConfirmed: wrongKept / 1000 };
    };
    const careful = rates(2, 1.5);
    const stamp = rates(0, 1.5);
    const blind = rates(0, 0);
    expect(Math.abs(careful.wrongConfirmed - 0.106)).toBeLessThan(0.04);
    expect(Math.abs(careful.trueDropped - 0.111)).toBeLessThan(0.04);
    expect(Math.abs(stamp.wrongConfirmed - 0.106)).toBeLessThan(0.04);
    expect(Math.abs(stamp.trueDropped - 0.401)).toBeLessThan(0.04);
    expect(Math.abs(1 - blind.trueDropped - blind.wrongConfirmed)).toBeLessThan(0.04);
  });

  it('points service: confirmed entries are listed, restore gives the points back once and the entry no longer lapses', () => {
    const { world, hooks, score, grade } = make({ decisionDelayDays: 0 });
    world.policy.set(POLICY.expiryDays, 3);
    const svc = world.services.get(pointsServiceKey('rongcheng')) as PointsService;
    step(world, hooks, [[0, D.commerce, ACT_VIOLATION], [1, D.law, ACT_VIOLATION]]);
    const rec = svc.recent();
    expect(rec.map((e) => [e.agent, e.points, e.day])).toEqual([[0, -30, 0], [1, -5, 0]]);
    expect(rec.every((e) => e.caseId >= 0)).toBe(true);
    expect(score[0]).toBe(970);
    expect(svc.restore(rec[0]!.id)).toBe(-30);
    expect(score[0]).toBe(1000);
    expect(grade[0]).toBe(3);
    expect(svc.restore(rec[0]!.id)).toBe(0); // nothing left to restore
    expect(svc.live(rec[0]!.id)).toBe(false);
    step(world, hooks); // day 1: a new round, nothing confirmed
    expect(svc.recent()).toEqual([]);
    step(world, hooks);
    step(world, hooks); // day 3: the entries of day 0 lapse; the restored one changes nothing
    expect([score[0], score[1]]).toEqual([1000, 1000]);
  });

  it('rewards an informant only when the official confirms the reported record, and only with informReward > 0', () => {
    for (const [reward, criterion, want] of [[10, 20, 1010], [0, 20, 1000], [10, 1e9, 1000]] as const) {
      const { world, hooks, score } = make({ decisionDelayDays: 0, informReward: reward, decisionCriterion: criterion });
      const svc = world.services.get(pointsServiceKey('rongcheng')) as PointsService;
      expect(svc.informReward).toBe(reward);
      driveStep(world, hooks, (r) => svc.report(r.push(0, D.commerce, ACT_VIOLATION, 1), 2));
      expect(score[2]).toBe(want);
      expect(score[0]).toBe(criterion > 100 ? 1000 : 970);
    }
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
        regimes: { rongcheng: { decisionDelayDays: 5, decisionQuality: 0.5, actMix: { heroicAct: 0, bloodDonation: 0 } } },
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
