/**
 * The aggregates of a sweep (src/experiment/aggregate.ts) on hand-made run records: the Student t
 * quantile against tabulated values, mean, sample sd and the 95 % interval worked by hand, missing
 * values left out (never read as 0), the points table's rows and order, the control rule (controls,
 * treatments, a treatment without control), pairing by replicate with equal seeds, and the
 * control checked against the design before a sweep runs.
 */
import { describe, expect, it } from 'vitest';
import { checkControl } from '../../src/experiment/aggregate.js';
import {
  aggregatePoints,
  defineExperiment,
  isControl,
  makePlan,
  pairedEffects,
  pairPoints,
  prepareExperiment,
  replicateStats,
  tCdf,
  tQuantile,
  UserError,
  type RunValues,
} from '../../src/index.js';

// Student t quantiles, 0.975 unless noted, from the standard tables (R's qt to 15 digits)
const T975: Record<number, number> = {
  1: 12.7062047361747, // n = 2
  2: 4.30265272974946, // n = 3
  3: 3.18244630528371,
  4: 2.77644510519779, // n = 5
  9: 2.26215716279820,
  29: 2.04522964213270, // n = 30
  120: 1.97993040508242,
};

describe('the t quantile', () => {
  it('matches tabulated values to 1e-9', () => {
    for (const [df, v] of Object.entries(T975)) expect(Math.abs(tQuantile(0.975, Number(df)) - v), `df ${df}`).toBeLessThan(1e-9);
    expect(Math.abs(tQuantile(0.995, 5) - 4.03214298355523)).toBeLessThan(1e-9);
    expect(Math.abs(tQuantile(0.95, 10) - 1.81246112281168)).toBeLessThan(1e-9);
    expect(Math.abs(tQuantile(0.999, 3) - 10.2145318524)).toBeLessThan(1e-8);
  });

  it('is symmetric, inverts the distribution function and tends to the normal', () => {
    for (const df of [1, 2, 3, 4.5, 29, 1000]) {
      for (const p of [0.001, 0.1, 0.5, 0.8, 0.975]) {
        const t = tQuantile(p, df);
        expect(tCdf(t, df)).toBeCloseTo(p, 12);
        expect(tQuantile(1 - p, df)).toBeCloseTo(-t, 10);
      }
    }
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959963985, 5);
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => tQuantile(1.2, 3)).toThrow(RangeError);
  });
});

describe('replicate statistics', () => {
  it('mean, sample sd and the 95 % t interval, worked by hand', () => {
    // 1, 2, 3, 4: mean 2.5, Σ(x − mean)² = 5, sd = √(5/3), half-width t(0.975, 3)·sd/√4
    const s = replicateStats([1, 2, 3, 4]);
    const half = (T975[3]! * Math.sqrt(5 / 3)) / 2;
    expect(s.n).toBe(4);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(s.low).toBeCloseTo(2.5 - half, 10);
    expect(s.high).toBeCloseTo(2.5 + half, 10);
    // two values 1 and 3: sd √2, half-width t(0.975, 1)·√2/√2
    const two = replicateStats([1, 3]);
    expect(two.sd).toBeCloseTo(Math.SQRT2, 14);
    expect(two.low).toBeCloseTo(2 - T975[1]!, 10);
    expect(two.high).toBeCloseTo(2 + T975[1]!, 10);
    // equal values: sd 0, the interval is the point
    expect(replicateStats([7, 7, 7])).toEqual({ n: 3, mean: 7, sd: 0, low: 7, high: 7 });
  });

  it('leaves out null, NaN and ±Infinity and never counts them as 0', () => {
    expect(replicateStats([null, 4])).toEqual({ n: 1, mean: 4, sd: null, low: null, high: null });
    const s = replicateStats([1, null, NaN, 3, Infinity, undefined, -Infinity]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(2);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 14);
    expect(replicateStats([])).toEqual({ n: 0, mean: null, sd: null, low: null, high: null });
    expect(replicateStats([null, NaN])).toEqual({ n: 0, mean: null, sd: null, low: null, high: null });
  });
});

describe('the points table', () => {
  const points: Record<string, number | string>[] = [{ a: 1, b: 'x' }, { a: 2 }];
  const cols = ['step', 'day', 'm1', 'm2'];
  // given out of canonical order on purpose
  const runs: RunValues[] = [
    { point: 1, replicate: 0, seed: 10, columns: cols, rows: [[0, 0, 5, 1], [1, 7, 6, null]] },
    { point: 0, replicate: 1, seed: 11, columns: cols, rows: [[0, 0, 3, 2], [1, 7, 5, 4]] },
    { point: 0, replicate: 0, seed: 10, columns: cols, rows: [[0, 0, 1, 2], [1, 7, 1, NaN]] },
    // a replicate recorded in another column order, with a step of its own
    { point: 1, replicate: 1, seed: 11, columns: ['day', 'step', 'm2', 'm1'], rows: [[0, 0, 3, 7], [14, 2, 8, 9]] },
  ];

  it('has one row per point, step and metric, in that order, with the stated columns', () => {
    const t = aggregatePoints(points, ['a', 'b'], runs);
    expect(t.columns).toEqual(['point', 'a', 'b', 'step', 'day', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high']);
    expect(t.rows.map((r) => `${r.point}/${r.step}/${r.metric}`)).toEqual([
      '0/0/m1', '0/0/m2', '0/1/m1', '0/1/m2',
      '1/0/m1', '1/0/m2', '1/1/m1', '1/1/m2', '1/2/m1', '1/2/m2',
    ]);
    const row = (p: number, step: number, m: string) => t.rows.find((r) => r.point === p && r.step === step && r.metric === m)!;
    // point 0, step 0, m1: values 1 and 3
    expect(row(0, 0, 'm1')).toMatchObject({ a: 1, b: 'x', day: 0, n: 2, mean: 2 });
    expect(row(0, 0, 'm1').sd).toBeCloseTo(Math.SQRT2, 14);
    expect(row(0, 0, 'm1').ci_high).toBeCloseTo(2 + T975[1]!, 10);
    // point 0, step 1, m2: 4 and NaN → one value: no sd, no interval
    expect(row(0, 1, 'm2')).toMatchObject({ day: 7, n: 1, mean: 4, sd: null, ci_low: null, ci_high: null });
    // point 1 lacks b; step 0 m1: 5 and 7 (read by name whatever the column order)
    expect(row(1, 0, 'm1')).toMatchObject({ a: 2, b: null, n: 2, mean: 6 });
    // step 1 of point 1: only replicate 0, m2 missing → n 0, mean null
    expect(row(1, 1, 'm2')).toMatchObject({ n: 0, mean: null, sd: null, ci_low: null, ci_high: null });
    expect(row(1, 2, 'm1')).toMatchObject({ day: 14, n: 1, mean: 9 });
  });

  it('takes the metric list it is given', () => {
    const t = aggregatePoints(points, ['a'], runs, ['m2']);
    expect(t.columns).toEqual(['point', 'a', 'step', 'day', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high']);
    expect(new Set(t.rows.map((r) => r.metric))).toEqual(new Set(['m2']));
    expect(t.rows).toHaveLength(5);
  });
});

describe('controls and paired effects', () => {
  // control: a = 0. Points 0 and 3 are controls; 1 pairs with 0; 2 (a 1, b 2) has no control.
  const points = [{ a: 0, b: 1 }, { a: 1, b: 1 }, { a: 1, b: 2 }, { a: 0, b: 3 }, { a: 2, b: 3 }];
  const control = { set: { a: 0 }, label: 'none' };

  it('pairs each treatment with the point equal to it but for the control keys', () => {
    expect(points.map((p) => isControl(p, control))).toEqual([true, false, false, true, false]);
    expect(isControl({ b: 1 }, control)).toBe(false); // a point without the key is no control
    expect(pairPoints(points, control)).toEqual({
      controls: [0, 3],
      pairs: [{ treatment: 1, control: 0 }, { treatment: 4, control: 3 }],
      unpaired: [2],
    });
  });

  it('computes the paired difference and its interval by replicate', () => {
    const sum = (point: number, replicate: number, y: number | null, z: number | null): RunValues => ({ point, replicate, seed: 100 + replicate, summary: { y, z } });
    const runs = [
      sum(0, 0, 10, 0), sum(0, 1, 12, 0), sum(0, 2, 11, 0),
      sum(1, 0, 13, 1), sum(1, 1, 16, 2), sum(1, 2, null, 3),
      sum(2, 0, 99, 99),
      sum(3, 0, -4, 5), sum(3, 1, -2, 5),
      sum(4, 0, -3, 6), // replicate 1 of point 4 did not finish
    ];
    const e = pairedEffects(points, ['a', 'b'], control, runs);
    expect(e.columns).toEqual(['treatment', 'control', 'a', 'b', 'metric', 'n', 'treatment_mean', 'control_mean', 'diff', 'diff_sd', 'ci_low', 'ci_high', 'rel_diff']);
    expect(e.rows.map((r) => `${r.treatment}-${r.control}/${r.metric}`)).toEqual(['1-0/y', '1-0/z', '4-3/y', '4-3/z']);
    expect(e.pairing.unpaired).toEqual([2]);
    expect(e.runPairs).toBe(4);
    // 1 against 0, y: replicate 2 of the treatment is missing → pairs (13 − 10, 16 − 12) = (3, 4)
    const y = e.rows[0]!;
    expect(y).toMatchObject({ a: 1, b: 1, n: 2, treatment_mean: 14.5, control_mean: 11, diff: 3.5 });
    expect(y.diff_sd).toBeCloseTo(Math.SQRT1_2, 14);
    expect(y.ci_low).toBeCloseTo(3.5 - (T975[1]! * Math.SQRT1_2) / Math.SQRT2, 10);
    expect(y.ci_high).toBeCloseTo(3.5 + (T975[1]! * Math.SQRT1_2) / Math.SQRT2, 10);
    expect(y.rel_diff).toBeCloseTo(3.5 / 11, 14);
    // z: controls are all 0 → rel_diff null; differences 1, 2, 3
    expect(e.rows[1]).toMatchObject({ n: 3, control_mean: 0, diff: 2, diff_sd: 1, rel_diff: null });
    expect(e.rows[1]!.ci_high).toBeCloseTo(2 + T975[2]! / Math.sqrt(3), 10);
    // 4 against 3: one pair; rel_diff divides by |control_mean|
    expect(e.rows[2]).toMatchObject({ n: 1, treatment_mean: -3, control_mean: -4, diff: 1, diff_sd: null, ci_low: null, ci_high: null, rel_diff: 0.25 });
  });

  it('refuses pairs whose seeds differ', () => {
    const runs: RunValues[] = [
      { point: 0, replicate: 0, seed: 1, summary: { y: 1 } },
      { point: 1, replicate: 0, seed: 2, summary: { y: 2 } },
    ];
    expect(() => pairedEffects(points, ['a', 'b'], control, runs)).toThrow(/seeds differ \(2 and 1\)/);
  });

  it('checks the control against the design before anything runs', () => {
    expect(() => checkControl(points, ['a', 'b'], { set: { c: 0 } }, 'x.ts')).toThrow(/x\.ts: control\.set\.c: expected a factor of the design \(a, b\)/);
    expect(() => checkControl(points, ['a', 'b'], { set: { a: 5 } }, 'x.ts')).toThrow(UserError);
    expect(() => checkControl(points, ['a', 'b'], control, 'x.ts')).not.toThrow();
  });

  it('makePlan records the control and refuses one the design does not vary', async () => {
    const base = {
      seed: 1,
      steps: 1,
      population: { agents: 20, householdSize: 1 },
      graph: { model: 'erdos-renyi', meanDegree: 2, households: false },
      behaviour: {},
      regimes: { 'friend-cleanup': {} },
      metrics: ['tie_count'],
    };
    const def = (set: Record<string, unknown>) =>
      defineExperiment({ id: 'ctl', base, crn: true, control: { set }, design: { kind: 'grid', factors: { 'regimes.friend-cleanup.c': [0, 0.1] } } });
    const plan = await makePlan(await prepareExperiment(def({ 'regimes.friend-cleanup.c': 0 }), null));
    expect(plan.control).toEqual({ set: { 'regimes.friend-cleanup.c': 0 } });
    await expect(makePlan(await prepareExperiment(def({ 'regimes.friend-cleanup.delta': 0 }), null))).rejects.toThrow(/control\.set\.regimes\.friend-cleanup\.delta: expected a factor of the design/);
    await expect(makePlan(await prepareExperiment(def({ 'regimes.friend-cleanup.c': 0.5 }), null))).rejects.toThrow(/control\.set: expected a design point with/);
  });
});
