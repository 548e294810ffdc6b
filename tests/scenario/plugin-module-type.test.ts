/**
 * A TypeScript plug-in loads as an ES module whatever its folder's module type: in a researcher's
 * project whose package.json says "type": "commonjs", and in a folder with no package.json at all
 * (tsx would otherwise compile it as CommonJS, and importing 'scorelab' — which has a dependency
 * with top-level await — fails with "Transform failed"). Its relative imports load the same way.
 * A loader error is shown whole, with the fix. Runs the built CLI (needs `npm run build`).
 */
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, ROOT, tmp } from '../helpers.js';

const FIX = join(ROOT, 'tests/fixtures/plugins/commonjs-folder');

/** A researcher's project: the fixture folder, with scorelab installed (a link to this package). */
function project(withPackageJson: boolean): string {
  const dir = tmp('scorelab-module-type-');
  cpSync(FIX, dir, { recursive: true });
  if (!withPackageJson) rmSync(join(dir, 'package.json'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'scorelab'), 'dir');
  return dir;
}

describe('a .ts plug-in outside an ES-module package', () => {
  for (const [what, withPkg] of [['"type": "commonjs"', true], ['no package.json', false]] as const) {
    it(`loads and runs from a folder with ${what}, its relative import included`, { timeout: 120_000 }, () => {
      const dir = project(withPkg);
      const listed = cli(['list', '--regimes', '--plugin', join(dir, 'tally-regime.ts')]);
      expect(listed.stderr).not.toMatch(/Transform failed|cannot load/);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toMatch(/tally-score +every agent keeps its starting points/);
      const out = join(dir, 'out');
      const r = cli(['run', 'default', '--plugin', join(dir, 'tally-regime.ts'), '--set', 'regimes.tally-score={}', '--agents', '50', '--steps', '2', '--out', out, '--force']);
      expect(r.code, r.stderr).toBe(0);
      const rows = readCsv(join(out, 'steps.csv'));
      expect(Number(rows.at(-1)!.tally_start)).toBe(12); // the default comes from ./helper.ts
    });
  }

  it('a JavaScript module with import syntax in a CommonJS folder: the whole loader error, and the fix', { timeout: 60_000 }, () => {
    const dir = project(true);
    const r = cli(['list', '--regimes', '--plugin', join(dir, 'plain.js')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plain\.js: cannot load plug-in module: /);
    expect(r.stderr).toMatch(/fix: a plug-in module is an ES module; if it is plain JavaScript, name it \.mjs or add "type": "module"/);
  });
});
