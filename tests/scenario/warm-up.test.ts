/**
 * The warm-up of src/scenario/warm-up.ts (run by buildSimulation): a small copy of the scenario stepped before a large run
 * (for V8's compiler) must change no value of the run, must run only the library's own code, and
 * must be skipped where it cannot run. The tables are compared byte for byte with and without it,
 * for the benchmark model and for national-composite (many plug-ins, every metric).
 */
import { describe, expect, it } from 'vitest';
import { agentsTable, buildSimulation, defineRegime, prepareScenario, registerPlugin, stepsTable, toCsv, type ResolvedScenario } from '../../src/index.js';
import { WARM_UP_FROM, warmUpCounts } from '../../src/scenario/build.js';

async function scenario(raw: string, agents: number, set: string[] = []): Promise<ResolvedScenario> {
  const { loadScenario } = await import('../../src/index.js');
  return (await loadScenario(raw, { agents, set })).scenario;
}

function tables(s: ResolvedScenario, warmUp: boolean, steps: number): { steps: string; agents: string } {
  const sim = buildSimulation(s, { warmUp });
  sim.run(steps);
  return { steps: toCsv(stepsTable(sim.rows, sim.columns)), agents: toCsv(agentsTable(sim)) };
}

describe('warm-up before a large run', () => {
  for (const [preset, set] of [
    ['bench-friend-cleanup', ['regimes.friend-cleanup.c=0.3']],
    ['national-composite', ['metrics=all', 'record.every=1']],
  ] as const) {
    it(`${preset}: the same tables, byte for byte, with and without it`, async () => {
      const s = await scenario(preset, 3000, [...set]);
      const ran = warmUpCounts.ran, failed = warmUpCounts.failed;
      const warm = tables(s, true, 12);
      expect(warmUpCounts.ran).toBe(ran + 1);
      expect(warmUpCounts.failed).toBe(failed); // the small copy ran to its end
      const cold = tables(s, false, 12);
      expect(warmUpCounts.ran).toBe(ran + 1);
      expect(warm.steps).toBe(cold.steps);
      expect(warm.agents).toBe(cold.agents);
      expect(warm.steps.split('\n').length).toBeGreaterThan(12);
    }, 120_000);
  }

  it(`runs by itself from ${WARM_UP_FROM.toLocaleString('en-US')} agents for the library's own code, and never for a plug-in from outside`, async () => {
    let creates = 0;
    const counting = defineRegime({
      id: 'test-counting',
      title: 'test: counts its worlds',
      summary: 'test only',
      doc: 'test only',
      sources: [],
      params: {},
      create() {
        creates++;
        return {};
      },
    });
    const raw = { seed: 3, steps: 1, population: { agents: WARM_UP_FROM, householdSize: 1 }, graph: { model: 'erdos-renyi', meanDegree: 4, households: false }, behaviour: {}, regimes: { 'friend-cleanup': {} }, metrics: ['mean_score'] };
    const own = (await prepareScenario(raw, '(test)')).scenario;
    let ran = warmUpCounts.ran;
    buildSimulation(own).close();
    expect(warmUpCounts.ran).toBe(ran + 1);
    // once per process for the same plug-ins and metrics: the next run is not warmed again
    buildSimulation(own).close();
    expect(warmUpCounts.ran).toBe(ran + 1);
    // one agent fewer: no warm-up
    ran = warmUpCounts.ran;
    buildSimulation((await prepareScenario({ ...raw, population: { agents: WARM_UP_FROM - 1, householdSize: 1 } }, '(test)')).scenario).close();
    expect(warmUpCounts.ran).toBe(ran);
    // a regime from outside the library (registered, or handed to buildSimulation): its world is
    // made once, for the run only
    registerPlugin(counting);
    const withOutside = (await prepareScenario({ ...raw, regimes: { 'friend-cleanup': {}, 'test-counting': {} } }, '(test)')).scenario;
    buildSimulation(withOutside).close();
    buildSimulation(withOutside, { plugins: [counting] }).close();
    expect(creates).toBe(2);
    expect(warmUpCounts.ran).toBe(ran);
  }, 60_000);
});
