/**
 * The classroom page's engine (src/app/engine.ts, the Web Worker's logic without the Worker) gives
 * the numbers of `scorelab run`: same preset, seed and `--set`s → the same steps.csv, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, browserRunnable, prepare } from '../../src/app/engine.js';
import { readYaml, locateScenario } from '../../src/scenario/load.js';
import { cli, tmp } from '../helpers.js';

function preset(name: string): Record<string, unknown> {
  return readYaml(locateScenario(name)) as Record<string, unknown>;
}

function cliCsv(name: string, seed: number, sets: string[]): string {
  const out = join(tmp(), 'run');
  const r = cli(['run', name, '--seed', String(seed), ...sets.flatMap((s) => ['--set', s]), '--no-figure', '--quiet', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(out, 'steps.csv'), 'utf8');
}

describe('app engine', () => {
  it('matches scorelab run for a preset with a regime parameter changed (the run stepped one at a time to its end)', () => {
    const sets = ['regimes.speech-blacklist.vagueness=0.3'];
    const e = new Engine(preset('speech-blacklist'), 'speech-blacklist', { sets, seed: 5, agents: 300, steps: 17 });
    let taken = 0;
    while (!e.done) taken += e.advance(3);
    expect(taken).toBe(17);
    expect(e.tick).toBe(17);
    // 17 is no multiple of record.every (7): the last step is recorded as the CLI records it
    expect(e.csv()).toBe(cliCsv('speech-blacklist', 5, [...sets, 'population.agents=300', 'steps=17']));
  });

  it("rows up to step k do not depend on the run's length: k steps of a longer run equal the CLI's run of k steps", () => {
    const e = new Engine(preset('default'), 'default', { seed: 11, agents: 250 });
    expect(e.total).toBeGreaterThan(10);
    e.advance(14); // a multiple of the preset's record.every (7)
    expect(e.done).toBe(false);
    expect(e.csv()).toBe(cliCsv('default', 11, ['population.agents=250', 'steps=14']));
    expect(e.scoreHistory.length).toBe(15);
  });

  it('refuses bad input with a clear error and says which scenarios a page cannot run', () => {
    expect(() => prepare(preset('default'), 'default', { sets: ['regimes.fico.nope=1'] })).toThrow(/unknown parameter 'nope'/);
    expect(() => prepare(preset('default'), 'default', { agents: 1 })).toThrow(/population\.agents/);
    expect(browserRunnable({ graph: { model: 'file', file: 'g.gexf' } })).toMatch(/graph file/);
    expect(browserRunnable({ plugins: ['./x.ts'] })).toMatch(/plug-in modules/);
    expect(() => prepare({ plugins: ['./x.ts'] }, 'x')).toThrow(/cannot run in the browser/);
    expect(browserRunnable(preset('default'))).toBeNull();
  });
});
