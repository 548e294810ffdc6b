/**
 * `joint-punishment` options: agencies' own copies of the blacklists (sync lag, stale copies) and the
 * exit ban.
 *
 * World (seed 1): 2,000 agents, 150 weekly steps, every default observed (detect finance 1), finance
 * propensity 0.001/day; court-blacklist with listed people paying at 0.01/day and no sticky removal
 * (stickiness 0), so that people leave the list and post-delisting sanctions can show.
 * 1. Copies. Summed over steps, people sanctioned while on no blacklist (jp_sanctioned_delisted), by
 *    sync lag with no stale copies: measured 0 (syncDays 0, the control: copies are the lists),
 *    1,861 (30 days), 5,448 (90 days); with a stale share of 0.2 at lag 0: 25,382. The copies with
 *    lag 0 reproduce the run without copies exactly (same jp_sanctioned). Asserted: 0 at lag 0,
 *    strictly rising with the lag, > 0 with stale copies at lag 0.
 * 2. Exit ban. Blocked departures cost opportunities (and income) of people who travel abroad for
 *    work. Measured: 7,230 person-steps under the ban, 38 blocked departures, 134 opportunities lost
 *    in the world (96 without the ban: the court's blocked tickets). Control (the ban kept,
 *    nobody travels abroad: abroadShare 0): as many exit bans, 0 blocked, lost opportunities equal to
 *    the run without the ban. Asserted: the treatment loses more than the run without the ban; the
 *    control loses exactly as much.
 */
import { describe, expect, it } from 'vitest';
import { buildSimulation, prepareScenario, runScenario } from '../../../src/index.js';

async function run(jp: Record<string, unknown>) {
  const loaded = await prepareScenario(
    {
      name: 'jp-agencies-test',
      seed: 1,
      steps: 150,
      daysPerStep: 7,
      population: { agents: 2000, traits: { finance: 0.001 } },
      graph: { model: 'erdos-renyi', meanDegree: 4 },
      detect: { finance: 1 },
      regimes: { 'court-blacklist': { listedPayRate: 0.01, stickiness: 0 }, 'joint-punishment': jp },
      metrics: ['listed_share'],
      record: { every: 1 },
    },
    '(test)',
  );
  const sim = buildSimulation(loaded.scenario);
  const rows = sim.run(150);
  const sum = (k: string) => rows.reduce((a, r) => a + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
  let lost = 0;
  for (let i = 0; i < sim.world.n; i++) lost += sim.world.lostOpportunity[i]!;
  return { delisted: sum('jp_sanctioned_delisted'), sanctioned: sum('jp_sanctioned'), removed: sum('court_removed'), exitBans: sum('exit_bans'), blocked: sum('blocked_departures'), lost };
}

describe('joint-punishment: agencies’ copies', () => {
  it('sanctions after delisting rise with the sync lag and vanish at lag 0 (seeded, with control)', async () => {
    const lag0 = await run({ copies: true, staleShare: 0, syncDays: 0 });
    const lag30 = await run({ copies: true, staleShare: 0, syncDays: 30 });
    const lag90 = await run({ copies: true, staleShare: 0, syncDays: 90 });
    const stale = await run({ copies: true, staleShare: 0.2, syncDays: 0 });
    const live = await run({});
    console.log('copies', JSON.stringify({ lag0, lag30, lag90, stale, live }));
    expect(lag0.removed).toBeGreaterThan(100);
    expect(lag0.delisted).toBe(0);
    expect(lag0.sanctioned).toBe(live.sanctioned);
    expect(lag30.delisted).toBeGreaterThan(lag0.delisted);
    expect(lag90.delisted).toBeGreaterThan(lag30.delisted);
    expect(stale.delisted).toBeGreaterThan(0);
  }, 60_000);

  it('an exit ban costs opportunities only of those who travel abroad (seeded, with control)', async () => {
    const off = await run({});
    const ban = await run({ exitBan: true });
    const nobodyAbroad = await run({ exitBan: true, abroadShare: 0 });
    console.log('exit', JSON.stringify({ off, ban, nobodyAbroad }));
    expect(ban.exitBans).toBeGreaterThan(0);
    expect(ban.blocked).toBeGreaterThan(0);
    expect(ban.lost).toBeGreaterThan(off.lost);
    expect(nobodyAbroad.exitBans).toBe(ban.exitBans);
    expect(nobodyAbroad.blocked).toBe(0);
    expect(nobodyAbroad.lost).toBe(off.lost);
    expect(off.exitBans).toBe(0);
  }, 60_000);

  it('presets agency-copies and exit-ban run at tiny size', async () => {
    for (const [name, col] of [['agency-copies', 'jp_sanctioned_delisted'], ['exit-ban', 'exit_bans']] as const) {
      const r = await runScenario(name, { agents: 1000, steps: 52 });
      expect(r.scenario.description.length).toBeGreaterThan(100);
      expect(r.scenario.watch.length).toBeGreaterThan(100);
      expect(r.rows.at(-1)![col]).not.toBeUndefined();
    }
  }, 30_000);
});
