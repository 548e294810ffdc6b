import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/core/rng.js';
import { erdosRenyiGNM } from '../../src/graphs/erdos-renyi.js';
import { expectSimple, sameArrays } from './helpers.js';

describe('erdosRenyiGNM', () => {
  it('gives exactly m distinct ties, src < dst, ordered by src', () => {
    for (const [n, m] of [
      [1000, 5000],
      [100_000, 500_000], // few repeats: resolved by the per-bucket refill
      [300, 20_000], // ≈ 45 % dense: several full rounds
      [60, 1500], // dense: complement
      [40, 780], // complete
      [10, 0],
      [0, 0],
      [1, 0],
    ] as const) {
      const el = erdosRenyiGNM(n, m, makeRng(`er-${n}-${m}`));
      expect(el.n).toBe(n);
      expect(el.src.length).toBe(m);
      expectSimple(el);
      let ordered = true;
      for (let e = 0; e < m; e++) {
        if (!(el.src[e]! < el.dst[e]!) || (e > 0 && el.src[e - 1]! > el.src[e]!)) ordered = false;
      }
      expect(ordered).toBe(true);
    }
  });

  it('is deterministic per seed', () => {
    const a = erdosRenyiGNM(5000, 20_000, makeRng('seed-a'));
    const b = erdosRenyiGNM(5000, 20_000, makeRng('seed-a'));
    const c = erdosRenyiGNM(5000, 20_000, makeRng('seed-b'));
    expect(sameArrays(a, b)).toBe(true);
    expect(sameArrays(a, c)).toBe(false);
  });

  it('includes every pair with probability m / pairs (sparse and dense paths; 4.5 sd)', () => {
    // 6 nodes, 15 pairs; m = 7 uses the sparse path, m = 11 the complement
    for (const m of [7, 11]) {
      const reps = 3000;
      const count = new Map<string, number>();
      const rng = makeRng(`er-uniform-${m}`);
      for (let r = 0; r < reps; r++) {
        const el = erdosRenyiGNM(6, m, rng);
        for (let e = 0; e < m; e++) {
          const k = `${el.src[e]}-${el.dst[e]}`;
          count.set(k, (count.get(k) ?? 0) + 1);
        }
      }
      expect(count.size).toBe(15);
      const p = m / 15;
      const sd = Math.sqrt((p * (1 - p)) / reps);
      for (const c of count.values()) expect(Math.abs(c / reps - p)).toBeLessThan(4.5 * sd);
    }
  });

  it('gives degrees close to Poisson(2m/n): variance ≈ mean (±10 %)', () => {
    const n = 20_000;
    const el = erdosRenyiGNM(n, 100_000, makeRng('er-deg'));
    const d = new Float64Array(n);
    for (let e = 0; e < el.src.length; e++) {
      d[el.src[e]!]!++;
      d[el.dst[e]!]!++;
    }
    const mean = d.reduce((s, x) => s + x, 0) / n;
    const variance = d.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    expect(mean).toBe(10);
    expect(Math.abs(variance / mean - 1)).toBeLessThan(0.1);
  });

  it('rejects impossible arguments', () => {
    expect(() => erdosRenyiGNM(10, 46, makeRng('x'))).toThrow(/erdos-renyi: m/);
    expect(() => erdosRenyiGNM(-1, 0, makeRng('x'))).toThrow(/erdos-renyi: n/);
    expect(() => erdosRenyiGNM(10, 2.5, makeRng('x'))).toThrow(RangeError);
  });
});
