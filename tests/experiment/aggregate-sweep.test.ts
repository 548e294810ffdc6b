/**
 * points.csv and effects.csv of a real sweep (tests/fixtures/experiments/tiny-control.ts: three
 * points × 3 replicates under common random numbers, point 0 the control, point 1 its treatment,
 * point 2 a treatment without control), checked against values computed here by hand from the
 * sweep's own steps.csv and runs.csv; the manifest's control, pair counts and formulas; and two
 * shards merged give the same aggregate files, byte for byte, as the whole sweep.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeShards, runSweep } from '../../src/index.js';
import { readCsv, ROOT, tmp } from '../helpers.js';

const FIXTURE = join(ROOT, 'tests/fixtures/experiments/tiny-control.ts');
const PARAMS = ['regimes.friend-cleanup.c', 'regimes.friend-cleanup.delta'];
// t(0.975, n − 1) from the tables, for the replicate counts that occur here
const T975: Record<number, number> = { 2: 12.7062047361747, 3: 4.30265272974946 };

const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

function byHand(values: (number | null)[]) {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = xs.length;
  const mean = n ? xs.reduce((a, b) => a + b, 0) / n : null;
  if (n < 2) return { n, mean, sd: null, lo: null, hi: null };
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean!) ** 2, 0) / (n - 1));
  const half = (T975[n]! * sd) / Math.sqrt(n);
  return { n, mean, sd, lo: mean! - half, hi: mean! + half };
}

function close(found: string | undefined, expected: number | null, what: string) {
  if (expected === null) return expect(found, what).toBe('');
  expect(Math.abs(Number(found) - expected), `${what}: ${found} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe('aggregates of a sweep', () => {
  it('writes points and effects that match the steps and runs tables, and merged shards give the same', async () => {
    const out = tmp();
    const r = await runSweep(FIXTURE, { out, workers: 0 });
    expect(r.completed).toBe(9);
    const steps = readCsv(join(out, 'steps.csv'));
    const runs = readCsv(join(out, 'runs.csv'));
    const points = readCsv(join(out, 'points.csv'));
    const effects = readCsv(join(out, 'effects.csv'));

    // points: one row per point, recorded step and metric column, in that order
    const metrics = ['mean_score', 'score_assortativity', 'tie_count'];
    const recorded = [...new Set(steps.map((s) => Number(s.step)))].sort((a, b) => a - b);
    expect(recorded).toEqual([0, 2, 4, 6]);
    expect(Object.keys(points[0]!)).toEqual(['point', ...PARAMS, 'step', 'day', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high']);
    const expectedKeys = [0, 1, 2].flatMap((p) => recorded.flatMap((s) => metrics.map((m) => `${p}/${s}/${m}`)));
    expect(points.map((p) => `${p.point}/${p.step}/${p.metric}`)).toEqual(expectedKeys);
    let intervals = 0;
    for (const row of points) {
      const mine = steps.filter((s) => s.point === row.point && s.step === row.step);
      expect(mine).toHaveLength(3);
      for (const k of PARAMS) expect(row[k]).toBe(mine[0]![k]);
      expect(row.day).toBe(mine[0]!.day);
      const h = byHand(mine.map((s) => num(s[row.metric!])));
      const what = `point ${row.point} step ${row.step} ${row.metric}`;
      expect(Number(row.n), what).toBe(h.n);
      close(row.mean, h.mean, `${what} mean`);
      close(row.sd, h.sd, `${what} sd`);
      close(row.ci_low, h.lo, `${what} ci_low`);
      close(row.ci_high, h.hi, `${what} ci_high`);
      if (h.sd) intervals++;
    }
    expect(intervals).toBeGreaterThan(10); // the replicates differ: the intervals are not degenerate

    // effects: point 1 against point 0, by replicate; point 2 has no control
    expect(Object.keys(effects[0]!)).toEqual(['treatment', 'control', ...PARAMS, 'metric', 'n', 'treatment_mean', 'control_mean', 'diff', 'diff_sd', 'ci_low', 'ci_high', 'rel_diff']);
    expect(effects.map((e) => `${e.treatment}-${e.control}/${e.metric}`)).toEqual(['1-0/score_assortativity', '1-0/tie_count']);
    for (const e of effects) {
      const t = runs.filter((x) => x.point === '1');
      const c = runs.filter((x) => x.point === '0');
      expect(t.map((x) => x.seed)).toEqual(c.map((x) => x.seed)); // common random numbers
      const m = e.metric!;
      const diffs = t.map((x, i) => Number(x[m]) - Number(c[i]![m]));
      const h = byHand(diffs);
      const cm = byHand(c.map((x) => Number(x[m]))).mean!;
      expect(Number(e.n)).toBe(3);
      close(e.treatment_mean, byHand(t.map((x) => Number(x[m]))).mean, `${m} treatment_mean`);
      close(e.control_mean, cm, `${m} control_mean`);
      close(e.diff, h.mean, `${m} diff`);
      close(e.diff_sd, h.sd, `${m} diff_sd`);
      close(e.ci_low, h.lo, `${m} ci_low`);
      close(e.ci_high, h.hi, `${m} ci_high`);
      close(e.rel_diff, h.mean! / Math.abs(cm), `${m} rel_diff`);
      expect(e['regimes.friend-cleanup.c']).toBe('0.3');
    }
    // the cleanup treatment raises assortativity in every replicate of this fixture
    expect(Number(effects[0]!.ci_low)).toBeGreaterThan(0);

    const man = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(man.control).toEqual({ set: { 'regimes.friend-cleanup.c': 0 }, label: 'no cleanup' });
    expect(man.aggregates.effects).toMatchObject({ pairs: 1, replicatePairs: 3, unpaired: 1, unpairedPoints: [2], controlPoints: [0] });
    expect(man.aggregates.formulas.interval).toMatch(/t\(0\.975, n − 1\)/);
    expect(man.figures).toMatchObject({ declared: [], specs: [] });
    for (const f of ['points', 'effects', 'runs', 'steps']) {
      expect(man.runs.files).toEqual(expect.arrayContaining([`${f}.csv`, `${f}.arrow`, `${f}.parquet`]));
    }

    // shards hold only some replicates of a point: no aggregates there; merged, the same bytes
    const s0 = tmp();
    const s1 = tmp();
    await runSweep(FIXTURE, { out: s0, workers: 0, shard: { index: 0, count: 2 } });
    await runSweep(FIXTURE, { out: s1, workers: 0, shard: { index: 1, count: 2 } });
    expect(existsSync(join(s0, 'points.csv'))).toBe(false);
    const merged = join(tmp(), 'merged');
    mergeShards([s0, s1], merged);
    for (const f of ['points.csv', 'points.arrow', 'points.parquet', 'effects.csv', 'effects.parquet', 'runs.parquet', 'steps.parquet', 'steps.arrow']) {
      expect(readFileSync(join(merged, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    }
  });
});
