/**
 * Exact fixture values of docs/metrics.md#exact-test-values for the pure helpers, plus small hand-checked cases.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency } from '../../src/core/adjacency.js';
import {
  argsort,
  bimodalityCoefficient,
  categoricalAssortativity,
  colemanHomophily,
  connectedComponents,
  degrootInfluence,
  eiIndex,
  estebanRay,
  freemanSegregation,
  gini,
  matrixPower,
  mixingMatrix,
  modularity,
  newmanScalarAssortativity,
  pearson,
  shorrocks,
  theil,
  theilBetween,
  transitionMatrix,
} from '../../src/metrics/index.js';

// Newman (2003), race mixing of couples (rows men, columns women: Black, Hispanic, White, Other).
const NEWMAN = [
  [506, 32, 69, 26],
  [23, 308, 114, 38],
  [26, 46, 599, 68],
  [10, 14, 47, 32],
];

describe('docs/metrics.md#exact-test-values fixtures', () => {
  it('categorical assortativity of Newman\'s matrix is 0.621', () => {
    expect(categoricalAssortativity(NEWMAN)!.toFixed(3)).toBe('0.621');
  });

  it('E-I index of Newman\'s matrix is −0.476', () => {
    expect(eiIndex(NEWMAN)!.toFixed(3)).toBe('-0.476');
    expect(eiIndex(NEWMAN)).toBeCloseTo((513 - 1445) / 1958, 14);
  });

  it('Coleman homophily of Coleman 1958 is [0.38125, 0.175]', () => {
    const h = colemanHomophily(
      [
        [45, 15],
        [20, 20],
      ],
      [60, 40],
    );
    expect(h[0]).toBeCloseTo(0.38125, 12);
    expect(h[1]).toBeCloseTo(0.175, 12);
  });

  it('Freeman segregation of a complete graph is 0', () => {
    for (const [a, b] of [
      [3, 5],
      [1, 9],
      [6, 6],
    ]) {
      const N = a! + b!;
      expect(freemanSegregation((N * (N - 1)) / 2, a! * b!, [a!, b!])).toBeCloseTo(0, 12);
    }
    // and from the mixing matrix of an actual complete graph
    const src: number[] = [], dst: number[] = [];
    for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) (src.push(i), dst.push(j));
    const adj = Adjacency.fromEdges(8, src, dst);
    const m = mixingMatrix(adj, [0, 0, 0, 1, 1, 1, 1, 1], 2);
    expect(m).toEqual([
      [6, 15],
      [15, 20],
    ]);
    expect(freemanSegregation(adj.edgeCount, m[0]![1]!, [3, 5])).toBeCloseTo(0, 12);
  });

  it('DeGroot influence of Jackson\'s T is (3/11, 4/11, 4/11) and every row of T^100 equals it', () => {
    const T = [
      [1 / 3, 1 / 3, 1 / 3],
      [1 / 2, 1 / 2, 0],
      [0, 1 / 4, 3 / 4],
    ];
    const s = degrootInfluence(T)!;
    const want = [3 / 11, 4 / 11, 4 / 11];
    s.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 12));
    const P = matrixPower(T, 100);
    for (const row of P) row.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 12));
    expect(matrixPower(T, 0)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    // two closed classes: no unique influence vector
    expect(
      degrootInfluence([
        [1, 0],
        [0, 1],
      ]),
    ).toBeNull();
  });

  it('Shorrocks: identity → 0; rows all alike → 1; zero trace → n/(n−1)', () => {
    for (const n of [2, 3, 5]) {
      const I = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
      expect(shorrocks(I)).toBe(0);
      // Every row uniform (1/n each): tr P = 1, so M = (n − 1)/(n − 1) = 1 (perfect mobility).
      // docs/metrics.md#exact-test-values gives 1 for this case; n/(n−1) is the value of a zero-trace matrix.
      const U = Array.from({ length: n }, () => new Array(n).fill(1 / n));
      expect(shorrocks(U)).toBeCloseTo(1, 12);
      const C = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === (i + 1) % n ? 1 : 0)));
      expect(shorrocks(C)).toBeCloseTo(n / (n - 1), 12);
    }
  });

  it('Gini: [1,1,1,1] → 0, [0,0,0,1] → 0.75', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 1])).toBe(0.75);
    expect(gini([1, 0, 0, 0])).toBe(0.75);
    expect(gini([])).toBeNull();
    expect(gini([0, 0])).toBeNull();
  });
});

describe('helpers on hand-checked cases', () => {
  it('gini equals the n² double-sum form on random data', () => {
    const x = [3, 7, 1, 1, 9, 0.5, 12, 4];
    let s = 0;
    for (const a of x) for (const b of x) s += Math.abs(a - b);
    const mu = x.reduce((p, q) => p + q) / x.length;
    expect(gini(x)).toBeCloseTo(s / (2 * x.length ** 2 * mu), 14);
  });

  it('theil: equal → 0, one holds all → ln n; between part of [1,1,3,3] by [0,0,1,1]', () => {
    expect(theil([2, 2, 2])).toBe(0);
    expect(theil([0, 0, 0, 1])).toBeCloseTo(Math.log(4), 14);
    const tb = 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5);
    expect(theilBetween([1, 1, 3, 3], [0, 0, 1, 1])).toBeCloseTo(tb, 14);
    expect(theil([1, 1, 3, 3])).toBeCloseTo(tb, 14); // no within-group inequality
    expect(theilBetween([1, 2, 3], [0, 0, 0])).toBeNull();
  });

  it('argsort is a stable ascending sort (ties by index), negatives and −0 included', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const x = Float64Array.from({ length: 5000 }, () => Math.round((rnd() - 0.5) * 200) / 4);
    x[3] = -0;
    x[4] = 0;
    x[5] = -1e300;
    x[6] = Infinity;
    const want = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
    expect(Array.from(argsort(x))).toEqual(want);
    expect(Array.from(argsort(Float32Array.from([2.5, -1, 2.5, 0])))).toEqual([1, 3, 0, 2]);
    expect(Array.from(argsort([]))).toEqual([]);
  });

  it('scalar assortativity equals the Pearson correlation over both directions of every tie', () => {
    const src = [0, 0, 1, 3, 3, 4, 2, 5];
    const dst = [1, 2, 2, 4, 5, 5, 3, 6];
    const adj = Adjacency.fromEdges(7, src, dst);
    const x = [1, 2, 3, 4, 5, 6, 7];
    const a: number[] = [], b: number[] = [];
    for (let e = 0; e < src.length; e++) {
      a.push(x[src[e]!]!, x[dst[e]!]!);
      b.push(x[dst[e]!]!, x[src[e]!]!);
    }
    expect(newmanScalarAssortativity(adj, x)).toBeCloseTo(pearson(a, b)!, 12);
    // two disjoint cliques valued 0 and 1 → perfectly assortative
    const two = Adjacency.fromEdges(6, [0, 0, 1, 3, 3, 4], [1, 2, 2, 4, 5, 5]);
    expect(newmanScalarAssortativity(two, [0, 0, 0, 1, 1, 1])).toBeCloseTo(1, 12);
    // a star with a distinct centre value → perfectly disassortative
    const star = Adjacency.fromEdges(4, [0, 0, 0], [1, 2, 3]);
    expect(newmanScalarAssortativity(star, [5, 1, 1, 1])).toBeCloseTo(-1, 12);
    expect(newmanScalarAssortativity(star, [2, 2, 2, 2])).toBeNull();
    expect(newmanScalarAssortativity(Adjacency.fromEdges(3, [], []), [1, 2, 3])).toBeNull();
  });

  it('modularity of two triangles joined by a bridge, by triangle: 5/14', () => {
    const adj = Adjacency.fromEdges(6, [0, 0, 1, 3, 3, 4, 2], [1, 2, 2, 4, 5, 5, 3]);
    expect(modularity(adj, [0, 0, 0, 1, 1, 1])).toBeCloseTo(5 / 14, 14);
    expect(modularity(adj, [0, 0, 0, 0, 0, 0])).toBeCloseTo(0, 14);
    expect(modularity(Adjacency.fromEdges(2, [], []), [0, 1])).toBeNull();
  });

  it('connected components count isolated agents', () => {
    const adj = Adjacency.fromEdges(7, [0, 1, 3], [1, 2, 4]);
    const c = connectedComponents(adj);
    expect(c.count).toBe(4);
    expect(c.largest).toBe(3);
    expect(Array.from(c.label)).toEqual([0, 0, 0, 1, 1, 2, 3]);
  });

  it('bimodality coefficient: 1..7 → 1/4.2; uniform → 5/9; two-point → 1 (large n)', () => {
    expect(bimodalityCoefficient([1, 2, 3, 4, 5, 6, 7])).toBeCloseTo(1 / 4.2, 12);
    const n = 200_000;
    const uni = Float64Array.from({ length: n }, (_, i) => i / n);
    expect(bimodalityCoefficient(uni)).toBeCloseTo(5 / 9, 4);
    const two = Float64Array.from({ length: n }, (_, i) => i % 2);
    expect(bimodalityCoefficient(two)).toBeCloseTo(1, 4);
    expect(bimodalityCoefficient([1, 2, 3])).toBeNull();
    expect(bimodalityCoefficient([4, 4, 4, 4, 4])).toBeNull();
  });

  it('Esteban–Ray: one mass → 0; two equal masses at distance 1 → 0.5^(1+α)', () => {
    expect(estebanRay([1, 0, 0], [0, 0.5, 1])).toBe(0);
    expect(estebanRay([0.5, 0.5], [0, 1], 1.6)).toBeCloseTo(2 * 0.5 ** 2.6 * 0.5, 14);
    expect(estebanRay([0.5, 0.5], [0, 1], 1, 2)).toBeCloseTo(2 * 2 * 0.5 ** 2 * 0.5, 14);
  });

  it('transition matrix is row-normalised', () => {
    expect(transitionMatrix([0, 0, 1, 1], [0, 1, 1, 1], 2)).toEqual([
      [0.5, 0.5],
      [0, 1],
    ]);
  });
});

describe('argsort on larger arrays', () => {
  it('equals a stable comparison sort on continuous, clustered, negative and constant values', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cases: Float64Array[] = [
      Float64Array.from({ length: 20000 }, () => rnd()), // scores in [0, 1)
      Float64Array.from({ length: 20000 }, () => Math.exp(8 * rnd()) - 50), // wealth with debts
      Float64Array.from({ length: 20000 }, () => 0.5 + rnd() * 1e-9), // one high word for long runs
      Float64Array.from({ length: 5000 }, () => 3), // every digit shared
      Float64Array.from({ length: 5000 }, (_, i) => (i % 7) - 3 + (i % 2 ? -0 : 0)),
    ];
    for (const [k, x] of cases.entries()) {
      const want = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
      expect(Array.from(argsort(x)), `case ${k}`).toEqual(want);
    }
  });

  it('equals it from 2^18 values on, where the low words travel with the keys', () => {
    let seed = 5;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // dense scores (most share their high word with another), negatives, ±0, one long run
    const x = Float64Array.from({ length: 300_000 }, (_, i) =>
      i % 10 === 0 ? -0.25 - 0.5 * rnd() : i % 31 === 0 ? (i % 2 ? -0 : 0) : i % 17 === 0 ? 0.5 + rnd() * 1e-9 : 0.25 + 0.6 * rnd(),
    );
    const want = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
    const got = argsort(x);
    let same = got.length === want.length;
    for (let r = 0; same && r < want.length; r++) same = got[r] === want[r];
    expect(same).toBe(true);
  });
});
