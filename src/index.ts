/**
 * scorelab — the library API. The CLI is a thin face over the same functions.
 *
 *   import { loadScenario, buildSimulation, defineRegime, num } from 'scorelab';
 */
export * from './core/contracts.js';
export * from './core/params.js';
export { Adjacency, LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE, type AdjacencyView } from './core/adjacency.js';
export { ACT_EXPRESSION, ACT_GOOD, ACT_VIOLATION, EventBuffer, RecordBuffer } from './core/events.js';
export { ListRegistry, ListState, type ListingGuard, type ListOptions, type Proposal } from './core/lists.js';
export { Cases, GroundTruthError, normalCdf, normalQuantile } from './core/truth.js';
export { Experience } from './core/experience.js';
export { DOMAINS, DOMAIN_INDEX, Population, type Domain } from './core/population.js';
export { POPULATION_DEFAULTS, populate, type PopulationParams } from './core/populate.js';
export { makeRng, makeKeyed, Streams, hashString, type Keyed, type Rng } from './core/rng.js';
export { Simulation, type Instance } from './core/simulation.js';
export { makeSnapshot, type MetricSpec, type Snapshot } from './core/snapshot.js';
export { World, WindowStats } from './core/world.js';
export { UserError } from './core/errors.js';
export { METRICS, metricById, DEFAULT_METRICS } from './metrics/index.js';
export * as graphs from './graphs/index.js';
export { readGraphFile, writeGexf } from './graphs/io.js';
export { buildSimulation, type LoadedGraph } from './scenario/build.js';
export { loadScenario, prepareScenario, listPresets, applySets, loadPluginModule, type LoadedScenario } from './scenario/load.js';
export { registerPlugin, allPlugins, findPlugin } from './scenario/registry.js';
export { resolveScenario, type ResolvedScenario } from './scenario/resolve.js';
export { checkScenario } from './scenario/schema.js';
export { oddDocument, oddMarkdown, ODD_SECTIONS, ODD_CONCEPTS, type OddDocument, type OddInfo } from './scenario/odd.js';
export { writeRun, writeNetwork } from './results/write-run.js';
export { stepsTable, agentsTable } from './results/tables.js';
export { writeFileAtomic } from './results/atomic.js';
export * from './experiment/index.js';
export { renderExperiment, type RenderResult } from './report/render.js';
export { plotExperiment, type PlotResult, type PlotOptions } from './plots/plot.js';
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
  type Effects,
  type Pairing,
  type RunValues,
  type Stats,
  type TidyTable,
} from './experiment/aggregate.js';
export { toCsv, toArrowBytes, toParquetBytes, stepsSchema, schemaOf, withSchema, type ColumnType, type Schema } from './results/tables.js';

import { buildSimulation } from './scenario/build.js';
import { loadScenario, prepareScenario, type LoadOptions } from './scenario/load.js';

/**
 * Runs a scenario (file path, preset name, or an object as it would appear in YAML) and returns
 * the steps rows and the final world.
 */
export async function runScenario(ref: string | Record<string, unknown>, opts: LoadOptions = {}) {
  const loaded = typeof ref === 'string' ? await loadScenario(ref, opts) : await prepareScenario(ref, '(inline scenario)', opts);
  const sim = buildSimulation(loaded.scenario, { graph: loaded.graph, plugins: loaded.plugins });
  sim.run(loaded.scenario.steps);
  return { rows: sim.rows, columns: sim.columns, world: sim.world, scenario: loaded.scenario, simulation: sim };
}
