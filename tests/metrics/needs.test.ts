/**
 * A metric pays only for what it needs: the snapshot's pass over the tie ends computes only the
 * parts (score sums, score strata, group mixing) that the recorded metrics declare in `needs`,
 * and every part has the same value, bit for bit, whichever other parts are computed with it.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency } from '../../src/core/adjacency.js';
import { runScenario } from '../../src/index.js';
import { METRICS } from '../../src/metrics/index.js';
import { snapshotTieParts, tiePass } from '../../src/metrics/tie-pass.js';
import { fakeSnap } from './fake.js';

/** A seeded random world with a score, two groups, every layer code and a hub of degree > 256. */
function world(n: number, seed: number) {
  let z = seed;
  const r = () => ((z = (z * 16807) % 2147483647) / 2147483647);
  const edges: number[][] = [];
  for (let e = 0; e < 4 * n; e++) edges.push([Math.floor(r() * n), Math.floor(r() * n), 1 + Math.floor(r() * 3)]);
  for (let j = 1; j < n; j += 2) edges.push([0, j, 3]); // agent 0: degree > 256 when n > 520
  return {
    n,
    edges,
    group: Array.from({ length: n }, () => (r() < 0.3 ? 1 : 0)),
    score: Array.from({ length: n }, () => 300 + r() * 550),
    scoreRange: [300, 850] as [number, number],
  };
}

const same = (a: ArrayLike<number> | null, b: ArrayLike<number> | null) =>
  a === null || b === null ? a === b : a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

describe('the tie pass computes only what the recorded metrics need', () => {
  it('each metric alone computes exactly the parts it declares', () => {
    const declared = new Map<string, string[]>();
    for (const m of METRICS) {
      const s = fakeSnap(world(700, 3));
      m.make()(s);
      const parts = snapshotTieParts(s);
      expect(parts, m.id).toEqual([...(m.needs ?? [])].sort((a, b) => ['score-ties', 'strata', 'groups'].indexOf(a) - ['score-ties', 'strata', 'groups'].indexOf(b)));
      declared.set(m.id, parts);
    }
    // the benchmark's record reads no quintiles and no groups
    expect(declared.get('score_assortativity')).toEqual(['score-ties']);
    expect(declared.get('mean_score')).toEqual([]);
    expect(declared.get('tie_count')).toEqual([]);
    expect(declared.get('stratum_modularity')).toEqual(['strata']);
    expect(declared.get('group_assortativity')).toEqual(['groups']);
  });

  it('a part has the same bits alone or with the others (plain-loop, byte-key and general loops)', () => {
    const w = world(900, 7);
    const adj = Adjacency.fromEdges(w.n, w.edges.map((e) => e[0]!), w.edges.map((e) => e[1]!), w.edges.map((e) => e[2]!));
    expect(adj.deg[0]).toBeGreaterThan(256);
    const x = Float64Array.from(w.score);
    const q = Uint8Array.from({ length: w.n }, (_, i) => i % 5);
    const g2 = Uint8Array.from(w.group);
    const g3 = Uint8Array.from({ length: w.n }, (_, i) => i % 3); // three groups: the general loop
    const alone = tiePass(adj, null, 0, null, 0, x);
    for (const full of [tiePass(adj, q, 5, g2, 2, x), tiePass(adj, q, 5, g3, 3, x), tiePass(adj, null, 0, g2, 2, x), tiePass(adj, q, 5, null, 0, x)]) {
      expect(same(alone.xsums, full.xsums)).toBe(true);
      expect(alone.slots).toBe(full.slots);
    }
    const strata = tiePass(adj, q, 5, null, 0);
    const both = tiePass(adj, q, 5, g2, 2, x);
    expect(same(strata.inside, both.inside) && same(strata.degree, both.degree)).toBe(true);
    expect(strata.total).toEqual(both.total);
    expect(strata.same).toEqual(both.same);
    expect(same(tiePass(adj, null, 0, g2, 2).mix, both.mix)).toBe(true);
  });

  const cases = [
    {
      name: 'the benchmark model',
      scenario: { seed: 2, steps: 8, population: { agents: 600, householdSize: 1 }, graph: { model: 'erdos-renyi', meanDegree: 10, households: false }, behaviour: {}, regimes: { 'friend-cleanup': { c: 0.2 } } },
      subsets: [['mean_score', 'score_assortativity', 'tie_count']],
    },
    {
      name: 'groups, layers and social cleanup',
      scenario: { seed: 4, steps: 8, population: { agents: 600 }, graph: { model: 'sbm', meanDegree: 8, homophily: 0.5, onlineOnlyShare: 0.5 }, regimes: { sesame: {} }, adaptations: { cleanup: { rate: 0.2, aware: 'all' } } },
      subsets: [
        ['mean_score', 'score_assortativity', 'tie_count'],
        ['stratum_modularity'],
        ['cross_stratum_tie_share', 'group_ei_index'],
        ['group_assortativity', 'group_freeman_segregation', 'score_assortativity'],
      ],
    },
  ];
  for (const c of cases)
    it(`a run recording a few metrics gives the values of a run recording all (${c.name})`, async () => {
      const all = await runScenario({ ...c.scenario, metrics: 'all', record: { every: 2 } });
      expect(all.rows.length).toBe(5);
      for (const subset of c.subsets) {
        const few = await runScenario({ ...c.scenario, metrics: subset, record: { every: 2 } });
        expect(few.rows.length).toBe(all.rows.length);
        for (let r = 0; r < few.rows.length; r++)
          for (const col of few.columns) {
            const a = few.rows[r]![col], b = all.rows[r]![col];
            expect(Object.is(a, b), `${subset.join(',')}: row ${r}, ${col}: ${a} vs ${b}`).toBe(true);
          }
        for (const col of ['score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share', 'group_assortativity'])
          if (few.columns.includes(col)) expect(typeof few.rows.at(-1)![col], col).toBe('number'); // values, not nulls on both sides
      }
    });
});
