/**
 * The metric registry: the built-in metrics (src/metrics/index.ts) and the metrics defined outside
 * the library (`defineMetric` + `registerMetric`, an experiment's `plugins: [...]`, or a module of a
 * scenario's `plugins:` list). A scenario's `metrics:` list, an experiment's `metrics:`,
 * `scorelab list --metrics` and `describe` all look metrics up here.
 */
import type { Row } from '../core/contracts.js';
import { UserError } from '../core/errors.js';
import type { MetricSpec, Snapshot, TieNeed } from '../core/snapshot.js';

/** What `defineMetric` takes. Give `compute` (a stateless metric) or `make` (one that keeps history). */
export interface MetricDefinition {
  /** Id used in a scenario's `metrics:` list, snake_case (`listed_wealth_ratio`); the column's name when `columns` is absent. */
  id: string;
  /** Short title, e.g. "Wealth of the listed over the wealth of the others". */
  title: string;
  /** The formula in words, and when the metric is null (it does not apply). */
  doc: string;
  /** Unit of the value ('share', 'ratio', 'agents' …), shown by `scorelab list --metrics`. */
  unit?: string;
  /** Citation of the formula, when any. */
  reference?: string;
  /** Columns it writes (default `[id]`); a metric with several columns returns a row from `compute`. */
  columns?: string[];
  /**
   * Parts of the shared pass over the tie ends that it reads (`'score-ties'`, `'strata'`,
   * `'groups'`): the simulation computes the union of the recorded metrics' needs in one pass.
   * A metric that walks `snap.adj` itself needs none.
   */
  needs?: readonly TieNeed[];
  /**
   * The value at a recorded step from a read-only snapshot of the world: a number, or null when the
   * metric does not apply (written as an empty cell, never 0). With several `columns`: a row.
   */
  compute?(snap: Snapshot): number | null | Row;
  /** Instead of `compute`: returns the function of one run, which may keep history in its closure. */
  make?(): (snap: Snapshot) => Row;
}

/** A metric made by `defineMetric`: a `MetricSpec` that the registry and a plug-in module recognise. */
export interface DefinedMetric extends MetricSpec {
  readonly kind: 'metric';
  title: string;
  unit?: string;
}

const METRIC_ID = /^[a-z][a-z0-9_]*$/;

/**
 * Makes a metric from a definition (checks it, fills `columns` and `make`); register it with
 * `registerMetric`, list it in an experiment's `plugins`, or export it from a plug-in module.
 *
 *   export const listedWealthRatio = defineMetric({
 *     id: 'listed_wealth_ratio', title: 'Wealth of the listed over the others', unit: 'ratio',
 *     doc: 'mean wealth of agents on any blacklist / mean wealth of the others; null when either set is empty',
 *     compute(snap) { … return listedMean / otherMean; },
 *   });
 */
export function defineMetric(def: MetricDefinition): DefinedMetric {
  if (!def || typeof def !== 'object') throw new UserError('defineMetric: expected { id, title, doc, compute }');
  if (typeof def.id !== 'string' || !METRIC_ID.test(def.id)) throw new UserError(`defineMetric: id '${String(def.id)}' must be snake_case (a-z, 0-9, _), like the metric columns`);
  if ((typeof def.compute === 'function') === (typeof def.make === 'function')) throw new UserError(`defineMetric: '${def.id}' needs exactly one of compute(snap) or make()`);
  const columns = def.columns ?? [def.id];
  if (!columns.length || columns.some((c) => typeof c !== 'string' || !METRIC_ID.test(c))) throw new UserError(`defineMetric: '${def.id}': columns must be snake_case names`);
  const { compute } = def;
  const single = columns.length === 1 ? columns[0]! : null;
  const make =
    def.make ??
    (() => (snap: Snapshot): Row => {
      const v = compute!(snap);
      if (v === null || typeof v === 'number') {
        if (single === null) throw new UserError(`metric '${def.id}': compute returned a number but the metric declares several columns (${columns.join(', ')}); return a row`);
        return { [single]: v };
      }
      return v;
    });
  return Object.freeze({
    kind: 'metric' as const,
    id: def.id,
    title: def.title,
    doc: def.doc,
    ...(def.unit !== undefined ? { unit: def.unit } : {}),
    ...(def.reference !== undefined ? { reference: def.reference } : {}),
    ...(def.needs !== undefined ? { needs: def.needs } : {}),
    columns,
    make,
  });
}

/** Whether a value is a metric made by `defineMetric` (how a plug-in module's exports are sorted). */
export function isDefinedMetric(v: unknown): v is DefinedMetric {
  return !!v && typeof v === 'object' && (v as DefinedMetric).kind === 'metric' && typeof (v as DefinedMetric).make === 'function';
}

const builtins: MetricSpec[] = [];
const outside = new Map<string, MetricSpec>();

/** Adds the built-in metrics (src/metrics/index.ts); the same path as `registerMetric`, marked built-in. */
export function registerBuiltinMetrics(specs: readonly MetricSpec[]): void {
  for (const m of specs) builtins.push(m);
}

/**
 * Adds a metric defined outside the library, so scenarios and experiments can record it by id.
 * Re-registering the same id replaces it; a built-in id or a column another metric writes is refused.
 */
export function registerMetric(spec: MetricSpec): void {
  if (!spec || typeof spec !== 'object' || typeof spec.make !== 'function' || typeof spec.id !== 'string' || !Array.isArray(spec.columns)) {
    throw new UserError('registerMetric: expected a metric made by defineMetric (with id, columns and compute)');
  }
  if (builtins.some((b) => b.id === spec.id)) throw new UserError(`registerMetric: '${spec.id}' is a built-in metric id; choose another`);
  for (const c of spec.columns) {
    const owner = [...builtins, ...outside.values()].find((m) => m.id !== spec.id && m.columns.includes(c));
    if (owner) throw new UserError(`registerMetric: '${spec.id}' writes column '${c}', which metric '${owner.id}' writes already; choose another name`);
  }
  outside.set(spec.id, spec);
}

/** Every metric: the built-ins in their order, then the registered ones. */
export function allMetrics(): MetricSpec[] {
  return [...builtins, ...outside.values()];
}

/** Whether the metric is one of the library's own. */
export function isBuiltinMetric(id: string): boolean {
  return builtins.some((m) => m.id === id);
}

/** The metric with this id; failing that, the metric that writes this column (e.g. `largest_component_share`). */
export function metricById(id: string): MetricSpec | undefined {
  const all = allMetrics();
  return all.find((m) => m.id === id) ?? all.find((m) => m.columns.includes(id));
}
