/**
 * The metric registry: canonical columns, ids, null-not-zero when a metric does not apply, and
 * the cost of computing every metric at 100,000 agents and 1,000,000 ties.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency } from '../../src/core/adjacency.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { DEFAULT_METRICS, METRIC_COLUMNS, METRICS, metricById } from '../../src/metrics/index.js';
import { fakeSnap, ListState, WindowStats } from './fake.js';

const CANONICAL = [
  'mean_score', 'score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share',
  'cross_stratum_tie_share_online', 'cross_stratum_tie_share_offline', 'group_assortativity',
  'group_ei_index', 'group_freeman_segregation', 'score_bimodality', 'score_esteban_ray', 'components',
  'largest_component_share', 'listed_rate_ratio', 'wrongful_record_rate_ratio', 'benefit_disparate_impact',
  'score_gap', 'equalized_odds_gap', 'gini_wealth', 'gini_score', 'theil_wealth', 'theil_wealth_between',
  'shorrocks_mobility', 'bottom_persistence', 'household_spillover', 'listed_share', 'redlisted_share',
  'wrongful_listed_share', 'listed_without_notice_share', 'mean_days_to_delist', 'violation_rate',
  'default_rate', 'dissent_rate', 'approval_mean', 'approval_mean_minority', 'approval_mean_majority',
  'approval_q1', 'approval_q2', 'approval_q3', 'approval_q4', 'approval_q5', 'data_points_per_agent',
  'tie_count', 'mean_degree',
];

function runAll(snap: Snapshot): Record<string, number | null> {
  const row: Record<string, number | null> = {};
  for (const m of METRICS) {
    const r = m.make()(snap);
    expect(Object.keys(r).sort(), m.id).toEqual([...m.columns].sort());
    Object.assign(row, r);
  }
  return row;
}

describe('registry', () => {
  it('columns are distinct and exactly the canonical set', () => {
    expect(new Set(METRIC_COLUMNS).size).toBe(METRIC_COLUMNS.length);
    expect([...METRIC_COLUMNS].sort()).toEqual([...CANONICAL].sort());
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
    for (const m of METRICS) {
      expect(m.columns[0], m.id).toBe(m.id);
      expect(m.doc.length, m.id).toBeGreaterThan(10);
    }
  });

  it('ids resolve, columns resolve to their metric, defaults exist', () => {
    for (const id of DEFAULT_METRICS) expect(metricById(id)?.id).toBe(id);
    expect(metricById('largest_component_share')?.id).toBe('components');
    expect(metricById('approval_q3')?.id).toBe('approval_mean');
    expect(metricById('nope')).toBeUndefined();
  });

  it('a bare world (no score, lists, groups, ties, columns, days) gives null, not 0', () => {
    const row = runAll(fakeSnap({ n: 5 }));
    const applies: Record<string, number> = {
      tie_count: 0,
      mean_degree: 0,
      components: 5,
      largest_component_share: 0.2,
      gini_wealth: 0,
      theil_wealth: 0,
      data_points_per_agent: 0,
    };
    for (const c of CANONICAL) {
      if (c in applies) expect(row[c], c).toBe(applies[c]);
      else expect(row[c], c).toBeNull();
    }
  });

  it('every score metric is null without a score, whatever else the world has', () => {
    const l = new ListState('court', 'black', 4);
    l.add(1, 0, 10, false, false);
    const row = runAll(
      fakeSnap({ n: 4, edges: [[0, 1], [1, 2], [2, 3]], group: [0, 0, 1, 1], wealth: [1, 2, 3, 4], blackLists: [l] }),
    );
    for (const c of [
      'mean_score', 'score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share',
      'cross_stratum_tie_share_online', 'cross_stratum_tie_share_offline', 'score_bimodality',
      'score_esteban_ray', 'score_gap', 'gini_score',
    ])
      expect(row[c], c).toBeNull();
    expect(row.listed_share).toBe(0.25);
    expect(row.group_ei_index).toBeCloseTo(-1 / 3, 14);
    // no minority listed and no minority at all are different things
    expect(row.listed_rate_ratio).toBe(0);
  });

  it('never NaN or undefined on a random world', () => {
    const n = 500;
    let seed = 1;
    const r = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const edges = Array.from({ length: 1500 }, () => [Math.floor(r() * n), Math.floor(r() * n), 1 + Math.floor(r() * 3)]);
    const l = new ListState('court', 'black', n);
    for (let i = 0; i < n; i += 7) l.add(i, 0, 10, i % 3 === 0, i % 2 === 0);
    const row = runAll(
      fakeSnap({
        n,
        edges,
        group: Array.from({ length: n }, () => (r() < 0.3 ? 1 : 0)),
        wealth: Array.from({ length: n }, () => r() * 100 - 10),
        household: Array.from({ length: n }, (_, i) => Math.floor(i / 3)),
        score: Array.from({ length: n }, () => 350 + r() * 600),
        scoreRange: [350, 950],
        blackLists: [l],
        columns: { lost_opportunities: Int32Array.from({ length: n }, () => Math.floor(r() * 3)) },
      }),
    );
    for (const c of CANONICAL) expect(row[c] === null || Number.isFinite(row[c]), c).toBe(true);
  });
});

describe('cost at 100,000 agents and 1,000,000 ties', () => {
  it('computes every metric in well under a simulation step', () => {
    const n = 100_000, m = 1_000_000;
    let seed = 42;
    const r = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const src = new Int32Array(m), dst = new Int32Array(m), layer = new Uint8Array(m);
    for (let e = 0; e < m; e++) {
      src[e] = Math.floor(r() * n);
      dst[e] = Math.floor(r() * n);
      layer[e] = 1 + Math.floor(r() * 3);
    }
    const adj = Adjacency.fromEdges(n, src, dst, layer);
    const court = new ListState('court', 'black', n);
    const honours = new ListState('honours', 'red', n);
    for (let i = 0; i < n; i += 13) court.add(i, 0, 100, i % 5 === 0, i % 2 === 0);
    for (let i = 3; i < n; i += 17) honours.add(i, 0, 100, false, true);
    const anyBlack = court.on.slice();
    const stats = new WindowStats();
    stats.days = 1;
    const group = Uint8Array.from({ length: n }, () => (r() < 0.2 ? 1 : 0));
    const wealth = Float64Array.from({ length: n }, () => Math.exp(3 * r()));
    const score = Float64Array.from({ length: n }, () => 350 + 600 * r());
    const household = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 3));
    const cols: Record<string, Uint8Array | Float32Array | Int32Array> = {
      approval: Float32Array.from({ length: n }, () => r()),
      acted_window: Uint8Array.from({ length: n }, () => (r() < 0.1 ? 1 : 0)),
      wrong_record_window: Uint8Array.from({ length: n }, () => (r() < 0.05 ? 1 : 0)),
      benefit: Uint8Array.from({ length: n }, () => (r() < 0.3 ? 1 : 0)),
      benefit_eligible: new Uint8Array(n).fill(1),
      lost_opportunities: Int32Array.from({ length: n }, () => Math.floor(r() * 4)),
    };
    const fns = METRICS.map((mm) => mm.make());
    // reference: one neighbour-mean pass over the same adjacency (BENCHMARK.md: ≈ 5 ms on the 2-core machine)
    const mean = new Float64Array(n);
    const neighbourMean = () => {
      const { start, deg, targets } = adj;
      for (let i = 0; i < n; i++) {
        const s = start[i]!, d = deg[i]!;
        let a = 0;
        for (let e = s; e < s + d; e++) a += score[targets[e]!]!;
        mean[i] = d ? a / d : score[i]!;
      }
    };
    const all: number[] = [], ref: number[] = [];
    for (let step = 0; step < 12; step++) {
      // new scores and wealth every step, as in a run: no order or sum is carried over from the last one
      for (let i = 0; i < n; i++) {
        score[i] = 350 + 600 * r();
        wealth[i] = Math.exp(3 * r());
      }
      const snap: Snapshot = {
        n, step, day: step, daysPerStep: 1, adj, group, wealth, income: wealth, household, score,
        scoreRange: [350, 950], blackLists: [court], redLists: [honours], anyBlack, stats,
        column: (name) => cols[name], metricParams: {},
      };
      let t0 = performance.now();
      neighbourMean();
      ref.push(performance.now() - t0);
      t0 = performance.now();
      for (const f of fns) f(snap);
      all.push(performance.now() - t0);
    }
    const med = (a: number[]) => [...a.slice(2)].sort((x, y) => x - y)[(a.length - 2) >> 1]!;
    const ratio = med(all) / med(ref);
    console.log(
      `all ${METRICS.length} metrics at n=1e5, m=1e6: median ${med(all).toFixed(1)} ms = ${ratio.toFixed(1)} × a neighbour-mean pass (${med(ref).toFixed(1)} ms)`,
    );
    // ≈ 6–8 on the loaded 2-core machine (a simulation step is ≈ 2.3 such passes); room for noisy runners
    expect(ratio).toBeLessThan(16);
  });
});
