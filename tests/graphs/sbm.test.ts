import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/core/rng.js';
import { sbmProbabilities, stochasticBlockModel } from '../../src/graphs/sbm.js';
import { degrees, expectSimple, sameArrays } from './helpers.js';

function groups(sizes: number[]): Uint8Array {
  const g = new Uint8Array(sizes.reduce((s, x) => s + x, 0));
  let i = 0;
  sizes.forEach((s, k) => g.fill(k, i, (i += s)));
  return g;
}

function withinShare(groupOf: ArrayLike<number>, src: Int32Array, dst: Int32Array): number {
  let within = 0;
  for (let e = 0; e < src.length; e++) if (groupOf[src[e]!] === groupOf[dst[e]!]) within++;
  return within / src.length;
}

describe('stochasticBlockModel', () => {
  it('reaches the target within-group share and keeps the mean degree (share ±0.01, degree ±2 %)', () => {
    for (const [sizes, h] of [
      [[6000, 14000], 0],
      [[6000, 14000], 0.5],
      [[6000, 14000], 0.9],
      [[5000, 5000, 10000], 0.3],
    ] as const) {
      // interleave the groups so members are not consecutive
      const g0 = groups([...sizes]);
      const groupOf = makeRng('perm').shuffle(Int32Array.from(g0));
      const el = stochasticBlockModel(groupOf, 10, h, makeRng(`sbm-${h}`));
      expectSimple(el);
      const { baseShare, targetShare } = sbmProbabilities(groupOf, 10, h);
      expect(targetShare).toBeCloseTo(baseShare + h * (1 - baseShare), 12);
      expect(Math.abs(withinShare(groupOf, el.src, el.dst) - targetShare)).toBeLessThan(0.01);
      const meanDeg = (2 * el.src.length) / el.n;
      expect(Math.abs(meanDeg / 10 - 1)).toBeLessThan(0.02);
    }
  });

  it('gives every pair exactly once when all probabilities are 1 (pair decoding is exact)', () => {
    const groupOf = Int32Array.from([0, 1, 0, 2, 1, 0, 2, 2, 0]);
    const n = groupOf.length;
    const el = stochasticBlockModel(groupOf, n - 1, 0, makeRng('full'));
    expectSimple(el);
    expect(el.src.length).toBe((n * (n - 1)) / 2);
    expect([...degrees(el)]).toEqual(new Array(n).fill(n - 1));
  });

  it('is deterministic per seed', () => {
    const g = groups([300, 700]);
    const a = stochasticBlockModel(g, 8, 0.4, makeRng('s'));
    expect(sameArrays(a, stochasticBlockModel(g, 8, 0.4, makeRng('s')))).toBe(true);
    expect(sameArrays(a, stochasticBlockModel(g, 8, 0.4, makeRng('t')))).toBe(false);
  });

  it('rejects one group, homophily ≥ 1, and a within-group probability above 1', () => {
    expect(() => stochasticBlockModel(groups([10]), 2, 0.5, makeRng('x'))).toThrow(/two non-empty groups/);
    expect(() => stochasticBlockModel(groups([10, 10]), 2, 1, makeRng('x'))).toThrow(/homophily/);
    expect(() => stochasticBlockModel(groups([10, 10]), 15, 0.9, makeRng('x'))).toThrow(/> 1/);
  });
});
