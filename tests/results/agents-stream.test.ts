/**
 * agents.csv and agents.arrow are streamed from the world's columns a chunk at a time. agents.csv's
 * chunks join to the whole table's CSV; agents.arrow is a sequence of record batches whose file,
 * for a table of one batch, is the bytes the whole in-memory table gave (`toArrowBytes(agentsTable(sim))`)
 * and, for many batches, holds the same schema and values bit for bit, read back by arquero
 * (flechette) and by apache-arrow (which also reads each batch through the file's footer) — for
 * numeric and named ids, list columns and Float32 scores.
 */
import { join } from 'node:path';
import * as aq from 'arquero';
import { RecordBatchFileReader, tableFromIPC, type RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { agentsArrowBytes, agentsArrowChunks, agentsCsvChunks, agentsTable, toArrowBytes, toCsv } from '../../src/results/tables.js';
import { concatBytes } from '../../src/results/arrow-stream.js';
import { csvChunks } from '../../src/results/write-run.js';
import { runScenario } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const cases: [string, string | Record<string, unknown>, number][] = [
  ['default preset', 'default', 337],
  ['joint-punishment (lists)', 'joint-punishment', 251],
  ['friend-cleanup, Float32 scores', { seed: 2, steps: 3, population: { agents: 120, householdSize: 1, scorePrecision: 'float32' }, graph: { model: 'erdos-renyi', meanDegree: 6, households: false }, behaviour: {}, regimes: { 'friend-cleanup': {} }, metrics: ['mean_score'] }, 120],
  ['named ids (a graph file)', { seed: 1, steps: 2, graph: { file: join(ROOT, 'tests/fixtures/graphs/quoted.csv') }, regimes: { fico: {} }, metrics: ['mean_score'] }, 3],
];

/** Every value of two equal-length lists is the same (floats bit for bit: Object.is tells -0 and NaN apart). */
function expectSameValues(got: ArrayLike<unknown>, want: ArrayLike<unknown>, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) expect.fail(`${what}: row ${i} holds ${String(got[i])}, expected ${String(want[i])}`);
  }
}

/** Column names and Arrow types as apache-arrow reads them. */
const arrowSchema = (bytes: Uint8Array) => tableFromIPC(bytes).schema.fields.map((f) => [f.name, String(f.type), f.nullable]);

describe('agents table streamed', () => {
  for (const [label, ref, agents] of cases) {
    it(`${label}: CSV chunks join to the whole table's CSV; Arrow batches hold the whole table`, async () => {
      const { simulation } = await runScenario(ref, typeof ref === 'string' ? { agents, steps: 3 } : {});
      const t = agentsTable(simulation);
      const whole = toCsv(t);
      for (const rows of [1, 7, 50, 100_000]) {
        const parts = [...agentsCsvChunks(simulation, rows)];
        expect(parts.length).toBe(Math.max(1, Math.ceil(agents / rows)));
        expect(parts.join('')).toBe(whole);
        expect(parts.join('')).toBe([...csvChunks(t, rows)].join(''));
      }

      // one batch (the default 50,000 rows): the bytes of the whole in-memory table
      const oneBatch = toArrowBytes(t);
      expect(Buffer.from(agentsArrowBytes(simulation)).equals(Buffer.from(oneBatch))).toBe(true);
      expect(Buffer.from(concatBytes(agentsArrowChunks(simulation))).equals(Buffer.from(oneBatch))).toBe(true);

      const names = t.columnNames();
      for (const rows of [1, 7, 50, 100_000]) {
        const batches = Math.ceil(agents / rows);
        const bytes = agentsArrowBytes(simulation, rows);
        const what = `${label}, ${rows} rows a batch`;
        // arquero (flechette)
        const a = aq.fromArrow(bytes);
        expect(a.columnNames(), what).toEqual(names);
        expect(a.numRows(), what).toBe(agents);
        for (const c of names) expectSameValues(a.array(c) as ArrayLike<unknown>, t.array(c) as ArrayLike<unknown>, `${what}, ${c} (arquero)`);
        // apache-arrow: the same schema as the one-batch file, the batches, the values
        const b = tableFromIPC(bytes);
        expect(arrowSchema(bytes), what).toEqual(arrowSchema(oneBatch));
        expect(b.numRows, what).toBe(agents);
        expect(b.batches.length, what).toBe(batches);
        for (const c of names) expectSameValues(b.getChild(c)!.toArray() as ArrayLike<unknown>, t.array(c) as ArrayLike<unknown>, `${what}, ${c} (apache-arrow)`);
        // the footer: apache-arrow's file reader finds every batch through its block (offset, lengths)
        const reader = RecordBatchFileReader.from(bytes);
        reader.open();
        expect(reader.numRecordBatches, what).toBe(batches);
        let seen = 0;
        for (let k = batches - 1; k >= 0; k--) {
          const batch = reader.readRecordBatch(k) as RecordBatch; // bytes in memory: read synchronously
          expect(batch.numRows, `${what}, batch ${k}`).toBe(Math.min(rows, agents - k * rows));
          const first = k * rows;
          expect(batch.getChild('id')!.get(0), `${what}, batch ${k}`).toBe(t.get('id', first));
          seen += batch.numRows;
        }
        expect(seen).toBe(agents);
      }
    });
  }

  it('agents.arrow is made a batch at a time: many pieces, none larger than a batch and its framing', async () => {
    const { simulation } = await runScenario('default', { agents: 337, steps: 3 });
    const cols = agentsTable(simulation).numCols();
    const whole = agentsArrowBytes(simulation).length;
    for (const rows of [1, 7, 50]) {
      const parts = [...agentsArrowChunks(simulation, rows)];
      // head, schema, one message per batch, end-of-stream marker and the footer's pieces
      expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(337 / rows) + 4);
      // a batch: 8 bytes a value (every column here is numeric) and per column up to 3 buffers
      // padded to 8 bytes and their metadata; the footer: 24 bytes a batch beside the schema
      const batchBound = rows * cols * 8 + cols * 3 * (8 + 16) + 1024;
      const footerBound = Math.ceil(337 / rows) * 24 + 4096;
      const largest = Math.max(...parts.map((p) => p.length));
      expect(largest).toBeLessThanOrEqual(Math.max(batchBound, footerBound));
      expect(largest).toBeLessThan(whole / 2);
    }
  });

  it('rows per batch must be a positive integer', async () => {
    const { simulation } = await runScenario('default', { agents: 30, steps: 1 });
    for (const rows of [0, -1, 1.5, Number.NaN]) expect(() => agentsArrowBytes(simulation, rows)).toThrow(/rows per batch/);
  });
});
