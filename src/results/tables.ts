/**
 * Tidy tables of a run, built with arquero: the steps table (one row per recorded step) and the
 * agents table (final state per agent). CSV for everyone; Arrow IPC for R, pandas and polars.
 * Numbers are written with JavaScript's shortest round-trip form, so equal runs give equal bytes.
 */
import * as aq from 'arquero';
import type { Row } from '../core/contracts.js';
import { DOMAINS } from '../core/population.js';
import type { Simulation } from '../core/simulation.js';

export type ColumnData = Record<string, ArrayLike<unknown>>;

/** Steps rows → arquero table with the simulation's column order. */
export function stepsTable(rows: Row[], columns: string[]): aq.ColumnTable {
  const data: Record<string, unknown[]> = {};
  for (const c of columns) data[c] = rows.map((r) => r[c] ?? null);
  return aq.table(data);
}

/** Final state per agent: id, core columns, traits, degree, every exported plug-in column, list status. */
export function agentsTable(sim: Simulation): aq.ColumnTable {
  const w = sim.world;
  const n = w.n;
  const data: Record<string, ArrayLike<unknown>> = {};
  data.id = w.nodeKeys ?? Int32Array.from({ length: n }, (_, i) => i);
  for (const [name, info] of w.pop.info) {
    if (!info.export) continue;
    data[name] = w.pop.columns.get(name)!;
  }
  DOMAINS.forEach((d, k) => {
    data[`trait_${d}`] = w.pop.trait.subarray(k * n, (k + 1) * n);
  });
  data.degree = w.adj.deg.slice(0, n);
  for (const l of w.lists.lists.values()) {
    const key = l.id.replace(/-/g, '_');
    data[`on_${key}`] = l.on;
    data[`ever_${key}`] = l.ever;
    data[`times_${key}`] = l.times;
  }
  const cols: Record<string, unknown[]> = {};
  for (const [k, v] of Object.entries(data)) cols[k] = Array.from(v as ArrayLike<unknown>);
  return aq.table(cols);
}

export function toCsv(t: aq.ColumnTable): string {
  return t.toCSV() + '\n';
}

export function toArrowBytes(t: aq.ColumnTable): Uint8Array {
  return aq.toArrowIPC(t, { format: 'file' }) as Uint8Array;
}
