/**
 * Agent state for the figures that need more than the sweep's tables (distribution, network):
 * replicate 0 of a design point is re-run in this process from plan.json (same scenario, same
 * seed as in the sweep) and the state of its agents is copied at step 0 and at the end. The
 * re-run is checked against the sweep's record of that run (./reproduce.ts), and the figure says
 * whether it reproduced.
 */
import type { Simulation } from '../core/simulation.js';
import type { LoadedExperiment } from '../experiment/load.js';
import type { PlannedRun } from '../experiment/plan.js';
import { compareRun, describeComparison, rerunWithWorld, type Comparison } from './reproduce.js';
import type { SweepFolder } from './sweep-data.js';

export interface AgentState {
  n: number;
  step: number;
  day: number;
  /** Name of the primary score column (null when no regime scores). */
  scoreColumn: string | null;
  /** What the primary score column is (its documentation), when given. */
  scoreDoc: string | null;
  scoreRange: [number, number] | null;
  /** Numeric agent columns: every population column, `score`, `listed`, `degree`, `on_<list>`. */
  columns: Map<string, Float64Array>;
  /** Adjacency (CSR) at this moment. */
  start: Int32Array;
  deg: Int32Array;
  targets: Int32Array;
}

export interface Rerun {
  run: PlannedRun;
  before: AgentState;
  after: AgentState;
  comparison: Comparison;
  /** One sentence for a caption: whether the re-run reproduced the sweep's record. */
  note: string;
}

/** Copies the agent state of a simulation (nothing is mutated). */
export function agentState(sim: Simulation): AgentState {
  const w = sim.world;
  const n = w.n;
  const columns = new Map<string, Float64Array>();
  for (const [name, col] of w.pop.columns) {
    if (name === 'trait' || (col as ArrayLike<number>).length !== n) continue;
    columns.set(name, Float64Array.from(col as ArrayLike<number>));
  }
  const score = w.primaryScore();
  if (score) columns.set('score', Float64Array.from(score));
  columns.set('listed', Float64Array.from(w.lists.anyBlack()));
  for (const l of w.lists.lists.values()) columns.set(`on_${l.id.replace(/-/g, '_')}`, Float64Array.from(l.on));
  columns.set('degree', Float64Array.from(w.adj.deg.subarray(0, n)));
  return {
    n,
    step: w.step,
    day: w.day,
    scoreColumn: w.primary?.column ?? null,
    scoreDoc: (w.primary && w.pop.info.get(w.primary.column)?.doc) || null,
    scoreRange: w.primary ? [w.primary.min, w.primary.max] : null,
    columns,
    start: w.adj.start.slice(0, n),
    deg: w.adj.deg.slice(0, n),
    targets: w.adj.targets.slice(),
  };
}

/** Re-runs replicate 0 of a point (or the given run) and copies its agents before and after. */
export async function rerunAgents(f: SweepFolder, exp: LoadedExperiment, point: number, replicate = 0): Promise<Rerun> {
  const run = f.plan.runs.find((r) => r.point === point && r.replicate === replicate);
  if (!run) throw new Error(`no run of point ${point}, replicate ${replicate} in plan.json`);
  let before: AgentState | null = null;
  const { sim, output } = await rerunWithWorld(exp, f.plan, run, (s) => (before = agentState(s)));
  const after = agentState(sim);
  const comparison = compareRun(f, run, output);
  const d = comparison.difference;
  const note =
    comparison.against === 'none'
      ? `Re-run of run ${run.runId} (replicate ${replicate}, seed ${run.seed}); the folder holds no record of it to compare with.`
      : d
        ? `Warning: the re-run of run ${run.runId} (seed ${run.seed}) does NOT reproduce the sweep's record (${describeComparison(comparison)}).`
        : `Re-run of run ${run.runId} (replicate ${replicate}, seed ${run.seed}); it reproduces the sweep's record byte for byte (${comparison.rows} rows).`;
  return { run, before: before!, after, comparison, note };
}
