/**
 * G(N, M) sorts its draws a range of coarse buckets at a time (`sortRoom` draws); the ties must not
 * depend on that room: the same ties, in the same order, as sorting all the draws at once.
 */
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/core/rng.js';
import { erdosRenyiGNM } from '../../src/graphs/erdos-renyi.js';

describe('erdosRenyiGNM sort passes', () => {
  it('gives the same ties for every sort room (sparse, several rounds, dense)', () => {
    // sparse with a refill; near pairs/2 (several rounds); dense (the complement); larger, many buckets
    for (const [n, m] of [[1000, 5000], [200, 9950], [300, 30000], [5000, 20000], [40000, 200000]] as const) {
      const all = erdosRenyiGNM(n, m, makeRng(`gnm-passes-${n}`), 1e9);
      for (const room of [1, 7, 1000, 1 << 21]) {
        const el = erdosRenyiGNM(n, m, makeRng(`gnm-passes-${n}`), room);
        expect(el.src.length).toBe(m);
        expect(Buffer.from(el.src.buffer).equals(Buffer.from(all.src.buffer))).toBe(true);
        expect(Buffer.from(el.dst.buffer).equals(Buffer.from(all.dst.buffer))).toBe(true);
      }
    }
  });
});
