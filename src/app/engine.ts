/**
 * The classroom page's engine: the same core, scenario builder and table code as `scorelab run`,
 * with nothing that needs Node, so it runs in a Web Worker (src/app/worker.ts) and in tests.
 *
 * A scenario object (a preset as parsed from its YAML) is checked and resolved exactly as
 * `prepareScenario` does for the CLI — `--set` overrides, then seed, then population size — and
 * built with `buildSimulation`. Steps are taken one at a time; the run's last step goes through
 * `Simulation.run(1)`, so that the final row and the plug-ins' `finish` hooks happen as in the CLI.
 * The rows of steps 0 … k do not depend on how many steps the run will take, so after k steps
 * (k a multiple of `record.every`, or the run's last step) `csv()` equals the steps.csv of
 * `scorelab run <preset> --seed S --set population.agents=N --set steps=k`.
 *
 * Scenarios that need files or code (graph.file, plugins:) cannot run here: `browserRunnable`
 * says why.
 */
import type { Row } from '../core/contracts.js';
import { UserError } from '../core/errors.js';
import type { Simulation } from '../core/simulation.js';
import { stepsTable, toCsv } from '../results/tables.js';
import { buildSimulation, checkRunnable } from '../scenario/build.js';
import { resolveScenario, type ResolvedScenario } from '../scenario/resolve.js';
import { checkScenario } from '../scenario/schema.js';
import { applySets, checkTree } from '../scenario/sets.js';
import { browserRunnable } from './runnable.js';

export { browserRunnable };

export interface EngineOptions {
  /** `path=value` overrides, as `scorelab run --set` takes them. */
  sets?: string[];
  seed?: number;
  agents?: number;
  steps?: number;
}

/** Checks and resolves a scenario object with overrides, in the CLI's order (see load.ts prepareScenario). */
export function prepare(raw: unknown, label: string, opts: EngineOptions = {}): ResolvedScenario {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserError(`${label}: expected a mapping of scenario fields at the top level`, label, '');
  }
  checkTree(raw, label);
  const why = browserRunnable(raw as Record<string, unknown>);
  if (why) throw new UserError(`${label}: cannot run in the browser: ${why}`, label);
  const sets = [...(opts.sets ?? [])];
  if (opts.seed !== undefined) sets.push(`seed=${opts.seed}`);
  if (opts.steps !== undefined) sets.push(`steps=${opts.steps}`);
  if (opts.agents !== undefined) sets.push(`population.agents=${opts.agents}`);
  const obj = applySets(raw as Record<string, unknown>, sets);
  checkTree(obj, label);
  const scenario = resolveScenario(checkScenario(obj, label), label);
  checkRunnable(scenario, undefined, label, { memory: true });
  return scenario;
}

/** A run that is stepped from outside: the simulation plus what the page shows of it. */
export class Engine {
  readonly sim: Simulation;
  readonly scenario: ResolvedScenario;
  /** Score of every agent after each step (index 0: before any step), when a regime scores. */
  readonly scoreHistory: Float32Array[] = [];
  /** Sanctions lived through per agent and domain, summed over the steps (n × 6). */
  readonly sanctionCounts: Int32Array;
  /** Whether the plug-ins' finish hooks have run (the run's end). */
  private finished = false;

  constructor(raw: unknown, label: string, opts: EngineOptions = {}) {
    this.scenario = prepare(raw, label, opts);
    this.sim = buildSimulation(this.scenario);
    this.sim.init();
    this.sanctionCounts = new Int32Array(this.sim.world.n * 6);
    this.keepScore();
  }

  /** Steps taken so far. */
  get tick(): number {
    return this.sim.world.step;
  }

  /** Steps the scenario asks for (the run ends there, as `scorelab run` does). */
  get total(): number {
    return this.scenario.steps;
  }

  /** Whether the run has ended (all its steps, or a plug-in's stop hook). */
  get done(): boolean {
    return this.tick >= this.total || this.sim.stopped !== null;
  }

  get columns(): string[] {
    return this.sim.columns;
  }

  get rows(): Row[] {
    return this.sim.rows;
  }

  /**
   * Takes up to `n` steps, stopping early when the run ends or `budgetMs` has passed (at least one
   * step is taken when any is left). Returns the number of steps taken.
   */
  advance(n: number, budgetMs = Infinity): number {
    const t0 = performance.now();
    let done = 0;
    while (done < n && !this.done) {
      if (this.tick === this.total - 1) this.sim.run(1);
      else this.sim.step();
      done++;
      this.countSanctions();
      this.keepScore();
      if (performance.now() - t0 >= budgetMs) break;
    }
    // a plug-in's stop hook ended the run before its last step: its finish hooks run as in the CLI
    if (this.sim.stopped && !this.finished) this.sim.run(0);
    this.finished ||= this.sim.stopped !== null || this.tick >= this.total;
    return done;
  }

  /** The steps table so far as `scorelab run` writes steps.csv. */
  csv(): string {
    return toCsv(stepsTable(this.sim.rows, this.sim.columns));
  }

  /** Most score columns kept for the inspector (10,000 agents × 2,000 steps = 80 MB). */
  static readonly HISTORY_LIMIT = 2_000;

  private keepScore(): void {
    const s = this.sim.world.primaryScore();
    if (!s || this.scoreHistory.length >= Engine.HISTORY_LIMIT) return;
    this.scoreHistory.push(Float32Array.from(s));
  }

  private countSanctions(): void {
    const sanc = this.sim.world.experience.sanctioned;
    const c = this.sanctionCounts;
    for (let i = 0; i < sanc.length; i++) {
      const m = sanc[i]!;
      if (m === 0) continue;
      for (let d = 0; d < 6; d++) if (m & (1 << d)) c[i * 6 + d]!++;
    }
  }
}
