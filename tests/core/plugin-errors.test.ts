/**
 * A bug in a user's plug-in is reported as the plug-in's, not scorelab's: the CLI names the
 * plug-in, the hook, and the file and line it threw at, in one line, exit 1 (no stack trace and no
 * "internal error"); a record() column the spec does not declare is an error at the first record,
 * naming the column (it used to be dropped without a word). Built-in plug-ins are unaffected.
 */
import { describe, expect, it } from 'vitest';
import { cli, tmp } from '../helpers.js';

const FAULTY = 'tests/fixtures/plugins/faulty.ts';
const SMALL = ['--agents', '60', '--steps', '6', '--no-figure'];

describe('plug-in errors', () => {
  it('a throw inside a plug-in names the plug-in, its hook, file and line', () => {
    const r = cli(['run', 'baseline', '--plugin', FAULTY, '--set', 'regimes.faulty-thrower.day=3', ...SMALL, '--out', tmp()]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/plug-in 'faulty-thrower' failed in its sanction hook \(.*tests\/fixtures\/plugins\/faulty\.ts:16:\d+\): budget overrun on day 3/);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('a record() column the spec does not declare is an error naming the column', () => {
    const r = cli(['run', 'baseline', '--plugin', FAULTY, '--set', 'regimes.faulty-columns=true', ...SMALL, '--out', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plug-in 'faulty-columns' failed in its record hook: its record\(\) returned the column 'faulty_typo', which its spec does not declare in columns \(declared: faulty_declared\); add 'faulty_typo' to columns/);
  });

  it('the same plug-ins without the fault run (control)', () => {
    const r = cli(['run', 'baseline', '--plugin', FAULTY, '--set', 'regimes.faulty-thrower.day=1000', ...SMALL, '--out', tmp()]);
    expect(r.code, r.stderr).toBe(0);
  });
});
