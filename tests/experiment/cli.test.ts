/**
 * The faces of the experiment commands: bad input exits with code 2 naming the file and field
 * (as for `run`), --help for sweep, merge and slurm, and the job-array script of `scorelab slurm`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tmp } from '../helpers.js';

const TINY = 'tests/fixtures/experiments/tiny.ts';

describe('scorelab sweep, merge and slurm: input and scripts', () => {
  it('validates input like run: file and field in the message, exit code 2', () => {
    const field = cli(['sweep', 'tests/fixtures/experiments/bad-field.ts']);
    expect(field.code).toBe(2);
    expect(field.stderr).toMatch(/bad-field\.ts: replicates: expected an integer ≥ 1, found "five"/);
    const path = cli(['sweep', 'tests/fixtures/experiments/bad-path.ts', '--out', tmp()]);
    expect(path.code).toBe(2);
    expect(path.stderr).toMatch(/bad-path\.ts: design point \{"regimes\.friend-cleanup\.cc":0\}: .*unknown parameter 'cc' \(did you mean 'c'\?\)/);
    const name = cli(['sweep', 'cleanup-dos']);
    expect(name.code).toBe(2);
    expect(name.stderr).toMatch(/no experiment file or experiments\/cleanup-dos\.ts \(did you mean 'cleanup-dose'\?\)/);
    const shard = cli(['sweep', TINY, '--shard', '2/2']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toMatch(/--shard: expected i\/N with 0 ≤ i < N/);
    for (const c of ['sweep', 'merge', 'slurm']) {
      const h = cli([c, '--help']);
      expect(h.code).toBe(0);
      expect(h.stdout).toMatch(new RegExp(`^Usage: scorelab ${c}`));
    }
    expect(cli(['--help']).stdout).toMatch(/sweep\s+run an experiment/);
  });

  it('scorelab slurm writes a job-array script that resumes on requeue', () => {
    const out = tmp();
    const r = cli(['slurm', 'cleanup-dose', '--shards', '3', '--out', out, '--partition', 'short', '--time', '00:10:00', '--cpus', '2', '--replicates', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/8 runs of 'cleanup-dose' in 3 array task\(s\)/);
    const s = readFileSync(join(out, 'sweep.sbatch'), 'utf8');
    expect(s.startsWith('#!/bin/bash\n')).toBe(true);
    for (const line of ['#SBATCH --array=0-2', '#SBATCH --requeue', '#SBATCH --cpus-per-task=2', '#SBATCH --partition=short', '#SBATCH --time=00:10:00', `#SBATCH --output=${out}/logs/shard-%a.log`, `cd ${ROOT}`]) {
      expect(s.split('\n')).toContain(line);
    }
    expect(s).toContain(
      `exec npx --no-install scorelab sweep ${join(ROOT, 'experiments', 'cleanup-dose.ts')} --shard "\${SLURM_ARRAY_TASK_ID}/3" --resume --out ${out}/shard-"\${SLURM_ARRAY_TASK_ID}" --workers "\${SLURM_CPUS_PER_TASK:-2}" --replicates 2`,
    );
    expect(s).toContain(`scorelab merge ${out}/shard-* --out ${out}`);
    const bad = cli(['slurm', 'cleanup-dose', '--shards', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--shards: expected an integer ≥ 1/);
  });
});
