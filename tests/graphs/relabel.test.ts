/** Locality orders (src/graphs/relabel.ts): bijections, hand-computed orders, the tie set kept, lower bandwidth. */
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/core/rng.js';
import { barabasiAlbert } from '../../src/graphs/barabasi-albert.js';
import { erdosRenyiGNM } from '../../src/graphs/erdos-renyi.js';
import { bandwidth, inversePermutation, isPermutation, localityOrder, permuteArray, permuteColumn, relabelEdges } from '../../src/graphs/relabel.js';
import type { EdgeList } from '../../src/graphs/types.js';

const edges = (n: number, pairs: [number, number][]): EdgeList => ({ n, src: Int32Array.from(pairs, (p) => p[0]), dst: Int32Array.from(pairs, (p) => p[1]) });

/** The ties as sorted "a-b" strings, after mapping each end through `key`. */
function ties(el: EdgeList, key: (i: number) => number = (i) => i): string[] {
  const out: string[] = [];
  for (let e = 0; e < el.src.length; e++) {
    const a = key(el.src[e]!), b = key(el.dst[e]!);
    out.push(a < b ? `${a}-${b}` : `${b}-${a}`);
  }
  return out.sort();
}

/** A graph with its node numbers scrambled by a seeded shuffle. */
function scrambled(el: EdgeList, seed: string): EdgeList {
  const r = makeRng(seed);
  const p = Int32Array.from({ length: el.n }, (_, i) => i);
  for (let i = el.n - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return relabelEdges(el, p);
}

function grid(w: number): EdgeList {
  const pairs: [number, number][] = [];
  for (let y = 0; y < w; y++)
    for (let x = 0; x < w; x++) {
      if (x + 1 < w) pairs.push([y * w + x, y * w + x + 1]);
      if (y + 1 < w) pairs.push([y * w + x, (y + 1) * w + x]);
    }
  return edges(w * w, pairs);
}

describe('localityOrder on hand-drawn graphs', () => {
  // the path 3 – 0 – 4 – 1 – 2, its ids scrambled
  const path = edges(5, [[3, 0], [0, 4], [4, 1], [1, 2]]);
  // a star with centre 2
  const star = edges(5, [[2, 4], [0, 2], [2, 1], [3, 2]]);

  it('bfs: roots in index order, neighbours in the order of the ties', () => {
    // from 0: 0, then its neighbours 3, 4, then 4's neighbour 1, then 2
    expect([...localityOrder(5, path.src, path.dst, 'bfs')]).toEqual([0, 3, 4, 1, 2]);
    // from 0: 0, 2, then 2's neighbours in tie order 4, (0), 1, 3
    expect([...localityOrder(5, star.src, star.dst, 'bfs')]).toEqual([0, 3, 1, 4, 2]);
  });

  it('rcm: from a node of least degree, neighbours by increasing degree, reversed', () => {
    // degrees 2 2 1 1 2: start at 2 (least degree, lowest id), walk 2 1 4 0 3, reverse: 3 0 4 1 2
    expect([...localityOrder(5, path.src, path.dst, 'rcm')]).toEqual([1, 3, 4, 0, 2]);
    // start at leaf 0, then the centre 2, then leaves 1 3 4; reversed: 4 3 1 2 0
    expect([...localityOrder(5, star.src, star.dst, 'rcm')]).toEqual([4, 2, 3, 1, 0]);
  });

  it('as-built is the identity', () => {
    expect([...localityOrder(5, path.src, path.dst, 'as-built')]).toEqual([0, 1, 2, 3, 4]);
  });

  it('numbers every component and isolated node, self-ties and repeated ties included', () => {
    // components {0, 5}, {2, 4, 6}, isolated 1 and 3; a self-tie at 4, 2 – 6 twice
    const g = edges(7, [[5, 0], [4, 4], [6, 2], [2, 6], [4, 2]]);
    const bfs = localityOrder(7, g.src, g.dst, 'bfs');
    // roots 0, 1, 2, 3: 0 5 | 1 | 2 6 4 | 3
    expect([...inversePermutation(bfs)]).toEqual([0, 5, 1, 2, 6, 4, 3]);
    const rcm = localityOrder(7, g.src, g.dst, 'rcm');
    // degrees 1 0 3 0 1 1 2 (self-tie left out, 2 – 6 counted twice): roots by (degree, id) 1, 3, 0, 4, …
    // visits 1 | 3 | 0 5 | 4 2 6, reversed: 6 2 4 5 0 3 1
    expect([...inversePermutation(rcm)]).toEqual([6, 2, 4, 5, 0, 3, 1]);
    expect(isPermutation(bfs) && isPermutation(rcm)).toBe(true);
  });
});

/** Reverse Cuthill–McKee written plainly (sorted JavaScript arrays), to check the linear-time one. */
function naiveRcm(el: EdgeList): Int32Array {
  const nb: number[][] = Array.from({ length: el.n }, () => []);
  for (let e = 0; e < el.src.length; e++) {
    const a = el.src[e]!, b = el.dst[e]!;
    if (a === b) continue;
    nb[a]!.push(b);
    nb[b]!.push(a);
  }
  const key = (i: number) => nb[i]!.length * el.n + i; // (degree, index)
  const roots = [...nb.keys()].sort((x, y) => key(x) - key(y));
  const seen = new Set<number>();
  const visit: number[] = [];
  for (const r of roots) {
    if (seen.has(r)) continue;
    seen.add(r);
    const q = [r];
    while (q.length) {
      const i = q.shift()!;
      visit.push(i);
      for (const j of [...new Set(nb[i]!)].sort((x, y) => key(x) - key(y))) if (!seen.has(j)) (seen.add(j), q.push(j));
    }
  }
  return inversePermutation(Int32Array.from(visit.reverse()));
}

describe('rcm against a plain implementation', () => {
  it('gives the same order on random graphs with hubs (long neighbour batches) and many components', () => {
    const cases: EdgeList[] = [
      barabasiAlbert(600, 2, makeRng('ba')), // hubs: batches longer than 32
      erdosRenyiGNM(800, 500, makeRng('sparse')), // many components and isolated nodes
      scrambled(edges(200, Array.from({ length: 199 }, (_, i) => [0, i + 1] as [number, number])), 'star'),
    ];
    for (const el of cases) expect([...localityOrder(el.n, el.src, el.dst, 'rcm')]).toEqual([...naiveRcm(el)]);
  });
});

describe('relabelling', () => {
  it('is a bijection; the ties mapped back through the public ids are the original tie set; bandwidth falls', () => {
    const cases: [string, EdgeList][] = [
      ['grid 30 × 30', scrambled(grid(30), 'grid')],
      ['ring of 2000', scrambled(edges(2000, Array.from({ length: 2000 }, (_, i) => [i, (i + 1) % 2000] as [number, number])), 'ring')],
      ['G(N, M) 3000, k = 4', erdosRenyiGNM(3000, 6000, makeRng('gnm'))],
    ];
    for (const [name, el] of cases) {
      const before = bandwidth(el.src, el.dst);
      for (const order of ['bfs', 'rcm'] as const) {
        const newOf = localityOrder(el.n, el.src, el.dst, order);
        expect(isPermutation(newOf), `${name} ${order}`).toBe(true);
        const out = relabelEdges(el, newOf);
        const publicOf = inversePermutation(newOf); // internal → public
        expect(ties(out, (i) => publicOf[i]!), `${name} ${order}`).toEqual(ties(el));
        expect(bandwidth(out.src, out.dst), `${name} ${order}`).toBeLessThan(before);
      }
    }
    // on a grid and a ring the orders come near the best bandwidth (the side; 2)
    const g = scrambled(grid(30), 'grid');
    expect(bandwidth(...ends(relabelEdges(g, localityOrder(g.n, g.src, g.dst, 'rcm'))))).toBeLessThanOrEqual(31);
  });

  it('keeps the input edge list and the layer', () => {
    const el: EdgeList = { ...edges(4, [[3, 0], [0, 1], [2, 3]]), layer: Uint8Array.of(1, 2, 3) };
    const copy = { src: el.src.slice(), dst: el.dst.slice() };
    const out = relabelEdges(el, Int32Array.of(3, 2, 1, 0));
    expect([...el.src, ...el.dst]).toEqual([...copy.src, ...copy.dst]);
    expect([...out.src]).toEqual([0, 3, 1]);
    expect([...out.dst]).toEqual([3, 2, 0]);
    expect(out.layer).toEqual(el.layer);
  });

  it('moves columns and keys with the agents, block by block', () => {
    const newOf = Int32Array.of(2, 0, 1);
    const col = Float32Array.of(10, 11, 12, 20, 21, 22); // two blocks of 3
    permuteColumn(col, newOf);
    expect([...col]).toEqual([11, 12, 10, 21, 22, 20]);
    const u8 = Uint8Array.of(1, 0, 0);
    permuteColumn(u8, newOf);
    expect([...u8]).toEqual([0, 0, 1]);
    expect(permuteArray(['a', 'b', 'c'], newOf)).toEqual(['b', 'c', 'a']);
    expect(() => permuteColumn(new Int32Array(4), newOf)).toThrow(/not a whole number of blocks/);
  });
});

const ends = (el: EdgeList): [Int32Array, Int32Array] => [el.src, el.dst];
