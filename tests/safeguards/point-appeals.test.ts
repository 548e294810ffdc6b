/**
 * `point-appeals`: a person contests a confirmed point deduction; the adjudicator decides on the evidence.
 *
 * 1. Exact, on a tiny world driven by hand (rongcheng deciding at once with a rubber stamp that
 *    confirms everything; exculpatory evidence of quality 50, so a wrongly recorded person always has
 *    something to show and the adjudicator always sees it): a 30-point fraud deduction on a mistaken
 *    record is appealed (stake 30/1200·600 = 15 ≥ 10 days' cost), decided after delayDays and given
 *    back; a 5-point traffic ticket is not worth the cost (stake 2.5); a person who does not know the
 *    rules does not appeal; the cost is paid from wealth.
 * 2. Seeded (2,000 agents, 150 daily steps, seed 1; misidentification adds mistaken records;
 *    rongcheng decides after 10 days): the deduction points still in force on mistaken records at the
 *    end (rongcheng_wrong_live_points) with the safeguard vs the same world without it. Measured:
 *    control 5,317, with appeals 3,772 (239 filed, 28 won, 17 of them against mistaken records).
 *    Control 2 keeps the safeguard and removes the cause (nobody knows the rules): nothing is filed
 *    and the run is identical to the same world without the safeguard. Asserted: fewer wrong live points with appeals (by
 *    > 10 %), at least half the won appeals against mistaken records (wins go where the evidence is
 *    weak), and the knowledge control exactly equal to the control.
 * 3. Sesame (its points service: each counted record is an entry worth what it took off the
 *    member's score). Seeded (2,000 agents, all members, 150 daily steps, seed 1; misidentification
 *    adds mistaken commerce records at 0.001/day): points still taken off members' scores by
 *    mistaken records at the end (sesame_wrong_live_points). Measured: control 8,405; with appeals
 *    4,788 (412 filed, 136 won, 115 of them against mistaken records; members' mean 496.6 → 498.6).
 *    Control 2 (nobody knows the rules): nothing filed, the run identical to the one without the
 *    safeguard. Asserted as in 2, and the members' mean higher with appeals.
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, DOMAIN_INDEX as D, defaults, runScenario, World, type Hooks } from '../../src/index.js';
import { rongcheng } from '../../src/regimes/municipal/rongcheng.js';
import { pointAppeals } from '../../src/safeguards/point-appeals.js';
import { driveStep } from '../regimes/drive.js';

function tiny() {
  const world = new World(3, 1);
  world.evidenceQuality.fill(1.5);
  world.records.defenseQuality = 50;
  const p = { ...defaults(rongcheng.params), decisionDelayDays: 0, decisionQuality: 0, decisionCriterion: -100 };
  p.actMix = Object.fromEntries(Object.keys(p.actMix).map((k) => [k, 0])) as typeof p.actMix;
  Object.assign(p.actMix, { fraud: 1, trafficTicket: 1 });
  const hr = rongcheng.create(world, p);
  const hs = pointAppeals.create(world, { ...defaults(pointAppeals.params), delayDays: 3 });
  const hooks: Hooks = {
    score: () => hr.score!(),
    publish: () => hs.publish!(),
    sanction: () => hr.sanction!(),
  };
  hr.init!();
  world.pop.knowledge.set([1, 1, 0]);
  world.pop.wealth.fill(1000);
  world.pop.income.fill(1);
  const score = world.pop.column('score_rongcheng') as Float64Array;
  return { world, hooks, score, hs };
}

describe('point-appeals', () => {
  it('gives back a wrongly deducted fraud penalty; small stakes and ignorance are not appealed', () => {
    const { world, hooks, score } = tiny();
    driveStep(world, hooks, (r) => {
      r.push(0, D.commerce, ACT_VIOLATION, 1, 0, true); // mistaken fraud: −30
      r.push(1, D.law, ACT_VIOLATION, 1, 0, true); // mistaken traffic ticket: −5
      r.push(2, D.commerce, ACT_VIOLATION, 1, 0, true); // mistaken fraud, but agent 2 does not know the rules
    });
    expect([...score]).toEqual([970, 995, 970]);
    expect(world.pop.wealth[0]).toBe(990); // paid 10 days of income to appeal
    expect(world.pop.wealth[1]).toBe(1000);
    expect(world.pop.wealth[2]).toBe(1000);
    driveStep(world, hooks); // day 1
    driveStep(world, hooks); // day 2
    expect(score[0]).toBe(970);
    driveStep(world, hooks); // day 3: decided
    expect([...score]).toEqual([1000, 995, 970]);
  });

  async function run(safeguards: Record<string, unknown>, knowledgeShare = 1) {
    const { rows } = await runScenario({
      name: 'point-appeals-test',
      seed: 1,
      steps: 150,
      population: { agents: 2000, knowledgeShare, traits: { commerce: 0.003, finance: 0.002 } },
      graph: { model: 'erdos-renyi', meanDegree: 4 },
      observation: { misidentification: { baseRate: 0.002, falseMatchRatio: 1 } },
      regimes: { rongcheng: { decisionDelayDays: 10, actMix: { trafficTicket: 0 } } },
      safeguards,
      metrics: ['mean_score'],
      record: { every: 5 },
    });
    const sum = (k: string) => rows.reduce((a, r) => a + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
    return { restored: sum("point_appeals_restored"), wc: sum("rongcheng_wrong_confirmed"), wrongLive: rows.at(-1)!.rongcheng_wrong_live_points as number, mean: rows.at(-1)!.mean_score as number, filed: sum('point_appeals_filed'), won: sum('point_appeals_won'), wonWrong: sum('point_appeals_won_wrongful') };
  }

  it('appeals restore wrongly deducted points; without knowledge of the rules nobody appeals (seeded, with control)', async () => {
    const control = await run({});
    const appeals = await run({ 'point-appeals': {} });
    const ignorant = await run({ 'point-appeals': {} }, 0);
    const ignorantControl = await run({}, 0);
    console.log('point-appeals', JSON.stringify({ control, appeals, ignorant, ignorantControl }));
    expect(control.filed).toBe(0);
    expect(appeals.filed).toBeGreaterThan(50);
    expect(appeals.wrongLive).toBeLessThan(0.9 * control.wrongLive);
    expect(appeals.wonWrong).toBeGreaterThanOrEqual(appeals.won / 2);
    expect(ignorant.filed).toBe(0);
    expect(ignorant.wrongLive).toBe(ignorantControl.wrongLive);
    expect(ignorant.mean).toBe(ignorantControl.mean);
  }, 60_000);

  async function runSesame(safeguards: Record<string, unknown>, knowledgeShare = 1) {
    const { rows } = await runScenario({
      name: 'point-appeals-sesame-test',
      seed: 1,
      steps: 150,
      population: { agents: 2000, knowledgeShare, traits: { commerce: 0.003, finance: 0.002 } },
      graph: { model: 'erdos-renyi', meanDegree: 4 },
      observation: { misidentification: { baseRate: 0.001, falseMatchRatio: 1, domain: 'commerce' } },
      regimes: { sesame: { joinShare: 1 } },
      safeguards,
      metrics: ['mean_score'],
      record: { every: 5 },
    });
    const sum = (k: string) => rows.reduce((a, r) => a + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
    return { restored: sum('point_appeals_restored'), wrongLive: rows.at(-1)!.sesame_wrong_live_points as number, mean: rows.at(-1)!.mean_score as number, filed: sum('point_appeals_filed'), won: sum('point_appeals_won'), wonWrong: sum('point_appeals_won_wrongful') };
  }

  it('Sesame: appeals give back what mistaken records took off members’ scores; without knowledge nobody appeals (seeded, with control)', async () => {
    const control = await runSesame({});
    const appeals = await runSesame({ 'point-appeals': {} });
    const ignorant = await runSesame({ 'point-appeals': {} }, 0);
    const ignorantControl = await runSesame({}, 0);
    console.log('point-appeals sesame', JSON.stringify({ control, appeals, ignorant, ignorantControl }));
    expect(control.filed).toBe(0);
    expect(appeals.filed).toBeGreaterThan(50);
    expect(appeals.restored).toBeGreaterThan(0);
    expect(appeals.wrongLive).toBeLessThan(0.9 * control.wrongLive);
    expect(appeals.wonWrong).toBeGreaterThanOrEqual(appeals.won / 2);
    expect(appeals.mean).toBeGreaterThan(control.mean);
    expect(ignorant.filed).toBe(0);
    expect(ignorant.wrongLive).toBe(ignorantControl.wrongLive);
    expect(ignorant.mean).toBe(ignorantControl.mean);
  }, 60_000);

  it('preset point-appeals runs at tiny size and files appeals', async () => {
    const r = await runScenario('point-appeals', { agents: 1000, steps: 120 });
    expect(r.scenario.description.length).toBeGreaterThan(100);
    expect(r.scenario.watch.length).toBeGreaterThan(100);
    const filed = r.rows.reduce((a, x) => a + ((x.point_appeals_filed as number) ?? 0), 0);
    expect(filed).toBeGreaterThan(0);
  }, 30_000);
});
