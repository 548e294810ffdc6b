/**
 * scorelab — the library API. The CLI is a thin face over the same functions.
 *
 *   import { loadScenario, buildSimulation, defineRegime, num } from 'scorelab';
 */
export * from './core/contracts.js';
export * from './core/params.js';
export { chanceOverDays, chanceFromRate } from './core/rates.js';
export { Adjacency, LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE, type AdjacencyView } from './core/adjacency.js';
export { ACT_EXPRESSION, ACT_GOOD, ACT_VIOLATION, EventBuffer, RecordBuffer } from './core/events.js';
export { ListRegistry, ListState, type ListingGuard, type ListKind, type ListOptions, type Proposal } from './core/lists.js';
export { Cases, GroundTruthError, normalCdf, normalQuantile } from './core/truth.js';
export { Experience } from './core/experience.js';
export { DOMAINS, DOMAIN_INDEX, Population, type Column, type ColumnInfo, type ColumnKind, type Domain } from './core/population.js';
export { POPULATION_DEFAULTS, populate, type PopulationParams } from './core/populate.js';
export { makeRng, makeKeyed, Streams, hashString, type Keyed, type Rng } from './core/rng.js';
export { Simulation, type Instance, type RecordOptions, type StopInfo } from './core/simulation.js';
export { makeSnapshot, type MetricSpec, type Snapshot, type TieNeed } from './core/snapshot.js';
export {
  World,
  WindowStats,
  type PrimaryScore,
  type WorldChannels,
  type WorldConduct,
  type WorldEconomy,
  type WorldObserved,
  type WorldRandom,
  type WorldScores,
  type WorldTime,
  type WorldTruth,
} from './core/world.js';
export { UserError } from './core/errors.js';
export { METRICS, metricById, DEFAULT_METRICS } from './metrics/index.js';
export { allMetrics, defineMetric, registerMetric, type DefinedMetric, type MetricDefinition } from './metrics/registry.js';
export { allGraphs, defineGraph, findGraph, registerGraph, type GraphContext, type GraphDefinition, type GraphEdges, type GraphSpec } from './graphs/registry.js';
import './scenario/graphs.js'; // registers the built-in graph models
export * as graphs from './graphs/index.js';
export { readGraphFile, writeGexf, type GraphFile } from './graphs/io.js';
export { buildSimulation, type BuildOptions, type LoadedGraph } from './scenario/build.js';
export { loadScenario, prepareScenario, listPresets, applySets, loadPluginModule, type LoadedScenario, type LoadOptions, type PresetInfo } from './scenario/load.js';
export { registerPlugin, allPlugins, findPlugin } from './scenario/registry.js';
export { resolveScenario, type GraphParams, type PluginSection, type ResolvedScenario } from './scenario/resolve.js';
export { checkScenario } from './scenario/schema.js';
export { oddDocument, oddMarkdown, ODD_SECTIONS, ODD_CONCEPTS, type OddDocument, type OddInfo, type OddOptions } from './scenario/odd.js';
export type { OddParam, OddStateVariable, OddSubmodel } from './scenario/odd/model.js';
export { writeRun, writeNetwork, type RunFiles, type WriteRunOptions } from './results/write-run.js';
export { stepsTable, agentsTable } from './results/tables.js';
export { writeFileAtomic } from './results/atomic.js';
export * from './experiment/index.js';
export { renderExperiment, type RenderResult } from './report/render.js';
export { plotExperiment, type PlotResult, type PlotOptions, type PlottedFigure } from './plots/plot.js';
export type { Cell as CsvCell, CsvTable, SweepFolder } from './plots/sweep-data.js';
export type { Comparison, Difference } from './plots/reproduce.js';
export { writeReport, type ReportResult } from './report/report.js';
export { verifySweep, type VerifyOptions, type VerifyResult } from './report/verify.js';
export {
  aggregatePoints,
  pairedEffects,
  pairPoints,
  isControl,
  replicateStats,
  tQuantile,
  tCdf,
  AGGREGATE_FORMULAS,
  type Cell,
  type Effects,
  type Pairing,
  type RunValues,
  type Stats,
  type TidyRow,
  type TidyTable,
} from './experiment/aggregate.js';
export { toCsv, toArrowBytes, toParquetBytes, stepsSchema, schemaOf, withSchema, type ColumnType, type Schema } from './results/tables.js';

import { buildSimulation } from './scenario/build.js';
import { loadScenario, prepareScenario, type LoadOptions } from './scenario/load.js';

/**
 * Runs a scenario (file path, preset name, or an object as it would appear in YAML) and returns
 * the steps rows and the final world.
 */
export async function runScenario(ref: string | Record<string, unknown>, opts: LoadOptions & { threads?: number } = {}) {
  const loaded = typeof ref === 'string' ? await loadScenario(ref, opts) : await prepareScenario(ref, '(inline scenario)', opts);
  const sim = buildSimulation(loaded.scenario, { graph: loaded.graph, plugins: loaded.plugins, threads: opts.threads });
  sim.run(loaded.scenario.steps);
  return { rows: sim.rows, columns: sim.columns, world: sim.world, scenario: loaded.scenario, simulation: sim };
}

// --- a tiny-world test driver for plug-ins --------------------------------------------------
import type { AnyPlugin, Hooks, Row } from './core/contracts.js';
import { Adjacency as TinyAdjacency } from './core/adjacency.js';
import { defaults as paramDefaults } from './core/params.js';
import type { RecordBuffer as TinyRecords } from './core/events.js';
import { World as TinyWorldClass } from './core/world.js';

/** Options of `tinyWorld`. */
export interface TinyWorldOptions {
  /** Number of agents (ids 0 … agents − 1). */
  agents: number;
  /** Ties as pairs of agent ids, e.g. `[[0, 1], [1, 2]]` (undirected). Default: none. */
  ties?: [number, number][];
  /** Seed of the world's random streams. Default 1. */
  seed?: number;
  /** Days per step. Default 1. */
  daysPerStep?: number;
  /** Parameters of the plug-in under test, over its defaults. */
  params?: Record<string, unknown>;
  /** Called on the world before the plug-in is created: set wealth, income, group, policies … */
  setup?(world: TinyWorldClass): void;
}

/** What `tinyWorld` returns: the world, the plug-in's hooks, and the step and record of the core. */
export interface TinyWorld {
  world: TinyWorldClass;
  hooks: Hooks;
  /**
   * One step as the simulation runs it (src/core/simulation.ts), except that no behaviour model
   * acts and the core observes nothing: `push` adds this step's records by hand, e.g.
   * `(r) => r.push(0, DOMAIN_INDEX.finance, ACT_VIOLATION)` (agent 0 was seen defaulting).
   * Stages: behave → (your records) → observe → score → publish → sanction → adapt; then the
   * step and day advance.
   */
  step(push?: (records: TinyRecords) => void): void;
  /** The plug-in's `record()` row, as the simulation asks it (ground truth readable, columns checked). */
  record(): Row;
}

/**
 * A test driver for exact tests of one plug-in on a tiny hand-made world (no population model,
 * no graph model, no scenario): makes a world of `agents` agents with the given ties, creates the
 * plug-in with its default parameters (over them `params`), runs its `init`, and returns the
 * step and record of the core.
 *
 *   import { tinyWorld, DOMAIN_INDEX, ACT_VIOLATION } from 'scorelab';
 *   const t = tinyWorld(myRegime, { agents: 3, ties: [[0, 1]], params: { threshold: 50 } });
 *   t.step((r) => r.push(0, DOMAIN_INDEX.finance, ACT_VIOLATION));
 *   expect(t.world.pop.column('score_mine')[0]).toBe(90);
 *
 * Columns of the population start at 0 (wealth, income, group …); set what the plug-in reads in
 * `setup`. A `record()` key the plug-in did not declare in `columns` is an error here.
 */
export function tinyWorld(plugin: AnyPlugin, opts: TinyWorldOptions): TinyWorld {
  const { agents, ties = [], seed = 1, daysPerStep = 1 } = opts;
  const world = new TinyWorldClass(agents, seed, daysPerStep);
  world.adj = TinyAdjacency.fromEdges(agents, ties.map((t) => t[0]), ties.map((t) => t[1]));
  opts.setup?.(world);
  const params = { ...paramDefaults(plugin.params), ...(opts.params ?? {}) };
  for (const k of Object.keys(opts.params ?? {})) {
    if (!Object.hasOwn(plugin.params, k)) throw new Error(`tinyWorld: '${plugin.id}' has no parameter '${k}' (it has ${Object.keys(plugin.params).join(', ') || 'none'})`);
  }
  const hooks = plugin.create(world, params);
  world.experience.start(world.lostOpportunity);
  hooks.init?.();
  return {
    world,
    hooks,
    step(push) {
      world.acts.clear();
      world.records.clear();
      world.records.day = world.day;
      world.experience.clear();
      world.benefit.fill(0);
      world.benefitEligible.fill(0);
      hooks.behave?.();
      push?.(world.records);
      hooks.observe?.();
      hooks.score?.();
      world.lists.settle(world.day);
      hooks.publish?.();
      world.incomeMult.fill(1);
      hooks.sanction?.();
      world.experience.settle(world.incomeMult, world.lostOpportunity, world.daysPerStep);
      world.experience.beginAdapt();
      hooks.adapt?.();
      world.step++;
      world.day += world.daysPerStep;
    },
    record() {
      world.cases.open = true;
      try {
        const row = hooks.record?.() ?? {};
        for (const k of Object.keys(row)) {
          if (!(plugin.columns ?? []).includes(k)) throw new Error(`tinyWorld: '${plugin.id}' record() returned '${k}', which is not declared in its columns: [${(plugin.columns ?? []).join(', ')}]`);
        }
        return row;
      } finally {
        world.cases.open = false;
      }
    },
  };
}

/** Keys of `world.policy` that safeguards set and regimes honour, and the reader (docs/extending.md#the-world-a-hook-sees). */
export { POLICY, policyOf } from './core/policy.js';
