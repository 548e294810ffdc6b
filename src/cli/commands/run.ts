/**
 * `scorelab run`: one scenario, one seed → steps/agents tables, Arrow copies, manifest, summary.
 * The output folder comes from --out or from the scenario's name made safe as one folder name
 * (inside results/runs/); a folder holding files already (an earlier run) is refused before the
 * run starts unless --force. A scenario's own `plugins:` modules run only with --allow-plugins
 * (or when named with --plugin).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { checkThreads } from '../../core/threads.js';
import type { Row } from '../../core/contracts.js';
import { WriteFailure, writeFileAtomic } from '../../results/atomic.js';
import { StepsCsvWriter, writeNetwork, writeRun } from '../../results/write-run.js';
import { buildSimulation } from '../../scenario/build.js';
import { loadScenario } from '../../scenario/load.js';
import { intFlag, parse, safeSegment } from '../args.js';
import { progress } from '../progress.js';

export const usage = `Usage: scorelab run <scenario file or preset> [options]

Runs one scenario and writes steps.csv, agents.csv, steps.arrow, agents.arrow, figure.svg and
figure.png (every recorded metric over time) and manifest.json. steps.csv is written as the run
records each row, to steps.csv.partial until the run is done: a run that fails or is interrupted
leaves that file with every row recorded before.

Options:
  --seed N          root seed (default: the scenario's)
  --steps N         number of steps
  --agents N        number of agents
  --set path=value  override any scenario field, e.g. --set regimes.fico.approvalThreshold=650 (repeatable)
  --plugin FILE     load plug-ins (regimes, safeguards …) from a .ts or .js module (repeatable)
  --allow-plugins   run the code of the scenario's own 'plugins:' modules (refused without it:
                    a scenario file from someone else should not run code you have not read)
  --threads N       threads of the run's per-agent passes (the neighbour mean, the metrics over
                    ties): 1 (default) up to four per core; the tables are the same, bit for bit
  --gexf            also write the final network as network.gexf (opens in Gephi)
  --no-figure       do not draw figure.svg / figure.png (faster, for scripts)
  --out DIR         output folder (default: results/runs/<scenario>-seed<seed>)
  --force           overwrite the files of an earlier run in the output folder
  --quiet           no summary
  -h, --help        this help`;

function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(4);
}

/** One-screen summary: first and last recorded values of each column. */
export function summary(rows: Row[], columns: string[]): string {
  const first = rows[0] ?? {};
  const last = rows[rows.length - 1] ?? {};
  const cols = columns.filter((c) => !['step', 'day', 'seed'].includes(c));
  const w = Math.max(...cols.map((c) => c.length), 6);
  const lines = [`${'metric'.padEnd(w)}  ${'start'.padStart(12)}  ${'end'.padStart(12)}`];
  for (const c of cols) lines.push(`${c.padEnd(w)}  ${fmt(first[c] as number).padStart(12)}  ${fmt(last[c] as number).padStart(12)}`);
  return lines.join('\n');
}

/** The folder of a run: --out as given, or results/runs/<safe name>-seed<seed>, inside results/runs. */
export function outputFolder(out: string | undefined, name: string, seed: number): string {
  if (out !== undefined) {
    if (out.trim() === '') throw new UserError('--out: expected a folder, found an empty string', undefined, '--out');
    return resolve(out);
  }
  const root = resolve('results', 'runs');
  const dir = resolve(root, `${safeSegment(name)}-seed${seed}`);
  const rel = relative(root, dir);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) throw new UserError(`name: expected a name that makes a folder inside ${root}, found ${JSON.stringify(name)}`, undefined, 'name');
  return dir;
}

function shown(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
}

/** Refuses (before the run) a folder that is a file, or holds files already, unless `force`. */
export function checkOutputFolder(dir: string, force: boolean): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UserError(`--out ${shown(dir)}: expected a folder, found a file`, dir, '--out');
  const entries = readdirSync(dir);
  if (!entries.length || force) return;
  let earlier = '';
  if (entries.includes('steps.csv.partial') && !entries.includes('manifest.json')) {
    throw new UserError(`${shown(dir)}: the folder holds steps.csv.partial, the rows of a run that did not finish; add --force to overwrite it, or choose another --out`, dir, '--out');
  }
  try {
    const m = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as { scenario?: string; seed?: number; finishedAt?: string };
    earlier = ` the results of an earlier run (${m.scenario ?? '?'}, seed ${m.seed ?? '?'}, finished ${m.finishedAt ?? '?'})`;
  } catch {
    earlier = ` ${entries.length} file(s) (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})`;
  }
  throw new UserError(`${shown(dir)}: the folder holds${earlier}; add --force to overwrite them, or choose another --out`, dir, '--out');
}

/**
 * Adds to a run's manifest when and why a plug-in's stop hook ended it: `stopped: { step, day,
 * by, reason }` and `stepsRun` (the manifest's `steps` stays the number asked for).
 */
function noteStop(manifestFile: string, stop: NonNullable<ReturnType<typeof buildSimulation>['stopped']>): void {
  const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  m.stepsRun = stop.step;
  m.stopped = { ...stop };
  writeFileAtomic(manifestFile, JSON.stringify(m, null, 2) + '\n');
}

/** Adds to a run's manifest the threads of its per-agent passes (`threads`; the tables do not depend on it). */
function noteThreads(manifestFile: string, threads: number): void {
  const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  m.threads = threads;
  writeFileAtomic(manifestFile, JSON.stringify(m, null, 2) + '\n');
}

/**
 * The error of a run that failed, its message naming the steps.csv.partial file it left (the CLI
 * prints the message as one line). A refused write of that file names it already.
 */
function withPartial(e: unknown, stepsCsv: StepsCsvWriter): unknown {
  if (!(e instanceof Error) || (e instanceof WriteFailure && e.path === stepsCsv.partial)) return e;
  e.message += `; the rows recorded before it (${stepsCsv.rows}) are in ${shown(stepsCsv.partial)}`;
  return e;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      seed: { type: 'string' },
      steps: { type: 'string' },
      agents: { type: 'string' },
      set: { type: 'string', multiple: true },
      plugin: { type: 'string', multiple: true },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      gexf: { type: 'boolean' },
      force: { type: 'boolean' },
      'no-figure': { type: 'boolean' },
      'allow-plugins': { type: 'boolean' },
      threads: { type: 'string' },
    },
    usage,
  );
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`scorelab run: expected one scenario file or preset name, found ${positionals.length}\n\n${usage}`);
    return 2;
  }
  const threads = values.threads === undefined ? 1 : checkThreads(values.threads, '--threads');
  const loaded = await loadScenario(positionals[0]!, {
    seed: intFlag('seed', values.seed),
    steps: intFlag('steps', values.steps),
    agents: intFlag('agents', values.agents, 2),
    set: values.set ?? [],
    pluginModules: values.plugin ?? [],
    allowPlugins: Boolean(values['allow-plugins']),
  });
  const s = loaded.scenario;
  const out = outputFolder(values.out, s.name, s.seed);
  checkOutputFolder(out, Boolean(values.force));
  if (values.force && !values.gexf) rmSync(resolve(out, 'network.gexf'), { force: true });
  const started = new Date();
  const sim = buildSimulation(s, { graph: loaded.graph, plugins: loaded.plugins, threads });
  // a folder this run makes is removed again when writing its tables fails (a full disk): no half-written run
  const fresh = !existsSync(out) || readdirSync(out).length === 0;
  // steps.csv is written as the rows are recorded (steps.csv.partial until the run is done), so a
  // run that fails or is interrupted keeps every row it recorded; the file (and the folder) is made
  // at the first row, so a run refused before it records anything leaves nothing behind
  const steps: { csv: StepsCsvWriter | null } = { csv: null };
  const record = (row: Row) => (steps.csv ??= new StepsCsvWriter(out, sim.columns)).row(row);
  for (const row of sim.rows) record(row);
  sim.onRow = record;
  const bar = progress(`${s.name}`);
  try {
    sim.run(s.steps, (d, t) => bar.update(d, t));
  } catch (e) {
    bar.stop();
    steps.csv?.close();
    throw steps.csv ? withPartial(e, steps.csv) : e;
  } finally {
    sim.onRow = null;
  }
  bar.stop();
  let files;
  try {
    files = await writeRun(out, sim, s, started, new Date(), { figure: !values['no-figure'], stepsCsv: steps.csv ?? undefined });
    noteThreads(files.manifest, threads);
    if (sim.stopped) noteStop(files.manifest, sim.stopped);
    if (values.gexf) writeNetwork(resolve(out, 'network.gexf'), sim);
  } catch (e) {
    if (fresh) rmSync(out, { recursive: true, force: true });
    throw e;
  }
  if (!values.quiet) {
    const secs = ((Date.now() - started.getTime()) / 1000).toFixed(1);
    const stop = sim.stopped;
    const ran = stop ? `${stop.step} of ${s.steps} steps (stopped after step ${stop.step}, day ${stop.day}, by ${stop.by}: ${stop.reason})` : `${s.steps} steps`;
    console.log(`scorelab run ${s.name}: ${sim.world.n} agents, ${sim.world.adj.edgeCount} ties, ${ran}, seed ${s.seed} (${secs} s)`);
    console.log(summary(sim.rows, sim.columns));
    console.log(`\nresults in ${files.dir}/ (steps.csv, agents.csv, steps.arrow, agents.arrow, ${values['no-figure'] ? '' : 'figure.png, '}manifest.json)`);
  }
  return 0;
}
