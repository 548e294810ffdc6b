import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/core/rng.js';
import { wattsStrogatz } from '../../src/graphs/watts-strogatz.js';
import { degrees, expectSimple, sameArrays, tieSet } from './helpers.js';

describe('wattsStrogatz', () => {
  it('with p = 0 is the ring lattice', () => {
    const el = wattsStrogatz(8, 4, 0, makeRng('ws0'));
    expect(tieSet(el)).toEqual(
      ['0-1', '1-2', '2-3', '3-4', '4-5', '5-6', '6-7', '0-7', '0-2', '1-3', '2-4', '3-5', '4-6', '5-7', '0-6', '1-7']
        .map((t) => t.split('-').map(Number).sort((a, b) => a - b).join('-'))
        .sort(),
    );
    expect([...degrees(el)]).toEqual(new Array(8).fill(4));
  });

  it('keeps n·k/2 simple ties (mean degree exactly k) and rewires a share ≈ p (±0.01)', () => {
    for (const p of [0.1, 0.5, 1]) {
      const n = 5000;
      const k = 10;
      const el = wattsStrogatz(n, k, p, makeRng(`ws-${p}`));
      expectSimple(el);
      expect(el.src.length).toBe((n * k) / 2);
      let moved = 0;
      for (let e = 0; e < el.src.length; e++) {
        const d = (el.dst[e]! - el.src[e]! + n) % n;
        if (d < 1 || d > k / 2) moved++;
      }
      // a rewired tie lands back on a lattice distance with probability ≈ (k/2)/n: negligible
      expect(Math.abs(moved / el.src.length - p)).toBeLessThan(0.01 + (k / 2 / n) * p);
    }
  });

  it('terminates on a complete lattice (no free node to rewire to)', () => {
    const el = wattsStrogatz(5, 4, 1, makeRng('ws-full'));
    expectSimple(el);
    expect(el.src.length).toBe(10);
  });

  it('is deterministic per seed', () => {
    const a = wattsStrogatz(1000, 6, 0.2, makeRng('s'));
    expect(sameArrays(a, wattsStrogatz(1000, 6, 0.2, makeRng('s')))).toBe(true);
    expect(sameArrays(a, wattsStrogatz(1000, 6, 0.2, makeRng('t')))).toBe(false);
  });

  it('rejects odd k, k ≥ n and p outside [0, 1]', () => {
    expect(() => wattsStrogatz(10, 3, 0.1, makeRng('x'))).toThrow(/even/);
    expect(() => wattsStrogatz(10, 10, 0.1, makeRng('x'))).toThrow(/watts-strogatz: k/);
    expect(() => wattsStrogatz(10, 4, 1.5, makeRng('x'))).toThrow(/watts-strogatz: p/);
  });
});
