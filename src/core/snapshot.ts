/**
 * THE METRIC CONTRACT.
 *
 * A metric is a pure function of a read-only `Snapshot` of the world at a recorded step. It is a
 * plain value `{ id, columns, doc, reference, make }`: `make()` returns the function that computes
 * the metric's columns; a metric that needs a window of past steps (Shorrocks mobility, bottom
 * persistence) keeps that history inside the closure `make()` returns, so each run has its own.
 * A metric that does not apply (no groups, no lists, no score) returns null, written as an empty
 * cell — never 0. Add one: a file in src/metrics/ and a line in src/metrics/index.ts.
 *
 * A metric that reads the shared pass over the tie ends (src/metrics/tie-pass.ts) declares the parts
 * it reads in `needs`, and asks the pass for those: the pass computes only the parts the recorded
 * metrics asked for (no score sort into quintiles, no group counts unless a metric needs them).
 */
import type { AdjacencyView } from './adjacency.js';
import type { Row } from './contracts.js';
import type { ListState } from './lists.js';
import type { Column } from './population.js';
import { parallel, type Parallel } from './threads.js';
import type { WindowStats, World } from './world.js';

/** A read-only view of the world at a recorded step, what metrics read (docs/extending.md#a-metric). */
export interface Snapshot {
  readonly n: number;
  readonly step: number;
  /** Day at the end of this step. */
  readonly day: number;
  readonly daysPerStep: number;
  readonly adj: AdjacencyView;
  readonly group: Uint8Array;
  readonly wealth: Float64Array;
  readonly income: Float64Array;
  readonly household: Int32Array;
  /** Primary score, or null when no regime scores. */
  readonly score: Float64Array | Float32Array | null;
  readonly scoreRange: readonly [number, number] | null;
  readonly blackLists: readonly ListState[];
  readonly redLists: readonly ListState[];
  /** 1 where the agent is on any blacklist. */
  readonly anyBlack: Uint8Array;
  readonly stats: WindowStats;
  /** Any registered column by name (`approval`, `benefit`, `optin_sesame` …). */
  column(name: string): Column | undefined;
  /** Parameters of metrics (`record.params` in the scenario), e.g. `score_esteban_ray.alpha`. */
  readonly metricParams: Readonly<Record<string, unknown>>;
  /**
   * The tie-pass parts that the recorded metrics need together (the union of their `needs`), so
   * that the first metric to ask computes them all in one pass; absent: only what each asks for.
   */
  readonly tieNeeds?: readonly TieNeed[];
  /** The world's threads for per-agent passes over the ties (src/core/threads.ts); absent: one thread. */
  readonly parallel?: Parallel;
}

/**
 * Parts of the shared pass over the tie ends (src/metrics/tie-pass.ts):
 * - `score-ties`: the sums of Newman's scalar assortativity of the primary score;
 * - `strata`: score quintiles (a sort of the scores) and the tie ends inside them, by layer;
 * - `groups`: the group mixing matrix (a count of the group sizes).
 */
export type TieNeed = 'score-ties' | 'strata' | 'groups';

/** A metric: id, columns, formula in words, and `make()` returning the function of one run (use `defineMetric` to make one). */
export interface MetricSpec {
  /** Id used in a scenario's `metrics:` list (usually the first column's name). */
  id: string;
  /** Canonical column names it writes (docs/metrics.md). */
  columns: string[];
  /** Formula in words. */
  doc: string;
  reference?: string;
  /** Parts of the shared tie pass the metric reads (none when absent). */
  needs?: readonly TieNeed[];
  make(): (snap: Snapshot) => Row;
}

/** The snapshot of a world now (used by the simulation at each recorded step, and by tests). */
/**
 * `anyBlackOut`: a buffer of world.n bytes to write `anyBlack` into (the simulation passes its own,
 * so a record allocates no new array); a new array by default.
 */
export function makeSnapshot(world: World, metricParams: Record<string, unknown> = {}, tieNeeds?: readonly TieNeed[], anyBlackOut?: Uint8Array<ArrayBuffer>): Snapshot {
  const p = world.primary;
  return {
    n: world.n,
    step: world.step,
    day: world.day,
    daysPerStep: world.daysPerStep,
    adj: world.adj,
    group: world.pop.group,
    wealth: world.pop.wealth,
    income: world.pop.income,
    household: world.pop.household,
    score: world.primaryScore(),
    scoreRange: p ? [p.min, p.max] : null,
    blackLists: world.lists.black(),
    redLists: world.lists.red(),
    anyBlack: anyBlackOut && anyBlackOut.length === world.n ? world.lists.anyBlack(anyBlackOut) : world.lists.anyBlack(),
    stats: world.stats,
    column: (name: string) => world.pop.column(name),
    metricParams,
    tieNeeds,
    parallel: parallel(world),
  };
}
