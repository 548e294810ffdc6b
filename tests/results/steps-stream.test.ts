/**
 * steps.csv written as the run records it (`StepsCsvWriter`, fed by `Simulation.onRow`): the header,
 * then each row appended to steps.csv.partial at once; the finished file is renamed to steps.csv
 * and is the whole table's CSV (`csvChunks(stepsTable(rows, columns))`) byte for byte. A writer
 * left unfinished keeps the .partial file with the header and the rows so far.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/contracts.js';
import { loadScenario } from '../../src/scenario/load.js';
import { buildSimulation } from '../../src/scenario/build.js';
import { injectWriteFault, WriteFailure } from '../../src/results/atomic.js';
import { stepsTable } from '../../src/results/tables.js';
import { csvChunks, StepsCsvWriter } from '../../src/results/write-run.js';
import { tmp } from '../helpers.js';

const tableCsv = (rows: Row[], columns: string[]) => [...csvChunks(stepsTable(rows, columns))].join('');

describe('steps.csv streamed', () => {
  it('a run streamed through onRow gives the table’s CSV byte for byte (nulls, every row); no .partial remains', async () => {
    const { scenario, graph, plugins } = await loadScenario('joint-punishment', { agents: 150, steps: 40, set: ['record.every=3'] });
    const sim = buildSimulation(scenario, { graph, plugins });
    const dir = tmp();
    const w = new StepsCsvWriter(dir, sim.columns);
    const seen: number[] = [];
    sim.onRow = (r) => {
      w.row(r);
      // each row is in the file when it is recorded (not buffered until the end)
      seen.push(readFileSync(w.partial, 'utf8').split('\n').length - 2);
    };
    sim.run(scenario.steps);
    expect(sim.rows.length).toBe(15); // steps 0, 3, …, 39 and the last, 40
    expect(seen).toEqual(sim.rows.map((_, k) => k + 1));
    expect(sim.rows.some((r) => Object.values(r).some((v) => v === null))).toBe(true);
    expect(w.commit(sim.rows)).toBe(join(dir, 'steps.csv'));
    expect(readFileSync(join(dir, 'steps.csv'), 'utf8')).toBe(tableCsv(sim.rows, sim.columns));
    expect(existsSync(w.partial)).toBe(false);
  });

  it('cells are formatted as the table formats them: -0, tiny and huge numbers, NaN, Infinity, null', () => {
    const columns = ['step', 'day', 'seed', 'a', 'b'];
    const rows: Row[] = [
      { step: 0, day: 0, seed: 4294967295, a: -0, b: 1e-7 },
      { step: 1, day: 7, seed: null, a: 1.7976931348623157e308, b: Number.NaN },
      { step: 2, day: 14, seed: 1, a: Number.POSITIVE_INFINITY, b: null },
      { step: 3, day: 21, seed: 1, a: 0.1 + 0.2, b: -123456789.125 },
    ];
    const dir = tmp();
    const w = new StepsCsvWriter(dir, columns);
    for (const r of rows) w.row(r);
    w.commit(rows);
    expect(readFileSync(join(dir, 'steps.csv'), 'utf8')).toBe(tableCsv(rows, columns));
  });

  it('a writer left unfinished keeps steps.csv.partial: the header and each row given so far', () => {
    const columns = ['step', 'day', 'seed', 'mean_score'];
    const rows: Row[] = [0, 1, 2].map((k) => ({ step: k, day: k, seed: 5, mean_score: k / 3 }));
    const dir = tmp();
    const w = new StepsCsvWriter(dir, columns);
    for (const r of rows) w.row(r);
    w.close();
    expect(existsSync(join(dir, 'steps.csv'))).toBe(false);
    expect(readFileSync(join(dir, 'steps.csv.partial'), 'utf8')).toBe(tableCsv(rows, columns));
    // rows the writer was not given are not committed as if they were
    const again = new StepsCsvWriter(tmp(), columns);
    again.row(rows[0]!);
    expect(() => again.commit(rows)).toThrow(/1 row\(s\) streamed but the run recorded 3/);
  });

  it('a full disk at the rename removes the .partial file and names steps.csv (as an atomic write does)', () => {
    const dir = tmp();
    const w = new StepsCsvWriter(dir, ['step', 'day', 'seed']);
    w.row({ step: 0, day: 0, seed: 1 });
    injectWriteFault(0);
    try {
      expect(() => w.commit([{ step: 0, day: 0, seed: 1 }])).toThrow(WriteFailure);
    } finally {
      injectWriteFault(null);
    }
    expect(existsSync(join(dir, 'steps.csv'))).toBe(false);
    expect(existsSync(join(dir, 'steps.csv.partial'))).toBe(false);
  });
});
