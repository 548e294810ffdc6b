/**
 * The binary tables of a sweep read by readers that did not write them: the Parquet files
 * (written by parquet-wasm, arrow-rs) with hyparquet, and the Arrow files (written by arquero /
 * flechette) with apache-arrow. Each must hold the CSV's rows and columns cell for cell, with the
 * declared column types: run_id text, point/replicate/step/day/n int32, seed int64, numeric
 * parameters and metrics float64, text and mixed parameters text, true/false parameters bool —
 * all nullable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { defineExperiment, runSweep } from '../../src/index.js';
import { ROOT, tmp } from '../helpers.js';

const FIXTURE = join(ROOT, 'tests/fixtures/experiments/tiny-control.ts');

/** RFC 4180 CSV: header and rows of raw cells. */
function parseCsv(text: string): { header: string[]; rows: string[][] } {
  expect(text.endsWith('\n') && !text.endsWith('\n\n'), 'ends with exactly one newline').toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  const [header, ...body] = rows;
  return { header: header!, rows: body };
}

type Declared = 'int32' | 'int64' | 'float64' | 'utf8' | 'bool';
const ARROW_TYPE: Record<Declared, string> = { int32: 'Int32', int64: 'Int64', float64: 'Float64', utf8: 'Utf8', bool: 'Bool' };
const PARQUET_TYPE: Record<Declared, string> = { int32: 'INT32', int64: 'INT64', float64: 'DOUBLE', utf8: 'BYTE_ARRAY', bool: 'BOOLEAN' };

/** Does a value read from a binary file equal the CSV cell, for a column of this type? */
function sameCell(type: Declared, csv: string, v: unknown): boolean {
  if (csv === '') return v === null || v === undefined;
  switch (type) {
    case 'int64':
      return typeof v === 'bigint' && v === BigInt(csv);
    case 'int32':
    case 'float64':
      return typeof v === 'number' && (v === Number(csv) || (Number.isNaN(v) && csv === 'NaN'));
    case 'bool':
      return v === (csv === 'true');
    case 'utf8':
      return v === csv;
  }
}

function checkArrow(file: string, header: string[], rows: string[][], schema: Record<string, Declared>) {
  const t: Table = tableFromIPC(readFileSync(file));
  expect(t.schema.fields.map((f) => f.name), file).toEqual(header);
  expect(t.schema.fields.map((f) => `${f.name}:${String(f.type)}:${f.nullable}`), file).toEqual(header.map((c) => `${c}:${ARROW_TYPE[schema[c]!]}:true`));
  expect(t.numRows, file).toBe(rows.length);
  header.forEach((c, j) => {
    const col = t.getChild(c)!;
    rows.forEach((r, i) => {
      const v = col.get(i);
      if (!sameCell(schema[c]!, r[j]!, v)) expect.fail(`${file}: row ${i}, ${c}: CSV ${JSON.stringify(r[j])}, Arrow ${String(v)}`);
    });
  });
}

async function checkParquet(file: string, header: string[], rows: string[][], schema: Record<string, Declared>) {
  const buf = readFileSync(file);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  const meta = parquetMetadata(ab);
  const leaves = meta.schema.slice(1);
  expect(leaves.map((s) => s.name), file).toEqual(header);
  for (const s of leaves) {
    const want = schema[s.name]!;
    expect(`${s.name}:${s.type}:${s.repetition_type}`, file).toBe(`${s.name}:${PARQUET_TYPE[want]}:OPTIONAL`);
    if (want === 'utf8') expect(s.logical_type?.type, `${file} ${s.name}`).toBe('STRING');
  }
  expect(Number(meta.num_rows), file).toBe(rows.length);
  const objs = (await parquetReadObjects({ file: ab })) as Record<string, unknown>[];
  expect(objs).toHaveLength(rows.length);
  rows.forEach((r, i) => {
    header.forEach((c, j) => {
      const v = objs[i]![c];
      if (!sameCell(schema[c]!, r[j]!, v)) expect.fail(`${file}: row ${i}, ${c}: CSV ${JSON.stringify(r[j])}, Parquet ${String(v)}`);
    });
  });
}

async function checkFolder(dir: string, tables: string[]) {
  const man = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { schemas: Record<string, Record<string, Declared>> };
  for (const name of tables) {
    const { header, rows } = parseCsv(readFileSync(join(dir, `${name}.csv`), 'utf8'));
    expect(rows.length, `${name}.csv has rows`).toBeGreaterThan(0);
    const schema = man.schemas[name]!;
    expect(Object.keys(schema)).toEqual(header);
    checkArrow(join(dir, `${name}.arrow`), header, rows, schema);
    await checkParquet(join(dir, `${name}.parquet`), header, rows, schema);
  }
  return man.schemas;
}

describe('Parquet and Arrow read back by independent readers', () => {
  it('hold the CSV rows, columns, types and values of runs, steps, points and effects', async () => {
    const out = tmp();
    await runSweep(FIXTURE, { out, workers: 0 });
    const schemas = await checkFolder(out, ['runs', 'steps', 'points', 'effects']);
    // the declared types, whatever the values (tie_count is whole, point 0's c is 0)
    expect(schemas.runs).toEqual({
      run_id: 'utf8',
      point: 'int32',
      replicate: 'int32',
      seed: 'int64',
      'regimes.friend-cleanup.c': 'float64',
      'regimes.friend-cleanup.delta': 'float64',
      score_assortativity: 'float64',
      tie_count: 'float64',
    });
    expect(schemas.steps).toMatchObject({ step: 'int32', day: 'int32', seed: 'int64', mean_score: 'float64', tie_count: 'float64' });
    expect(schemas.points).toMatchObject({ point: 'int32', step: 'int32', day: 'int32', metric: 'utf8', n: 'int32', mean: 'float64', sd: 'float64' });
    expect(schemas.effects).toMatchObject({ treatment: 'int32', control: 'int32', metric: 'utf8', n: 'int32', diff: 'float64', rel_diff: 'float64' });
  });

  it('write mixed parameters as text and true/false parameters as bool', async () => {
    const out = tmp();
    const def = defineExperiment({
      id: 'parquet-mixed',
      base: {
        seed: 1,
        steps: 2,
        population: { agents: 30, householdSize: 1 },
        graph: { model: 'erdos-renyi', meanDegree: 4, households: false },
        behaviour: {},
        regimes: { 'friend-cleanup': {} },
        metrics: ['mean_score', 'tie_count'],
      },
      design: {
        kind: 'points',
        points: [
          { 'record.params.tag': 1, 'record.params.flag': true, 'regimes.friend-cleanup.c': 0 },
          { 'record.params.tag': 'one, "quoted"', 'record.params.flag': false },
        ],
      },
      replicates: 2,
    });
    await runSweep(def, { out, workers: 0 });
    const schemas = await checkFolder(out, ['runs', 'steps', 'points']);
    expect(schemas.runs).toMatchObject({ 'record.params.tag': 'utf8', 'record.params.flag': 'bool', 'regimes.friend-cleanup.c': 'float64' });
    // a parameter a point leaves out is null there, and keeps its type
    const { rows } = parseCsv(readFileSync(join(out, 'runs.csv'), 'utf8'));
    expect(rows.map((r) => r[6])).toEqual(['0', '0', '', '']);
  });
});
