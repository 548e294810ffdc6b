/**
 * Slurm integration test (run by .ci/run, which starts a real single-node cluster with
 * .ci/slurm-up.sh and sets SCORELAB_SLURM=1): `scorelab slurm` writes the job-array script,
 * sbatch submits it, every array task sweeps its shard, `scorelab merge` combines the shards, and
 * the merged tables equal a local unsharded sweep byte for byte. Skipped without SCORELAB_SLURM=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from '../helpers.js';

const ON = process.env.SCORELAB_SLURM === '1';
const TINY = 'tests/fixtures/experiments/tiny.ts';
const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL', 'OUT_OF_MEMORY', 'BOOT_FAIL', 'DEADLINE', 'PREEMPTED']);

if (!ON) console.log('tests/experiment/slurm.test.ts: skipped (set SCORELAB_SLURM=1 with a cluster started by .ci/slurm-up.sh to run it)');

function logs(out: string): string {
  const dir = join(out, 'logs');
  if (!existsSync(dir)) return '(no logs)';
  return readdirSync(dir).map((f) => `--- ${f}\n${readFileSync(join(dir, f), 'utf8')}`).join('\n');
}

describe.skipIf(!ON)('scorelab slurm on a real cluster', () => {
  it('runs the shards as a job array; merged tables equal a local unsharded sweep', async () => {
    const out = tmp();
    const local = tmp();
    const loc = cli(['sweep', TINY, '--workers', '2', '--out', local]);
    expect(loc.code, loc.stderr).toBe(0);
    const gen = cli(['slurm', TINY, '--shards', '3', '--cpus', '1', '--out', out]);
    expect(gen.code, gen.stderr).toBe(0);
    const script = join(out, 'sweep.sbatch');
    const sub = spawnSync('sbatch', ['--parsable', script], { encoding: 'utf8' });
    expect(sub.status, sub.stderr).toBe(0);
    const job = sub.stdout.trim().split(';')[0]!;
    expect(job).toMatch(/^\d+$/);
    const t0 = Date.now();
    let states: string[] = [];
    for (;;) {
      const q = spawnSync('squeue', ['-h', '-j', job, '-t', 'all', '-o', '%T'], { encoding: 'utf8' });
      states = q.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
      if (states.length && states.every((s) => TERMINAL.has(s))) break;
      if (Date.now() - t0 > 120_000) {
        spawnSync('scancel', [job]);
        throw new Error(`job ${job} not done after 120 s (states: ${states.join(', ')})\n${logs(out)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(states, logs(out)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    const shards = [0, 1, 2].map((i) => join(out, `shard-${i}`));
    const m = cli(['merge', ...shards, '--out', out]);
    expect(m.code, m.stderr).toBe(0);
    for (const f of ['runs.csv', 'steps.csv', 'steps.arrow', 'failures.csv']) {
      expect(readFileSync(join(out, f)).equals(readFileSync(join(local, f))), f).toBe(true);
    }
  });
});
