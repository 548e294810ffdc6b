/**
 * Tidy tables, built with arquero, and how they are written: CSV for everyone; Arrow IPC (R,
 * pandas, polars) and Parquet for the tools that read those. The tables of a run are the steps
 * table (one row per recorded step) and the agents table (final state per agent).
 *
 * Every table has a fixed schema: a declared type per column that depends on what the column is,
 * never on the values in it, so two runs of one scenario (3 steps or 3000, any seed) have the same
 * Arrow and Parquet schema and concatenate. The types:
 *
 *   int32    step, day, point, replicate, n, … and integer agent columns
 *   int64    seed (a 32-bit unsigned seed, 4294967295 included, stays an integer)
 *   float64  metrics, summaries, statistics, numeric parameters, real agent columns
 *   utf8     text (ids, metric names, reasons, parameters that mix types)
 *   bool     parameters that are all true/false
 *
 * Every column is nullable, and a column with no value keeps its declared type. Numbers are
 * written in JavaScript's shortest round-trip form, so equal runs give equal bytes; Parquet is
 * written by parquet-wasm (arrow-rs) from the same Arrow data, SNAPPY-compressed, so it holds the
 * same types.
 */
import * as aq from 'arquero';
import { bool, float64, int32, int64, tableToIPC, utf8, type DataType, type Table as ArrowTable } from '@uwdata/flechette';
import { createRequire } from 'node:module';
import type { Row } from '../core/contracts.js';
import { DOMAINS } from '../core/population.js';
import type { Simulation } from '../core/simulation.js';
import { arrowFileChunks, concatBytes } from './arrow-stream.js';

export type ColumnData = Record<string, ArrayLike<unknown>>;

/** The declared type of a column. */
export type ColumnType = 'int32' | 'int64' | 'float64' | 'utf8' | 'bool';
/** A declared type for every column of a table. */
export type Schema = Record<string, ColumnType>;

/** Columns that hold integer counts or indices wherever they appear. */
export const INT32_COLUMNS = new Set(['step', 'day', 'point', 'replicate', 'n', 'treatment', 'control']);
/** Columns that hold seeds. */
export const INT64_COLUMNS = new Set(['seed']);

const declared = new WeakMap<aq.ColumnTable, Schema>();

/** Attaches a declared schema to a table (every column must have a type); returns the table. */
export function withSchema<T extends aq.ColumnTable>(t: T, schema: Schema): T {
  const missing = t.columnNames().filter((c) => !(c in schema));
  if (missing.length) throw new Error(`tables: no declared type for column(s) ${missing.join(', ')}`);
  declared.set(t, schema);
  return t;
}

/** The declared schema of a table, or one from the column names and kinds of value (see `typeOfValues`). */
export function schemaOf(t: aq.ColumnTable): Schema {
  const d = declared.get(t);
  if (d) return d;
  return Object.fromEntries(t.columnNames().map((c) => [c, typeOfColumn(c, Array.from(t.array(c) as ArrayLike<unknown>))]));
}

/**
 * The type of a column of design values or other free values: float64 when every value is a
 * number, bool when every value is true/false, otherwise utf8 (a column mixing types is text).
 * A column without values is float64.
 */
export function typeOfValues(values: Iterable<unknown>): ColumnType {
  const kinds = new Set<string>();
  for (const v of values) if (v !== null && v !== undefined) kinds.add(typeof v);
  if (kinds.size === 0) return 'float64';
  if (kinds.size === 1 && kinds.has('number')) return 'float64';
  if (kinds.size === 1 && kinds.has('boolean')) return 'bool';
  return 'utf8';
}

function typeOfColumn(name: string, values: unknown[]): ColumnType {
  if (INT32_COLUMNS.has(name)) return 'int32';
  if (INT64_COLUMNS.has(name)) return 'int64';
  return typeOfValues(values);
}

/** The steps table's schema: step and day int32, seed int64, every other column float64. */
export function stepsSchema(columns: readonly string[]): Schema {
  return Object.fromEntries(columns.map((c) => [c, c === 'step' || c === 'day' ? 'int32' : c === 'seed' ? 'int64' : 'float64']));
}

/** Steps rows → arquero table with the simulation's column order and its declared schema. */
export function stepsTable(rows: Row[], columns: string[]): aq.ColumnTable {
  const data: Record<string, unknown[]> = {};
  for (const c of columns) data[c] = rows.map((r) => r[c] ?? null);
  return withSchema(aq.table(data), stepsSchema(columns));
}

const KIND_TYPE: Record<string, ColumnType> = { f64: 'float64', f32: 'float64', i32: 'int32', u8: 'int32' };

/** The agents table's columns as the world holds them (views, not copies), in table order, with its schema. */
export interface AgentColumns {
  n: number;
  data: Record<string, ArrayLike<unknown> & { slice(a: number, b: number): ArrayLike<unknown> }>;
  schema: Schema;
  /**
   * When `graph.order` renumbered the agents: the internal index of the agent of each row (rows in
   * public order, so a table lists agents as an as-built run does); absent: row i is agent i.
   */
  rows?: Int32Array;
}

/**
 * The columns of the agents table (see `agentsTable`), without copying them. Without the standard
 * population (population.standard: false) there are no traits and no degree column: only the ids,
 * the exported columns (the group a graph file gives, the plug-ins') and the list status.
 */
export function agentColumns(sim: Simulation): AgentColumns {
  const w = sim.world;
  const n = w.n;
  const data: AgentColumns['data'] = {};
  const schema: Schema = {};
  data.id = w.nodeKeys ?? w.publicIds ?? Int32Array.from({ length: n }, (_, i) => i);
  schema.id = w.nodeKeys ? 'utf8' : 'int32';
  for (const [name, info] of w.pop.info) {
    if (!info.export) continue;
    data[name] = w.pop.columns.get(name)!;
    schema[name] = KIND_TYPE[info.kind] ?? 'float64';
  }
  if (w.pop.standard) {
    DOMAINS.forEach((d, k) => {
      data[`trait_${d}`] = w.pop.trait.subarray(k * n, (k + 1) * n);
      schema[`trait_${d}`] = 'float64';
    });
    data.degree = w.adj.deg.slice(0, n);
    schema.degree = 'int32';
  }
  for (const l of w.lists.lists.values()) {
    const key = l.id.replace(/-/g, '_');
    data[`on_${key}`] = l.on;
    data[`ever_${key}`] = l.ever;
    data[`times_${key}`] = l.times;
    schema[`on_${key}`] = 'int32';
    schema[`ever_${key}`] = 'int32';
    schema[`times_${key}`] = 'int32';
  }
  return w.publicIds ? { n, data, schema, rows: publicOrder(w.publicIds) } : { n, data, schema };
}

/** The internal index of the agent of each public id (the inverse of `world.publicIds`). */
function publicOrder(publicIds: Int32Array): Int32Array {
  const rows = new Int32Array(publicIds.length);
  for (let i = 0; i < publicIds.length; i++) rows[publicIds[i]!] = i;
  return rows;
}

/** Rows a..b of the agents' columns as a table (plain arrays, as `agentsTable` makes them). */
function agentRows(c: AgentColumns, a: number, b: number): aq.ColumnTable {
  const cols: Record<string, unknown[]> = {};
  const rows = c.rows?.subarray(a, b);
  for (const [k, v] of Object.entries(c.data)) cols[k] = rows ? Array.from(rows, (i) => v[i]) : Array.from(a === 0 && b === c.n ? v : v.slice(a, b));
  return withSchema(aq.table(cols), c.schema);
}

/** A column's values in row order (a copy of the same kind when the rows are reordered). */
function inRowOrder<T extends ArrayLike<unknown>>(v: T, rows: Int32Array | undefined): T {
  if (!rows) return v;
  const out = (Array.isArray(v) ? new Array(rows.length) : new (v.constructor as new (n: number) => unknown[])(rows.length)) as unknown[];
  for (let r = 0; r < rows.length; r++) out[r] = v[rows[r]!];
  return out as unknown as T;
}

/**
 * Final state per agent: id, core columns, traits, degree, every exported plug-in column, list
 * status. Types come from the columns' kinds: real columns float64, integer and flag columns
 * int32; `id` is int32, or utf8 when the graph file names its nodes.
 */
export function agentsTable(sim: Simulation): aq.ColumnTable {
  const c = agentColumns(sim);
  return agentRows(c, 0, c.n);
}

/**
 * agents.csv in pieces of `rows` rows, made from the world's columns a piece at a time (the whole
 * table is never held): joined they are `toCsv(agentsTable(sim))` byte for byte.
 */
export function* agentsCsvChunks(sim: Simulation, rows = 50_000): Generator<string> {
  const c = agentColumns(sim);
  for (let a = 0; a < c.n || a === 0; a += rows) {
    const text = toCsv(agentRows(c, a, Math.min(c.n, a + rows)));
    yield a === 0 ? text : text.slice(text.indexOf('\n') + 1);
  }
}

/** A batch's column as the agents table holds it: 32-bit floats widened to float64, small integers as int32. */
function widened(v: ArrayLike<unknown>): ArrayLike<unknown> {
  return v instanceof Float32Array ? Float64Array.from(v) : v instanceof Uint8Array ? Int32Array.from(v) : v;
}

/** Rows a..b of a column as a view when it can be one (typed arrays), otherwise a copy of those rows. */
function rowsOf(v: AgentColumns['data'][string], a: number, b: number, n: number, rows: Int32Array | undefined): ArrayLike<unknown> {
  if (rows) return inRowOrder(v, rows.subarray(a, b));
  if (a === 0 && b === n) return v;
  return ArrayBuffer.isView(v) ? (v as unknown as Int32Array).subarray(a, b) : v.slice(a, b);
}

/**
 * agents.arrow (an Arrow IPC file) in pieces: one record batch of at most `rows` rows at a time,
 * each made from the world's columns for its rows only (typed arrays, views where the rows are in
 * order) and encoded only when the pieces before it have been consumed, so writing the file holds
 * one batch, never the table. A table of at most `rows` rows is one batch: joined, the pieces are
 * `toArrowBytes(agentsTable(sim))` byte for byte; more rows give more batches and the same values.
 */
export function* agentsArrowChunks(sim: Simulation, rows = 50_000): Generator<Uint8Array> {
  if (!(Number.isInteger(rows) && rows >= 1)) throw new Error(`tables: rows per batch must be a positive integer, found ${rows}`);
  const c = agentColumns(sim);
  function* batches(): Generator<ArrowTable> {
    for (let a = 0; a < c.n || a === 0; a += rows) {
      const b = Math.min(c.n, a + rows);
      const cols: Record<string, ArrayLike<unknown>> = {};
      for (const [k, v] of Object.entries(c.data)) cols[k] = widened(rowsOf(v, a, b, c.n, c.rows));
      yield toArrowTable(withSchema(aq.table(cols), c.schema), c.schema);
    }
  }
  yield* arrowFileChunks(batches());
}

/** agents.arrow as one byte array (`agentsArrowChunks` joined; `writeRun` streams the pieces instead). */
export function agentsArrowBytes(sim: Simulation, rows = 50_000): Uint8Array {
  return concatBytes(agentsArrowChunks(sim, rows));
}

/** CSV text ending with exactly one newline. */
export function toCsv(t: aq.ColumnTable): string {
  const text = t.toCSV();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return (end === text.length ? text : text.slice(0, end)) + '\n';
}

const ARROW: Record<ColumnType, () => DataType> = { int32: () => int32(), int64: () => int64(), float64: () => float64(), utf8: () => utf8(), bool: () => bool() };

/**
 * Values of a column as its declared type accepts them: text columns take every value as text
 * (JSON for objects); integer columns must hold integers (a fraction would be cut silently).
 * Columns that need no change are passed on without a copy.
 */
function cells(name: string, type: ColumnType, values: ArrayLike<unknown>): ArrayLike<unknown> {
  const n = values.length;
  if (type === 'utf8') {
    let i = 0;
    while (i < n && (values[i] === null || typeof values[i] === 'string')) i++;
    if (i === n) return values;
    return Array.from(values, (v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)));
  }
  if (type === 'int32' || type === 'int64') {
    const max = type === 'int32' ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== null && v !== undefined && !(Number.isInteger(v) && Math.abs(v as number) <= max)) {
        throw new Error(`tables: column '${name}' is declared ${type} but holds ${String(v)}`);
      }
    }
  }
  return values;
}

/** The table with every column's values in the form its declared type takes. */
function typed(t: aq.ColumnTable, schema: Schema): { table: aq.ColumnTable; types: Record<string, DataType> } {
  const names = t.columnNames();
  const cols: Record<string, ArrayLike<unknown>> = {};
  const types: Record<string, DataType> = {};
  for (const c of names) {
    const type = schema[c];
    if (!type) throw new Error(`tables: no declared type for column '${c}'`);
    cols[c] = cells(c, type, t.array(c) as ArrayLike<unknown>);
    types[c] = ARROW[type]();
  }
  return { table: aq.table(cols, names), types };
}

/** A flechette (Arrow) table of a table with its declared schema, as `toArrowBytes` encodes it. */
export function toArrowTable(t: aq.ColumnTable, schema: Schema = schemaOf(t)): ArrowTable {
  const { table, types } = typed(t, schema);
  return aq.toArrow(table, { types });
}

/** Arrow IPC bytes of a table with its declared schema (`schemaOf`): the file format by default. */
export function toArrowBytes(t: aq.ColumnTable, schema: Schema = schemaOf(t), format: 'file' | 'stream' = 'file'): Uint8Array {
  return tableToIPC(toArrowTable(t, schema), { format })!;
}

interface ParquetWasm {
  Table: { fromIPCStream(bytes: Uint8Array): unknown };
  WriterPropertiesBuilder: new () => { setCompression(c: number): { build(): unknown } };
  Compression: { SNAPPY: number };
  writeParquet(table: unknown, props: unknown): Uint8Array;
}

let parquetWasm: ParquetWasm | null = null;

/** parquet-wasm, loaded on first use (its WebAssembly module compiles synchronously in Node). */
function parquet(): ParquetWasm {
  parquetWasm ??= createRequire(import.meta.url)('parquet-wasm') as ParquetWasm;
  return parquetWasm;
}

/** Parquet bytes of a table with its declared schema (SNAPPY compression, one row group per 1M rows). */
export function toParquetBytes(t: aq.ColumnTable, schema: Schema = schemaOf(t)): Uint8Array {
  const pw = parquet();
  const table = pw.Table.fromIPCStream(toArrowBytes(t, schema, 'stream'));
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).build();
  return pw.writeParquet(table, props);
}
