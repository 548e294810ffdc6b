/**
 * `scorelab run` as a user runs it (the built CLI): two runs of one scenario, 3 and 30 steps, with
 * seed 4294967295, write Arrow files with identical schemas that apache-arrow (not the writer)
 * concatenates; the seed stays an integer, a column empty in the short run keeps its type, and
 * every Arrow cell equals its CSV cell. Both CSV files end with exactly one newline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from '../helpers.js';

/** Header and rows of raw cells (RFC 4180 quoting). */
function parseCsv(text: string): { header: string[]; rows: string[][] } {
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

const fieldsOf = (t: Table) => t.schema.fields.map((f) => `${f.name}:${String(f.type)}:${f.nullable}`);

function sameAsCsv(dir: string, name: string): Table {
  const text = readFileSync(join(dir, `${name}.csv`), 'utf8');
  expect(text.endsWith('\n') && !text.endsWith('\n\n'), `${name}.csv ends with exactly one newline`).toBe(true);
  const { header, rows } = parseCsv(text);
  const t = tableFromIPC(readFileSync(join(dir, `${name}.arrow`)));
  expect(t.schema.fields.map((f) => f.name)).toEqual(header);
  expect(t.numRows).toBe(rows.length);
  header.forEach((c, j) => {
    const col = t.getChild(c)!;
    const type = String(col.type);
    rows.forEach((r, i) => {
      const csv = r[j]!;
      const v = col.get(i);
      const ok =
        csv === ''
          ? v === null
          : type === 'Int64'
            ? v === BigInt(csv)
            : type === 'Utf8'
              ? v === csv
              : typeof v === 'number' && (v === Number(csv) || (Number.isNaN(v) && csv === 'NaN'));
      if (!ok) expect.fail(`${dir}/${name}: row ${i}, ${c} (${type}): CSV ${JSON.stringify(csv)}, Arrow ${String(v)}`);
    });
  });
  return t;
}

describe('Arrow tables of runs of different lengths', () => {
  it('have identical schemas, concatenate with apache-arrow and equal the CSV cell for cell', () => {
    const base = tmp();
    const dirs = [3, 30].map((steps) => {
      const out = join(base, `steps-${steps}`);
      const r = cli(['run', 'court-blacklist', '--agents', '200', '--steps', String(steps), '--seed', '4294967295', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      return out;
    });
    const [short, long] = dirs.map((d) => sameAsCsv(d, 'steps'));
    expect(fieldsOf(short!)).toEqual(fieldsOf(long!));
    const types = Object.fromEntries(short!.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types).toMatchObject({ step: 'Int32', day: 'Int32', seed: 'Int64', listed_share: 'Float64' });
    // a column with no value in the short run keeps its declared type
    const empty = short!.schema.fields.filter((f) => short!.getChild(f.name)!.nullCount === short!.numRows).map((f) => f.name);
    expect(empty.length).toBeGreaterThan(0);
    for (const c of empty) expect(types[c], c).toBe('Float64');
    const both = short!.concat(long!);
    expect(both.numRows).toBe(short!.numRows + long!.numRows);
    expect([...both.getChild('seed')!].every((s) => s === 4294967295n)).toBe(true);

    const [a3, a30] = dirs.map((d) => sameAsCsv(d, 'agents'));
    expect(fieldsOf(a3!)).toEqual(fieldsOf(a30!));
    expect(a3!.concat(a30!).numRows).toBe(400);
  });
});
