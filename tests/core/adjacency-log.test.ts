/**
 * The adjacency's log of changed ties (`log`, src/core/adjacency.ts): every tie that `addEdge`
 * adds, as (i, j), and every tie that `removeEdge` or `setLayer(…, 0)` drops, as (i, ~j), in
 * order, at positions `logStart + k`; `trimLog()` and a full log start it again at the next
 * position, so a reader of an older position knows it missed changes.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency } from '../../src/core/adjacency.js';

const entries = (a: Adjacency) => Array.from({ length: a.logCount }, (_, k) => [a.log[2 * k], a.log[2 * k + 1]]);

describe('the log of changed ties', () => {
  it('lists the ties added and dropped, in order, and nothing for a failed change or a layer change', () => {
    const a = Adjacency.fromEdges(6, [0, 1, 2, 3, 4], [1, 2, 3, 4, 5]);
    expect([a.logStart, a.logCount]).toEqual([0, 0]); // the build is not a change
    expect(a.removeEdge(2, 1)).toBe(true);
    expect(a.removeEdge(0, 5)).toBe(false); // no such tie
    expect(a.addEdge(0, 5)).toBe(true);
    expect(a.addEdge(5, 0)).toBe(false); // there already
    a.setLayer(3, 4, 1); // kept, another layer
    expect(a.setLayer(4, 5, 0)).toBe(true); // code 0 drops it
    expect(a.removeEdge(1, 0)).toBe(true); // j = 0 logs as ~0 = −1
    expect(entries(a)).toEqual([[2, ~1], [0, 5], [4, ~5], [1, ~0]]);
    a.trimLog();
    expect([a.logStart, a.logCount]).toEqual([4, 0]);
    a.addEdge(1, 3);
    expect([a.logStart, a.logCount, ...entries(a)[0]!]).toEqual([4, 1, 1, 3]);
  });
  it('starts again at the next position when full (at most max(4096, n / 2) entries)', () => {
    const n = 100;
    const a = new Adjacency(n, 4);
    let changes = 0;
    for (let t = 0; t < 2500; t++) {
      const i = t % n, j = (t * 7 + 1) % n;
      if (i === j || !a.addEdge(i, j)) continue;
      changes++;
      expect(a.logStart + a.logCount).toBe(changes);
      a.removeEdge(j, i);
      changes++;
      expect(a.logStart + a.logCount).toBe(changes);
      expect(a.logCount).toBeLessThanOrEqual(4096);
      expect([a.log[2 * a.logCount - 2], a.log[2 * a.logCount - 1]]).toEqual([j, ~i]);
    }
    expect(a.logStart).toBe(4096); // it filled once
    expect(a.log.length).toBe(8192); // and never grew past the most it holds
  });
});
