import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/core/rng.js';
import { barabasiAlbert } from '../../src/graphs/barabasi-albert.js';
import { degrees, expectSimple, sameArrays } from './helpers.js';

describe('barabasiAlbert', () => {
  it('gives m·(n − m) simple ties, mean degree 2m(n − m)/n, every node ≥ m ties', () => {
    for (const m of [1, 3, 8]) {
      const n = 3000;
      const el = barabasiAlbert(n, m, makeRng(`ba-${m}`));
      expectSimple(el);
      expect(el.src.length).toBe(m * (n - m));
      const d = degrees(el);
      expect(d.reduce((s, x) => s + x, 0) / n).toBeCloseTo((2 * m * (n - m)) / n, 10);
      expect(Math.min(...d)).toBeGreaterThanOrEqual(m);
    }
  });

  it('grows hubs: max degree far above the mean, unlike a random graph', () => {
    const el = barabasiAlbert(10_000, 3, makeRng('ba-hub'));
    // expected max degree ≈ m·√n = 300; G(n, M) with the same mean would give ≈ 17
    expect(Math.max(...degrees(el))).toBeGreaterThan(100);
  });

  it('the smallest case is a star', () => {
    const el = barabasiAlbert(2, 1, makeRng('ba-2'));
    expect([...el.src, ...el.dst].sort()).toEqual([0, 1]);
  });

  it('is deterministic per seed', () => {
    const a = barabasiAlbert(2000, 4, makeRng('s'));
    expect(sameArrays(a, barabasiAlbert(2000, 4, makeRng('s')))).toBe(true);
    expect(sameArrays(a, barabasiAlbert(2000, 4, makeRng('t')))).toBe(false);
  });

  it('rejects m outside [1, n − 1]', () => {
    expect(() => barabasiAlbert(10, 10, makeRng('x'))).toThrow(/barabasi-albert: m/);
    expect(() => barabasiAlbert(10, 0, makeRng('x'))).toThrow(/barabasi-albert: m/);
  });
});
