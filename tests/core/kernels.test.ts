/**
 * The per-agent kernels against plain loops: friend-cleanup's choice (two agents side by side, the
 * blocks ahead touched) must pick what a scan of each block on its own picks — the first slot with
 * the lowest score — with equal scores, NaNs, agents without ties, uneven degrees, and any block
 * [lo, hi) of the selected.
 */
import { describe, expect, it } from 'vitest';
import { KERNELS, K_CLEANUP_CHOICE, lowestNeighbour } from '../../src/core/kernels.js';
import { makeRng } from '../../src/core/rng.js';

describe('kernels', () => {
  it('cleanupChoice picks each agent\'s first lowest-scored neighbour, as a plain scan (200 worlds)', () => {
    const r = makeRng('kernels-test');
    let picked = 0, equalLows = 0, nans = 0;
    for (let w = 0; w < 200; w++) {
      const n = 2 + r.int(60);
      const deg = new Int32Array(n), start = new Int32Array(n);
      const cap = 12;
      const targets = new Int32Array(n * cap).fill(-7); // slots past a block's degree hold junk
      for (let i = 0; i < n; i++) {
        start[i] = i * cap;
        deg[i] = r() < 0.1 ? 0 : 1 + r.int(cap);
        for (let k = 0; k < deg[i]!; k++) targets[start[i]! + k] = r.int(n);
      }
      // scores from a few levels (equal lows are common), a NaN now and then
      const s = Float64Array.from({ length: n }, () => (r() < 0.05 ? NaN : r.int(4) / 4));
      const order = new Int32Array(n);
      let m = 0;
      for (let i = 0; i < n; i++) if (r() < 0.7) order[m++] = i;
      const delta = r() < 0.5 ? 0 : 0.2;
      const want = Array.from({ length: m }, (_, q) => {
        const i = order[q]!, j = lowestNeighbour(s, start, deg, targets, i);
        return j >= 0 && s[j]! < s[i]! - delta ? j : -1;
      });
      const drop = new Int32Array(m).fill(-9);
      const cut = r.int(m + 1); // two blocks, as two threads would take them
      KERNELS[K_CLEANUP_CHOICE]!([s, start, deg, targets, order, drop], Float64Array.of(delta), 0, cut);
      KERNELS[K_CLEANUP_CHOICE]!([s, start, deg, targets, order, drop], Float64Array.of(delta), cut, m);
      expect(Array.from(drop)).toEqual(want);
      // the plain scan itself: the first slot with the lowest score (a NaN never lower)
      for (let q = 0; q < m; q++) {
        const i = order[q]!, d = deg[i]!;
        if (d === 0) continue;
        const scores = Array.from(targets.subarray(start[i]!, start[i]! + d), (t) => s[t]!);
        const first = scores[0]!;
        let low = first, at = 0;
        scores.forEach((v, k) => {
          if (v < low) [low, at] = [v, k];
        });
        expect(lowestNeighbour(s, start, deg, targets, i)).toBe(targets[start[i]! + at]);
        if (scores.filter((v) => v === low).length > 1) equalLows++;
        if (scores.some((v) => Number.isNaN(v))) nans++;
      }
      picked += want.filter((j) => j >= 0).length;
    }
    // the worlds did hold what the test is about
    expect(picked).toBeGreaterThan(500);
    expect(equalLows).toBeGreaterThan(200);
    expect(nans).toBeGreaterThan(100);
  });
});
