/**
 * `scorelab sweep --set`: held overrides applied to every run (after the experiment's `set`,
 * before the design's values), part of the definition hash (a folder swept with other values is
 * refused on resume, naming '--set'), absent from the plan when not given (so older sweeps keep
 * their hash), and passed by `scorelab slurm` to every shard's command line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/load.js';
import { makePlan, overridesOf, scenarioFor } from '../../src/experiment/plan.js';
import { runSweep } from '../../src/experiment/sweep.js';
import { readCsv, tmp } from '../helpers.js';
import { runMain } from '../cli/in-process.js';

const TINY = 'tests/fixtures/experiments/tiny.ts';
const SMALL = { agents: 60, steps: 3, replicates: 1, workers: 0 } as const;

describe('sweep --set', () => {
  it('holds a field in every run, enters the hash, and a resume with other values is refused', async () => {
    const exp = await loadExperiment(TINY);
    const plain = await makePlan(exp, { agents: 60 });
    expect(plain.parts['--set']).toBeUndefined();
    expect('set' in plain.settings).toBe(false);

    const held = await makePlan(exp, { agents: 60, set: ['graph.meanDegree=3', 'population.minorityShare=0.5'] });
    expect(held.settings.set).toEqual({ 'graph.meanDegree': 3, 'population.minorityShare': 0.5 });
    expect(held.definition).not.toBe(plain.definition);
    const raw = scenarioFor(exp, held.settings, held.points[0]!, 1) as { graph: { meanDegree: number }; regimes: Record<string, { c: number }> };
    expect(raw.graph.meanDegree).toBe(3);
    expect(raw.regimes['friend-cleanup']!.c).toBe(held.points[0]!['regimes.friend-cleanup.c']);
    // the recorded settings give the same plan again (what verify needs)
    expect((await makePlan(exp, overridesOf(held.settings))).definition).toBe(held.definition);

    const out = join(tmp(), 'sweep');
    const a = await runSweep(TINY, { ...SMALL, out, set: ['graph.meanDegree=3'] });
    expect(a.failed).toBe(0);
    const ties = readCsv(join(out, 'steps.csv')).filter((r) => r.step === '0').map((r) => Number(r.tie_count));
    // 60 agents at mean degree 3 (G(N, M), M = 90) against the experiment's 6 (M = 180)
    expect(new Set(ties)).toEqual(new Set([90]));

    const same = await runSweep(TINY, { ...SMALL, out, set: ['graph.meanDegree=3'], resume: true });
    expect(same.reused).toBe(6);
    await expect(runSweep(TINY, { ...SMALL, out, set: ['graph.meanDegree=4'], resume: true })).rejects.toThrow(/differs in: --set/);
    await expect(runSweep(TINY, { ...SMALL, out, resume: true })).rejects.toThrow(/differs in: --set/);
  });

  it('refuses a design factor and names a bad path as the flag', async () => {
    const exp = await loadExperiment(TINY);
    await expect(makePlan(exp, { set: ['regimes.friend-cleanup.c=0.5'] })).rejects.toThrow(/--set regimes\.friend-cleanup\.c: expected a field the design does not vary, found a factor of the design of 'tiny'/);
    await expect(makePlan(exp, { set: ['regimes.friend-cleanup.cc=1'] })).rejects.toThrow(/^--set: .*unknown parameter 'cc' \(did you mean 'c'\?\)/);
    await expect(makePlan(exp, { set: ['nonsense'] })).rejects.toThrow(/--set: expected path\.to\.param=value/);
  });

  it('on the command line: sweep takes --set, slurm passes it to every shard', async () => {
    const out = join(tmp(), 'cli');
    const r = await runMain(['sweep', TINY, '--agents', '60', '--steps', '2', '--replicates', '1', '--workers', '1', '--no-render', '--quiet', '--set', 'graph.meanDegree=3', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')).settings.set).toEqual({ 'graph.meanDegree': 3 });
    const sl = join(tmp(), 'slurm');
    const s = await runMain(['slurm', TINY, '--shards', '2', '--out', sl, '--set', 'graph.meanDegree=3', '--set', "name=a b"]);
    expect(s.code, s.stderr).toBe(0);
    expect(readFileSync(join(sl, 'sweep.sbatch'), 'utf8')).toMatch(/--set graph\.meanDegree=3 --set 'name=a b'\n/);
  });
});
