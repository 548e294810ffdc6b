/**
 * Emergence test 5 (issue 5): `gaming` with the `transparency` safeguard raises compliance where
 * observation is likely and lowers it where it is not.
 *
 * Same seed, 4,000 agents, 90 days; detection 0.9 in law and consumption (observation likely), 0.1
 * in commerce (unlikely), finance at 0.5 (the pivot). True violations are counted per domain from
 * world.acts after each step. Control: transparency alone (the same knowledge of the rules in both
 * arms; knowing the rules only sets the prior of perceived certainty, and the baseline regime
 * sanctions nothing, so it deters nothing). With the default strength 2 and pivot 0.5 the expected
 * multipliers are exp(−0.8) ≈ 0.45 and exp(0.8) ≈ 2.2; measured (seed 21, keyed behaviour draws):
 * law 740 → 360 acts (× 0.49), consumption 1,793 → 816 (× 0.46), commerce 165 → 385 (× 2.33),
 * finance 107 → 107. Tolerances: at
 * least 30% fewer acts where observation is likely, at least 30% more where it is not (Poisson
 * noise on counts of a few hundred is under 10%), finance (at the pivot) within 10%. Without transparency and with nobody knowing the rules,
 * gaming changes nothing (identical acts: the keyed behaviour draws are the same).
 */
import { describe, expect, it } from 'vitest';
import { buildSimulation, DOMAIN_INDEX, DOMAINS, prepareScenario } from '../../src/index.js';

async function violations(opts: { gaming: boolean; transparency: boolean; knowledgeShare?: number }) {
  const loaded = await prepareScenario(
    {
      seed: 21,
      steps: 90,
      population: { agents: 4000, knowledgeShare: opts.knowledgeShare ?? 0.11 },
      graph: { model: 'erdos-renyi', meanDegree: 6, households: false },
      detect: { law: 0.9, consumption: 0.9, commerce: 0.1, finance: 0.5 },
      regimes: { baseline: {} },
      safeguards: opts.transparency ? { transparency: {} } : {},
      adaptations: opts.gaming ? { gaming: {} } : {},
      metrics: ['violation_rate'],
      record: { every: 90 },
    },
    '(gaming test)',
  );
  const sim = buildSimulation(loaded.scenario, { plugins: loaded.plugins });
  const counts = new Float64Array(DOMAINS.length);
  sim.init();
  for (let s = 0; s < loaded.scenario.steps; s++) {
    sim.step();
    const a = sim.world.acts;
    for (let k = 0; k < a.length; k++) if (a.kind[k] === 0) counts[a.domain[k]!]!++;
  }
  return counts;
}

describe('emergence: gaming under transparency', () => {
  it('fewer violations where observation is likely, more where it is not', async () => {
    const control = await violations({ gaming: false, transparency: true });
    const gamed = await violations({ gaming: true, transparency: true });
    const ratio = (d: keyof typeof DOMAIN_INDEX) => gamed[DOMAIN_INDEX[d]]! / control[DOMAIN_INDEX[d]]!;
    if (process.env.SCORELAB_PRINT) console.log('gaming', JSON.stringify({ control: [...control], gamed: [...gamed], domains: DOMAINS }));
    expect(ratio('law')).toBeLessThan(0.7);
    expect(ratio('consumption')).toBeLessThan(0.7);
    expect(ratio('commerce')).toBeGreaterThan(1.3);
    expect(Math.abs(ratio('finance') - 1)).toBeLessThan(0.1);
  });

  it('without transparency and without knowledge of the rules nothing changes', async () => {
    const control = await violations({ gaming: false, transparency: false, knowledgeShare: 0 });
    const gamed = await violations({ gaming: true, transparency: false, knowledgeShare: 0 });
    if (process.env.SCORELAB_PRINT) console.log('gaming, cause off', JSON.stringify({ control: [...control], gamed: [...gamed] }));
    expect([...gamed]).toEqual([...control]);
  });
});
