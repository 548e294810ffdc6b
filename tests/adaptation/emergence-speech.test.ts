/**
 * Emergence test 3 (issue 5): the `speech-blacklist` regime with vague rules plus
 * `self-censorship` lowers dissent_rate more than the same regime with vagueness 0.
 *
 * 2,000 agents, SBM (mean degree 10), 180 daily steps, seed 3; dissent_rate is averaged over the
 * recorded windows (every 30 days). Four arms, same seed: vagueness 0.3 or 0, self-censorship on
 * or off. Without self-censorship dissent does not respond to the regime at all (the behaviour
 * stream draws the same numbers, so the rates are identical). With it, vagueness 0 chills almost
 * nothing (nobody is listed when only truly illegal statements count: measured 0.01934 vs 0.01934),
 * while vagueness 0.3 chills through the vague line itself, listed neighbours and own listings
 * (measured 0.01503, −22%). Tolerances: vague + self-censorship at least 10% below the vague arm
 * without it; vagueness 0 + self-censorship within 3% of its arm without it.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

async function dissent(vagueness: number, censor: boolean) {
  const r = await runScenario({
    seed: 3,
    steps: 180,
    population: { agents: 2000 },
    graph: { model: 'sbm', meanDegree: 10, homophily: 0.5 },
    regimes: { 'speech-blacklist': { vagueness } },
    adaptations: censor ? { 'self-censorship': {} } : {},
    metrics: ['dissent_rate', 'listed_share'],
    record: { every: 30 },
  });
  const rates = r.rows.slice(1).map((row) => row.dissent_rate as number);
  return rates.reduce((a, b) => a + b, 0) / rates.length;
}

describe('emergence: chilled speech', () => {
  it('vague speech rules plus self-censorship lower dissent more than clear rules', async () => {
    const vague = await dissent(0.3, false);
    const vagueChilled = await dissent(0.3, true);
    const clear = await dissent(0, false);
    const clearChilled = await dissent(0, true);
    expect(vague).toBe(clear); // the regime alone does not touch behaviour
    expect(vagueChilled).toBeLessThan(0.9 * vague);
    expect(Math.abs(clearChilled / clear - 1)).toBeLessThan(0.03);
    expect(vague - vagueChilled).toBeGreaterThan(clear - clearChilled);
  });
});
