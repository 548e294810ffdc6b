/**
 * `Adjacency.fromEdges` builds in one linear pass what adding the ties one by one builds (same
 * blocks, same neighbour order, same layers, same capacities), and a multigraph keeps self-ties and
 * repeated ties (graph.multigraph).
 */
import { describe, expect, it } from 'vitest';
import { Adjacency, LAYER_BOTH } from '../../src/core/adjacency.js';

/** The build as it was: capacities from the degrees with copies, then `addEdge` tie by tie. */
function reference(n: number, src: ArrayLike<number>, dst: ArrayLike<number>, layer?: ArrayLike<number>, spare = 0.5): Adjacency {
  const d = new Int32Array(n);
  for (let e = 0; e < src.length; e++) {
    if (src[e] === dst[e]) continue;
    d[src[e]!]!++;
    d[dst[e]!]!++;
  }
  const cap = new Int32Array(n);
  for (let i = 0; i < n; i++) cap[i] = d[i]! + Math.max(2, Math.ceil(d[i]! * spare));
  const a = new Adjacency(n, cap);
  for (let e = 0; e < src.length; e++) a.addEdge(src[e]!, dst[e]!, layer ? layer[e]! : LAYER_BOTH);
  a.tiesAdded = 0;
  return a;
}

function blocks(a: Adjacency): { t: number[][]; l: number[][] } {
  const t: number[][] = [];
  const l: number[][] = [];
  for (let i = 0; i < a.n; i++) {
    const s = a.start[i]!;
    t.push(Array.from(a.targets.subarray(s, s + a.deg[i]!)));
    l.push(Array.from(a.layer.subarray(s, s + a.deg[i]!)));
  }
  return { t, l };
}

describe('Adjacency.fromEdges', () => {
  it('matches tie-by-tie insertion on lists with repeats and self-ties', () => {
    let x = 12345;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (const [n, m] of [[5, 30], [50, 400], [300, 900], [1000, 200]] as const) {
      const src = new Int32Array(m);
      const dst = new Int32Array(m);
      const layer = new Uint8Array(m);
      for (let e = 0; e < m; e++) {
        src[e] = Math.floor(rnd() * n);
        dst[e] = Math.floor(rnd() * n);
        layer[e] = 1 + Math.floor(rnd() * 3);
      }
      const b = reference(n, src, dst, layer);
      // filled directly, and in buckets of 2^shift agents (the large-list path), alike
      // … and with a bucket buffer smaller than the list (several passes over it)
      for (const [bucketShift, passSlots] of [[undefined], [-1], [0], [2], [5], [20], [0, 1], [2, 7], [5, 100], [2, 1e9]] as [number?, number?][]) {
        const a = Adjacency.fromEdges(n, src, dst, layer, 0.5, { bucketShift, passSlots });
        expect(blocks(a)).toEqual(blocks(b));
        expect(Array.from(a.start)).toEqual(Array.from(b.start));
        expect(Array.from(a.cap)).toEqual(Array.from(b.cap));
        expect(a.targets.length).toBe(b.targets.length);
        expect(Array.from(a.targets)).toEqual(Array.from(b.targets)); // spare slots are zero, as before
        expect(a.edgeCount).toBe(b.edgeCount);
        expect(a.tiesAdded).toBe(0);
        expect(a.multigraph).toBe(false);
        a.validate();
      }
    }
  });

  it('an ordered list without repeats (the generators\' form) gives the same blocks; a repeat or disorder takes the full path', () => {
    let x = 777;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (const [n, m] of [[6, 8], [60, 300], [50, 1100], [500, 2000], [3000, 9000]] as const) {
      // distinct pairs sorted by their smaller end, either orientation, a few self-ties among them
      const pairs = new Map<number, [number, number]>();
      while (pairs.size < m) {
        const i = Math.floor(rnd() * n);
        const j = Math.floor(rnd() * n);
        if (i === j && rnd() < 0.9) continue;
        pairs.set(Math.min(i, j) * n + Math.max(i, j), rnd() < 0.5 ? [i, j] : [j, i]);
      }
      const list = [...pairs.values()].sort((p, q) => Math.min(p[0], p[1]) - Math.min(q[0], q[1]));
      const variants: [string, [number, number][]][] = [
        ['ordered', list],
        ['a repeat in its run', [...list.slice(0, (m >> 1) + 1), [list[m >> 1]![1], list[m >> 1]![0]], ...list.slice((m >> 1) + 1)]],
        ['out of order', [...list.slice(1), list[0]!]],
      ];
      // the first copy again at the end of the longest run (past the scanned first 16 ties of a run)
      const lo = (t: [number, number]) => Math.min(t[0], t[1]);
      let best = 0;
      for (let e = 0, r = 0; e < list.length; e++) {
        r = e > 0 && lo(list[e]!) === lo(list[e - 1]!) ? r + 1 : 1;
        if (r > 17 && list[e]![0] !== list[e]![1]) best = e;
      }
      if (best > 0) {
        let first = best;
        while (first > 0 && lo(list[first - 1]!) === lo(list[best]!)) first--;
        while (list[first]![0] === list[first]![1]) first++;
        variants.push(['a repeat late in a long run', [...list.slice(0, best + 1), list[first]!, ...list.slice(best + 1)]]);
      }
      for (const [, ties] of variants) {
        const src = Int32Array.from(ties, (t) => t[0]);
        const dst = Int32Array.from(ties, (t) => t[1]);
        const layer = Uint8Array.from(ties, () => 1 + Math.floor(rnd() * 3));
        const b = reference(n, src, dst, layer);
        for (const [bucketShift, passSlots] of [[undefined], [-1], [0], [2, 5], [3, 1e9], [5, 64]] as [number?, number?][]) {
          for (const l of [layer, undefined]) {
            const a = Adjacency.fromEdges(n, src, dst, l, 0.5, { bucketShift, passSlots });
            const r = l ? b : reference(n, src, dst);
            expect(blocks(a)).toEqual(blocks(r));
            expect(Array.from(a.start)).toEqual(Array.from(r.start));
            expect(Array.from(a.cap)).toEqual(Array.from(r.cap));
            expect(Array.from(a.targets)).toEqual(Array.from(r.targets));
            expect(Array.from(a.layer)).toEqual(Array.from(r.layer));
            expect(a.edgeCount).toBe(r.edgeCount);
          }
        }
      }
    }
  });

  it('drops self-ties and repeats by default', () => {
    const a = Adjacency.fromEdges(3, [0, 0, 1, 1, 2], [1, 1, 1, 0, 2]);
    expect(a.edgeCount).toBe(1);
    expect(Array.from(a.deg)).toEqual([1, 1, 0]);
  });
});

describe('multigraph', () => {
  // 0–1 twice, 1–1 (a self-tie), 1–2, 2–0, 0–1 a third time
  const src = [0, 1, 1, 1, 2, 1];
  const dst = [1, 0, 1, 2, 0, 0];
  const layer = [3, 1, 3, 2, 3, 2];
  const build = () => Adjacency.fromEdges(3, src, dst, layer, 0.5, { multigraph: true });
  const nbrs = (a: Adjacency, i: number) => Array.from(a.targets.subarray(a.start[i]!, a.start[i]! + a.deg[i]!));

  it('keeps self-ties and repeated ties: degrees, neighbours, count', () => {
    const bucketed = Adjacency.fromEdges(3, src, dst, layer, 0.5, { multigraph: true, bucketShift: 0 });
    const passes = Adjacency.fromEdges(3, src, dst, layer, 0.5, { multigraph: true, bucketShift: 0, passSlots: 1 });
    const a = build();
    for (const b of [bucketed, passes]) {
      expect(Array.from(b.targets)).toEqual(Array.from(a.targets));
      expect(Array.from(b.layer)).toEqual(Array.from(a.layer));
      expect(Array.from(b.deg)).toEqual(Array.from(a.deg));
      expect(b.edgeCount).toBe(a.edgeCount);
    }
    expect(a.multigraph).toBe(true);
    expect(a.edgeCount).toBe(6);
    // a self-tie counts twice towards its agent's degree
    expect(Array.from(a.deg)).toEqual([4, 6, 2]);
    expect(nbrs(a, 0)).toEqual([1, 1, 2, 1]);
    expect(nbrs(a, 1)).toEqual([0, 0, 1, 1, 2, 0]);
    expect(nbrs(a, 2)).toEqual([1, 0]);
    a.validate();
    const seen: [number, number][] = [];
    a.forEachEdge((i, j) => seen.push([i, j]));
    expect(seen).toEqual([[0, 1], [0, 1], [0, 2], [0, 1], [1, 1], [1, 2]]);
    expect(a.edges().src.length).toBe(6);
  });

  it('removeEdge drops one copy of a repeated tie, and a self-tie whole', () => {
    const a = build();
    expect(a.removeEdge(0, 1)).toBe(true);
    expect(a.edgeCount).toBe(5);
    expect(a.deg[0]).toBe(3);
    expect(a.deg[1]).toBe(5);
    expect(nbrs(a, 0).filter((j) => j === 1).length).toBe(2);
    expect(nbrs(a, 1).filter((j) => j === 0).length).toBe(2);
    a.validate();
    expect(a.removeEdge(1, 1)).toBe(true);
    expect(a.deg[1]).toBe(3);
    expect(nbrs(a, 1)).not.toContain(1);
    expect(a.edgeCount).toBe(4);
    a.validate();
    expect(a.removeEdge(1, 1)).toBe(false);
  });

  it('addEdge adds self-ties and copies', () => {
    const a = build();
    expect(a.addEdge(2, 2)).toBe(true);
    expect(a.addEdge(0, 2)).toBe(true);
    expect(a.deg[2]).toBe(5);
    expect(a.edgeCount).toBe(8);
    a.validate();
    const simple = Adjacency.fromEdges(3, src, dst, layer);
    expect(simple.addEdge(2, 2)).toBe(false);
    expect(simple.addEdge(0, 2)).toBe(false);
  });
});
