/**
 * A tiny sweep folder for the figure and report tests: the figure fixture (./fixtures/figures.ts,
 * one figure of every kind; 4 points × 3 replicates of 120 agents over 8 steps) swept with the
 * built CLI, without drawing, so that each test draws what it checks.
 */
import { join } from 'node:path';
import { cli, ROOT, tmp } from '../helpers.js';

export const FIGURES_FIXTURE = join(ROOT, 'tests', 'plots', 'fixtures', 'figures.ts');

export function figureSweep(): string {
  const out = join(tmp('scorelab-figures-'), 'sweep');
  const r = cli(['sweep', FIGURES_FIXTURE, '--workers', '1', '--no-render', '--quiet', '--out', out]);
  if (r.code !== 0) throw new Error(`sweep of the figure fixture failed (${r.code}): ${r.stderr}`);
  return out;
}
