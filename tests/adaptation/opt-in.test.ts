/** `opt-in` with a hand-made voluntary scheme: benefit bᵢ, cost 2, no noise, stickiness 0.5. */
import { describe, expect, it } from 'vitest';
import type { VoluntaryScheme } from '../../src/core/policy.js';
import { optIn } from '../../src/adaptation/opt-in.js';
import { runScenario } from '../../src/index.js';
import { make, tinyWorld } from './helpers.js';

function scheme(benefit: number[]) {
  const s: VoluntaryScheme = { id: 'test', joined: new Uint8Array(benefit.length), expectedBenefit: (i) => benefit[i]!, cost: 2 };
  return s;
}

describe('opt-in', () => {
  it('first choice: join when benefit − cost > 0; then join above +stickiness and leave below −stickiness', () => {
    const b = [0, 1, 2, 3, 4];
    const w = tinyWorld(5, []);
    const s = scheme(b);
    w.services.set('voluntary:test', s);
    const h = make(optIn, w, { noise: 0, stickiness: 0.5, reviewDays: 1 });
    h.init!();
    expect([...s.joined]).toEqual([0, 0, 0, 1, 1]);
    b.splice(0, 5, 2.4, 2.6, 2, 1.4, 2.3);
    h.adapt!();
    // 0: u = 0.4 < 0.5 stays out; 1: 0.6 joins; 2: 0 stays out; 3: −0.6 leaves; 4: 0.3 stays in
    expect([...s.joined]).toEqual([0, 1, 0, 0, 1]);
    expect(h.record!()).toEqual({ optin_share: 0.4 });
  });

  it('reviews a share Δ/reviewDays of agents per step (seeded, n = 20,000: within 0.01 of 0.1)', () => {
    const n = 20000;
    const b = new Array(n).fill(0);
    const w = tinyWorld(n, [], 'review');
    const s = scheme(b);
    w.services.set('voluntary:test', s);
    const h = make(optIn, w, { noise: 0, stickiness: 0, reviewDays: 10 });
    h.init!();
    expect(s.joined.reduce((a, x) => a + x, 0)).toBe(0);
    b.fill(5);
    h.adapt!();
    const share = s.joined.reduce((a, x) => a + x, 0) / n;
    expect(Math.abs(share - 0.1)).toBeLessThan(0.01);
  });

  it('without voluntary schemes it does nothing and records null', () => {
    const w = tinyWorld(3, []);
    const h = make(optIn, w);
    h.init!();
    h.adapt!();
    expect(h.record!()).toEqual({ optin_share: null });
  });

  // Seeded: under sesame, agents whose would-be score passes more thresholds join more — nothing
  // about records is written into opt-in. 3,000 agents, 60 days, seed 2; thresholds 750/800/850
  // (see emergence-approval.test.ts). Measured join share: top raw-score quintile 0.99, bottom
  // 0.13. Tolerance: top at least 0.2 above bottom.
  it('under sesame, those with better records join more', async () => {
    const r = await runScenario({
      seed: 2,
      steps: 60,
      population: { agents: 3000 },
      regimes: { sesame: { thresholds: [750, 800, 850] } },
      adaptations: { 'opt-in': {} },
      metrics: ['mean_score'],
      record: { every: 60 },
    });
    const raw = r.world.pop.column('score_sesame_raw')!;
    const joined = r.world.pop.column('optin_sesame')!;
    const order = [...raw.keys()].sort((a, b) => raw[a]! - raw[b]!);
    const q = Math.floor(order.length / 5);
    const share = (ids: number[]) => ids.reduce((a, i) => a + joined[i]!, 0) / ids.length;
    const bottom = share(order.slice(0, q));
    const top = share(order.slice(-q));
    expect(top).toBeGreaterThan(bottom + 0.2);
  });
});
