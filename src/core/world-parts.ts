/**
 * The parts of the world a hook sees (World's named parts), typed with their read/write rules,
 * and the primary score's description. Types only: the World (./world.ts) implements them.
 */
import type { EventBuffer, RecordBuffer } from './events.js';
import type { Cases } from './truth.js';
import type { Keyed, Rng } from './rng.js';
import type { WindowStats } from './world.js';

/** Which column is the primary score, its range and owner. */
export interface PrimaryScore {
  column: string;
  min: number;
  max: number;
  owner: string;
}


// --- the parts of the world a hook sees ------------------------------------------------------
// Each part is the world itself seen through a narrower, documented type (no copy of any state;
// reading `world.economy.incomeMult` is reading `world.incomeMult`). `readonly` in these types is
// the write rule the type checker can enforce; the doc comment of each states the rest.

/**
 * Time and size. Read: any hook. Write: never (the core advances `step` and `day` after each step).
 * `n` agents have ids 0 … n − 1; a step lasts `daysPerStep` days; `day` is the day the step starts.
 */
export interface WorldTime {
  readonly n: number;
  readonly step: number;
  readonly day: number;
  readonly daysPerStep: number;
}

/**
 * What institutions observe. Read: `observe` and later hooks. Write: `records.push(…)` in
 * `observe` (observation plug-ins); `watch[i]` (monitoring multiplier) by observation plug-ins;
 * `detect[d * 2 + g]` (detection probability by domain and group) and `evidenceQuality[d]` (d′)
 * come from the scenario: read only.
 */
export interface WorldObserved {
  /** This step's records: `length`, `agent[k]`, `domain[k]`, `kind[k]`, `size[k]`, `evidence[k]`; `cause(k)` makes record k a case. */
  readonly records: RecordBuffer;
  readonly watch: Float32Array;
  readonly detect: Float64Array;
  readonly evidenceQuality: Float64Array;
}

/**
 * The ground truth: the true acts of the step and the cases behind records and listings. Read:
 * behaviour, observation and any `record()` hook; whether a case is mistaken is readable only
 * inside `record()` (elsewhere it throws GroundTruthError). Write: `acts` by the behaviour model;
 * `cases` through `records.cause(k)` and the lists, never directly.
 */
export interface WorldTruth {
  readonly acts: EventBuffer;
  readonly cases: Cases;
}

/**
 * What sanctions and benefits do to people this step. Read: any hook. Write:
 * - `incomeMult[i]`: **multiply** (`*= 1 − cut`) in `sanction`, never set (other regimes sanction
 *   too); the core resets it to 1 before `sanction`;
 * - `benefit[i]`, `benefitEligible[i]`: set to 1 (got / applied for a benefit); reset to 0 each step;
 * - `lostOpportunity[i]`: `++` (cumulative opportunities lost to sanctions).
 */
export interface WorldEconomy {
  readonly incomeMult: Float32Array;
  readonly benefit: Uint8Array;
  readonly benefitEligible: Uint8Array;
  readonly lostOpportunity: Int32Array;
}

/**
 * How people adapt their conduct. Read: any hook. Write, in `adapt` (adaptations):
 * `propensityMult[d * n + i]` multiply (a multiplier on the propensity to act in domain d; the
 * behaviour model reads it); `censor[i]` in [0, 1] (self-suppressed dissent).
 */
export interface WorldConduct {
  readonly propensityMult: Float32Array;
  readonly censor: Float32Array;
}

/**
 * The shared channels through which plug-ins meet without importing each other. `policy`: switches
 * that safeguards set in `create` (keys in `POLICY`) and regimes honour (`policyOf(world, key,
 * default)`); `services`: shared objects by name, written by their owner in `create`, read by any;
 * `stats`: counters of the recording window, any hook may add (`stats.add(name, x)`).
 */
export interface WorldChannels {
  readonly policy: Map<string, unknown>;
  readonly services: Map<string, unknown>;
  readonly stats: WindowStats;
}

/**
 * Randomness. `rng(name)`: a sequential stream for draws that are not per agent; `keyed(name)`:
 * draws keyed by (agent, day, purpose) — common random numbers, so switching one mechanism
 * changes only its own draws. Name streams after your plug-in (`'regime:my-id'`).
 */
export interface WorldRandom {
  rng(name: string): Rng;
  keyed(name: string): Keyed;
}

/**
 * The primary score (what `mean_score` and the other score metrics read). `offerPrimaryScore` in
 * `create` (the scenario's `primaryScore:` or the first regime to offer wins); `primaryScore()`
 * reads the column, null when no regime scores. Read: any hook.
 */
export interface WorldScores {
  readonly primary: PrimaryScore | null;
  offerPrimaryScore(column: string, min: number, max: number, owner: string): void;
  primaryScore(): Float64Array | Float32Array | null;
}
