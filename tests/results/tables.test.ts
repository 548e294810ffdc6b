/**
 * The run tables' fixed schemas (src/results/tables.ts) at library level: a steps table declares
 * its types from its columns, never from its values (3 rows or 3000, all-missing columns, seed
 * 4294967295); the agents table takes its types from the columns' kinds; CSV ends with exactly one
 * newline; an integer column holding a fraction is refused rather than cut. Read back with
 * apache-arrow and hyparquet, which did not write them.
 */
import { tableFromIPC } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { agentsTable, runScenario, stepsTable, toArrowBytes, toCsv, toParquetBytes, withSchema, type Row } from '../../src/index.js';

const arrowTypes = (bytes: Uint8Array) => tableFromIPC(bytes).schema.fields.map((f) => `${f.name}:${String(f.type)}:${f.nullable}`);

function rows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({ step: i, day: 7 * i, seed: 4294967295, share: 0, metric: i % 3 ? i / 3 : null, empty: null }));
}

describe('run tables', () => {
  it('declare the same Arrow schema for 3 rows and 3000, whatever the values', () => {
    const cols = ['step', 'day', 'seed', 'share', 'metric', 'empty'];
    const want = ['step:Int32:true', 'day:Int32:true', 'seed:Int64:true', 'share:Float64:true', 'metric:Float64:true', 'empty:Float64:true'];
    const short = toArrowBytes(stepsTable(rows(3), cols));
    const long = toArrowBytes(stepsTable(rows(3000), cols));
    expect(arrowTypes(short)).toEqual(want);
    expect(arrowTypes(long)).toEqual(want);
    expect(arrowTypes(toArrowBytes(stepsTable([], cols)))).toEqual(want);
    const t = tableFromIPC(long);
    expect(t.getChild('seed')!.get(2999)).toBe(4294967295n);
    expect(t.getChild('day')!.get(2999)).toBe(7 * 2999);
    expect(t.getChild('empty')!.get(0)).toBeNull();
    // concatenated by apache-arrow
    const both = tableFromIPC(short).concat(t);
    expect(both.numRows).toBe(3003);
    expect(both.getChild('step')!.get(3)).toBe(0);
  });

  it('write CSV that ends with exactly one newline', () => {
    const text = toCsv(stepsTable(rows(4), ['step', 'day', 'seed', 'metric']));
    expect(text).toBe('step,day,seed,metric\n0,0,4294967295,\n1,7,4294967295,0.3333333333333333\n2,14,4294967295,0.6666666666666666\n3,21,4294967295,\n');
    expect(toCsv(stepsTable([], ['step']))).toBe('step\n');
  });

  it('refuse a fraction in an integer column rather than cut it', () => {
    const t = stepsTable([{ step: 1.5, day: 1 }], ['step', 'day']);
    expect(() => toArrowBytes(t)).toThrow(/column 'step' is declared int32 but holds 1\.5/);
    expect(() => withSchema(aq.table({ a: [1], b: [2] }), { a: 'int32' })).toThrow(/no declared type for column\(s\) b/);
  });

  it('write Parquet with the declared types, read back by hyparquet', async () => {
    const bytes = toParquetBytes(stepsTable(rows(5), ['step', 'seed', 'metric', 'empty']));
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(parquetMetadata(ab).schema.slice(1).map((s) => `${s.name}:${s.type}:${s.repetition_type}`)).toEqual([
      'step:INT32:OPTIONAL',
      'seed:INT64:OPTIONAL',
      'metric:DOUBLE:OPTIONAL',
      'empty:DOUBLE:OPTIONAL',
    ]);
    const objs = await parquetReadObjects({ file: ab });
    expect(objs[4]).toEqual({ step: 4, seed: 4294967295n, metric: 4 / 3, empty: null });
    expect(objs[3]!.metric).toBeNull();
  });

  it('type agent columns by their kind, not their values', async () => {
    const scenario = {
      seed: 3,
      steps: 2,
      population: { agents: 40, householdSize: 1 },
      graph: { model: 'erdos-renyi', meanDegree: 4, households: false },
      regimes: { 'court-blacklist': {} },
      metrics: ['listed_share'],
    };
    const { simulation } = await runScenario(scenario);
    const t = agentsTable(simulation);
    const fields = Object.fromEntries(tableFromIPC(toArrowBytes(t)).schema.fields.map((f) => [f.name, String(f.type)]));
    expect(fields).toMatchObject({ id: 'Int32', group: 'Int32', household: 'Int32', wealth: 'Float64', approval: 'Float64', trait_finance: 'Float64', degree: 'Int32' });
    const listCols = Object.keys(fields).filter((c) => /^(on|ever|times)_/.test(c));
    expect(listCols.length).toBeGreaterThan(0);
    for (const c of listCols) expect(fields[c], c).toBe('Int32');
    expect(Object.values(fields).every((f) => ['Int32', 'Float64', 'Utf8'].includes(f))).toBe(true);
    expect(toCsv(t).endsWith('\n') && !toCsv(t).endsWith('\n\n')).toBe(true);
  });
});
