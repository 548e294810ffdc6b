/**
 * Adjacency.endsNotBoth: the count of tie ends whose layer code is not 3, kept by every method that
 * writes a code (the tie pass skips reading the codes when it is 0), and the tie pass giving the
 * same counts whether it reads the codes or not.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency, LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE, type AdjacencyView } from '../../src/core/adjacency.js';
import { makeRng } from '../../src/core/rng.js';
import { tiePass } from '../../src/metrics/tie-pass.js';

function randomEdges(seed: string, n: number, m: number, mixed: boolean) {
  const r = makeRng(seed);
  const src: number[] = [], dst: number[] = [], layer: number[] = [];
  for (let e = 0; e < m; e++) {
    src.push(Math.floor(r() * n));
    dst.push(Math.floor(r() * n));
    layer.push(mixed && r() < 0.3 ? (r() < 0.5 ? LAYER_ONLINE : LAYER_OFFLINE) : LAYER_BOTH);
  }
  return { src, dst, layer, r };
}

describe('Adjacency.endsNotBoth', () => {
  it('is 0 without layer codes and counts both ends of every other tie', () => {
    const a = Adjacency.fromEdges(4, [0, 1, 2], [1, 2, 3]);
    expect(a.endsNotBoth).toBe(0);
    const b = Adjacency.fromEdges(4, [0, 1, 2, 0], [1, 2, 3, 1], [LAYER_ONLINE, LAYER_BOTH, LAYER_OFFLINE, LAYER_BOTH]);
    expect(b.endsNotBoth).toBe(4); // 0–1 online (the repeat is dropped), 2–3 offline
    b.setLayer(0, 1, LAYER_BOTH);
    expect(b.endsNotBoth).toBe(2);
    b.setLayer(1, 2, LAYER_ONLINE);
    expect(b.endsNotBoth).toBe(4);
    b.removeEdge(2, 3);
    expect(b.endsNotBoth).toBe(2);
    b.addEdge(0, 3, LAYER_OFFLINE);
    expect(b.endsNotBoth).toBe(4);
    b.setLayer(0, 3, 0); // drops the tie
    expect(b.endsNotBoth).toBe(2);
    b.validate();
  });

  it('stays equal to a fresh count through many adds, drops, layer changes, growths and compactions', () => {
    const n = 200;
    const { src, dst, layer, r } = randomEdges('layers', n, 600, true);
    const a = Adjacency.fromEdges(n, src, dst, layer);
    expect(a.endsNotBoth).toBe(a.countEndsNotBoth());
    for (let t = 0; t < 5000; t++) {
      const i = Math.floor(r() * n), j = Math.floor(r() * n), u = r();
      if (u < 0.4) a.addEdge(i, j, u < 0.1 ? LAYER_ONLINE : u < 0.2 ? LAYER_OFFLINE : LAYER_BOTH);
      else if (u < 0.7) a.removeEdge(i, j);
      else a.setLayer(i, j, 1 + Math.floor(r() * 3));
      if (t % 997 === 0) a.compact();
    }
    expect(a.endsNotBoth).toBe(a.countEndsNotBoth());
    a.validate();
  });
});

describe('tie pass with every code 3', () => {
  it('counts the same without reading the codes as with reading them', () => {
    const n = 300;
    for (const withLayer of [false, true]) {
      const { src, dst, layer, r } = randomEdges(`both-${withLayer}`, n, 2000, false);
      const a = withLayer ? Adjacency.fromEdges(n, src, dst, layer) : Adjacency.fromEdges(n, src, dst);
      a.addEdge(0, 299); // a hub: blocks of 256 or more are counted field by field
      for (let j = 1; j < 280; j++) a.addEdge(5, j);
      expect(a.endsNotBoth).toBe(0);
      const view: AdjacencyView = { n, start: a.start, deg: a.deg, targets: a.targets, layer: a.layer, edgeCount: a.edgeCount, tiesAdded: 0, tiesRemoved: 0 }; // no count: the codes are read
      const labels = Uint8Array.from({ length: n }, () => Math.floor(r() * 5));
      const groups = Uint8Array.from({ length: n }, () => (r() < 0.3 ? 1 : 0));
      const x = Float64Array.from({ length: n }, () => r());
      const skip = tiePass(a, labels, 5, groups, 2, x), read = tiePass(view, labels, 5, groups, 2, x);
      expect(Array.from(skip.inside)).toEqual(Array.from(read.inside));
      expect(Array.from(skip.mix)).toEqual(Array.from(read.mix));
      expect(skip.total).toEqual(read.total);
      expect(skip.same).toEqual(read.same);
      expect(Array.from(skip.xsums!)).toEqual(Array.from(read.xsums!));
      expect(skip.total[1]).toBe(skip.slots); // every end online and offline
      expect(skip.same[1]).toBe(skip.same[0]);
    }
  });
});
