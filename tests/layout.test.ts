/**
 * tests/ mirrors src/: every folder of src/ (and every family folder of src/regimes/) has a folder
 * of the same name in tests/, so the tests of a module are found where the module is. Tests that
 * span folders live with their main subject (tests/docs holds the checks of docs/).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const folders = (dir: string) => readdirSync(join(ROOT, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${dir}/${d.name}`);

describe('tests/ mirrors src/', () => {
  it('every src/<folder> and src/regimes/<family> has its tests/ folder', () => {
    const expected = [...folders('src'), ...folders('src/regimes')].map((f) => f.replace(/^src\//, 'tests/'));
    expect(expected.filter((t) => !existsSync(join(ROOT, t)))).toEqual([]);
  });
});
