/**
 * The adjacency's log of dropped ties (`dropLog`, src/core/adjacency.ts): every tie that
 * `removeEdge` or `setLayer(…, 0)` drops, in order, until the log is full; then it starts again
 * empty with a new epoch, so a reader of the old epoch knows it missed drops.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency } from '../../src/core/adjacency.js';

const pairs = (a: Adjacency) => Array.from({ length: a.dropCount }, (_, k) => [a.dropLog[2 * k], a.dropLog[2 * k + 1]]);

describe('the log of dropped ties', () => {
  it('lists the ties dropped, in order, and nothing for a failed drop, an added tie or a layer change', () => {
    const a = Adjacency.fromEdges(6, [0, 1, 2, 3, 4], [1, 2, 3, 4, 5]);
    expect(a.dropCount).toBe(0);
    expect(a.removeEdge(2, 1)).toBe(true);
    expect(a.removeEdge(0, 5)).toBe(false); // no such tie
    a.addEdge(0, 5);
    a.setLayer(3, 4, 1); // kept, another layer
    expect(a.setLayer(4, 5, 0)).toBe(true); // code 0 drops it
    expect(pairs(a)).toEqual([[2, 1], [4, 5]]);
    expect(a.dropEpoch).toBe(0);
    expect(a.tiesRemoved).toBe(2);
  });
  it('starts again with a new epoch when full (at most max(1024, n / 4) pairs)', () => {
    const n = 100;
    const a = new Adjacency(n, 4);
    let drops = 0;
    for (let t = 0; t < 1500; t++) {
      const i = t % n, j = (t * 7 + 1) % n;
      if (i === j || !a.addEdge(i, j)) continue;
      a.removeEdge(j, i);
      drops++;
      if (drops <= 1024) expect([a.dropEpoch, a.dropCount]).toEqual([0, drops]);
      else expect([a.dropEpoch, a.dropCount]).toEqual([1, drops - 1024]);
      expect([a.dropLog[2 * a.dropCount - 2], a.dropLog[2 * a.dropCount - 1]]).toEqual([j, i]);
    }
    expect(drops).toBeGreaterThan(1024);
    expect(a.dropLog.length).toBe(2048); // it never grows past the most it holds
  });
});
