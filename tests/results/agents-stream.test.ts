/**
 * agents.csv is streamed from the world's columns a chunk at a time, and agents.arrow is made from
 * typed arrays: both are the bytes the whole in-memory table gave (`toCsv(agentsTable(sim))`,
 * `toArrowBytes(agentsTable(sim))`), for numeric and named ids, list columns and Float32 scores.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentsArrowBytes, agentsCsvChunks, agentsTable, toArrowBytes, toCsv } from '../../src/results/tables.js';
import { csvChunks } from '../../src/results/write-run.js';
import { runScenario } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const cases: [string, string | Record<string, unknown>, number][] = [
  ['default preset', 'default', 337],
  ['joint-punishment (lists)', 'joint-punishment', 251],
  ['friend-cleanup, Float32 scores', { seed: 2, steps: 3, population: { agents: 120, householdSize: 1, scorePrecision: 'float32' }, graph: { model: 'erdos-renyi', meanDegree: 6, households: false }, behaviour: {}, regimes: { 'friend-cleanup': {} }, metrics: ['mean_score'] }, 120],
  ['named ids (a graph file)', { seed: 1, steps: 2, graph: { file: join(ROOT, 'tests/fixtures/graphs/quoted.csv') }, regimes: { fico: {} }, metrics: ['mean_score'] }, 3],
];

describe('agents table streamed', () => {
  for (const [label, ref, agents] of cases) {
    it(`${label}: chunks join to the whole table's CSV, the Arrow bytes are equal`, async () => {
      const { simulation } = await runScenario(ref, typeof ref === 'string' ? { agents, steps: 3 } : {});
      const t = agentsTable(simulation);
      const whole = toCsv(t);
      for (const rows of [1, 7, 50, 100_000]) {
        const parts = [...agentsCsvChunks(simulation, rows)];
        expect(parts.length).toBe(Math.max(1, Math.ceil(agents / rows)));
        expect(parts.join('')).toBe(whole);
        expect(parts.join('')).toBe([...csvChunks(t, rows)].join(''));
      }
      expect(Buffer.from(agentsArrowBytes(simulation)).equals(Buffer.from(toArrowBytes(t)))).toBe(true);
    });
  }
});
