/** `gaming` on two agents facing detection 0.8 (group 0) and 0.2 (group 1) in the law domain. */
import { describe, expect, it } from 'vitest';
import { DOMAIN_INDEX } from '../../src/index.js';
import { POLICY } from '../../src/core/policy.js';
import { gaming } from '../../src/adaptation/gaming.js';
import { make, tinyWorld } from './helpers.js';

const LAW = DOMAIN_INDEX.law;
const SPEECH = DOMAIN_INDEX.speech;

function world(transparent: boolean, knowledge: [number, number] = [0, 0]) {
  const w = tinyWorld(2, []);
  w.pop.group.set([0, 1]);
  w.pop.knowledge.set(knowledge);
  w.detect[LAW * 2] = 0.8;
  w.detect[LAW * 2 + 1] = 0.2;
  if (transparent) w.policy.set(POLICY.transparent, true);
  return w;
}

describe('gaming', () => {
  it('under transparency: propensity × exp(strength · (pivot − q)): down where watched, up where not', () => {
    const w = world(true);
    make(gaming, w, { strength: 2, pivot: 0.5 }).init!();
    expect(w.propensityMult[LAW * 2]).toBeCloseTo(Math.exp(-0.6), 6);
    expect(w.propensityMult[LAW * 2 + 1]).toBeCloseTo(Math.exp(0.6), 6);
    expect(w.propensityMult[SPEECH * 2]).toBe(1); // speech and civic are not gamed
  });

  it('without transparency only agents who know the rules game; with neither nothing changes', () => {
    const w = world(false, [1, 0]);
    make(gaming, w).init!();
    expect(w.propensityMult[LAW * 2]).toBeCloseTo(Math.exp(2 * (0.5 - 0.8)), 6);
    expect(w.propensityMult[LAW * 2 + 1]).toBe(1);
    const w0 = world(false);
    make(gaming, w0).init!();
    expect([...w0.propensityMult].every((x) => x === 1)).toBe(true);
  });

  it('composes multiplicatively with other writers and follows changes in watch', () => {
    const w = world(true);
    w.propensityMult[LAW * 2] = 0.5; // e.g. deterrence
    const h = make(gaming, w, { strength: 2, pivot: 0.5 });
    h.init!();
    expect(w.propensityMult[LAW * 2]).toBeCloseTo(0.5 * Math.exp(-0.6), 6);
    w.watch[0] = 0.5; // q = 0.4
    h.adapt!();
    expect(w.propensityMult[LAW * 2]).toBeCloseTo(0.5 * Math.exp(0.2), 5);
    expect((h.record!() as Record<string, number>).gaming_mult_mean).toBeGreaterThan(1);
  });
});
