/**
 * Issue 4, emergence test 6: `human-review` lowers wrongful listings by about its catch rate.
 *
 * Setting: 10,000 agents, seed 1, 364 daily steps; misidentification (0.0001 false matches per
 * majority member per day, 10× for the minority) feeding `risk-list` with a 90-day window and term.
 * Same seed with review at catchRate 0.8 and 0.5 and without. Expectation: wrongful listings fall
 * to (1 − catchRate) of the control, slightly more because an innocent person whose listing was
 * blocked can be falsely matched again and re-proposed (in the control that person was already
 * listed). Tolerances: |ratio − (1 − catchRate)| < 0.06 for both the count of wrongful listings and
 * the mean wrongful_listed_share (≈ 190 wrongful listings at 0.8: sd of the ratio ≈ 0.017); true
 * listings change by less than 5%.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function run(safeguards: Record<string, unknown>) {
  const { rows, world } = await runScenario({
    name: 'human-review-test',
    seed: 1,
    steps: 364,
    population: { agents: 10_000 },
    graph: { model: 'erdos-renyi', meanDegree: 4 },
    observation: { misidentification: { baseRate: 0.0001, falseMatchRatio: 10 } },
    regimes: { 'risk-list': { windowDays: 90, termDays: 90 } },
    safeguards,
    metrics: ['wrongful_listed_share', 'listed_share'],
    record: { every: 7 },
  });
  const l = world.lists.get('risk-list');
  return { wrongful: l.total.wrongful, trueListings: l.total.listings - l.total.wrongful, share: mean(rows.slice(1).map((r) => r.wrongful_listed_share as number)) };
}

describe('human review (issue 4, test 6)', () => {
  it('cuts wrongful listings by about the catch rate and leaves true ones', async () => {
    const none = await run({});
    for (const catchRate of [0.8, 0.5]) {
      const r = await run({ 'human-review': { catchRate } });
      // measured (seed 1): 0.8 → 0.221 (count), 0.223 (share); 0.5 → 0.511; true listings ×1.012
      expect(Math.abs(r.wrongful / none.wrongful - (1 - catchRate))).toBeLessThan(0.06);
      expect(Math.abs(r.share / none.share - (1 - catchRate))).toBeLessThan(0.06);
      expect(Math.abs(r.trueListings / none.trueListings - 1)).toBeLessThan(0.05);
    }
  });
});
