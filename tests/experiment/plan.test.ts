/**
 * Experiments at library level, in this thread (workers: 0): definition checks, seeds and run ids
 * derived from what a run is, canonical order, shards, resume rules, merge refusals, summaries,
 * and the Sobol pipeline end to end on the Ishigami function computed by a custom regime.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  defineExperiment,
  defineRegime,
  makePlan,
  locateExperiment,
  mergeShards,
  num,
  parseShard,
  prepareExperiment,
  runSeed,
  runSweep,
  scenarioFor,
  settingsOf,
  shardRuns,
  UserError,
  type ExperimentDefinition,
} from '../../src/index.js';
import { readCsv, tmp } from '../helpers.js';

const BASE = {
  seed: 1,
  steps: 4,
  population: { agents: 60, householdSize: 1 },
  graph: { model: 'erdos-renyi', meanDegree: 4, households: false },
  behaviour: {},
  regimes: { 'friend-cleanup': {} },
  metrics: ['mean_score', 'score_assortativity', 'tie_count'],
};

const grid = (levels: number[], extra: Partial<ExperimentDefinition> = {}): ExperimentDefinition =>
  defineExperiment({ id: 'lib-test', base: BASE, design: { kind: 'grid', factors: { 'regimes.friend-cleanup.c': levels } }, replicates: 2, ...extra });

async function planOf(def: ExperimentDefinition) {
  return makePlan(await prepareExperiment(def, null));
}

describe('seeds and run ids', () => {
  it('derive from the experiment id, the canonical point and the replicate; adding a point changes no other run', async () => {
    const a = await planOf(grid([0, 0.1]));
    const b = await planOf(grid([0, 0.05, 0.1]));
    const key = (r: { point: number; replicate: number }, p: typeof a) => `${canonicalJson(p.points[r.point])}#${r.replicate}`;
    const inB = new Map(b.runs.map((r) => [key(r, b), r]));
    for (const r of a.runs) {
      const twin = inB.get(key(r, a))!;
      expect(twin.seed).toBe(r.seed);
      expect(twin.runId).toBe(r.runId);
    }
    // canonical order: design order, then replicate
    expect(b.runs.map((r) => [r.point, r.replicate])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1]]);
    expect(new Set(b.runs.map((r) => r.seed)).size).toBe(6);
    // key order in a point does not matter; the experiment id does
    expect(runSeed('x', { a: 1, b: 2 }, 0)).toBe(runSeed('x', { b: 2, a: 1 }, 0));
    expect(runSeed('x', { a: 1 }, 0)).not.toBe(runSeed('y', { a: 1 }, 0));
    expect(runSeed('x', { a: 1 }, 0)).not.toBe(runSeed('x', { a: 1 }, 1));
    // common random numbers: one seed per replicate across points
    const crn = await planOf(grid([0, 0.1], { crn: true }));
    expect(crn.runs[0]!.seed).toBe(crn.runs[2]!.seed);
    expect(crn.runs[0]!.seed).not.toBe(crn.runs[1]!.seed);
    expect(crn.definition).not.toBe(a.definition);
  });

  it('shards partition the runs (index mod N) and identical design points share one run set', async () => {
    const p = await planOf(grid([0, 0.1, 0.2, 0.3, 0.4], { replicates: 3 }));
    const parts = [0, 1, 2, 3].map((i) => shardRuns(p, { index: i, count: 4 }));
    expect(parts.flat().map((r) => r.index).sort((x, y) => x - y)).toEqual(p.runs.map((r) => r.index));
    expect(parts[1]!.every((r) => r.index % 4 === 1)).toBe(true);
    const dup = await planOf(defineExperiment({ id: 'dup', base: BASE, design: { kind: 'points', points: [{ 'regimes.friend-cleanup.c': 0.1 }, { 'regimes.friend-cleanup.c': 0.2 }, { 'regimes.friend-cleanup.c': 0.1 }] } }));
    expect(dup.points).toHaveLength(2);
    expect(dup.design.pointOf).toEqual([0, 1, 0]);
    expect(dup.runs).toHaveLength(2);
  });

  it('builds each run scenario as base ← set ← steps/agents ← point ← seed', async () => {
    const exp = await prepareExperiment(grid([0.3], { set: { 'regimes.friend-cleanup.delta': 0.2, 'graph.meanDegree': 6 }, agents: 80, steps: 7 }), null);
    const plan = await makePlan(exp, { steps: 9 });
    const raw = scenarioFor(exp, plan.settings, plan.points[0]!, 1234) as any;
    expect(raw.seed).toBe(1234);
    expect(raw.steps).toBe(9);
    expect(raw.population).toEqual({ agents: 80, householdSize: 1 });
    expect(raw.graph.meanDegree).toBe(6);
    expect(raw.regimes['friend-cleanup']).toEqual({ delta: 0.2, c: 0.3 });
    expect(settingsOf(exp.def).steps).toBe(7);
  });
});

describe('checking definitions', () => {
  const bad = async (def: unknown) => {
    try {
      await makePlan(await prepareExperiment(def, 'exp.ts'));
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      return (e as Error).message;
    }
    throw new Error('expected a UserError');
  };
  it('names the file and the field', async () => {
    expect(await bad({ ...grid([0]), replicate: 3 })).toMatch(/^exp\.ts: replicate: unknown field \(did you mean 'replicates'\?\)/);
    expect(await bad({ ...grid([0]), id: 'a b' })).toMatch(/^exp\.ts: id: expected/);
    expect(await bad({ ...grid([0]), design: { kind: 'sobl', factors: [] } })).toMatch(/^exp\.ts: design\.kind: .*did you mean 'sobol'/);
    expect(await bad({ ...grid([0]), design: { kind: 'lhs', factors: [{ name: 'x', min: 1 }], samples: 4 } })).toMatch(/^exp\.ts: design\.factors\[0\]\.max: expected a finite number/);
    expect(await bad({ ...grid([0]), design: { kind: 'lhs', factors: [{ name: 'x', min: 1, max: 0 }], samples: 4 } })).toMatch(/^exp\.ts: design: designs\/lhs/);
    expect(await bad({ ...grid([0]), metrics: ['mean_scor'] })).toMatch(/metrics\[0\]: unknown metric 'mean_scor' \(did you mean 'mean_score'\?\)/);
    expect(await bad({ ...grid([0]), base: 'no-such-preset' })).toMatch(/^exp\.ts: base: no scenario file or preset named 'no-such-preset'/);
    expect(await bad({ ...grid([0]), plugins: [{ id: 'friend-cleanup', family: 'regime', create() {} }] })).toMatch(/plugins\[0\]: .*built-in/);
    expect(await bad(grid([0, 1.5]))).toMatch(/^exp\.ts: design point \{"regimes\.friend-cleanup\.c":1\.5\}: .*regimes\.friend-cleanup\.c/);
    expect(await bad(grid([0], { design: { kind: 'grid', factors: { seed: [1, 2] } } }))).toMatch(/'seed' cannot be a factor/);
  });
});

describe('shards and experiment names', () => {
  it('parses i/N and finds experiments by name with did-you-mean', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    for (const bad of ['2/2', '1', 'a/b', '-1/2', '0/0']) expect(() => parseShard(bad), bad).toThrow(/--shard: expected i\/N/);
    expect(locateExperiment('cleanup-dose')).toMatch(/experiments\/cleanup-dose\.ts$/);
    expect(() => locateExperiment('cleanup-dos')).toThrow(/did you mean 'cleanup-dose'/);
    expect(() => locateExperiment('nowhere/x.ts')).toThrow(/nowhere\/x\.ts: no such experiment file/);
  });
});

describe('sweeps in this thread', () => {
  it('writes the tables, resumes without redoing runs, and refuses another definition', async () => {
    const out = tmp();
    const def = grid([0, 0.2], { summary: { metrics: ['score_assortativity'], meanOfLast: 3 } });
    const r = await runSweep(def, { out, workers: 0 });
    expect(r.completed).toBe(4);
    expect(r.failed).toBe(0);
    const runs = readCsv(join(out, 'runs.csv'));
    expect(Object.keys(runs[0]!)).toEqual(['run_id', 'point', 'replicate', 'seed', 'regimes.friend-cleanup.c', 'score_assortativity']);
    const steps = readCsv(join(out, 'steps.csv'));
    expect(steps).toHaveLength(4 * 5);
    for (const s of steps) expect(s.seed).toBe(runs.find((x) => x.run_id === s.run_id)!.seed);
    // meanOfLast: mean of the last 3 recorded rows
    const mine = steps.filter((s) => s.run_id === runs[0]!.run_id).slice(-3);
    expect(Number(runs[0]!.score_assortativity)).toBeCloseTo(mine.reduce((a, s) => a + Number(s.score_assortativity), 0) / 3, 12);
    const before = Object.fromEntries(['runs.csv', 'steps.csv', 'steps.arrow', 'failures.csv'].map((f) => [f, readFileSync(join(out, f))]));
    // a lost record runs again on resume; the others are reused
    rmSync(join(out, 'runs', `${runs[1]!.run_id}.json`));
    const again = await runSweep(def, { out, workers: 0, resume: true });
    expect(again.reused).toBe(3);
    for (const [f, bytes] of Object.entries(before)) expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
    await expect(runSweep(def, { out, workers: 0 })).rejects.toThrow(/already holds this sweep; add --resume/);
    await expect(runSweep(grid([0, 0.2], { replicates: 3 }), { out, workers: 0, resume: true })).rejects.toThrow(/another definition of experiment 'lib-test'.*differs in: replicates, summary/);
    await expect(runSweep({ ...def, id: 'other' }, { out, workers: 0, resume: true })).rejects.toThrow(/holds experiment 'lib-test', not 'other'/);
    expect(existsSync(join(out, 'sweep.lock'))).toBe(false);
  });

  it('writes a parameter column that mixes numbers and text (as text in Arrow)', async () => {
    const out = tmp();
    const def = defineExperiment({ id: 'mixed', base: BASE, design: { kind: 'points', points: [{ 'record.params.tag': 1 }, { 'record.params.tag': 'one' }] } });
    const r = await runSweep(def, { out, workers: 0 });
    expect(r.completed).toBe(2);
    expect(readCsv(join(out, 'runs.csv')).map((x) => x['record.params.tag'])).toEqual(['1', 'one']);
    expect(existsSync(join(out, 'steps.arrow'))).toBe(true);
  });

  it('merge refuses missing, overlapping and foreign shards', async () => {
    const def = grid([0, 0.1, 0.2]);
    const dirs = [tmp(), tmp(), tmp()];
    for (const i of [0, 1, 2]) await runSweep(def, { out: dirs[i], workers: 0, shard: { index: i, count: 3 } });
    const merged = tmp();
    rmSync(merged, { recursive: true });
    expect(() => mergeShards(dirs.slice(0, 2), merged)).toThrow(/2 of 6 runs are missing: shard\(s\) 2\/3 not given/);
    const whole = tmp();
    await runSweep(def, { out: whole, workers: 0 });
    expect(() => mergeShards([...dirs, whole], merged)).toThrow(/overlap: both hold run/);
    const foreign = tmp();
    await runSweep(grid([0, 0.1, 0.2], { steps: 3 }), { out: foreign, workers: 0, shard: { index: 2, count: 3 } });
    expect(() => mergeShards([dirs[0]!, dirs[1]!, foreign], merged)).toThrow(/another definition of experiment 'lib-test'.*differs in: steps/);
    rmSync(join(dirs[2]!, 'runs', readdirSync(join(dirs[2]!, 'runs'))[0]!));
    expect(() => mergeShards(dirs, merged)).toThrow(/incomplete shard.*lacks 1 of its 2 runs.*--shard 2\/3 --resume/);
    expect(() => mergeShards(dirs, dirs[0]!)).toThrow(/is one of the shard folders/);
    const fixed = await runSweep(def, { out: dirs[2], workers: 0, shard: { index: 2, count: 3 }, resume: true });
    expect(fixed.reused).toBe(1);
    const m = mergeShards(dirs, merged);
    expect(m.completed).toBe(6);
    for (const f of ['runs.csv', 'steps.csv', 'steps.arrow', 'failures.csv']) {
      expect(readFileSync(join(merged, f)).equals(readFileSync(join(whole, f))), f).toBe(true);
    }
  });
});

describe('sensitivity through a sweep', () => {
  it('recovers the Ishigami Sobol indices computed by a custom regime (within ±0.05 at N = 512)', async () => {
    const ishigami = defineRegime({
      id: 'ishigami-test',
      title: 'Ishigami function (test)',
      summary: 'records f(x1, x2, x3) = sin x1 + 7 sin² x2 + 0.1 x3⁴ sin x1',
      doc: 'Test function of Ishigami & Homma (1990) as a regime, to test sensitivity.csv end to end.',
      sources: ['Ishigami & Homma (1990)'],
      params: { x1: num(0, { min: -4, max: 4, doc: 'x1' }), x2: num(0, { min: -4, max: 4, doc: 'x2' }), x3: num(0, { min: -4, max: 4, doc: 'x3' }) },
      columns: ['ishigami'],
      create(_w, p) {
        return { record: () => ({ ishigami: Math.sin(p.x1) + 7 * Math.sin(p.x2) ** 2 + 0.1 * p.x3 ** 4 * Math.sin(p.x1) }) };
      },
    });
    const factors = ['x1', 'x2', 'x3'].map((x) => ({ name: `regimes.ishigami-test.${x}`, min: -Math.PI, max: Math.PI }));
    const def = defineExperiment({
      id: 'ishigami',
      base: { steps: 0, population: { agents: 2, householdSize: 1 }, graph: { model: 'households-only', households: false }, behaviour: {}, regimes: { 'ishigami-test': {} }, metrics: ['tie_count'] },
      plugins: [ishigami],
      design: { kind: 'sobol', factors, N: 512, resamples: 200 },
      summary: { metrics: ['ishigami'] },
      outputs: { steps: false },
    });
    const out = tmp();
    const r = await runSweep(def, { out, workers: 0 });
    // N(k + 2) runs; the shifted Sobol sequence (the default) has no repeated point
    expect(r.completed).toBe(512 * 5);
    const rows = readCsv(join(out, 'sensitivity.csv'));
    expect(Object.keys(rows[0]!)).toEqual(['metric', 'factor', 'S1', 'S1_conf', 'ST', 'ST_conf']);
    const S1 = [0.314, 0.442, 0];
    const ST = [0.558, 0.442, 0.244];
    rows.forEach((row, i) => {
      expect(row.metric).toBe('ishigami');
      expect(Math.abs(Number(row.S1) - S1[i]!)).toBeLessThan(0.05);
      expect(Math.abs(Number(row.ST) - ST[i]!)).toBeLessThan(0.05);
      expect(Number(row.S1_conf)).toBeGreaterThan(0);
    });
    expect(existsSync(join(out, 'steps.csv'))).toBe(false);
  });
});
