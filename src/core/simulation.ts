/**
 * The step pipeline of docs/model.md#process-of-one-step: behave → observe → score → publish → sanction → adapt → record.
 *
 * The core does only what every world needs between the plug-ins' hooks: clearing the step's
 * buffers, turning acts into records with the base detection probabilities (observation plug-ins
 * adjust `world.detect` and `world.watch`, or add records of their own), settling delayed
 * listings, and computing the metric row at recorded steps.
 */
import type { AnyPlugin, Hooks, Row, Stage } from './contracts.js';
import { FAMILIES } from './contracts.js';
import { inPlugin, PluginError } from './errors.js';
import { ACT_EXPRESSION, ACT_GOOD, CORE_TOKEN, type EventBuffer } from './events.js';
import type { Keyed } from './rng.js';
import { makeSnapshot, type MetricSpec, type TieNeed } from './snapshot.js';
import { attachParallel, checkThreads, type Parallel } from './threads.js';
import type { World } from './world.js';

/** A plug-in in a simulation: its spec, parameters and hooks. */
export interface Instance {
  spec: AnyPlugin;
  params: Record<string, unknown>;
  hooks: Hooks;
}

/** What a simulation records: the metrics, how often, and the metric parameters. */
export interface RecordOptions {
  metrics: MetricSpec[];
  /** Record every K steps (the last step is always recorded). */
  every: number;
  params?: Record<string, unknown>;
}

/** Why and when a run ended before its last step (`Simulation.stopped`). */
export interface StopInfo {
  /** The step after which the run ended (the last row of the steps table). */
  step: number;
  day: number;
  /** The id of the plug-in whose `stop` hook ended it. */
  by: string;
  reason: string;
}

/** How a run is computed (not what it computes: every choice gives the same tables, bit for bit). */
export interface SimulationOptions {
  /**
   * Threads of the per-agent passes (src/core/threads.ts): an integer from 1 (default) to four per
   * core. More than one needs Node; the workers start at the first pass and stop at the end of `run`
   * (or `close`).
   */
  threads?: number;
}

const STEP_STAGES: Exclude<Stage, 'record'>[] = ['behave', 'observe', 'score', 'publish', 'sanction', 'adapt'];

/** A run: the world, the plug-ins' hooks in stage order, and the recorded rows (`run(steps)`, `rows`, `columns`). */
export class Simulation {
  readonly rows: Row[] = [];
  readonly instances: Instance[];
  private readonly metricFns: ((s: ReturnType<typeof makeSnapshot>) => Row)[];
  readonly columns: string[];
  /** Milliseconds the last recorded row took (snapshot and every metric), for benchmarks and profiles. */
  lastRecordMs = 0;
  /**
   * Called with each row as it is recorded (after it is added to `rows`), e.g. to write it to disk
   * at once, so a run that fails later keeps what it recorded (`scorelab run` streams steps.csv).
   */
  onRow: ((row: Row) => void) | null = null;
  /** Set when a plug-in's `stop` hook ended the run (null while it runs or when it ran to the end). */
  stopped: StopInfo | null = null;
  private initialized = false;
  private stoppers: Instance[] = [];
  private declared: Set<string>;
  /** The tie-pass parts the recorded metrics need together (computed in one pass per record). */
  private readonly tieNeeds: TieNeed[];
  private readonly observeKey: Keyed;
  /** The snapshot's `anyBlack`, written in place at each record. */
  private anyBlackBuf = new Uint8Array(0);
  /** Threads of the per-agent passes. */
  readonly threads: number;
  /** The world's threads (passMs: time in the per-agent passes so far). */
  readonly parallel: Parallel;

  constructor(
    readonly world: World,
    plugins: { spec: AnyPlugin; params: Record<string, unknown> }[],
    readonly record: RecordOptions,
    options: SimulationOptions = {},
  ) {
    this.threads = options.threads === undefined ? 1 : checkThreads(options.threads);
    this.parallel = attachParallel(world, this.threads); // before create: plug-ins allocate shared columns
    // stable order: by family, then as listed
    const ordered = [...plugins].sort((a, b) => FAMILIES.indexOf(a.spec.family) - FAMILIES.indexOf(b.spec.family));
    this.observeKey = world.keyed('observation');
    this.instances = ordered.map((p) => ({ ...p, hooks: inPlugin(p.spec.id, 'create', () => p.spec.create(world, p.params as never)) }));
    this.stoppers = this.instances.filter((i) => i.hooks.stop);
    this.metricFns = record.metrics.map((m) => m.make());
    this.tieNeeds = [...new Set(record.metrics.flatMap((m) => m.needs ?? []))];
    const cols = ['step', 'day', 'seed'];
    for (const m of record.metrics) for (const c of m.columns) if (!cols.includes(c)) cols.push(c);
    for (const p of ordered) for (const c of p.spec.columns ?? []) if (!cols.includes(c)) cols.push(c);
    this.columns = cols;
    this.declared = new Set(cols);
  }

  /** Runs every plug-in's init and records step 0 (the initial state). */
  init(): void {
    if (this.initialized) return;
    this.initialized = true;
    for (const inst of this.instances) if (inst.hooks.init) inPlugin(inst.spec.id, 'init', () => inst.hooks.init!());
    this.world.experience.start(this.world.lostOpportunity);
    this.recordRow();
  }

  /** One step of the pipeline. */
  step(): void {
    if (!this.initialized) this.init();
    const w = this.world;
    w.acts.clear();
    w.records.clear();
    w.records.day = w.day;
    w.experience.clear();
    w.benefit.fill(0);
    w.benefitEligible.fill(0);
    for (const stage of STEP_STAGES) {
      if (stage === 'observe') this.observeActs();
      if (stage === 'publish') w.lists.settle(w.day);
      if (stage === 'sanction') w.incomeMult.fill(1);
      if (stage === 'adapt') w.experience.beginAdapt();
      for (const inst of this.instances) {
        if (inst.hooks[stage]) inPlugin(inst.spec.id, stage, () => inst.hooks[stage]!());
      }
      if (stage === 'observe') this.countRecords();
      if (stage === 'sanction') w.experience.settle(w.incomeMult, w.lostOpportunity, w.daysPerStep);
    }
    w.step++;
    w.day += w.daysPerStep;
    w.stats.days += w.daysPerStep;
    if (this.stoppers.length && !this.stopped) this.askStop();
    // a stopped run's last step is recorded whatever record.every
    if (w.step % this.record.every === 0 || this.stopped?.step === w.step) this.recordRow();
  }

  /** Asks the plug-ins' stop hooks (in stage order); the first that answers ends the run. */
  private askStop(): void {
    for (const inst of this.stoppers) {
      const r = inPlugin(inst.spec.id, 'stop', () => inst.hooks.stop!());
      if (r === true || (typeof r === 'string' && r !== '')) {
        this.stopped = { step: this.world.step, day: this.world.day, by: inst.spec.id, reason: r === true ? 'its stop condition held' : r };
        return;
      }
    }
  }

  /**
   * Runs `steps` steps, or fewer when a plug-in's `stop` hook ends the run (see `stopped`);
   * `onStep` is called after each (for progress bars).
   */
  run(steps: number, onStep?: (done: number, total: number) => void): Row[] {
    try {
      this.init();
      for (let s = 0; s < steps && !this.stopped; s++) {
        this.step();
        onStep?.(s + 1, steps);
      }
      if (steps > 0 && !this.stopped && this.world.step % this.record.every !== 0) this.recordRow();
      for (const inst of this.instances) if (inst.hooks.finish) inPlugin(inst.spec.id, 'finish', () => inst.hooks.finish!());
    } finally {
      this.close(); // no worker outlives its run
    }
    return this.rows;
  }

  /** Stops the worker threads (`run` does at its end; a later step starts them again). */
  close(): void {
    this.parallel.close();
  }

  /**
   * Default observation: each act is recorded with probability detect[domain, group] × watch. The
   * draw is keyed by (agent, day, domain, kind), so one agent's changed act never changes whether
   * another agent's acts are seen (common random numbers).
   */
  private observeActs(): void {
    const w = this.world;
    const rng = this.observeKey;
    const day = w.day;
    const acts = w.acts;
    const g = w.pop.group;
    const stats = w.stats;
    for (let k = 0; k < acts.length; k++) {
      const i = acts.agent[k]!;
      const d = acts.domain[k]!;
      const kind = acts.kind[k]!;
      if (kind === ACT_EXPRESSION) stats.expressions[d]!++;
      else if (kind === ACT_GOOD) stats.goodActs[d]!++;
      else {
        stats.violations[d]!++;
        w.actedWindow[i]! |= 1 << d;
      }
      const p = w.detect[d * 2 + g[i]!]! * w.watch[i]!;
      if (rng.u(i, day, d * 4 + kind, ordinal(acts, k)) < p) w.records.push(i, d, kind, acts.size[k]!, acts.tag[k]!);
    }
  }

  private countRecords(): void {
    const w = this.world;
    const r = w.records;
    w.stats.records += r.length;
    for (let k = 0; k < r.length; k++) {
      if (r.peekMistaken(k, CORE_TOKEN)) {
        w.stats.mistakenRecords++;
        w.wrongRecordWindow[r.agent[k]!] = 1;
      }
    }
  }

  private recordRow(): void {
    const t0 = performance.now();
    const w = this.world;
    w.cases.open = true; // ground truth is readable by metrics and record hooks only
    if (this.anyBlackBuf.length !== w.n) this.anyBlackBuf = new Uint8Array(w.n);
    const snap = makeSnapshot(w, this.record.params ?? {}, this.tieNeeds, this.anyBlackBuf);
    const row: Row = {};
    for (const c of this.columns) row[c] = null;
    row.step = w.step;
    row.day = w.day;
    row.seed = typeof w.seed === 'number' ? w.seed : null;
    for (const fn of this.metricFns) Object.assign(row, fn(snap));
    for (const inst of this.instances) {
      if (!inst.hooks.record) continue;
      const extra = inPlugin(inst.spec.id, 'record', () => inst.hooks.record!());
      if (!extra) continue;
      for (const k of Object.keys(extra)) {
        if (!this.declared.has(k)) {
          throw new PluginError(inst.spec.id, 'record', null, `its record() returned the column '${k}', which its spec does not declare in columns (declared: ${(inst.spec.columns ?? []).join(', ') || 'none'}); add '${k}' to columns`);
        }
      }
      Object.assign(row, extra);
    }
    // keep only declared columns, in declared order
    const out: Row = {};
    for (const c of this.columns) out[c] = row[c] ?? null;
    this.rows.push(out);
    w.adj.trimLog(); // the metrics that read the log of changed ties have read it (src/core/adjacency.ts)
    w.cases.open = false;
    w.stats.reset();
    w.lists.resetWindow();
    w.actedWindow.fill(0);
    w.wrongRecordWindow.fill(0);
    this.lastRecordMs = performance.now() - t0;
    this.onRow?.(out);
  }
}

/** How many earlier acts of the step share act k's agent, domain and kind (acts of one agent are adjacent). */
function ordinal(acts: EventBuffer, k: number): number {
  let o = 0;
  const i = acts.agent[k]!, d = acts.domain[k]!, kd = acts.kind[k]!;
  for (let j = k - 1; j >= 0 && acts.agent[j] === i; j--) if (acts.domain[j] === d && acts.kind[j] === kd) o++;
  return o;
}
