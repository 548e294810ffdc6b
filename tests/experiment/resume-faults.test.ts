/**
 * Faults during sweeps and runs (issue 13), through the built CLI:
 *  - a full disk (ENOSPC injected by SCORELAB_FAULT_ENOSPC_AFTER, see src/results/atomic.ts) ends
 *    `run` and `sweep` with exit 1 and one line that says what to do, no stack trace, no temporary
 *    file and no sweep.lock left; `--resume` then finishes the sweep with tables byte-identical to
 *    a sweep that never failed;
 *  - two sweeps started together into one folder: one is refused, always for the right reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tmp } from '../helpers.js';

const TINY = ['tests/fixtures/experiments/tiny.ts', '--agents', '40', '--steps', '4'];
const TABLES = ['runs.csv', 'steps.csv', 'failures.csv', 'steps.arrow'];

function scorelab(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, SCORELAB_NO_PROGRESS: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under dir whose name marks a partial write, and the lock. */
function leftovers(dir: string): string[] {
  const out: string[] = [];
  for (const sub of ['', 'runs']) {
    const d = join(dir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) if (/\.tmp-\d+-\d+$/.test(f) || f === 'sweep.lock') out.push(join(sub, f));
  }
  return out;
}

const STACK = /\n\s+at [^\n]*[:(]/;

describe('a full disk', () => {
  it('sweep: exit 1 with one line saying what to do; no temporary file or lock left; --resume gives the same tables', () => {
    const clean = tmp();
    const c = scorelab(['sweep', ...TINY, '--workers', '1', '--out', clean]);
    expect(c.code, c.stderr).toBe(0);

    for (const after of ['3', '12']) {
      const dir = tmp();
      const full = scorelab(['sweep', ...TINY, '--workers', '1', '--out', dir], { SCORELAB_FAULT_ENOSPC_AFTER: after });
      expect(full.code, full.stderr).toBe(1);
      expect(full.stderr).not.toMatch(STACK);
      expect(full.stderr).not.toMatch(/internal error/);
      const last = full.stderr.trim().split('\n').at(-1)!;
      expect(last).toMatch(/^scorelab sweep: cannot write .*: the disk is full \(ENOSPC\); free some disk space \(or choose another --out\), then finish with the same command and --resume$/);
      expect(leftovers(dir)).toEqual([]);
      const again = scorelab(['sweep', ...TINY, '--workers', '1', '--resume', '--out', dir]);
      expect(again.code, again.stderr).toBe(0);
      for (const f of TABLES) expect(readFileSync(join(dir, f)).equals(readFileSync(join(clean, f))), `${f} after ENOSPC at ${after}`).toBe(true);
      expect(leftovers(dir)).toEqual([]);
    }
  });

  it('run: exit 1 with one line, no temporary file, no half-written folder', () => {
    const dir = join(tmp(), 'run');
    const r = scorelab(['run', 'default', '--agents', '30', '--steps', '2', '--no-figure', '--out', dir], { SCORELAB_FAULT_ENOSPC_AFTER: '2' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^scorelab run: cannot write .*agents\.csv: the disk is full \(ENOSPC\); free some disk space \(or choose another --out\), then run the command again\n$/);
    // the folder it made is gone again, so running the command again just works
    expect(existsSync(dir)).toBe(false);
    const again = scorelab(['run', 'default', '--agents', '30', '--steps', '2', '--no-figure', '--out', dir]);
    expect(again.code, again.stderr).toBe(0);
  });
});

describe('two sweeps into one folder', () => {
  it('one is refused, and the reason is always that another sweep is writing there (or that it is done)', async () => {
    const reasons: string[] = [];
    for (let trial = 0; trial < 3; trial++) {
      const dir = tmp();
      const start = () =>
        new Promise<{ code: number | null; stderr: string }>((done) => {
          const p = spawn(process.execPath, [BIN, 'sweep', ...TINY, '--workers', '1', '--out', dir], { cwd: ROOT, env: { ...process.env, SCORELAB_NO_PROGRESS: '1' } });
          let stderr = '';
          p.stderr.on('data', (d) => (stderr += d));
          p.on('close', (code) => done({ code, stderr }));
        });
      const rs = await Promise.all([start(), start()]);
      const ok = rs.filter((r) => r.code === 0);
      const no = rs.filter((r) => r.code !== 0);
      expect(ok.length, rs.map((r) => r.stderr).join('\n')).toBe(1);
      expect(no[0]!.code).toBe(2);
      expect(no[0]!.stderr).toMatch(/another sweep \(pid \d+\) is writing to this folder|already holds this sweep; add --resume/);
      expect(no[0]!.stderr).not.toMatch(/not a sweep folder/);
      reasons.push(no[0]!.stderr.trim());
      expect(leftovers(dir)).toEqual([]);
    }
  });
});
