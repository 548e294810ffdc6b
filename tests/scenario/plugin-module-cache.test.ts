/**
 * A plug-in module named by many scenarios in one process is imported once (a sweep or a script
 * building many runs used to re-import it through tsx each time, 1–3 s); a module edited since is
 * imported afresh.
 */
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPluginModule } from '../../src/scenario/load.js';
import { ROOT } from '../helpers.js';

describe('plug-in modules', () => {
  it('are imported once per process, and again after an edit', async () => {
    // inside the repository (tmp/ is ignored), so that the module resolves 'scorelab'
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, 'tmp', 'module-cache-'));
    const file = join(dir, 'coin.ts');
    copyFileSync(join(ROOT, 'tests/fixtures/plugins/coin-regime.ts'), file);
    const t0 = performance.now();
    const first = await loadPluginModule(file);
    const firstMs = performance.now() - t0;
    const t1 = performance.now();
    const second = await loadPluginModule(file);
    const secondMs = performance.now() - t1;
    expect(second[0]).toBe(first[0]); // the same plug-in object: not imported again
    expect(secondMs).toBeLessThan(firstMs);
    writeFileSync(file, readFileSync(file, 'utf8').replace("summary: 'each step", "summary: 'edited: each step"));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const third = await loadPluginModule(file);
    expect(third[0]).not.toBe(first[0]);
    expect(third[0]!.summary).toMatch(/^edited: /);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
