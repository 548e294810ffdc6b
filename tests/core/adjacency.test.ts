import { describe, expect, it } from 'vitest';
import { Adjacency, LAYER_OFFLINE, LAYER_ONLINE } from '../../src/core/adjacency.js';
import { makeRng } from '../../src/core/rng.js';

describe('Adjacency', () => {
  it('builds from an edge list, dropping self-ties and duplicates', () => {
    const a = Adjacency.fromEdges(4, [0, 0, 1, 2, 2], [1, 1, 2, 2, 3]);
    expect(a.edgeCount).toBe(3);
    expect(a.hasEdge(1, 0)).toBe(true);
    expect(a.hasEdge(2, 2)).toBe(false);
    expect([...a.edges().src]).toEqual([0, 1, 2]);
    a.validate();
  });

  it('adds and drops ties in place and keeps layers on both sides', () => {
    const a = Adjacency.fromEdges(5, [0], [1]);
    expect(a.addEdge(0, 1)).toBe(false);
    expect(a.addEdge(3, 3)).toBe(false);
    expect(a.addEdge(0, 2, LAYER_ONLINE)).toBe(true);
    expect(a.layerOf(2, 0)).toBe(LAYER_ONLINE);
    a.setLayer(0, 2, LAYER_OFFLINE);
    expect(a.layerOf(0, 2)).toBe(LAYER_OFFLINE);
    expect(a.removeEdge(1, 0)).toBe(true);
    expect(a.removeEdge(1, 0)).toBe(false);
    expect(a.edgeCount).toBe(1);
    a.validate();
  });

  it('survives many random rewirings (blocks grow and compact) with invariants intact', () => {
    const rng = makeRng('adj');
    const n = 200;
    const a = new Adjacency(n, 1);
    const ref = new Set<string>();
    const key = (i: number, j: number) => (i < j ? `${i}-${j}` : `${j}-${i}`);
    for (let t = 0; t < 20000; t++) {
      const i = rng.int(n);
      const j = rng.int(n);
      if (rng() < 0.6) {
        const added = a.addEdge(i, j);
        expect(added).toBe(i !== j && !ref.has(key(i, j)));
        if (added) ref.add(key(i, j));
      } else {
        const removed = a.removeEdge(i, j);
        expect(removed).toBe(ref.has(key(i, j)));
        ref.delete(key(i, j));
      }
    }
    a.validate();
    expect(a.edgeCount).toBe(ref.size);
    a.compact();
    a.validate();
    for (const k of ref) {
      const [i, j] = k.split('-').map(Number);
      expect(a.hasEdge(i!, j!)).toBe(true);
    }
  });

  it('stays under 20 bytes per tie at k = 20', () => {
    const rng = makeRng('bytes');
    const n = 10000;
    const m = n * 10;
    const src = new Int32Array(m);
    const dst = new Int32Array(m);
    for (let e = 0; e < m; e++) {
      src[e] = rng.int(n);
      dst[e] = rng.int(n);
    }
    const a = Adjacency.fromEdges(n, src, dst);
    expect(a.byteSize() / a.edgeCount).toBeLessThan(20);
  });
});
