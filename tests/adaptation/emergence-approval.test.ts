/**
 * Emergence test 4 (issue 5): under `sesame` with `redlist`, mean approval ends higher in the top
 * wealth quintile than in the bottom one (the direction Kostka 2019 found), and the gap shrinks
 * when the benefits are removed. The `approval` adaptation never reads wealth or group: the gap
 * can only come from who receives benefits.
 *
 * 10,000 agents, SBM (mean degree 10), 120 daily steps, seed 5; `opt-in` decides who joins Sesame
 * (expected benefit = days of income per threshold passed, minus the cost of the data disclosed).
 * Sesame thresholds are set to 750/800/850: with the regime's default weights members score 821 on
 * average and 99.97% of them pass the calibrated first threshold 550 (which gives the benefit), 98%
 * pass 650, so every member would get the same benefit and nothing could differ by wealth
 * (reported to the sesame engineer); 15% of members score below 750.
 * Benefits removed: thresholds 948/949/950 (no score reaches them: the ability component is < 1)
 * and redlist slots 0.
 * Measured (seeds 5, 9, 13): gap q5 − q1 = 0.031, 0.026, 0.026 with benefits; −0.002, −0.005, 0.000
 * without (the gap at step 0, from the independent initial attitudes, is −0.002, −0.006, 0.002).
 * Tolerances: with benefits q5 − q1 > 0.015; the gap without benefits at least 0.015 smaller.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

async function gap(benefits: boolean) {
  const r = await runScenario({
    seed: 5,
    steps: 120,
    population: { agents: 10000 },
    graph: { model: 'sbm', meanDegree: 10, homophily: 0.5 },
    regimes: benefits
      ? { sesame: { thresholds: [750, 800, 850] }, redlist: {} }
      : { sesame: { thresholds: [948, 949, 950] }, redlist: { slots: 0 } },
    adaptations: { 'opt-in': {}, approval: {} },
    metrics: ['approval_mean'],
    record: { every: 120 },
  });
  const last = r.rows[r.rows.length - 1]!;
  return { q1: last.approval_q1 as number, q5: last.approval_q5 as number, gap: (last.approval_q5 as number) - (last.approval_q1 as number) };
}

describe('emergence: approval by wealth', () => {
  it('the richest quintile approves more than the poorest, and less so without benefits', async () => {
    const withBenefits = await gap(true);
    const without = await gap(false);
    expect(withBenefits.q5).toBeGreaterThan(withBenefits.q1);
    expect(withBenefits.gap).toBeGreaterThan(0.015);
    expect(withBenefits.gap - without.gap).toBeGreaterThan(0.015);
  });
});
