/**
 * The per-agent kernels against plain loops: friend-cleanup's choice (two agents side by side, the
 * blocks ahead touched) must pick what a scan of each block on its own picks — the first slot with
 * the lowest score — with equal scores, NaNs, agents without ties, uneven degrees, and any block
 * [lo, hi) of the selected; the neighbour sums (four agents side by side) must have the bits of a
 * plain loop over each block in slot order.
 */
import { describe, expect, it } from 'vitest';
import { KERNELS, K_CLEANUP_CHOICE, K_NEIGHBOUR_SUMS, lowestNeighbour } from '../../src/core/kernels.js';
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

  it('neighbourSums has the bits of a plain loop per agent, in slot order (200 worlds, blocks split anywhere)', () => {
    const r = makeRng('kernels-sums');
    let differsFromSorted = 0;
    for (let w = 0; w < 200; w++) {
      const n = 1 + r.int(80), cap = 16;
      const deg = new Int32Array(n), start = new Int32Array(n), targets = new Int32Array(n * cap).fill(-3);
      for (let i = 0; i < n; i++) {
        start[i] = i * cap;
        deg[i] = r() < 0.1 ? 0 : 1 + r.int(cap);
        for (let k = 0; k < deg[i]!; k++) targets[start[i]! + k] = r.int(n);
      }
      // magnitudes from 1e-9 to 1e9 and both signs: the order of the additions shows in the bits
      const v = Float64Array.from({ length: n }, () => (r() < 0.5 ? -1 : 1) * 10 ** (r.int(19) - 9) * (1 + r()));
      const want = Array.from({ length: n }, (_, i) => {
        let sum = 0;
        for (let k = start[i]!; k < start[i]! + deg[i]!; k++) sum += v[targets[k]!]!;
        return sum;
      });
      const out = new Float64Array(n).fill(NaN);
      const cuts = [0, r.int(n + 1), r.int(n + 1), n].sort((a, b) => a - b);
      for (let c = 0; c + 1 < cuts.length; c++) KERNELS[K_NEIGHBOUR_SUMS]!([v, start, deg, targets, out], new Float64Array(0), cuts[c]!, cuts[c + 1]!);
      for (let i = 0; i < n; i++) expect(Object.is(out[i], want[i]), `world ${w}, agent ${i}`).toBe(true);
      // the test can tell orders apart: summing in another order gives other bits somewhere
      for (let i = 0; i < n; i++) {
        const vals = Array.from(targets.subarray(start[i]!, start[i]! + deg[i]!), (t) => v[t]!).sort((a, b) => a - b);
        if (vals.reduce((a, b) => a + b, 0) !== want[i]) differsFromSorted++;
      }
    }
    expect(differsFromSorted).toBeGreaterThan(100);
  });
});
