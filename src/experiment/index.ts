/**
 * Experiments: designs, seeds, the worker pool, resumable results folders, shards, merge, Slurm.
 *
 *   defineExperiment (./define.ts)  what an experiment file exports; checkExperiment checks it
 *   loadExperiment   (./load.ts)    by path or name (experiments/<name>.ts), through tsx
 *   makePlan         (./plan.ts)    points × replicates in canonical order, seeds, run ids, definition hash
 *   runSweep         (./sweep.ts)   piscina pool, time limits, records as runs finish, --resume
 *   writeTables      (./tables.ts)  runs.csv, steps.csv/.arrow, failures.csv, sensitivity.csv, manifest.json
 *   mergeShards      (./merge.ts)   shards → the tables of the whole sweep
 *   slurmScript      (./slurm.ts)   a job-array script that runs one shard per task
 */
export * from './designs/index.js';
export {
  defineExperiment,
  checkExperiment,
  type DesignSpec,
  type ClaimSpec,
  type ControlSpec,
  type ExperimentDefinition,
  type FigureSpec,
  type GridDesign,
  type LhsDesign,
  type MorrisDesign,
  type PointsDesign,
  type SobolDesign,
  type SummaryContext,
  type SummaryFn,
  type SummarySpec,
} from './define.js';
export { canonicalJson, runId, runSeed } from './canonical.js';
export { listExperiments, loadExperiment, locateExperiment, prepareExperiment, type LoadedExperiment } from './load.js';
export { makePlan, parseShard, scenarioFor, settingsOf, shardRuns, type Overrides, type Plan, type PlannedRun, type Settings, type Shard } from './plan.js';
export { executeRun, summarise, type RunOutput, type RunTask } from './execute.js';
export { RunPool, RunTimeout } from './pool.js';
export type { WorkerResult, WorkerTask } from './worker.js';
export { readPlan, readRecords, type RecordHead, type RunRecord } from './store.js';
export { writeTables, type Execution, type TableCounts } from './tables.js';
export { runSweep, resolveExperiment, type ExperimentRef, type FailedRun, type SweepOptions, type SweepProgress, type SweepResult } from './sweep.js';
export { mergeShards, type MergeResult } from './merge.js';
export { slurmScript, shellQuote, type SlurmOptions } from './slurm.js';
