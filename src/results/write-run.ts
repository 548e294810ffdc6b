/**
 * Writes the outputs of one run into its folder: steps.csv, agents.csv, steps.arrow,
 * agents.arrow, figure.svg and figure.png (+ the vega-lite spec) and manifest.json, each atomically.
 * The CSV files are written in chunks of rows (`csvChunks`), so a table of millions of agents is
 * never one string (V8's longest string is about 512 MB), and agents.arrow one record batch at a
 * time (`agentsArrowChunks`), so its table is never whole in memory.
 */
import type * as aq from 'arquero';
import { resolve } from 'node:path';
import type { Row } from '../core/contracts.js';
import type { Simulation } from '../core/simulation.js';
import type { ResolvedScenario } from '../scenario/resolve.js';
import { adjacencyToGraphology } from '../graphs/convert.js';
import { writeGexf } from '../graphs/io.js';
import { renderSvg, runFigureSpec, svgToPng } from '../plots/run-figure.js';
import { PartialFile, writeFileAtomic, writeFileAtomicChunks } from './atomic.js';
import { provenance } from './manifest.js';
import { agentsArrowChunks, agentsCsvChunks, stepsTable, toArrowBytes, toCsv } from './tables.js';

/** Rows per chunk of a streamed CSV file, and per record batch of agents.arrow. */
export const CSV_CHUNK_ROWS = 50_000;

/**
 * The CSV text of a table (as `toCsv` writes it) in pieces of `rows` rows: the first with the
 * header, each ending with a newline; joined they are `toCsv(t)` byte for byte.
 */
export function* csvChunks(t: aq.ColumnTable, rows = CSV_CHUNK_ROWS): Generator<string> {
  const n = t.numRows();
  if (n <= rows) {
    yield toCsv(t);
    return;
  }
  for (let a = 0; a < n; a += rows) {
    const text = toCsv(t.slice(a, Math.min(n, a + rows)));
    yield a === 0 ? text : text.slice(text.indexOf('\n') + 1);
  }
}

/**
 * steps.csv written while the run records it: the header when the writer is made, then each row
 * as `row` is given it (`Simulation.onRow`), to `steps.csv.partial` in the run's folder; `writeRun`
 * renames the complete file to steps.csv. A run that fails or is interrupted leaves the .partial
 * file with the header and every row recorded before. Each row is formatted by the code that
 * formats the whole table (a one-row `stepsTable` through `toCsv`), so the finished file is
 * `csvChunks(stepsTable(sim.rows, sim.columns))` joined, byte for byte (a run records at most a
 * few thousand rows; a row costs tens of microseconds).
 */
export class StepsCsvWriter {
  private readonly file: PartialFile;
  private readonly header: string;
  /** Rows written so far. */
  rows = 0;

  constructor(
    dir: string,
    private readonly columns: string[],
  ) {
    this.file = new PartialFile(resolve(dir, 'steps.csv'));
    this.header = toCsv(stepsTable([], columns));
    this.file.append(this.header);
  }

  /** The finished file (steps.csv). */
  get path(): string {
    return this.file.path;
  }

  /** The file being written (steps.csv.partial). */
  get partial(): string {
    return this.file.partial;
  }

  /** Appends one recorded row. */
  row(r: Row): void {
    const text = toCsv(stepsTable([r], this.columns));
    if (!text.startsWith(this.header)) throw new Error('steps.csv: a row was formatted under another header');
    this.file.append(text.slice(this.header.length));
    this.rows++;
  }

  /** Renames the complete file to steps.csv (once every row of `rows` is in it); returns its path. */
  commit(rows: readonly Row[]): string {
    if (rows.length !== this.rows) throw new Error(`steps.csv: ${this.rows} row(s) streamed but the run recorded ${rows.length}`);
    this.file.commit();
    return this.file.path;
  }

  /** Leaves the .partial file as it is (the run failed). */
  close(): void {
    this.file.close();
  }
}

/** The files a run wrote (steps, agents, network, manifest). */
export interface RunFiles {
  dir: string;
  steps: string;
  agents: string;
  manifest: string;
}

/** Most points per line in figure.svg / figure.png (a longer run is drawn from evenly spaced rows). */
export const FIGURE_POINTS = 2000;

/** At most `max` rows, evenly spaced, the first and the last included. */
export function thin<T>(rows: T[], max: number): T[] {
  if (rows.length <= max) return rows;
  const out: T[] = [];
  const stride = (rows.length - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(rows[Math.round(k * stride)]!);
  return out;
}

/** Options of `writeRun`: which tables and formats. */
export interface WriteRunOptions {
  /** Draw figure.svg, figure.png and figure.vl.json (default true; `run --no-figure` skips them). */
  figure?: boolean;
  /** steps.csv already written as the run went (`scorelab run`): renamed into place rather than written from `sim.rows`. */
  stepsCsv?: StepsCsvWriter;
}

/** Writes the results of a run to a folder: steps and agents tables, network, manifest. */
export async function writeRun(dir: string, sim: Simulation, scenario: ResolvedScenario, startedAt: Date, finishedAt: Date, opts: WriteRunOptions = {}): Promise<RunFiles> {
  const figure = opts.figure ?? true;
  const steps = stepsTable(sim.rows, sim.columns);
  const files: RunFiles = {
    dir,
    steps: resolve(dir, 'steps.csv'),
    agents: resolve(dir, 'agents.csv'),
    manifest: resolve(dir, 'manifest.json'),
  };
  if (opts.stepsCsv && opts.stepsCsv.path !== files.steps) throw new Error(`writeRun: steps.csv was streamed to ${opts.stepsCsv.path}, not into ${dir}`);
  if (opts.stepsCsv) opts.stepsCsv.commit(sim.rows);
  else writeFileAtomicChunks(files.steps, csvChunks(steps));
  writeFileAtomic(resolve(dir, 'steps.arrow'), toArrowBytes(steps));
  // agents.csv streamed from the world's columns a chunk at a time (never the whole table)
  writeFileAtomicChunks(files.agents, agentsCsvChunks(sim, CSV_CHUNK_ROWS));
  // agents.arrow streamed likewise: one record batch of CSV_CHUNK_ROWS rows made and written at a time
  writeFileAtomicChunks(resolve(dir, 'agents.arrow'), agentsArrowChunks(sim, CSV_CHUNK_ROWS));
  const manifest = {
    kind: 'scorelab-run',
    ...provenance(),
    scenario: scenario.name,
    file: scenario.file,
    seed: scenario.seed,
    steps: scenario.steps,
    agents: sim.world.n,
    ties: sim.world.adj.edgeCount,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    columns: sim.columns,
    parameters: scenario,
    files: ['steps.csv', 'steps.arrow', 'agents.csv', 'agents.arrow', ...(figure ? ['figure.svg', 'figure.png', 'figure.vl.json'] : []), 'manifest.json'],
  };
  if (figure) {
    const spec = runFigureSpec(thin(sim.rows, FIGURE_POINTS), sim.columns, `${scenario.title || scenario.name} — seed ${scenario.seed}`);
    writeFileAtomic(resolve(dir, 'figure.vl.json'), JSON.stringify(spec) + '\n');
    const svg = await renderSvg(spec);
    writeFileAtomic(resolve(dir, 'figure.svg'), svg);
    writeFileAtomic(resolve(dir, 'figure.png'), await svgToPng(svg));
  }
  writeFileAtomic(files.manifest, JSON.stringify(manifest, null, 2) + '\n');
  return files;
}

/**
 * Exports the final network as GEXF (opens in Gephi) with score, group, wealth, household and list
 * status as node attributes, and the tie layer as an edge attribute.
 */
export function writeNetwork(path: string, sim: Simulation): void {
  const w = sim.world;
  const attrs: Record<string, ArrayLike<number>> = {
    group: w.pop.group,
    wealth: w.pop.wealth,
    household: w.pop.household,
    listed: w.lists.anyBlack(),
  };
  const score = w.primaryScore();
  if (score) attrs.score = score;
  for (const l of w.lists.lists.values()) attrs[`on_${l.id.replace(/-/g, '_')}`] = l.on;
  // nodes by their public ids (the graph file's keys, or the as-built numbers when graph.order renumbered them)
  const keys = w.nodeKeys ?? (w.publicIds ? Array.from(w.publicIds, String) : undefined);
  writeGexf(path, adjacencyToGraphology(w.adj, keys, attrs));
}
