/**
 * The committed results reproduce on the current code: for every experiment folder in results/,
 * `scorelab verify` re-runs one run chosen by its seed from plan.json and the experiment file and
 * finds its recorded steps and summary byte for byte (against steps.csv and runs.csv: the run
 * records are not committed). A change to a mechanism that moves a committed number fails here,
 * until the experiment is swept again (scripts/reproduce-results.sh <name>) and its results
 * re-committed. Each folder also holds what its report needs: tables, figures and report.html.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

const RESULTS = join(ROOT, 'results');
const folders = existsSync(RESULTS)
  ? readdirSync(RESULTS, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(RESULTS, d.name, 'plan.json')) && existsSync(join(ROOT, 'experiments', `${d.name}.ts`)))
      .map((d) => d.name)
  : [];

describe('committed results', () => {
  it('exist for every paper experiment', () => {
    expect(folders.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of folders) {
    it(`${name}: verify reproduces a sampled run byte for byte`, { timeout: 120_000 }, () => {
      const dir = join(RESULTS, name);
      for (const f of ['runs.csv', 'steps.csv', 'points.csv', 'manifest.json', 'report.html']) expect(existsSync(join(dir, f)), `${name}/${f}`).toBe(true);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.runs.failed, `${name}: failed runs`).toBe(0);
      const figures = (manifest.figures?.specs ?? []) as { id: string }[];
      for (const f of figures) expect(existsSync(join(dir, 'figures', `${f.id}.png`)), `${name}/figures/${f.id}.png`).toBe(true);
      const r = cli(['verify', `results/${name}`, '--sample', '1'], { cwd: ROOT, timeout: 110_000 });
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/reproduce/);
    });
  }
});
