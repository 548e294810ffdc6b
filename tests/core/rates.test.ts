import { describe, expect, it } from 'vitest';
import { chanceFromRate, chanceOverDays } from '../../src/index.js';

describe('per-step chances (src/core/rates.ts)', () => {
  it('chanceOverDays compounds a probability per day: 1 − (1 − p)^days', () => {
    expect(chanceOverDays(0.5, 2)).toBe(0.75); // 1 − 0.25
    expect(chanceOverDays(0.1, 1)).toBe(1 - 0.9);
    expect(chanceOverDays(0.1, 3)).toBe(1 - Math.pow(0.9, 3)); // same operations as the families used
    expect(chanceOverDays(0, 30)).toBe(0);
    expect(chanceOverDays(-0.2, 30)).toBe(0);
    expect(chanceOverDays(1, 7)).toBe(1);
    expect(chanceOverDays(1.5, 7)).toBe(1);
  });

  it('chanceFromRate treats the parameter as a Poisson rate: 1 − e^(−rate·days)', () => {
    expect(chanceFromRate(0.5, 2)).toBe(1 - Math.exp(-1)); // 0.632…
    expect(chanceFromRate(0, 10)).toBe(0);
    expect(chanceFromRate(4 / 365, 7)).toBe(1 - Math.exp((-4 / 365) * 7));
    expect(chanceFromRate(3, 1)).toBeLessThan(1); // a rate may exceed 1; the chance does not
  });

  it('the two differ over long steps and nearly agree for small one-day values', () => {
    expect(chanceOverDays(0.5, 2)).toBeGreaterThan(chanceFromRate(0.5, 2));
    expect(Math.abs(chanceOverDays(0.001, 1) - chanceFromRate(0.001, 1))).toBeLessThan(1e-6);
  });
});
