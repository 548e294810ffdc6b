/**
 * Snapshot-level metrics on a tiny world computed by hand.
 *
 * Agents 0–6; ties: triangle 0-1-2 and triangle 3-4-5 (offline), bridge 2-3 (online),
 * tie 0-1 both layers; agent 6 isolated. Group: 0,1,2 majority, 3,4,5,6 minority.
 * Score 1..7 (range [0, 10]) → quintiles floor(5·rank/7) = [0,0,1,2,2,3,4].
 * Wealth 7..1 → wealth quintiles [4,3,2,2,1,0,0].
 */
import { describe, expect, it } from 'vitest';
import type { MetricSpec, Snapshot } from '../../src/core/snapshot.js';
import { metricById } from '../../src/metrics/index.js';
import { fakeSnap, ListState, u8, i32, f32, WindowStats, type FakeWorld } from './fake.js';
import { Cases } from '../../src/core/truth.js';

/** Cases for hand-made list entries: the label is open, as for metrics. */
const testCases = new Cases();
testCases.open = true;
const caseOf = (mistaken: boolean): number => testCases.make(0, 0, mistaken);
const withCases = (l: ListState): ListState => ((l.cases = testCases), l);

function compute(id: string, snap: Snapshot) {
  const m = metricById(id) as MetricSpec;
  expect(m, id).toBeDefined();
  return m.make()(snap);
}

function world(extra: Partial<FakeWorld> = {}): FakeWorld {
  const court = withCases(new ListState('court', 'black', 7));
  court.add(0, 1, Infinity, caseOf(false), false);
  court.add(3, 1, Infinity, caseOf(true), false);
  court.add(4, 1, Infinity, caseOf(false), true);
  court.add(5, 1, Infinity, caseOf(false), true);
  court.markDue(5, 10);
  court.remove(5, 14);
  const speech = withCases(new ListState('speech', 'black', 7));
  speech.add(3, 2, Infinity, caseOf(false), true);
  speech.add(6, 2, Infinity, caseOf(true), true);
  const honours = withCases(new ListState('honours', 'red', 7));
  honours.add(1, 1, 30, caseOf(false), true);
  honours.add(2, 1, 30, caseOf(false), true);
  const stats = new WindowStats();
  stats.days = 2;
  stats.violations[0] = 3; // finance
  stats.violations[1] = 1; // law
  stats.violations[3] = 5; // speech: not counted as violations
  stats.expressions[3] = 4;
  stats.dataPoints = 28;
  return {
    n: 7,
    edges: [
      [0, 1, 3],
      [0, 2, 1],
      [1, 2, 1],
      [3, 4, 1],
      [3, 5, 1],
      [4, 5, 1],
      [2, 3, 2],
    ],
    group: [0, 0, 0, 1, 1, 1, 1],
    wealth: [7, 6, 5, 4, 3, 2, 1],
    household: [0, 0, 1, 1, 2, 2, 2],
    score: [1, 2, 3, 4, 5, 6, 7],
    scoreRange: [0, 10],
    blackLists: [court, speech],
    redLists: [honours],
    stats,
    columns: {
      approval: f32([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3]),
      acted_window: u8([2, 0, 2, 0, 4, 0, 0]),
      wrong_record_window: u8([0, 1, 0, 1, 0, 0, 1]),
      benefit: u8([1, 1, 0, 1, 0, 0, 0]),
      benefit_eligible: u8([1, 1, 1, 1, 1, 0, 0]),
      lost_opportunities: i32([0, 2, 5, 1, 0, 3, 6]),
    },
    ...extra,
  };
}

describe('network metrics on the tiny world', () => {
  const s = fakeSnap(world());
  it('score, strata and components', () => {
    expect(compute('mean_score', s)).toEqual({ mean_score: 4 });
    expect(compute('stratum_modularity', s).stratum_modularity).toBeCloseTo(1 / 98, 14);
    const c = compute('cross_stratum_tie_share', s);
    expect(c.cross_stratum_tie_share).toBeCloseTo(5 / 7, 14);
    expect(c.cross_stratum_tie_share_online).toBeCloseTo(1 / 2, 14);
    expect(c.cross_stratum_tie_share_offline).toBeCloseTo(2 / 3, 14);
    expect(compute('components', s)).toEqual({ components: 2, largest_component_share: 6 / 7 });
    expect(compute('tie_count', s)).toEqual({ tie_count: 7 });
    expect(compute('mean_degree', s)).toEqual({ mean_degree: 2 });
  });

  it('group mixing: r = 5/7, E-I = −5/7, Freeman S = 0.75', () => {
    expect(compute('group_assortativity', s).group_assortativity).toBeCloseTo(5 / 7, 14);
    expect(compute('group_ei_index', s).group_ei_index).toBeCloseTo(-5 / 7, 14);
    expect(compute('group_freeman_segregation', s).group_freeman_segregation).toBeCloseTo(0.75, 14);
  });

  it('score assortativity equals the brute-force Pearson over tie ends', () => {
    const x = [1, 2, 3, 4, 5, 6, 7];
    const e = world().edges!;
    const a = e.flatMap(([i, j]) => [x[i!]!, x[j!]!]);
    const b = e.flatMap(([i, j]) => [x[j!]!, x[i!]!]);
    const ma = a.reduce((p, q) => p + q) / a.length;
    let cov = 0, va = 0;
    for (let k = 0; k < a.length; k++) {
      cov += (a[k]! - ma) * (b[k]! - ma);
      va += (a[k]! - ma) ** 2;
    }
    expect(compute('score_assortativity', s).score_assortativity).toBeCloseTo(cov / va, 12);
  });

  it('polarization of the score', () => {
    expect(compute('score_bimodality', s).score_bimodality).toBeCloseTo(1 / 4.2, 12);
    // bins of width 1 on [0, 10]: scores 1..7 each alone in bins 1..7 (π = 1/7, y = (b + ½)/10)
    const y = [1, 2, 3, 4, 5, 6, 7].map((b) => (b + 0.5) / 10);
    let p = 0;
    for (const yi of y) for (const yj of y) p += (1 / 7) ** 2.6 * (1 / 7) * Math.abs(yi - yj);
    expect(compute('score_esteban_ray', s).score_esteban_ray).toBeCloseTo(p, 14);
    const two = fakeSnap({ n: 6, score: [0, 0, 0, 10, 10, 10], scoreRange: [0, 10] });
    expect(compute('score_esteban_ray', two).score_esteban_ray).toBeCloseTo(0.9 * 0.5 ** 2.6, 14);
    const alpha1 = fakeSnap({
      n: 4,
      score: [0, 0, 10, 10],
      scoreRange: [0, 10],
      metricParams: { 'score_esteban_ray.alpha': 1, 'score_esteban_ray.bins': 2 },
    });
    expect(compute('score_esteban_ray', alpha1).score_esteban_ray).toBeCloseTo(2 * 0.5 ** 2 * 0.5 * 0.5, 14);
    const bad = fakeSnap({ n: 2, score: [0, 1], metricParams: { 'score_esteban_ray.bins': 2.5 } });
    expect(() => compute('score_esteban_ray', bad)).toThrow(/score_esteban_ray\.bins/);
  });
});

describe('discrimination on the tiny world', () => {
  const s = fakeSnap(world());
  it('listed rate ratio (3/4) / (1/3) = 2.25', () => {
    expect(compute('listed_rate_ratio', s).listed_rate_ratio).toBeCloseTo(2.25, 14);
  });
  it('wrongful record rate ratio (2/3) / (1/1)', () => {
    expect(compute('wrongful_record_rate_ratio', s).wrongful_record_rate_ratio).toBeCloseTo(2 / 3, 14);
  });
  it('equalized odds gap max(|1 − 1/2|, |2/3 − 0|) = 2/3', () => {
    expect(compute('equalized_odds_gap', s).equalized_odds_gap).toBeCloseTo(2 / 3, 14);
  });
  it('benefit disparate impact (1/2)/(2/3); with nobody eligible, over all agents (1/4)/(2/3)', () => {
    expect(compute('benefit_disparate_impact', s).benefit_disparate_impact).toBeCloseTo(0.75, 14);
    const w = world();
    w.columns!.benefit_eligible = u8([0, 0, 0, 0, 0, 0, 0]);
    expect(compute('benefit_disparate_impact', fakeSnap(w)).benefit_disparate_impact).toBeCloseTo(0.375, 14);
    w.columns!.benefit = u8([0, 0, 0, 0, 0, 0, 0]);
    expect(compute('benefit_disparate_impact', fakeSnap(w)).benefit_disparate_impact).toBeNull();
  });
  it('score gap 2 − 5.5 = −3.5', () => {
    expect(compute('score_gap', s)).toEqual({ score_gap: -3.5 });
  });
});

describe('stratification on the tiny world', () => {
  const s = fakeSnap(world());
  it('gini of wealth and score is 2/7', () => {
    expect(compute('gini_wealth', s).gini_wealth).toBeCloseTo(2 / 7, 14);
    expect(compute('gini_score', s).gini_score).toBeCloseTo(2 / 7, 14);
  });
  it('theil of wealth and its between-group part', () => {
    const x = [7, 6, 5, 4, 3, 2, 1];
    const t = x.reduce((a, v) => a + (v / 4) * Math.log(v / 4), 0) / 7;
    const tb = (3 / 7) * 1.5 * Math.log(1.5) + (4 / 7) * 0.625 * Math.log(0.625);
    const r = compute('theil_wealth', s);
    expect(r.theil_wealth).toBeCloseTo(t, 14);
    expect(r.theil_wealth_between).toBeCloseTo(tb, 14);
  });
  it('household spillover: r(x, y), x listed, y mean lost opportunities of the others', () => {
    // x = [1,0,0,1,1,0,1], y = [2,0,1,5,4.5,3,1.5]
    const want = 23 / 7 / Math.sqrt((12 / 7) * (283 / 14));
    expect(compute('household_spillover', s).household_spillover).toBeCloseTo(want, 12);
  });
});

describe('due process, behaviour, attitudes on the tiny world', () => {
  const s = fakeSnap(world());
  it('list shares and window counters', () => {
    expect(compute('listed_share', s).listed_share).toBeCloseTo(4 / 7, 14);
    expect(compute('redlisted_share', s).redlisted_share).toBeCloseTo(2 / 7, 14);
    expect(compute('wrongful_listed_share', s).wrongful_listed_share).toBeCloseTo(2 / 7, 14);
    expect(compute('listed_without_notice_share', s).listed_without_notice_share).toBeCloseTo(1 / 3, 14);
    expect(compute('mean_days_to_delist', s)).toEqual({ mean_days_to_delist: 4 });
  });
  it('rates per agent per day', () => {
    expect(compute('violation_rate', s).violation_rate).toBeCloseTo(4 / 14, 14);
    expect(compute('default_rate', s).default_rate).toBeCloseTo(3 / 14, 14);
    expect(compute('dissent_rate', s).dissent_rate).toBeCloseTo(4 / 14, 14);
    expect(compute('data_points_per_agent', s)).toEqual({ data_points_per_agent: 2 });
    const weekly = fakeSnap(world({ daysPerStep: 7 }));
    // 2 days of a 7-day step → fewer than one step → divide by 1
    expect(compute('data_points_per_agent', weekly)).toEqual({ data_points_per_agent: 4 });
  });
  it('approval by group and by wealth quintile', () => {
    const r = compute('approval_mean', s);
    const want: Record<string, number> = {
      approval_mean: 0.6,
      approval_mean_majority: 0.8,
      approval_mean_minority: 0.45,
      approval_q1: 0.35,
      approval_q2: 0.5,
      approval_q3: 0.65,
      approval_q4: 0.8,
      approval_q5: 0.9,
    };
    for (const [k, v] of Object.entries(want)) expect(r[k], k).toBeCloseTo(v, 6);
  });
});

describe('mobility over recorded steps', () => {
  const snapAt = (day: number, wealth: number[], params: Record<string, unknown> = {}) =>
    fakeSnap({ n: wealth.length, day, step: day, wealth, metricParams: params });

  it('shorrocks: reference is the step `window` days ago, else the earliest', () => {
    const f = metricById('shorrocks_mobility')!.make();
    const p = { 'shorrocks_mobility.window': 2 };
    expect(f(snapAt(0, [1, 2, 3, 4, 5], p)).shorrocks_mobility).toBeNull();
    expect(f(snapAt(1, [5, 4, 3, 2, 1], p)).shorrocks_mobility).toBeCloseTo(1, 14); // vs day 0: tr 1
    expect(f(snapAt(2, [1, 2, 3, 4, 5], p)).shorrocks_mobility).toBeCloseTo(0, 14); // vs day 0: identity
    expect(f(snapAt(3, [5, 4, 3, 1, 2], p)).shorrocks_mobility).toBeCloseTo(0.5, 14); // vs day 1: tr 3
    // a new run in the same closure starts over
    expect(f(snapAt(0, [1, 2, 3, 4, 5], p)).shorrocks_mobility).toBeNull();
  });

  it('bottom persistence: bottom decile at every recorded step of the window', () => {
    const w0 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]; // agent 0 poorest
    const w1 = [2, 1, 3, 4, 5, 6, 7, 8, 9, 10]; // agent 1 poorest
    const short = metricById('bottom_persistence')!.make();
    const long = metricById('bottom_persistence')!.make();
    const p = { 'bottom_persistence.window': 1 };
    const seq = [w0, w0, w1, w1];
    const got = seq.map((w, d) => short(snapAt(d, w, p)).bottom_persistence);
    expect(got).toEqual([null, 0.1, 0, 0.1]);
    const gotLong = seq.map((w, d) => long(snapAt(d, w)).bottom_persistence);
    expect(gotLong).toEqual([null, 0.1, 0, 0]);
  });
});

describe('applicability edges', () => {
  it('group metrics are null without a minority, list metrics without lists', () => {
    const w = world({ group: [0, 0, 0, 0, 0, 0, 0] });
    const s = fakeSnap(w);
    for (const id of [
      'group_assortativity', 'group_ei_index', 'group_freeman_segregation', 'listed_rate_ratio',
      'wrongful_record_rate_ratio', 'benefit_disparate_impact', 'score_gap', 'equalized_odds_gap',
    ])
      expect(compute(id, s)[id], id).toBeNull();
    expect(compute('theil_wealth', s).theil_wealth_between).toBeNull();
    expect(compute('approval_mean', s).approval_mean_minority).toBeNull();
    expect(compute('approval_mean', s).approval_mean_majority).toBeCloseTo(0.6, 6);
    const bare = fakeSnap(world({ blackLists: [], redLists: [] }));
    for (const id of ['listed_share', 'redlisted_share', 'wrongful_listed_share', 'listed_rate_ratio', 'equalized_odds_gap', 'household_spillover'])
      expect(compute(id, bare)[id], id).toBeNull();
    expect(compute('listed_without_notice_share', bare).listed_without_notice_share).toBeNull();
    expect(compute('mean_days_to_delist', bare).mean_days_to_delist).toBeNull();
  });

  it('a Float32 score gives the same strata as a Float64 one', () => {
    const s64 = fakeSnap(world());
    const s32 = { ...fakeSnap(world()), score: Float32Array.from([1, 2, 3, 4, 5, 6, 7]) };
    for (const id of ['stratum_modularity', 'cross_stratum_tie_share', 'score_assortativity', 'gini_score'])
      expect(compute(id, s32)[id], id).toBeCloseTo(compute(id, s64)[id]!, 6);
  });

  it('score quintiles break ties by agent index', () => {
    // all scores equal → quintiles by index [0,0,1,2,2,3,4]: same strata as the score 1..7
    const tied = fakeSnap(world({ score: [5, 5, 5, 5, 5, 5, 5] }));
    expect(compute('stratum_modularity', tied).stratum_modularity).toBeCloseTo(1 / 98, 14);
    expect(compute('score_assortativity', tied).score_assortativity).toBeNull();
  });

  it('two runs keep separate histories', () => {
    const spec = metricById('shorrocks_mobility')!;
    const a = spec.make(), b = spec.make();
    const snap = (day: number, w: number[]) => fakeSnap({ n: 5, day, step: day, wealth: w });
    a(snap(0, [1, 2, 3, 4, 5]));
    expect(b(snap(0, [5, 4, 3, 2, 1])).shorrocks_mobility).toBeNull();
    expect(a(snap(1, [1, 2, 3, 4, 5])).shorrocks_mobility).toBe(0);
    expect(b(snap(1, [1, 2, 3, 4, 5])).shorrocks_mobility).toBeCloseTo(1, 14);
  });
});
