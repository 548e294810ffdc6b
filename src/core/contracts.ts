/**
 * THE PLUG-IN CONTRACT — regimes, observation mechanisms, safeguards, adaptations and behaviour
 * models all follow it.
 *
 * A plug-in is a plain value made by a factory (`definePlugin`, `defineRegime`, …) with:
 *   1. `id`       — fixed kebab-case id that scenarios refer to (`court-blacklist`);
 *   2. `family`   — 'behaviour' | 'observation' | 'regime' | 'safeguard' | 'adaptation';
 *   3. `params`   — a parameter table (src/core/params.ts): default, unit, doc, source per parameter;
 *   4. `doc` + `sources` — the rules in plain language and the citations (docs/calibration.md);
 *   5. `create(world, params)` — returns the hooks it runs at the stages of a step.
 *
 * To add one: implement it in one file in the family's folder (src/regimes/, src/safeguards/ …)
 * and add it to that folder's `index.ts`; or, from outside the library, pass it to
 * `registerPlugin` (or an experiment's `plugins:` list) — no change to `src/` is needed.
 *
 * Stages of a step, in order (docs/model.md#process-of-one-step): behave → observe → score → publish → sanction → adapt →
 * record. Within a stage, plug-ins run by family (behaviour, observation, regime, safeguard,
 * adaptation) and then in the order the scenario lists them.
 *
 * A plug-in can end the run when its own condition holds (consensus, extinction, a fixed point):
 * its `stop` hook is asked after every step, after `adapt` and before that step's `record`; the
 * first that answers ends the run there. That step is recorded whatever `record.every`, `finish`
 * runs, and `Simulation.stopped` (and a run's manifest and summary) say when and why.
 */
import type { ParamTable, ParamValues } from './params.js';
import type { World } from './world.js';

/** The plug-in families, in the order their hooks run within a stage. */
export const FAMILIES = ['behaviour', 'observation', 'regime', 'safeguard', 'adaptation'] as const;
/** One of `FAMILIES`. */
export type Family = (typeof FAMILIES)[number];

/** The stages of a step, in order (docs/model.md#process-of-one-step). */
export const STAGES = ['behave', 'observe', 'score', 'publish', 'sanction', 'adapt', 'record'] as const;
/** One of `STAGES`. */
export type Stage = (typeof STAGES)[number];

/** Values a plug-in adds to the step's row (canonical or plug-in specific columns). */
export type Row = Record<string, number | null>;

/** What a plug-in's `create` returns: the functions it runs at the stages of a step (all optional). */
export interface Hooks {
  /** Once, after every plug-in has been created and before step 0. */
  init?(): void;
  behave?(): void;
  observe?(): void;
  score?(): void;
  publish?(): void;
  sanction?(): void;
  adapt?(): void;
  /** At recorded steps: extra columns for steps.csv. */
  record?(): Row | void;
  /**
   * After each step (the step and day already advanced, before that step's record): return a
   * reason (a short text, e.g. 'consensus: every agent holds opinion 1') or `true` to end the run
   * after this step; `false`, `undefined` or '' to go on.
   *
   *   stop: () => (world.pop.approval.every((a) => a === 1) ? 'consensus' : false)
   */
  stop?(): string | boolean | void;
  /** At the end of the run: extra per-agent columns for agents.csv are taken from registered columns. */
  finish?(): void;
}

/** A plug-in: id, family, documentation, parameter table and `create(world, params)` (see the header of src/core/contracts.ts). */
export interface PluginSpec<T extends ParamTable = ParamTable> {
  id: string;
  family: Family;
  /** Short title, e.g. "Court blacklist of dishonest persons subject to enforcement". */
  title: string;
  /** One line for `scorelab list --regimes`. */
  summary: string;
  /** The rules in plain language (shown by `scorelab describe`). */
  doc: string;
  /** Citations (docs/calibration.md, papers, statutes). */
  sources: string[];
  params: T;
  /** Extra step-table columns this plug-in writes from `record`. */
  columns?: string[];
  create(world: World, params: ParamValues<T>): Hooks;
}

/** Identity factory that keeps the parameter types. */
export function definePlugin<T extends ParamTable>(spec: PluginSpec<T>): PluginSpec<T> {
  return Object.freeze(spec);
}

/** A plug-in spec without its family (the family factories, e.g. `defineRegime`, add it). */
export type WithoutFamily<T extends ParamTable> = Omit<PluginSpec<T>, 'family'>;
/**
 * Makes a regime (scores, lists, sanctions), listed under `regimes:` in a scenario.
 *
 *   export const myRegime = defineRegime({ id: 'my-regime', title, summary, doc, sources, params: {}, create(world, p) { return { score() { … } }; } });
 */
export const defineRegime = <T extends ParamTable>(s: WithoutFamily<T>) => definePlugin({ ...s, family: 'regime' });
/** Makes a safeguard (notice, appeals, expiry …), listed under `safeguards:` in a scenario. */
export const defineSafeguard = <T extends ParamTable>(s: WithoutFamily<T>) => definePlugin({ ...s, family: 'safeguard' });
/** Makes an observation mechanism (who is watched; extra or false records), listed under `observation:`. */
export const defineObservation = <T extends ParamTable>(s: WithoutFamily<T>) => definePlugin({ ...s, family: 'observation' });
/** Makes an adaptation (how people respond to what they lived), listed under `adaptations:`. */
export const defineAdaptation = <T extends ParamTable>(s: WithoutFamily<T>) => definePlugin({ ...s, family: 'adaptation' });
/** Makes a behaviour model (the true acts of each step), listed under `behaviour:`. */
export const defineBehaviour = <T extends ParamTable>(s: WithoutFamily<T>) => definePlugin({ ...s, family: 'behaviour' });

/** Any plug-in, parameters erased. */
export type AnyPlugin = PluginSpec<any>;
