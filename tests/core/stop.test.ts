/**
 * A plug-in ends its run when its own condition holds (the `stop` hook, src/core/contracts.ts):
 * the steps table ends at that step even when record.every would skip it, `finish` still runs,
 * and `Simulation.stopped`, the manifest and the run summary say when and why. With the condition
 * never true the run goes to its end, row for row as without the hook.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSimulation, defineRegime, prepareScenario, registerPlugin } from '../../src/index.js';
import { stopAtDay } from '../fixtures/plugins/stop-at-day.js';
import { runMain } from '../cli/in-process.js';
import { readCsv, tmp } from '../helpers.js';

registerPlugin(stopAtDay);
let finished = 0;
registerPlugin(
  defineRegime({
    id: 'stop-test-finish',
    title: 'counts finish calls (test)',
    summary: 'test',
    doc: 'test',
    sources: ['test'],
    params: {},
    create: () => ({ finish: () => void finished++ }),
  }),
);

const WHERE = join(import.meta.dirname, 'inline.yaml');
const tiny = (regimes: Record<string, unknown>) => ({
  name: 'stop',
  seed: 3,
  steps: 20,
  population: { agents: 30, householdSize: 1 },
  graph: { model: 'erdos-renyi', meanDegree: 4, households: false },
  behaviour: {},
  regimes,
  metrics: ['tie_count', 'mean_degree'],
  record: { every: 5 },
});

async function sim(regimes: Record<string, unknown>) {
  const { scenario } = await prepareScenario(tiny(regimes), WHERE);
  const s = buildSimulation(scenario);
  s.run(scenario.steps);
  return s;
}

describe('plug-in stop hook', () => {
  it('a plug-in that stops at day 7 gives a steps table ending at day 7', async () => {
    finished = 0;
    const s = await sim({ 'stop-at-day': { day: 7 }, 'stop-test-finish': {} });
    expect(s.rows.map((r) => r.day)).toEqual([0, 5, 7]);
    expect(s.rows.at(-1)!.stop_seen).toBe(7);
    expect(s.world.step).toBe(7);
    expect(s.stopped).toEqual({ step: 7, day: 7, by: 'stop-at-day', reason: 'day 7 reached (asked for 7)' });
    expect(finished).toBe(1);
  });

  it('with its condition never true the run goes to the end, the same rows as without the plug-in', async () => {
    const s = await sim({ 'stop-at-day': { day: 1000 } });
    expect(s.rows.map((r) => r.day)).toEqual([0, 5, 10, 15, 20]);
    expect(s.stopped).toBeNull();
    const without = await sim({});
    expect(s.rows.map(({ stop_seen: _, ...r }) => r)).toEqual(without.rows);
  });

  it('scorelab run: the steps table ends at day 7, the manifest and the summary say why and when', async () => {
    const dir = tmp();
    const file = join(dir, 'stop.yaml');
    writeFileSync(file, JSON.stringify(tiny({ 'stop-at-day': { day: 7 } })));
    const out = join(dir, 'out');
    const r = await runMain(['run', file, '--plugin', resolve(import.meta.dirname, '../fixtures/plugins/stop-at-day.ts'), '--out', out, '--no-figure']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/30 agents, \d+ ties, 7 of 20 steps \(stopped after step 7, day 7, by stop-at-day: day 7 reached \(asked for 7\)\), seed 3/);
    expect(readCsv(join(out, 'steps.csv')).map((row) => row.day)).toEqual(['0', '5', '7']);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.steps).toBe(20);
    expect(m.stepsRun).toBe(7);
    expect(m.stopped).toEqual({ step: 7, day: 7, by: 'stop-at-day', reason: 'day 7 reached (asked for 7)' });
  });
});
