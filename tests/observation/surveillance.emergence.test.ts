/**
 * Issue 4, emergence test 1: with equal true behaviour in both groups, `listed_rate_ratio` tracks
 * the surveillance `ratio` — about 1 at ratio 1, clearly above 1 at ratio 3.
 *
 * Setting: 10,000 agents, seed 1, 364 daily steps recorded weekly, `risk-list` (one law record in a
 * 90-day window lists a person for 90 days). Equal true behaviour: everyone has the same law
 * propensity, 0.004 per day (traitSigma 0, so no group is by chance more prone in this sample),
 * and nobody knows the rules (knowledgeShare 0), so watching cannot deter one group more than the
 * other. `surveillance` watches the minority more in the law domain only (base detection 0.3).
 * Measured value: the mean listed_rate_ratio over weeks 14–52 (after the first 90-day term).
 * Expectation: listed share ≈ 1 − exp(−0.004 · detect · 90) per group, so the ratio is below the
 * surveillance ratio through saturation: 1, 1.90 and 2.70 at ratios 1, 2, 3. Measured (seed 1):
 * 1.01, 1.84, 2.59; over seeds 1–5 the ratio-1 value ranged 0.985–1.045.
 * Tolerances: |value − 1| < 0.1 at ratio 1; 1.6–2.1 at ratio 2; 2.2–3 at ratio 3.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

async function listedRatio(ratio: number): Promise<number> {
  const { rows } = await runScenario({
    name: 'surveillance-test',
    seed: 1,
    steps: 364,
    population: { agents: 10_000, knowledgeShare: 0, traitSigma: 0, traits: { law: 0.004 } },
    graph: { model: 'erdos-renyi', meanDegree: 4 },
    observation: { surveillance: { ratio, domains: ['law'] } },
    regimes: { 'risk-list': { windowDays: 90, termDays: 90 } },
    metrics: ['listed_rate_ratio', 'listed_share'],
    record: { every: 7 },
  });
  const body = rows.slice(14).map((r) => r.listed_rate_ratio as number);
  return body.reduce((a, b) => a + b, 0) / body.length;
}

describe('surveillance → listed_rate_ratio (issue 4, test 1)', () => {
  it('tracks the surveillance ratio with equal true behaviour', async () => {
    const r1 = await listedRatio(1);
    const r2 = await listedRatio(2);
    const r3 = await listedRatio(3);
    expect(Math.abs(r1 - 1)).toBeLessThan(0.1);
    expect(r2).toBeGreaterThan(1.6);
    expect(r2).toBeLessThan(2.1);
    expect(r3).toBeGreaterThan(2.2);
    expect(r3).toBeLessThan(3);
  });
});
