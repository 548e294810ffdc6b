/**
 * The plan of a sweep: the design's parameter points, the runs (point × replicate) in canonical
 * order, each run's seed and id, and the definition hash that identifies the experiment.
 *
 * Canonical order: design order (the first occurrence of each distinct point), then replicate.
 * Identical design points (a Morris trajectory crossing another, rounded `int` factors) are one
 * run set: they have the same seed anyway, and the sensitivity estimators map every design point
 * to it (`pointOf`). Every table is sorted in this order, never in finish order.
 *
 * Sharding (`--shard i/N`): shard i runs the runs whose canonical index mod N is i. Round robin
 * rather than contiguous blocks, so shards get equal shares of every part of the design (a sweep
 * over `population.agents` has its costly runs at one end).
 *
 * Each run's scenario is: the base scenario ← the experiment's `set` ← the command line's `--set`
 * ← steps / agents / metrics (experiment, then command line) ← the point's values ← the run's seed.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { UserError } from '../core/errors.js';
import { makeRng } from '../core/rng.js';
import { resolveScenario } from '../scenario/resolve.js';
import { checkScenario } from '../scenario/schema.js';
import { applySets, prepareScenario } from '../scenario/load.js';
import { scorelabVersion } from '../results/manifest.js';
import { canonicalJson, runId, runSeed, sha256 } from './canonical.js';
import { checkControl } from './aggregate.js';
import type { ControlSpec, DesignSpec, ExperimentDefinition, FigureSpec } from './define.js';
import { gridDesign, latinHypercube, morrisDesign, saltelliDesign, type Point } from './designs/index.js';
import type { LoadedExperiment } from './load.js';

export const PLAN_FORMAT = 'scorelab-sweep-plan/1';

/** A run of the plan: point, replicate, seed and id. */
export interface PlannedRun {
  runId: string;
  /** Position in canonical order (0-based, over the whole sweep). */
  index: number;
  /** Index of the distinct parameter point. */
  point: number;
  replicate: number;
  seed: number;
}

/** One part of a sweep split across machines (`--shard k/K`). */
export interface Shard {
  index: number;
  count: number;
}

/** Command-line overrides of the definition (they change the definition hash). */
export interface Overrides {
  replicates?: number;
  steps?: number;
  agents?: number;
  /** Held overrides `path=value` (`scorelab sweep --set`), applied to every run after the experiment's `set`. */
  set?: string[];
}

/** The settings of a sweep after overrides (replicates, steps, agents, quick). */
export interface Settings {
  replicates: number;
  steps: number | null;
  agents: number | null;
  metrics: string[] | null;
  crn: boolean;
  outputs: { steps: boolean; arrow: boolean };
  /**
   * The command line's held overrides (`--set`), dotted path → value as parsed; present only when
   * there are some, so that a plan without them is the same as before they existed.
   */
  set?: Record<string, unknown>;
}

/** The plan of a sweep: its points times replicates in canonical order, seeds, ids and definition hash (plan.json). */
export interface Plan {
  format: typeof PLAN_FORMAT;
  experiment: { id: string; title: string; description: string; file: string | null };
  scorelab: string;
  /** The base scenario as read (before `set`, overrides and design values). */
  base: { file: string; scenario: Record<string, unknown> };
  /** SHA-256 of everything that decides the runs and their results (see `definitionParts`). */
  definition: string;
  /** Hash of each part, to say what differs when a folder belongs to another definition. */
  parts: Record<string, string>;
  design: { kind: DesignSpec['kind']; spec: unknown; estimator: string | null; meta: unknown; pointOf: number[] };
  settings: Settings;
  summary: string;
  paramKeys: string[];
  points: Point[];
  runs: PlannedRun[];
  shard: Shard | null;
  figures: FigureSpec[];
  /** The experiment's control (effects.csv pairs each treatment with it); absent in older plans. */
  control?: ControlSpec | null;
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Sets `a.b.c` in a scenario object; plain objects are merged into plain objects. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const segs = path.split('.');
  let o = obj;
  for (const seg of segs.slice(0, -1)) {
    const next = o[seg];
    if (next === undefined || next === null) o[seg] = {};
    else if (!isPlain(next)) throw new UserError(`'${path}': '${seg}' holds ${JSON.stringify(next)}, not an object of fields`, undefined, path);
    o = o[seg] as Record<string, unknown>;
  }
  const last = segs[segs.length - 1]!;
  if (isPlain(value) && isPlain(o[last])) {
    for (const [k, v] of Object.entries(value)) setPath(o[last] as Record<string, unknown>, k, v);
  } else o[last] = structuredClone(value);
}

/** The settings of an experiment (replicates, steps, agents …) with command-line overrides. */
export function settingsOf(def: ExperimentDefinition, o: Overrides = {}): Settings {
  const s: Settings = {
    replicates: o.replicates ?? def.replicates ?? 1,
    steps: o.steps ?? def.steps ?? null,
    agents: o.agents ?? def.agents ?? null,
    metrics: def.metrics ?? null,
    crn: def.crn ?? false,
    outputs: { steps: def.outputs?.steps ?? true, arrow: def.outputs?.arrow ?? true },
  };
  const set = parseSets(o.set ?? []);
  if (Object.keys(set).length) s.set = set;
  return s;
}

/** The overrides that give `s` again (what re-plans a recorded sweep: verify, plots). */
export function overridesOf(s: Settings): Overrides {
  return {
    replicates: s.replicates,
    steps: s.steps ?? undefined,
    agents: s.agents ?? undefined,
    set: s.set ? Object.entries(s.set).map(([k, v]) => `${k}=${JSON.stringify(v)}`) : undefined,
  };
}

/**
 * `--set path=value` texts as dotted path → value, parsed and checked as `scorelab run` parses
 * them (src/scenario/load.ts `applySets`: the value is YAML); a later one for the same path wins.
 */
export function parseSets(sets: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const text of sets) {
    const tree = applySets({}, [text]);
    const path = text.slice(0, text.indexOf('=')).trim();
    let v: unknown = tree;
    for (const seg of path.split('.')) v = (v as Record<string, unknown>)[seg];
    delete out[path];
    out[path] = v;
  }
  return out;
}

/** The scenario object of one run (see the file header for the order of precedence). */
export function scenarioFor(exp: LoadedExperiment, s: Settings, point: Point, seed: number): Record<string, unknown> {
  const raw = structuredClone(exp.baseRaw);
  delete raw.plugins; // loaded once, passed to the build (./load.ts)
  for (const [k, v] of Object.entries(exp.def.set ?? {})) setPath(raw, k, v);
  for (const [k, v] of Object.entries(s.set ?? {})) setPath(raw, k, v);
  if (s.steps !== null) raw.steps = s.steps;
  if (s.agents !== null) setPath(raw, 'population.agents', s.agents);
  if (s.metrics !== null) raw.metrics = [...s.metrics];
  for (const [k, v] of Object.entries(point)) setPath(raw, k, v);
  raw.seed = seed;
  return raw;
}

/** One line saying how a run's summary row is made. */
export function describeSummary(def: ExperimentDefinition): string {
  const s = def.summary;
  if (typeof s === 'function') return 'custom summary function (see the experiment file)';
  const which = s?.metrics?.length ? s.metrics.join(', ') : 'every metric column';
  return s?.meanOfLast ? `${which}: mean of the last ${s.meanOfLast} recorded steps` : `${which}: value at the last recorded step`;
}

function fingerprintPlugins(exp: LoadedExperiment): unknown {
  return exp.plugins.map((p) => ({ id: p.id, family: p.family, params: p.params, columns: p.columns, create: p.create }));
}

/** The parts of the definition hash: everything that decides which runs there are and what they give. */
export function definitionParts(exp: LoadedExperiment, s: Settings): Record<string, string> {
  const d = exp.def;
  const parts: Record<string, unknown> = {
    id: d.id,
    base: exp.baseRaw,
    set: d.set ?? {},
    design: d.design,
    replicates: s.replicates,
    steps: s.steps,
    agents: s.agents,
    metrics: s.metrics,
    summary: d.summary ?? null,
    plugins: fingerprintPlugins(exp),
    crn: s.crn,
    outputs: s.outputs,
  };
  // the command line's --set is a part only when given: a sweep without it keeps its hash
  if (s.set) parts['--set'] = s.set;
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, sha256(canonicalJson(v)).slice(0, 16)]));
}

function expand(exp: LoadedExperiment, where: string): { points: Point[]; estimator: string | null; meta: unknown } {
  const d = exp.def.design;
  const rng = makeRng(`scorelab:experiment:${exp.def.id}:design:${'seed' in d ? (d.seed ?? 0) : 0}`);
  try {
    switch (d.kind) {
      case 'grid':
        return { points: gridDesign(d.factors), estimator: null, meta: null };
      case 'points':
        return { points: d.points.map((p) => ({ ...p })), estimator: null, meta: null };
      case 'lhs':
        return { points: latinHypercube(d.factors, d.samples, rng), estimator: null, meta: null };
      case 'sobol': {
        const plan = saltelliDesign(d.factors, d.N, { skip: d.skip, rng: d.shift === false ? undefined : rng });
        return { points: plan.points, estimator: plan.kind, meta: plan.meta };
      }
      case 'morris': {
        const plan = morrisDesign(d.factors, d.trajectories, d.levels ?? 4, rng);
        return { points: plan.points, estimator: plan.kind, meta: plan.meta };
      }
    }
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${where}: design: ${e.message}`, where, 'design');
    throw e;
  }
}

/**
 * Expands the design into runs and checks every distinct point's scenario (unknown paths,
 * out-of-range values) before anything runs. The first point's scenario is fully prepared
 * (graph file included).
 */
export async function makePlan(exp: LoadedExperiment, overrides: Overrides = {}, shard: Shard | null = null): Promise<Plan> {
  const where = exp.file ?? '(experiment)';
  const def = exp.def;
  const s = settingsOf(def, overrides);
  const { points: designPoints, estimator, meta } = expand(exp, where);
  const index = new Map<string, number>();
  const points: Point[] = [];
  const pointOf: number[] = [];
  const paramKeys: string[] = [];
  for (const p of designPoints) {
    if ('seed' in p) throw new UserError(`${where}: design: 'seed' cannot be a factor: seeds are derived from each run (use replicates)`, where, 'design');
    const key = canonicalJson(p);
    let i = index.get(key);
    if (i === undefined) {
      i = points.length;
      index.set(key, i);
      points.push(p);
      for (const k of Object.keys(p)) if (!paramKeys.includes(k)) paramKeys.push(k);
    }
    pointOf.push(i);
  }
  if (s.set) checkSets(exp, s, paramKeys, where);
  for (const [i, p] of points.entries()) {
    const raw = scenarioFor(exp, s, p, 0);
    try {
      if (i === 0) await prepareScenario(raw, exp.baseFile);
      else resolveScenario(checkScenario(raw, exp.baseFile), exp.baseFile);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      throw new UserError(`${where}: design point ${canonicalJson(p)}: ${e.message}`, where, e.field ?? 'design');
    }
  }
  if (def.control) checkControl(points, paramKeys, def.control, where);
  const runs: PlannedRun[] = [];
  const ids = new Set<string>();
  points.forEach((p, pi) => {
    for (let r = 0; r < s.replicates; r++) {
      const id = runId(def.id, p, r);
      if (ids.has(id)) throw new Error(`experiment: run id collision (${id}); change the experiment id`);
      ids.add(id);
      runs.push({ runId: id, index: runs.length, point: pi, replicate: r, seed: runSeed(def.id, p, r, s.crn) });
    }
  });
  const parts = definitionParts(exp, s);
  return {
    format: PLAN_FORMAT,
    experiment: { id: def.id, title: def.title ?? def.id, description: def.description ?? '', file: exp.file ? portablePath(exp.file) : null },
    scorelab: scorelabVersion(),
    base: { file: portablePath(exp.baseFile), scenario: exp.baseRaw },
    definition: sha256(canonicalJson(parts)),
    parts,
    design: { kind: def.design.kind, spec: JSON.parse(canonicalJson(def.design)), estimator, meta, pointOf },
    settings: s,
    summary: describeSummary(def),
    paramKeys,
    points,
    runs,
    shard,
    figures: JSON.parse(canonicalJson(def.figures ?? [])) as FigureSpec[],
    control: def.control ? (JSON.parse(canonicalJson(def.control)) as ControlSpec) : null,
  };
}

/**
 * A path as a results folder records it: relative to the working folder when it lies inside it
 * (`experiments/x.ts`), so that committed results name no machine's folders and a clone finds the
 * file from its own root; absolute otherwise.
 */
export function portablePath(p: string): string {
  if (!isAbsolute(p)) return p;
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r.split(sep).join('/') : p;
}

/**
 * The command line's `--set`: a design factor cannot be held (the design gives its values), and a
 * path the scenario does not have is named as the flag's mistake, not a design point's.
 */
function checkSets(exp: LoadedExperiment, s: Settings, paramKeys: string[], where: string): void {
  for (const k of Object.keys(s.set ?? {})) {
    if (paramKeys.includes(k)) {
      throw new UserError(`--set ${k}: expected a field the design does not vary, found a factor of the design of '${exp.def.id}' (its values come from the design: ${where})`, undefined, '--set');
    }
  }
  const check = (settings: Settings) => resolveScenario(checkScenario(scenarioFor(exp, settings, {}, 0), exp.baseFile), exp.baseFile);
  try {
    check(s);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const { set: _held, ...without } = s;
    try {
      check(without);
    } catch {
      return; // not the flag's mistake: the design points are checked next
    }
    throw new UserError(`--set: ${e.message}`, undefined, '--set');
  }
}

/** The runs of a shard (all runs when `shard` is null). */
export function shardRuns(plan: Plan, shard: Shard | null = plan.shard): PlannedRun[] {
  return shard ? plan.runs.filter((r) => r.index % shard.count === shard.index) : plan.runs;
}

/** Parses `i/N` (0 ≤ i < N). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) {
    throw new UserError(`--shard: expected i/N with 0 ≤ i < N (e.g. 0/4), found ${JSON.stringify(text)}`, undefined, '--shard');
  }
  return { index, count };
}
