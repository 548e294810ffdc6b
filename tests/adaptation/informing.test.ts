/**
 * `informing`: people whose score is at risk report the violations they see around them — only when
 * the points regime rewards reports.
 *
 * Seeded runs (2,000 agents, Erdős–Rényi mean degree 6, 150 daily steps, half the agents know the
 * rules, seed 1), rongcheng deciding after 10 days:
 *  - treatment: rongcheng.informReward 10 with `informing` at its defaults. Measured: 232 true
 *    reports, 267 false ones, 226 rewarded reports, 28 mistaken records confirmed by the official
 *    (all from false reports: there is no other source of mistaken records here), ≈ 47 % of agents
 *    motivated (the knowing half, nearly all below grade AA);
 *  - control (no reward, the adaptation on): no one informs — 0 reports, and the run is identical to
 *    the same world without the adaptation (mean score equal to the last digit);
 *  - control (reward, witness 0, falseRate 0): the reward stays, the sight of the acts is removed —
 *    0 reports;
 *  - suining with informReward 5: reports are rewarded there too, and with no decision step every
 *    report is, false ones included (measured: 173 true, 208 false, 381 rewarded).
 * Asserted: the orderings and the zero controls; the treatment's mistaken confirmations > 0 while
 * the control has none.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

async function run(regimes: Record<string, unknown>, adaptations: Record<string, unknown>) {
  const { rows } = await runScenario({
    name: 'informing-test',
    seed: 1,
    steps: 150,
    population: { agents: 2000, knowledgeShare: 0.5 },
    graph: { model: 'erdos-renyi', meanDegree: 6 },
    regimes,
    adaptations,
    metrics: ['mean_score'],
    record: { every: 5 },
  });
  const sum = (k: string) => rows.reduce((a, r) => a + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
  return {
    reports: sum('informing_reports'),
    lies: sum('informing_false_reports'),
    rewarded: sum('rongcheng_reports_rewarded') + sum('suining_reports_rewarded'),
    wrongConfirmed: sum('rongcheng_wrong_confirmed'),
    motivated: rows.at(-1)!.informing_motivated_share as number | null | undefined,
    mean: rows.at(-1)!.mean_score as number,
  };
}

describe('informing', () => {
  it('reports come with a reward and vanish without it (seeded, with controls)', async () => {
    const rc = (informReward: number) => ({ rongcheng: { decisionDelayDays: 10, informReward } });
    const treated = await run(rc(10), { informing: {} });
    const noReward = await run(rc(0), { informing: {} });
    const without = await run(rc(0), {});
    const blind = await run(rc(10), { informing: { witness: 0, falseRate: 0 } });
    const suining = await run({ suining: { informReward: 5 } }, { informing: {} });
    console.log('informing', JSON.stringify({ treated, noReward, without, blind, suining }));
    expect(treated.reports).toBeGreaterThan(50);
    expect(treated.lies).toBeGreaterThan(50);
    expect(treated.rewarded).toBeGreaterThan(0);
    expect(treated.rewarded).toBeLessThanOrEqual(treated.reports + treated.lies);
    expect(treated.wrongConfirmed).toBeGreaterThan(0);
    expect(treated.motivated!).toBeGreaterThan(0.3);
    expect(treated.motivated!).toBeLessThanOrEqual(0.5 + 0.05); // only those who know the rules
    expect(noReward.reports + noReward.lies + noReward.rewarded).toBe(0);
    expect(noReward.wrongConfirmed).toBe(0);
    expect(noReward.mean).toBe(without.mean);
    expect(blind.reports + blind.lies).toBe(0);
    expect(suining.reports).toBeGreaterThan(0);
    expect(suining.rewarded).toBeGreaterThan(0);
  }, 60_000);

  it('preset informing runs at tiny size and reports', async () => {
    const r = await runScenario('informing', { agents: 1000, steps: 60 });
    expect(r.scenario.description.length).toBeGreaterThan(100);
    expect(r.scenario.watch.length).toBeGreaterThan(100);
    expect(r.rows.reduce((a, x) => a + ((x.informing_reports as number) ?? 0), 0)).toBeGreaterThan(0);
  }, 30_000);
});
