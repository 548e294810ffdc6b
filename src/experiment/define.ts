/**
 * THE EXPERIMENT CONTRACT — what an experiment file in experiments/ exports (default export):
 *
 *   export default defineExperiment({
 *     id: 'cleanup-dose',                       // names results/<id>/; part of every seed
 *     base: 'bench-friend-cleanup',             // preset, scenario file (relative to this file) or inline scenario
 *     design: { kind: 'grid', factors: { 'regimes.friend-cleanup.c': [0, 0.05, 0.1, 0.2] } },
 *     replicates: 5,
 *     summary: { metrics: ['score_assortativity', 'tie_count'] },
 *   });
 *
 * Members: `id`, `base`, `design` (required); `replicates`, `steps`, `agents`, `set`, `metrics`,
 * `summary`, `plugins`, `crn`, `outputs`, `figures`, `title`, `description` (optional).
 * Designs: `grid` (arrays swept, scalars held; dotted keys or nested objects), `lhs` (Latin
 * hypercube, `samples`), `sobol` (Saltelli design of N(k + 2) points, first-order and total
 * indices), `morris` (elementary effects, `trajectories` × (k + 1) points on `levels` levels),
 * `points` (an explicit list). Factor names and grid keys are dotted scenario paths
 * (`regimes.friend-cleanup.c`, `population.agents`, `graph.meanDegree`).
 *
 * `defineExperiment` only attaches types; `checkExperiment` (run by the loader, ./load.ts) checks
 * everything once and names the file and field of any mistake.
 */
import type { AnyPlugin, Row } from '../core/contracts.js';
import { describeValue, didYouMean, fieldError, UserError } from '../core/errors.js';
import { metricById } from '../metrics/index.js';
import { allMetrics, isDefinedMetric, type DefinedMetric } from '../metrics/registry.js';
import { isGraphSpec, type GraphSpec } from '../graphs/registry.js';
import type { Factor, Point } from './designs/index.js';

/** A full factorial design: every combination of the factors' levels. */
export type GridDesign = {
  kind: 'grid';
  /** Every key whose value is a list is swept (full factorial); scalars are held. */
  factors: Record<string, unknown>;
};
/** A Latin hypercube sample of the factors' ranges. */
export type LhsDesign = { kind: 'lhs'; factors: Factor[]; samples: number; seed?: number };
/** A Saltelli sample for Sobol sensitivity indices. */
export type SobolDesign = {
  kind: 'sobol';
  factors: Factor[];
  /** Base sample size: N(k + 2) points (Saltelli 2010). Powers of two are best. */
  N: number;
  /** Sobol points to skip (default 0). */
  skip?: number;
  /**
   * Random digital shift of the Sobol sequence, seeded from the experiment id and `seed` (default
   * true, as SALib scrambles by default). Unshifted, the first rows of the sequence have A = B
   * (the origin, then all coordinates 0.5): runs that carry no information.
   */
  shift?: boolean;
  /** Bootstrap resamples for the confidence half-widths (default 500). */
  resamples?: number;
  seed?: number;
};
/** Morris elementary-effects trajectories (screening). */
export type MorrisDesign = { kind: 'morris'; factors: Factor[]; trajectories: number; levels?: number; seed?: number };
/** Parameter points listed one by one. */
export type PointsDesign = { kind: 'points'; points: Point[] };
/** The design of an experiment: grid, lhs, sobol, morris or points. */
export type DesignSpec = GridDesign | LhsDesign | SobolDesign | MorrisDesign | PointsDesign;

/** What a summary function is told about its run. */
export interface SummaryContext {
  runId: string;
  point: Point;
  replicate: number;
  seed: number;
  columns: string[];
}
/** A summary of one run from its rows: metric name to value (runs.csv). */
export type SummaryFn = (rows: Row[], ctx: SummaryContext) => Record<string, number | null>;
/**
 * Summary of a run, one row of runs.csv: a function of the recorded step rows, or the value of
 * each metric at the last recorded step (default) or averaged over the last `meanOfLast` rows.
 */
export type SummarySpec = SummaryFn | { metrics?: string[]; meanOfLast?: number };

/**
 * A figure to draw from a sweep's tables (`scorelab plot`, and at the end of every sweep). Factor
 * names are the design's dotted paths; metric names are step-table columns. Every kind takes an
 * optional `title` and `caption`; `step` picks the recorded step (default: the last).
 *
 * - `timeseries`: metrics over the days of the run, one line per point (coloured by `color`, a
 *   factor), with the 95 % replicate band from points.csv; `facet` splits by another factor.
 * - `dose`: a metric at one step against a numeric factor `x`, mean and 95 % interval per point;
 *   `color` and `facet` as above. (`box`, the older name, is read as `dose`.)
 * - `heatmap`: the mean of `metric` over two swept factors `x` and `y`.
 * - `multiples`: small multiples, one panel per metric, one bar (mean, 95 % interval) per value of
 *   the factor `by` (a regime, a safeguard set).
 * - `effects`: the effects table as a forest plot: each treatment's paired difference from its
 *   control, with its interval, one panel per metric.
 * - `distribution`: the final distribution of an agent column (`column`, e.g. `score` or
 *   `wealth`) by `by` (`group`, or a list column), for the points chosen by `where`; drawn from
 *   a re-run of replicate 0 of each point (same seed, so byte-identical to the sweep's run).
 * - `network`: a before/after picture of the network of one run (`where` picks the point,
 *   replicate 0, re-run from its seed), at most `agents` agents shown, nodes coloured by
 *   `colorBy` (`score`, `group` or `listed`), listed agents marked.
 */
export type FigureSpec =
  | { id: string; kind: 'timeseries'; metrics: string[]; color?: string; facet?: string; title?: string; caption?: string }
  | { id: string; kind: 'dose' | 'box'; x: string; y: string; color?: string; facet?: string; step?: number; title?: string; caption?: string }
  | { id: string; kind: 'heatmap'; x: string; y: string; metric: string; step?: number; title?: string; caption?: string }
  | { id: string; kind: 'multiples'; metrics: string[]; by: string; step?: number; title?: string; caption?: string }
  | { id: string; kind: 'effects'; metrics?: string[]; title?: string; caption?: string }
  | { id: string; kind: 'distribution'; column: string; by: string; where?: Record<string, unknown>[]; title?: string; caption?: string }
  | { id: string; kind: 'network'; where?: Record<string, unknown>; colorBy?: 'score' | 'group' | 'listed'; agents?: number; title?: string; caption?: string };

export const FIGURE_KINDS = ['timeseries', 'dose', 'box', 'heatmap', 'multiples', 'effects', 'distribution', 'network'] as const;

/** The claim of the source an experiment puts to the test, quoted, with where it is found. */
export interface ClaimSpec {
  /** The claim in the source's words (or a close paraphrase, marked as such). */
  quote: string;
  /** The source: author, title, journal, year. */
  source: string;
  /** Page or section. */
  page?: string;
}

/**
 * The control of an experiment: the same rule with the cause removed. `set` gives the values
 * that make a design point a control; every other point is a treatment, paired with the point
 * that equals it except for the keys of `set` (which must be design factors), replicate by
 * replicate. Pairs share seeds only under common random numbers, so `control` needs `crn: true`.
 *
 *   control: { set: { 'regimes.sesame.friendWeight': 0 }, label: 'no friend effect' }
 */
export interface ControlSpec {
  set: Record<string, unknown>;
  label?: string;
}

/** What an experiment file exports (with `defineExperiment`): base scenario, design, replicates, metrics, summary, plug-ins, control, figures. */
export interface ExperimentDefinition {
  /** Names the results folder and enters every seed: letters, digits, '-', '_', '.'. */
  id: string;
  title?: string;
  description?: string;
  /** A preset name, a scenario file (relative to the experiment file) or an inline scenario object. */
  base: string | Record<string, unknown>;
  /** Held overrides of the base scenario, by dotted path (applied before the design's values). */
  set?: Record<string, unknown>;
  design: DesignSpec;
  /** Runs per parameter point, each with its own seed (default 1). */
  replicates?: number;
  steps?: number;
  agents?: number;
  /** Metric ids recorded at each step (default: the base scenario's). */
  metrics?: string[];
  summary?: SummarySpec;
  /**
   * Custom plug-ins (defineRegime …), metrics (defineMetric) and graph generators (defineGraph)
   * that the base scenario, the design or `metrics` may refer to by id.
   */
  plugins?: (AnyPlugin | DefinedMetric | GraphSpec<any>)[];
  /** Common random numbers: the seed depends on the replicate only, not on the parameter point. */
  crn?: boolean;
  /** Which step tables to write (default both true). */
  outputs?: { steps?: boolean; arrow?: boolean };
  /** Figures drawn from the tables when the sweep ends and by `scorelab plot` (see FigureSpec). */
  figures?: FigureSpec[];
  /** The question the experiment answers, in one sentence (shown first in the report). */
  question?: string;
  /** The claim of the source it tests. */
  claim?: ClaimSpec;
  /** The mechanism that could produce the claimed effect, in words. */
  mechanism?: string;
  /** The control: which design values remove the cause (effects.csv pairs every treatment with it). */
  control?: ControlSpec;
  /**
   * The quick form (`scorelab sweep <experiment> --quick`): smaller runs for smoke tests and the
   * classroom, written to results/<id>-quick/ unless --out says otherwise. Same design.
   */
  quick?: { agents?: number; steps?: number; replicates?: number };
  /** The expected direction of each headline metric under the treatment ('up', 'down' or 'none'). */
  expected?: Record<string, 'up' | 'down' | 'none'>;
}

/** Marks an experiment definition (types only; checked when loaded). */
export function defineExperiment<T extends ExperimentDefinition>(def: T): T {
  return def;
}

const FIELDS = ['id', 'title', 'description', 'base', 'set', 'design', 'replicates', 'steps', 'agents', 'metrics', 'summary', 'plugins', 'crn', 'outputs', 'figures', 'question', 'claim', 'mechanism', 'control', 'expected', 'quick'];
const DESIGN_FIELDS: Record<DesignSpec['kind'], string[]> = {
  grid: ['kind', 'factors'],
  lhs: ['kind', 'factors', 'samples', 'seed'],
  sobol: ['kind', 'factors', 'N', 'skip', 'shift', 'resamples', 'seed'],
  morris: ['kind', 'factors', 'trajectories', 'levels', 'seed'],
  points: ['kind', 'points'],
};
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkInt(file: string, field: string, v: unknown, min: number, optional = true): void {
  if (v === undefined && optional) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw fieldError(file, field, `an integer ≥ ${min}`, v);
}

function checkKeys(file: string, field: string, obj: Record<string, unknown>, known: string[]): void {
  for (const k of Object.keys(obj)) {
    if (!known.includes(k)) {
      const at = field ? `${field}.${k}` : k;
      throw new UserError(`${file}: ${at}: unknown field${didYouMean(k, known)}; known: ${known.join(', ')}`, file, at);
    }
  }
}

function checkFactorList(file: string, v: unknown): void {
  if (!Array.isArray(v) || v.length === 0) throw fieldError(file, 'design.factors', 'a list of factors { name, min, max }', v);
  v.forEach((f, i) => {
    const at = `design.factors[${i}]`;
    if (!isObject(f)) throw fieldError(file, at, 'a factor { name, min, max, int?, log? }', f);
    checkKeys(file, at, f, ['name', 'min', 'max', 'int', 'log']);
    if (typeof f.name !== 'string' || !f.name) throw fieldError(file, `${at}.name`, 'a dotted scenario path', f.name);
    for (const b of ['min', 'max'] as const) {
      if (typeof f[b] !== 'number' || !Number.isFinite(f[b])) throw fieldError(file, `${at}.${b}`, 'a finite number', f[b]);
    }
    for (const b of ['int', 'log'] as const) {
      if (f[b] !== undefined && typeof f[b] !== 'boolean') throw fieldError(file, `${at}.${b}`, 'true or false', f[b]);
    }
  });
}

function checkDesign(file: string, d: unknown): void {
  if (!isObject(d)) throw fieldError(file, 'design', "an object { kind: 'grid' | 'lhs' | 'sobol' | 'morris' | 'points', … }", d);
  const kinds = Object.keys(DESIGN_FIELDS);
  if (typeof d.kind !== 'string' || !kinds.includes(d.kind)) {
    throw new UserError(
      `${file}: design.kind: expected one of ${kinds.map((k) => `'${k}'`).join(', ')}, found ${describeValue(d.kind)}${typeof d.kind === 'string' ? didYouMean(d.kind, kinds) : ''}`,
      file,
      'design.kind',
    );
  }
  const kind = d.kind as DesignSpec['kind'];
  checkKeys(file, 'design', d, DESIGN_FIELDS[kind]);
  if (kind === 'grid') {
    if (!isObject(d.factors)) throw fieldError(file, 'design.factors', "an object of dotted paths to values or lists, e.g. { 'regimes.friend-cleanup.c': [0, 0.1] }", d.factors);
    return;
  }
  if (kind === 'points') {
    if (!Array.isArray(d.points) || d.points.length === 0) throw fieldError(file, 'design.points', 'a non-empty list of parameter points', d.points);
    d.points.forEach((p, i) => {
      if (!isObject(p)) throw fieldError(file, `design.points[${i}]`, 'an object of dotted paths to values', p);
      for (const [k, v] of Object.entries(p)) {
        const ok = typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
        if (!ok) throw fieldError(file, `design.points[${i}].${k}`, 'a number, string or boolean', v);
      }
    });
    return;
  }
  checkFactorList(file, d.factors);
  checkInt(file, 'design.seed', d.seed, 0);
  if (kind === 'lhs') checkInt(file, 'design.samples', d.samples, 1, false);
  if (kind === 'sobol') {
    checkInt(file, 'design.N', d.N, 2, false);
    checkInt(file, 'design.skip', d.skip, 0);
    checkInt(file, 'design.resamples', d.resamples, 2);
    if (d.shift !== undefined && typeof d.shift !== 'boolean') throw fieldError(file, 'design.shift', 'true or false', d.shift);
  }
  if (kind === 'morris') {
    checkInt(file, 'design.trajectories', d.trajectories, 1, false);
    if (d.levels !== undefined && (typeof d.levels !== 'number' || !Number.isInteger(d.levels) || d.levels < 2 || d.levels % 2)) {
      throw fieldError(file, 'design.levels', 'an even integer ≥ 2', d.levels);
    }
  }
}

function checkMetricIds(file: string, field: string, v: unknown, allowColumns = false): void {
  if (!Array.isArray(v) || v.some((m) => typeof m !== 'string')) throw fieldError(file, field, 'a list of metric names', v);
  if (allowColumns) return;
  (v as string[]).forEach((m, i) => {
    if (!metricById(m)) {
      throw new UserError(`${file}: ${field}[${i}]: unknown metric '${m}'${didYouMean(m, allMetrics().map((x) => x.id))} (scorelab list --metrics)`, file, `${field}[${i}]`);
    }
  });
}

/** Checks a definition once; every mistake is a UserError naming the file and the field. */
export function checkExperiment(def: unknown, file: string): asserts def is ExperimentDefinition {
  if (!isObject(def)) {
    throw new UserError(`${file}: expected the experiment as the default export (export default defineExperiment({ … })), found ${describeValue(def)}`, file, '');
  }
  checkKeys(file, '', def, FIELDS);
  if (typeof def.id !== 'string' || !ID.test(def.id)) throw fieldError(file, 'id', "a name of letters, digits, '-', '_' or '.' (it names the results folder)", def.id);
  for (const f of ['title', 'description'] as const) {
    if (def[f] !== undefined && typeof def[f] !== 'string') throw fieldError(file, f, 'a string', def[f]);
  }
  if (!(typeof def.base === 'string' && def.base) && !isObject(def.base)) {
    throw fieldError(file, 'base', 'a preset name, a scenario file or an inline scenario object', def.base);
  }
  if (def.set !== undefined && !isObject(def.set)) throw fieldError(file, 'set', 'an object of dotted scenario paths to values', def.set);
  checkDesign(file, def.design);
  checkInt(file, 'replicates', def.replicates, 1);
  checkInt(file, 'steps', def.steps, 0);
  checkInt(file, 'agents', def.agents, 2);
  if (def.metrics !== undefined) checkMetricIds(file, 'metrics', def.metrics);
  const s = def.summary;
  if (s !== undefined && typeof s !== 'function') {
    if (!isObject(s)) throw fieldError(file, 'summary', 'a function (rows, ctx) => { name: number } or { metrics?, meanOfLast? }', s);
    checkKeys(file, 'summary', s, ['metrics', 'meanOfLast']);
    if (s.metrics !== undefined) checkMetricIds(file, 'summary.metrics', s.metrics, true);
    checkInt(file, 'summary.meanOfLast', s.meanOfLast, 1);
  }
  if (def.plugins !== undefined) {
    if (!Array.isArray(def.plugins)) throw fieldError(file, 'plugins', 'a list of plug-ins made with defineRegime / definePlugin', def.plugins);
    def.plugins.forEach((p, i) => {
      if (isDefinedMetric(p) || isGraphSpec(p)) return;
      if (!isObject(p) || typeof p.id !== 'string' || typeof p.create !== 'function') {
        throw fieldError(file, `plugins[${i}]`, 'a plug-in made with defineRegime / definePlugin (with id and create), a metric (defineMetric) or a graph generator (defineGraph)', p);
      }
    });
  }
  if (def.crn !== undefined && typeof def.crn !== 'boolean') throw fieldError(file, 'crn', 'true or false', def.crn);
  if (def.outputs !== undefined) {
    if (!isObject(def.outputs)) throw fieldError(file, 'outputs', 'an object { steps?, arrow? }', def.outputs);
    checkKeys(file, 'outputs', def.outputs, ['steps', 'arrow']);
    for (const k of ['steps', 'arrow'] as const) {
      if (def.outputs[k] !== undefined && typeof def.outputs[k] !== 'boolean') throw fieldError(file, `outputs.${k}`, 'true or false', def.outputs[k]);
    }
  }
  if (def.figures !== undefined) {
    if (!Array.isArray(def.figures)) throw fieldError(file, 'figures', 'a list of figure specs { id, kind, … }', def.figures);
    def.figures.forEach((f, i) => checkFigure(file, `figures[${i}]`, f));
  }
  for (const f of ['question', 'mechanism'] as const) {
    if (def[f] !== undefined && typeof def[f] !== 'string') throw fieldError(file, f, 'a string', def[f]);
  }
  if (def.claim !== undefined) {
    if (!isObject(def.claim)) throw fieldError(file, 'claim', 'an object { quote, source, page? }', def.claim);
    checkKeys(file, 'claim', def.claim, ['quote', 'source', 'page']);
    for (const k of ['quote', 'source'] as const) {
      if (typeof def.claim[k] !== 'string' || !def.claim[k]) throw fieldError(file, `claim.${k}`, 'a non-empty string', def.claim[k]);
    }
    if (def.claim.page !== undefined && typeof def.claim.page !== 'string') throw fieldError(file, 'claim.page', 'a string', def.claim.page);
  }
  if (def.control !== undefined) {
    const c = def.control;
    if (!isObject(c)) throw fieldError(file, 'control', "an object { set: { 'dotted.path': value }, label? }", c);
    checkKeys(file, 'control', c, ['set', 'label']);
    if (!isObject(c.set) || !Object.keys(c.set).length) throw fieldError(file, 'control.set', 'a non-empty object of dotted scenario paths to the control values', c.set);
    if (c.label !== undefined && typeof c.label !== 'string') throw fieldError(file, 'control.label', 'a string', c.label);
    if (def.crn !== true) {
      throw new UserError(`${file}: control: pairs share seeds only under common random numbers; add crn: true (found crn: ${describeValue(def.crn)})`, file, 'crn');
    }
  }
  if (def.quick !== undefined) {
    if (!isObject(def.quick)) throw fieldError(file, 'quick', 'an object { agents?, steps?, replicates? }', def.quick);
    checkKeys(file, 'quick', def.quick, ['agents', 'steps', 'replicates']);
    checkInt(file, 'quick.agents', def.quick.agents, 2);
    checkInt(file, 'quick.steps', def.quick.steps, 0);
    checkInt(file, 'quick.replicates', def.quick.replicates, 1);
  }
  if (def.expected !== undefined) {
    if (!isObject(def.expected)) throw fieldError(file, 'expected', "an object { metric: 'up' | 'down' | 'none' }", def.expected);
    for (const [k, v] of Object.entries(def.expected)) {
      if (v !== 'up' && v !== 'down' && v !== 'none') throw fieldError(file, `expected.${k}`, "'up', 'down' or 'none'", v);
    }
  }
}

const FIGURE_FIELDS: Record<string, { required: string[]; optional: string[] }> = {
  timeseries: { required: ['metrics'], optional: ['color', 'facet'] },
  dose: { required: ['x', 'y'], optional: ['color', 'facet', 'step'] },
  box: { required: ['x', 'y'], optional: ['color', 'facet', 'step'] },
  heatmap: { required: ['x', 'y', 'metric'], optional: ['step'] },
  multiples: { required: ['metrics', 'by'], optional: ['step'] },
  effects: { required: [], optional: ['metrics'] },
  distribution: { required: ['column', 'by'], optional: ['where'] },
  network: { required: [], optional: ['where', 'colorBy', 'agents'] },
};

function checkFigure(file: string, at: string, f: unknown): void {
  if (!isObject(f) || typeof f.id !== 'string' || !ID.test(f.id)) throw fieldError(file, `${at}.id`, "a figure id of letters, digits, '-', '_' or '.' (it names the files)", isObject(f) ? f.id : f);
  const kinds = Object.keys(FIGURE_FIELDS);
  if (typeof f.kind !== 'string' || !kinds.includes(f.kind)) {
    throw new UserError(
      `${file}: ${at}.kind: expected one of ${kinds.map((k) => `'${k}'`).join(', ')}, found ${describeValue(f.kind)}${typeof f.kind === 'string' ? didYouMean(f.kind, kinds) : ''}`,
      file,
      `${at}.kind`,
    );
  }
  const spec = FIGURE_FIELDS[f.kind]!;
  checkKeys(file, at, f, ['id', 'kind', 'title', 'caption', ...spec.required, ...spec.optional]);
  for (const k of spec.required) if (f[k] === undefined) throw fieldError(file, `${at}.${k}`, `a value (required for a '${f.kind}' figure)`, undefined);
  for (const k of ['title', 'caption', 'x', 'y', 'metric', 'by', 'color', 'facet', 'column']) {
    if (f[k] !== undefined && typeof f[k] !== 'string') throw fieldError(file, `${at}.${k}`, 'a string', f[k]);
  }
  if (f.metrics !== undefined && (!Array.isArray(f.metrics) || !f.metrics.length || f.metrics.some((m) => typeof m !== 'string'))) {
    throw fieldError(file, `${at}.metrics`, 'a non-empty list of metric names', f.metrics);
  }
  checkInt(file, `${at}.step`, f.step, 0);
  checkInt(file, `${at}.agents`, f.agents, 2);
  if (f.colorBy !== undefined && !['score', 'group', 'listed'].includes(f.colorBy as string)) throw fieldError(file, `${at}.colorBy`, "'score', 'group' or 'listed'", f.colorBy);
}
