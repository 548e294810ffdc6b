/** `self-censorship` on a hand-computed path 0 – 1 – 2 with agent 1 on the speech list. */
import { describe, expect, it } from 'vitest';
import { selfCensorship } from '../../src/adaptation/self-censorship.js';
import { make, tinyWorld } from './helpers.js';

function path(vagueness: number | null) {
  const w = tinyWorld(3, [[0, 1], [1, 2]]);
  if (vagueness !== null) w.policy.set('speech.vagueness', vagueness);
  w.pop.risk.set([0.25, 0, 1]);
  w.lists.get('speech-blacklist', 'black').add(1, 0, 100, false, false);
  return w;
}

describe('self-censorship', () => {
  it('perceived risk combines vagueness, sanctioned neighbours and own listing as 1 − Π(1 − risk)', () => {
    const w = path(0.4);
    const h = make(selfCensorship, w, { speed: 1, neighbourWeight: 0.2, speechWeight: 1 });
    h.adapt!();
    const r = w.pop.column('perceived_risk')!;
    // agent 0: vague 0.5·0.4 = 0.2; neighbours: share 1 on a blacklist + 1·share 1 on speech → 0.2·2 = 0.4
    expect(r[0]).toBeCloseTo(1 - 0.8 * 0.6, 6);
    // agent 1: vague 0.2; no listed neighbour; own listing 0.8
    expect(r[1]).toBeCloseTo(1 - 0.8 * 0.2, 6);
    expect(r[2]).toBeCloseTo(r[0]!, 6);
    // censor = 1 − exp(−3 · r · (1 − attitude)); attitude 1 never censors
    expect(w.censor[0]).toBeCloseTo(1 - Math.exp(-3 * 0.52 * 0.75), 6);
    expect(w.censor[1]).toBeCloseTo(1 - Math.exp(-3 * 0.84), 6);
    expect(w.censor[2]).toBe(0);
  });

  it('smooths towards the target at 1 − (1 − speed)^Δ per step', () => {
    const w = tinyWorld(1, [], 'one', 2);
    w.policy.set('speech.vagueness', 1);
    const h = make(selfCensorship, w, { speed: 0.5 });
    h.adapt!();
    const r = w.pop.column('perceived_risk')!;
    expect(r[0]).toBeCloseTo(0.75 * 0.5, 6); // target 0.5·1, weight 1 − 0.5² = 0.75
    h.adapt!();
    expect(r[0]).toBeCloseTo(0.375 + 0.75 * (0.5 - 0.375), 6);
  });

  it('without vagueness or lists nothing is censored; risk fades once the signals go', () => {
    const w = tinyWorld(3, [[0, 1], [1, 2]]);
    const h = make(selfCensorship, w);
    h.adapt!();
    expect([...w.censor]).toEqual([0, 0, 0]);
    const w2 = path(0);
    const h2 = make(selfCensorship, w2, { speed: 0.5 });
    h2.adapt!();
    const r = w2.pop.column('perceived_risk')!;
    const peak = r[0]!;
    expect(peak).toBeGreaterThan(0);
    w2.lists.get('speech-blacklist').remove(1, 1);
    h2.adapt!();
    expect(r[0]).toBeCloseTo(peak / 2, 6);
    const row = h2.record!() as Record<string, number>;
    expect(row.perceived_risk_mean).toBeGreaterThan(0);
  });
});
