/**
 * `scorelab sweep --replace` (what `npm start` runs): into a new folder it runs the sweep; run
 * again with the same definition it reuses every run and redoes none; after the definition
 * changed it deletes the earlier sweep and starts over (plain `sweep` refuses that folder); and it
 * never deletes a folder that is not a sweep folder.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, tmp } from '../helpers.js';

const TINY = 'tests/fixtures/experiments/tiny.ts';
const SMALL = ['--agents', '60', '--steps', '5', '--replicates', '1', '--workers', '1', '--no-render'];

describe('scorelab sweep --replace', () => {
  it('runs, reuses the same definition, and starts over when the definition changed', () => {
    const out = join(tmp(), 'sweep');
    const first = cli(['sweep', TINY, ...SMALL, '--replace', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/running 6 on/);
    const runs = readFileSync(join(out, 'runs.csv'), 'utf8');

    const again = cli(['sweep', TINY, ...SMALL, '--replace', '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/6 already done; running 0/);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe(runs);

    const longer = SMALL.map((a) => (a === '5' ? '6' : a));
    const refused = cli(['sweep', TINY, ...longer, '--out', out]);
    expect(refused.code).toBe(2);
    const replaced = cli(['sweep', TINY, ...longer, '--replace', '--out', out]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toMatch(/replacing the earlier sweep/);
    expect(replaced.stdout).toMatch(/running 6 on/);
    const rows = readCsv(join(out, 'steps.csv'));
    expect(Math.max(...rows.map((r) => Number(r.step)))).toBe(6);
  });

  it('never deletes a folder that is not a sweep folder', () => {
    const out = join(tmp(), 'mine');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'keep me\n');
    const r = cli(['sweep', TINY, ...SMALL, '--replace', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a sweep folder/);
    expect(existsSync(join(out, 'notes.txt'))).toBe(true);
  });
});
