/**
 * The metric registry: canonical columns, ids, and null-not-zero when a metric does not apply.
 * (The cost of recording every metric is measured by `npm run bench`, not by a timed test.)
 */
import { describe, expect, it } from 'vitest';
import { Adjacency } from '../../src/core/adjacency.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { DEFAULT_METRICS, METRIC_COLUMNS, METRICS, metricById } from '../../src/metrics/index.js';
import { fakeSnap, ListState, WindowStats } from './fake.js';
import { Cases } from '../../src/core/truth.js';

/** Cases for hand-made list entries: the label is open, as for metrics. */
const testCases = new Cases();
testCases.open = true;
const caseOf = (mistaken: boolean): number => testCases.make(0, 0, mistaken);
const withCases = (l: ListState): ListState => ((l.cases = testCases), l);

const CANONICAL = [
  'mean_score', 'score_sd', 'score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share',
  'cross_stratum_tie_share_online', 'cross_stratum_tie_share_offline', 'group_assortativity',
  'group_ei_index', 'group_freeman_segregation', 'score_bimodality', 'score_esteban_ray', 'components',
  'largest_component_share', 'listed_rate_ratio', 'wrongful_record_rate_ratio', 'benefit_disparate_impact',
  'score_gap', 'equalized_odds_gap', 'gini_wealth', 'gini_score', 'theil_wealth', 'theil_wealth_between',
  'shorrocks_mobility', 'bottom_persistence', 'household_spillover', 'listed_share', 'redlisted_share',
  'wrongful_listed_share', 'listed_without_notice_share', 'mean_days_to_delist', 'violation_rate',
  'default_rate', 'dissent_rate', 'approval_mean', 'approval_mean_minority', 'approval_mean_majority',
  'approval_q1', 'approval_q2', 'approval_q3', 'approval_q4', 'approval_q5', 'data_points_per_agent',
  'tie_count', 'mean_degree', 'ties_dropped', 'ties_made',
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
      ties_dropped: 0,
      ties_made: 0,
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
    const l = withCases(new ListState('court', 'black', 4));
    l.add(1, 0, 10, caseOf(false), false);
    const row = runAll(
      fakeSnap({ n: 4, edges: [[0, 1], [1, 2], [2, 3]], group: [0, 0, 1, 1], wealth: [1, 2, 3, 4], blackLists: [l] }),
    );
    for (const c of [
      'mean_score', 'score_sd', 'score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share',
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
    const l = withCases(new ListState('court', 'black', n));
    for (let i = 0; i < n; i += 7) l.add(i, 0, 10, caseOf(i % 3 === 0), i % 2 === 0);
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
