/**
 * The specialised paths of the metrics give exactly what the plain formulas give: the tie-pass
 * loops (byte keys with the packed-count table, groups only with the smaller group's blocks, the
 * general loop) against a plain per-tie-end count; the components (spanning tree kept across
 * snapshots) against a fresh count after every kind of change to the graph, under heavy rewiring,
 * on a deep tree and when the root is cut off; the snapshot tie pass against fresh passes after
 * every change to graph, groups and scores; household spillover against `othersMean` + `pearson`; the byte
 * columns of the fairness and benefit metrics against the same columns as Float32.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency } from '../../src/core/adjacency.js';
import type { MetricSpec, Snapshot } from '../../src/core/snapshot.js';
import {
  argsort,
  categoricalAssortativity,
  connectedComponents,
  crossShareOf,
  gini,
  metricById,
  mixingMatrix,
  modularityOf,
  newmanScalarAssortativity,
  othersMean,
  pearson,
  quantileLabels,
  tiePass,
} from '../../src/metrics/index.js';
import { SpanningTree } from '../../src/metrics/spanning-tree.js';
import { snapshotPassCounts, snapshotTiePass } from '../../src/metrics/tie-pass.js';
import { sameBits } from '../../src/metrics/util.js';
import { fakeSnap, f32, ListState, type FakeWorld } from './fake.js';
import { Cases } from '../../src/core/truth.js';

/** Cases for hand-made list entries: the label is open, as for metrics. */
const testCases = new Cases();
testCases.open = true;
const caseOf = (mistaken: boolean): number => testCases.make(0, 0, mistaken);
const withCases = (l: ListState): ListState => ((l.cases = testCases), l);

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) / 2147483647);
}

/** Every count of the tie pass, one tie end at a time, with the sums of x in the order the pass documents. */
function reference(adj: Adjacency, labels: number[] | null, k: number, groups: number[] | null, kg: number, x: number[] | null) {
  const K = Math.max(k, 1), G = Math.max(kg, 1);
  const inside = new Array<number>(K).fill(0), degree = new Array<number>(K).fill(0), mix = new Array<number>(G * G).fill(0);
  let slots = 0, same = 0, on = 0, off = 0, inOn = 0, inOff = 0;
  let c = 0;
  if (x) {
    for (const v of x) c += v;
    c = adj.n > 0 ? c / adj.n : 0;
  }
  let m2 = 0, s1 = 0, s2 = 0, sxy = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < adj.n; i++) {
    const d = adj.deg[i]!;
    if (d === 0) continue;
    const cl = labels ? labels[i]! : 0, gi = groups ? groups[i]! : 0;
    let acc = 0;
    for (let e = adj.start[i]!; e < adj.start[i]! + d; e++) {
      const j = adj.targets[e]!, L = adj.layer[e]!, sm = (labels ? labels[j]! : 0) === cl ? 1 : 0;
      if (x) acc += x[j]!;
      slots++;
      same += sm;
      inside[cl]! += sm;
      on += L >> 1;
      off += L & 1;
      inOn += (L >> 1) & sm;
      inOff += L & sm;
      mix[gi * G + (groups ? groups[j]! : 0)]!++;
    }
    degree[cl]! += d;
    if (x) {
      const xi = x[i]! - c;
      lo = Math.min(lo, xi);
      hi = Math.max(hi, xi);
      m2 += d;
      s1 += d * xi;
      s2 += d * xi * xi;
      sxy += xi * (acc - d * c);
    }
  }
  return { slots, inside, degree, same, on, off, inOn, inOff, mix, xsums: x ? [m2, s1, s2, sxy, lo, hi] : null };
}

/** A random graph: n agents, about n·k/2 ties, layer codes 1–3 (some 0 or above 3), a hub of degree ≥ 256 when asked. */
function randomGraph(r: () => number, n: number, k: number, hub: boolean, oddLayers: boolean): Adjacency {
  const src: number[] = [], dst: number[] = [], layer: number[] = [];
  for (let e = 0; e < (n * k) / 2; e++) {
    src.push(hub && e % 2 === 0 ? 0 : Math.floor(r() * n));
    dst.push(Math.floor(r() * n));
    layer.push(oddLayers && r() < 0.05 ? (r() < 0.5 ? 0 : 4 + Math.floor(r() * 10)) : 1 + Math.floor(r() * 3));
  }
  return Adjacency.fromEdges(n, src, dst, layer);
}

describe('tie pass: the specialised loops count what a plain loop counts', () => {
  const cases: [string, number, number, boolean, boolean][] = [
    // name, classes k, groups kg, with x, hub
    ['quintiles, two groups, x (the snapshot pass)', 5, 2, true, false],
    ['quintiles, two groups, x, a hub of degree ≥ 256', 5, 2, true, true],
    ['quintiles, two groups, no x', 5, 2, false, true],
    ['groups only, two groups', 0, 2, false, false],
    ['groups only, two groups, a hub', 0, 2, false, true],
    ['groups only, one group', 0, 1, false, false],
    ['x only', 0, 0, true, false],
    ['eight classes, one group, x', 8, 1, true, false],
    ['nine classes (general loop)', 9, 2, true, false],
    ['three groups (general loop)', 5, 3, true, true],
  ];
  for (const [name, k, kg, withX, hub] of cases) {
    it(name, () => {
      const r = rng(11 + k * 7 + kg);
      for (const [n, deg, odd] of [[300, 6, false], [300, 12, true], [40, 3, true]] as const) {
        const adj = randomGraph(r, n, deg, hub && n >= 300, odd);
        // the smaller group is 1 in one graph, 0 in the other
        const share = deg === 6 ? 0.2 : 0.8;
        const labels = k ? Array.from({ length: n }, () => Math.floor(r() * k)) : null;
        const groups = kg ? Array.from({ length: n }, () => (kg === 2 ? (r() < share ? 1 : 0) : Math.floor(r() * kg))) : null;
        const x = withX ? Array.from({ length: n }, () => (r() < 0.2 ? 3 : Math.round(r() * 1000) / 8)) : null;
        const want = reference(adj, labels, k, groups, kg, x);
        for (const [lab, grp, xs] of [
          [labels, groups, x],
          [labels && Uint8Array.from(labels), groups && Uint8Array.from(groups), x && Float64Array.from(x)],
        ] as const) {
          const p = tiePass(adj, lab, k, grp, kg, xs);
          expect(p.slots).toBe(want.slots);
          expect(Array.from(p.inside)).toEqual(want.inside);
          expect(Array.from(p.degree)).toEqual(want.degree);
          expect(Array.from(p.mix)).toEqual(want.mix);
          expect(p.same[0]).toBe(want.same);
          if (labels) {
            // layer counts are reported with a partition into classes
            expect(p.total).toEqual([want.slots, want.on, want.off]);
            expect(p.same).toEqual([want.same, want.inOn, want.inOff]);
          }
          if (want.xsums) expect(Array.from(p.xsums!)).toEqual(want.xsums);
          else expect(p.xsums).toBeNull();
        }
      }
    });
  }
});

const metric = (id: string) => (metricById(id) as MetricSpec).make();

describe('components kept across snapshots', () => {
  it('match a fresh count after every kind of change to the graph', () => {
    const r = rng(5);
    const n = 400;
    const src: number[] = [], dst: number[] = [];
    for (let e = 0; e < 2000; e++) {
      src.push(Math.floor(r() * (n - 3)));
      dst.push(Math.floor(r() * (n - 3)));
    }
    const adj = Adjacency.fromEdges(n, src, dst); // agents n−3 … n−1 start alone
    const f = metric('components');
    let joined = 0;
    const snapAt = (t: number): Snapshot => ({ ...fakeSnap({ n }), adj, step: t, day: t });
    for (let t = 0; t < 200; t++) {
      const what = t % 8;
      const i = Math.floor(r() * n);
      if (what === 1 && adj.deg[i]) adj.removeEdge(i, adj.targets[adj.start[i]! + Math.floor(r() * adj.deg[i]!)]!);
      else if (what === 2) adj.addEdge(i, Math.floor(r() * n));
      else if (what === 3) while (adj.deg[i]) adj.removeEdge(i, adj.targets[adj.start[i]!]!); // isolate an agent
      else if (what === 4) adj.addEdge(n - 1 - (t % 3), i); // a lone agent joins
      else if (what === 5) {
        // degree-preserving swap a–b, c–d → a–d, c–b
        const a = i, c = Math.floor(r() * n);
        if (adj.deg[a] && adj.deg[c]) {
          const b = adj.targets[adj.start[a]!]!, d = adj.targets[adj.start[c]!]!;
          if (new Set([a, b, c, d]).size === 4 && !adj.hasEdge(a, d) && !adj.hasEdge(c, b)) {
            adj.removeEdge(a, b);
            adj.removeEdge(c, d);
            adj.addEdge(a, d);
            adj.addEdge(c, b);
          }
        }
      }
      const want = connectedComponents(adj);
      let z = 0;
      for (let a = 0; a < n; a++) if (adj.deg[a] === 0) z++;
      if (want.count === z + 1) joined++; // the kept forest can vouch for these
      const got = f(snapAt(t));
      expect(got.components, `step ${t}`).toBe(want.count);
      expect(got.largest_component_share, `step ${t}`).toBe(want.largest / n);
    }
    expect(joined).toBeGreaterThan(150);
  });
});

describe('components: a bridge', () => {
  it('cut between snapshots splits the component, with no agent left alone', () => {
    // two dense clusters of 50 joined by the tie 0–50
    const src: number[] = [0], dst: number[] = [50];
    for (let c = 0; c < 2; c++)
      for (let i = 0; i < 50; i++)
        for (let j = i + 1; j < 50; j += 7) {
          src.push(50 * c + i);
          dst.push(50 * c + j);
        }
    const adj = Adjacency.fromEdges(100, src, dst);
    const f = metric('components');
    const at = (t: number): Snapshot => ({ ...fakeSnap({ n: 100 }), adj, step: t, day: t });
    expect(f(at(0))).toEqual({ components: 1, largest_component_share: 1 });
    adj.removeEdge(0, 50);
    expect(f(at(1))).toEqual({ components: 2, largest_component_share: 0.5 });
    adj.addEdge(7, 77);
    expect(f(at(2))).toEqual({ components: 1, largest_component_share: 1 });
    expect(f(at(3))).toEqual({ components: 1, largest_component_share: 1 });
  });
});

describe('components: the kept spanning tree', () => {
  const check = (adj: Adjacency, f: (s: Snapshot) => Record<string, unknown>, n: number, t: number) => {
    const want = connectedComponents(adj);
    const got = f({ ...fakeSnap({ n }), adj, step: t, day: t });
    expect(got.components, `step ${t}`).toBe(want.count);
    expect(got.largest_component_share, `step ${t}`).toBe(want.largest / n);
    return want.count;
  };
  it('matches a fresh count under heavy rewiring (a tenth of the ties moved per step)', () => {
    const r = rng(21);
    const n = 600;
    const src = Array.from({ length: 3000 }, () => Math.floor(r() * n)), dst = src.map(() => Math.floor(r() * n));
    const adj = Adjacency.fromEdges(n, src, dst);
    const f = metric('components');
    const tree = new SpanningTree();
    const counts = new Set<number>();
    for (let t = 0; t < 80; t++) {
      for (let k = 0; k < 300; k++) {
        const i = Math.floor(r() * n);
        if (adj.deg[i]) adj.removeEdge(i, adj.targets[adj.start[i]! + Math.floor(r() * adj.deg[i]!)]!);
        // fewer ties added than dropped in the middle of the run, so the graph falls apart and joins again
        if (t < 30 || t > 45 || r() < 0.5) adj.addEdge(Math.floor(r() * n), Math.floor(r() * n));
      }
      counts.add(check(adj, f, n, t));
      const want = connectedComponents(adj);
      let z = 0;
      for (let i = 0; i < n; i++) if (adj.deg[i] === 0) z++;
      const joined = want.count === z + 1 && z < n;
      const u = tree.update(adj);
      if (u !== null) expect(u, `step ${t}: the repaired tree`).toBe(z);
      if (u !== null) expect(joined, `step ${t}: a tree repaired only when joined`).toBe(true);
      if (u === null) expect(tree.build(adj), `step ${t}: a tree built exactly when joined`).toBe(joined);
    }
    expect(counts.size).toBeGreaterThan(3); // the runs went through joined and split graphs
    expect(tree.counts.repaired).toBeGreaterThan(20); // most joined steps were repairs of the kept tree
    expect(tree.counts.built).toBeGreaterThan(5);
    // 300 drops a step against a log of 1,024: most updates read the log, some find it started again
    expect(tree.counts.logged).toBeGreaterThan(10);
    expect(tree.counts.logged).toBeLessThan(tree.counts.repaired + tree.counts.built);
  });
  it('re-attaches a cut-off subtree through a tie of one of its members, and copes with numbering against the sweep', () => {
    // a star of stars: 0 – hubs 1..3, each hub with 20 leaves; the leaves of hub 1 also know each other in a ring
    const src: number[] = [], dst: number[] = [];
    for (let h = 1; h <= 3; h++) {
      src.push(0);
      dst.push(h);
      for (let k = 0; k < 20; k++) {
        src.push(h);
        dst.push(3 + (h - 1) * 20 + k + 1);
      }
    }
    for (let k = 0; k < 20; k++) {
      src.push(4 + k);
      dst.push(4 + ((k + 1) % 20));
    }
    const n = 64;
    const adj = Adjacency.fromEdges(n, src, dst);
    const f = metric('components');
    const tree = new SpanningTree();
    expect(tree.build(adj)).toBe(true);
    check(adj, f, n, 0);
    adj.removeEdge(0, 1); // hub 1 and its leaves hang on through one new tie: a leaf of hub 1 to a leaf of hub 2
    adj.addEdge(10, 30);
    expect(tree.update(adj)).toBe(0); // repaired, not counted afresh
    expect(tree.counts.logged).toBe(1); // from the log of dropped ties
    expect(tree.counts.turned).toBe(1); // hub 1's neighbours all hung under it: leaf 10 is now on top
    expect(tree.par[10]).toBe(30);
    expect(tree.par[1]).toBe(10);
    expect(check(adj, f, n, 1)).toBe(1);
    adj.removeEdge(10, 30); // now hub 1's part is cut off
    expect(tree.update(adj)).toBeNull();
    expect(check(adj, f, n, 2)).toBe(2);
    // a long path numbered against the sweep (its end far from the root comes first in index order)
    const m = 400;
    const ps = Array.from({ length: m - 1 }, (_, i) => (i === 0 ? 0 : m - i)), pd = ps.map((_, i) => m - 1 - i);
    const path = Adjacency.fromEdges(m, ps, pd);
    const t2 = new SpanningTree();
    expect(t2.build(path)).toBe(true);
    expect(check(path, metric('components'), m, 0)).toBe(1);
  });
  it('reads the log of dropped ties only for the adjacency it was checked against', () => {
    // two rings of 50 on the same agents, numbered differently: a tree of one is no tree of the other
    const ring = (step: number) => {
      const src = Array.from({ length: 50 }, (_, i) => i), dst = src.map((i) => (i + step) % 50);
      return Adjacency.fromEdges(50, src, dst);
    };
    const a = ring(1), b = ring(3);
    const tree = new SpanningTree();
    expect(tree.build(a)).toBe(true);
    b.removeEdge(0, 3); // b's log has one drop; a's tree has none of b's ties
    const u = tree.update(b);
    expect(tree.counts.logged).toBe(0); // another adjacency: every parent tie checked
    expect(u).toBe(0); // b, a path now, is joined: repaired through b's own ties
    for (let i = 0; i < 50; i++) if (tree.par[i]! >= 0) expect(b.hasEdge(i, tree.par[i]!), `agent ${i}`).toBe(true);
  });
  it('matches a fresh count on a path (deep tree) and when the root loses every tie', () => {
    const n = 300;
    const src = Array.from({ length: n - 1 }, (_, i) => i), dst = src.map((i) => i + 1);
    const adj = Adjacency.fromEdges(n, src, dst);
    const f = metric('components');
    check(adj, f, n, 0);
    adj.removeEdge(150, 151); // splits the path
    check(adj, f, n, 1);
    adj.addEdge(10, 290); // joins it again far from the cut: a long walk up the tree
    check(adj, f, n, 2);
    adj.removeEdge(0, 1); // the root (agent 0) is left alone
    expect(check(adj, f, n, 3)).toBe(2);
    adj.addEdge(0, 200);
    expect(check(adj, f, n, 4)).toBe(1);
    for (let t = 5; t < 40; t++) {
      adj.removeEdge(t, t + 1);
      check(adj, f, n, t);
      adj.addEdge(t, t + 100);
      expect(check(adj, f, n, t)).toBe(1);
    }
  });
});

describe('the snapshot tie pass', () => {
  it('equals fresh passes after every change to the graph, the groups and the scores', () => {
    const r = rng(8);
    const n = 200;
    const src = Array.from({ length: 800 }, () => Math.floor(r() * n)), dst = src.map(() => Math.floor(r() * n));
    const adj = Adjacency.fromEdges(n, src, dst); // every layer code 3
    const group = Uint8Array.from({ length: n }, () => (r() < 0.3 ? 1 : 0));
    const score = Float64Array.from({ length: n }, () => r());
    const f = ['score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share', 'group_assortativity'].map(metric);
    let swaps = 0;
    for (let t = 0; t < 60; t++) {
      if (t % 4 === 1) {
        // same degrees, other ties: only a compare of the ties tells
        const a = Math.floor(r() * n), c = Math.floor(r() * n);
        const b = adj.targets[adj.start[a]!]!, d = adj.targets[adj.start[c]!]!;
        if (adj.deg[a] && adj.deg[c] && new Set([a, b, c, d]).size === 4 && !adj.hasEdge(a, d) && !adj.hasEdge(c, b)) {
          const la = adj.layerOf(a, b), lc = adj.layerOf(c, d);
          adj.removeEdge(a, b);
          adj.removeEdge(c, d);
          adj.addEdge(a, d, la);
          adj.addEdge(c, b, lc);
          swaps++;
        }
      } else if (t % 8 === 2) adj.setLayer(0, adj.targets[adj.start[0]!]!, 1 + (t % 3));
      else if (t % 8 === 3) group[t % n] ^= 1;
      else if (t % 8 === 7) score[t % n] = r();
      const s: Snapshot = { ...fakeSnap({ n }), adj, group, score, scoreRange: [0, 1], step: t, day: t };
      const row = Object.assign({}, ...f.map((g) => g(s)));
      // fresh passes (no cache) on the same state
      const q = quantileLabels(argsort(score), 5);
      const strata = tiePass(adj, q, 5, null, 0);
      expect(row.score_assortativity, `step ${t}`).toBe(newmanScalarAssortativity(adj, score));
      expect(row.stratum_modularity, `step ${t}`).toBe(modularityOf(strata));
      expect(row.cross_stratum_tie_share_offline, `step ${t}`).toBe(crossShareOf(strata, 1));
      expect(row.group_assortativity, `step ${t}`).toBe(categoricalAssortativity(mixingMatrix(adj, group, 2)));
    }
    expect(swaps).toBeGreaterThan(5);
  });
});

describe('the snapshot tie pass with every part at once', () => {
  // what a simulation's record asks for: all three parts in one pass (tieNeeds), on one adjacency
  // from record to record, its log trimmed after each (src/core/simulation.ts)
  const check = (grid: boolean, layers: boolean) => {
    const r = rng(grid ? 31 : 30);
    const n = 300;
    const src = Array.from({ length: 1500 }, () => Math.floor(r() * n)), dst = src.map(() => Math.floor(r() * n));
    const adj = Adjacency.fromEdges(n, src, dst);
    const group = Uint8Array.from({ length: n }, () => (r() < 0.3 ? 1 : 0));
    const draw = () => (grid ? Math.floor(r() * 8) / 8 : r()); // on a grid of 8 values, the cuts are shared
    const score = Float64Array.from({ length: n }, draw);
    const before = { ...snapshotPassCounts };
    for (let t = 0; t < 40; t++) {
      for (let k = 0; k < 20; k++) {
        const i = Math.floor(r() * n);
        if (adj.deg[i] && r() < 0.5) adj.removeEdge(i, adj.targets[adj.start[i]! + Math.floor(r() * adj.deg[i]!)]!);
        else adj.addEdge(i, Math.floor(r() * n), layers && r() < 0.3 ? 1 + Math.floor(r() * 2) : 3);
        score[Math.floor(r() * n)] = draw();
      }
      if (t % 10 === 5) group[t] ^= 1; // the groups change now and then: the kept mixing is dropped
      if (t % 7 === 3) adj.trimLog(); // trimmed before the record read the step's changes: counted afresh
      if (t === 20) for (let k = 0; k < 5000; k++) adj.addEdge(k % n, (k * 13 + 1) % n) && adj.removeEdge(k % n, (k * 13 + 1) % n); // the log fills: counted afresh
      const s: Snapshot = { ...fakeSnap({ n }), adj, group, score, scoreRange: [0, 1], step: t, day: t, tieNeeds: ['score-ties', 'strata', 'groups'] };
      const p = snapshotTiePass(s);
      const q = quantileLabels(argsort(score), 5);
      const want = reference(adj, Array.from(q), 5, Array.from(group), 2, Array.from(score));
      expect([p.slots, ...p.inside, ...p.degree, ...p.same, ...p.total], `step ${t}`).toEqual([want.slots, ...want.inside, ...want.degree, want.same, want.inOn, want.inOff, want.slots, want.on, want.off]);
      expect(Array.from(p.mix), `step ${t}`).toEqual(want.mix);
      expect(Array.from(p.xsums!), `step ${t}`).toEqual(want.xsums);
      adj.trimLog(); // as the simulation does after each record
    }
    return { keptMix: snapshotPassCounts.keptMix - before.keptMix, cuts: snapshotPassCounts.cuts - before.cuts };
  };
  it('equals a count tie end by tie end, reading classes off distinct scores, every layer code 3', () => {
    const used = check(false, false);
    expect(used.cuts).toBe(40); // every record read the classes off the scores
    // the group mixing from the kept matrix but at the first record, the 4 after the groups changed,
    // the 6 after a trim that came before the record, and the one after the log filled
    expect(used.keptMix).toBe(40 - 1 - 4 - 6 - 1);
  });
  it('equals it with mixed layer codes, and with scores on a grid (shared cuts: classes from the labels)', () => {
    expect(check(false, true).cuts).toBe(40);
    expect(check(true, true).cuts).toBe(0);
  });
});

describe('gini_wealth kept while wealth holds the same values', () => {
  it('equals a fresh Gini after every change made in place, and between them', () => {
    const r = rng(12);
    const n = 500;
    const wealth = Float64Array.from({ length: n }, () => r() * 100);
    const f = metric('gini_wealth');
    for (let t = 0; t < 30; t++) {
      if (t % 3 === 1) wealth[Math.floor(r() * n)] = r() * 100; // the same array, one value changed
      const s: Snapshot = { ...fakeSnap({ n }), wealth, step: t, day: t };
      expect(f(s).gini_wealth, `step ${t}`).toBe(gini(wealth));
    }
  });
});

describe('household spillover', () => {
  it('equals Pearson r of listing and the other members’ mean lost opportunities', () => {
    const r = rng(3);
    for (let t = 0; t < 30; t++) {
      const n = 50 + Math.floor(r() * 100);
      const household = Array.from({ length: n }, (_, i) => (r() < 0.1 ? -1 : Math.floor(i / (1 + (t % 4)))));
      const l = withCases(new ListState('court', 'black', n));
      const p = t % 5 === 0 ? 0 : 0.2; // nobody listed now and then
      for (let i = 0; i < n; i++) if (r() < p) l.add(i, 0, 100, caseOf(false), true);
      const lost = Int32Array.from({ length: n }, () => (t % 7 === 0 ? 0 : r() < 0.3 ? Math.floor(r() * 4) : 0));
      const s = fakeSnap({ n, household, blackLists: [l], columns: { lost_opportunities: lost } });
      const y = othersMean(household, lost);
      const mask = Uint8Array.from(y, (v) => (v === v ? 1 : 0));
      const want = pearson(s.anyBlack, Float64Array.from(y, (v) => (v === v ? v : 0)), mask);
      expect(metric('household_spillover')(s).household_spillover, `case ${t}`).toBe(want);
    }
  });
});

describe('byte columns and other columns give the same counts', () => {
  it('fairness and benefit metrics', () => {
    const r = rng(21);
    for (let t = 0; t < 20; t++) {
      const n = 60 + Math.floor(r() * 60);
      const l = withCases(new ListState('court', 'black', n));
      for (let i = 0; i < n; i++) if (r() < 0.3) l.add(i, 0, 100, caseOf(false), true);
      const bytes = (p: number) => Uint8Array.from({ length: n }, () => (r() < p ? 1 + Math.floor(r() * 2) : 0));
      const cols = {
        acted_window: bytes(0.3),
        wrong_record_window: bytes(0.2),
        benefit: bytes(0.4),
        benefit_eligible: bytes(0.7),
      };
      const w: FakeWorld = { n, group: Array.from({ length: n }, () => (r() < 0.4 ? 1 : 0)), blackLists: [l] };
      const s8 = fakeSnap({ ...w, columns: cols });
      const s32 = fakeSnap({ ...w, columns: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, f32(Array.from(v))])) });
      for (const id of ['equalized_odds_gap', 'wrongful_record_rate_ratio', 'benefit_disparate_impact'])
        expect(metric(id)(s8), `${id} case ${t}`).toEqual(metric(id)(s32));
    }
  });
});

describe('sameBits', () => {
  it('tells a change in any element, of any kind and length, bit for bit', () => {
    for (const make of [(n: number) => new Float64Array(n), (n: number) => new Float32Array(n), (n: number) => new Int32Array(n), (n: number) => new Uint8Array(n)]) {
      for (let n = 0; n < 23; n++) {
        const a = make(n).map((_, i) => (i * 37) % 11);
        expect(sameBits(a, a.slice()), `${a.constructor.name} ${n}`).toBe(true);
        for (let i = 0; i < n; i++) {
          const b = a.slice();
          b[i] = b[i]! + 1;
          expect(sameBits(a, b), `${a.constructor.name} ${n} at ${i}`).toBe(false);
        }
      }
    }
    expect(sameBits(Float64Array.of(NaN), Float64Array.of(NaN))).toBe(true);
    expect(sameBits(Float64Array.of(0), Float64Array.of(-0))).toBe(false);
    expect(sameBits(new Int32Array(4), new Uint8Array(4))).toBe(false);
    // a view that does not start on a 4-byte boundary
    const buf = new Uint8Array(40).map((_, i) => i);
    expect(sameBits(buf.subarray(1, 30), buf.slice(1, 30))).toBe(true);
  });
});
