/**
 * The world of one run: agents (columns), ties (flat adjacency), time, named random streams,
 * the step's acts and records, the lists, and the few shared channels through which plug-ins
 * meet without importing each other (columns by name, `policy`, `services`).
 */
import { Adjacency } from './adjacency.js';
import { EventBuffer, RecordBuffer } from './events.js';
import { Experience } from './experience.js';
import { ListRegistry } from './lists.js';
import { DOMAINS, Population } from './population.js';
import { hashString, Streams, type Keyed, type Rng } from './rng.js';
import { Cases } from './truth.js';

/** Counters over the current recording window (reset after each recorded step). */
export class WindowStats {
  /** Days covered by the window. */
  days = 0;
  /** True acts by domain (violations and good deeds; speech counts expressions of dissent). */
  readonly violations = new Float64Array(DOMAINS.length);
  readonly goodActs = new Float64Array(DOMAINS.length);
  readonly expressions = new Float64Array(DOMAINS.length);
  /** Records made, and those of them that were mistaken. */
  records = 0;
  mistakenRecords = 0;
  /** Sum over agents of data items used by the active regimes (privacy footprint). */
  dataPoints = 0;
  /** Free counters for plug-ins (`stats.add('blocked_flights', 3)`). */
  readonly extra = new Map<string, number>();
  add(name: string, x: number): void {
    this.extra.set(name, (this.extra.get(name) ?? 0) + x);
  }
  reset(): void {
    this.days = 0;
    this.violations.fill(0);
    this.goodActs.fill(0);
    this.expressions.fill(0);
    this.records = 0;
    this.mistakenRecords = 0;
    this.dataPoints = 0;
    this.extra.clear();
  }
}

export type { PrimaryScore, WorldChannels, WorldConduct, WorldEconomy, WorldObserved, WorldRandom, WorldScores, WorldTime, WorldTruth } from './world-parts.js';
import type { PrimaryScore, WorldChannels, WorldConduct, WorldEconomy, WorldObserved, WorldRandom, WorldScores, WorldTime, WorldTruth } from './world-parts.js';


/**
 * The world of one run. A hook reads and writes it through named parts, each with its rules in
 * its type's doc comment: `time`, `people` (the population's columns), `ties`, `observed`,
 * `truth`, `economy`, `conduct`, `lists`, `experience`, `channels`, `random`, `scores`. The flat
 * fields (`world.pop`, `world.adj`, `world.incomeMult` …) are the same objects, kept for the
 * plug-ins written before the parts.
 */
export class World {
  readonly pop: Population;
  adj: Adjacency;
  readonly streams: Streams;
  step = 0;
  day = 0;
  /** The step's true acts (ground truth: observation and metrics read them, deciders never). */
  readonly acts = new EventBuffer();
  /** Evidence quality d′ of an observation, by domain (sd units): a true record's evidence is d′ + z, a mistaken one's z. */
  readonly evidenceQuality = new Float64Array(DOMAINS.length).fill(1.5);
  /** Cases kept by institutions: evidence for deciders, truth for metrics (src/core/truth.ts). */
  readonly cases = new Cases();
  /** The step's records (what institutions observed, with the strength of the evidence). */
  readonly records: RecordBuffer;
  /** What people lived through this step: sanctions, rewards, income and opportunities lost. */
  /**
   * What people lived through this step: `sanctioned[i]` (bit `1 << d`), `rewarded[i]`,
   * `incomeLost[i]`, `opportunitiesLost[i]`. Read: `adapt`. Write: `sanction(i, d, published?)`,
   * `reward(i, d)` (a listing reports itself).
   */
  readonly experience: Experience;
  /**
   * Blacklists and redlists: `get(id, 'black' | 'red', { domain, published })` gives a list with
   * `on[i]`, `since[i]`, `until[i]`, `times[i]`, `count`. Read: any hook. Write: `propose(…)`
   * (regimes), `addGuard(owner, guard)` in `create` (safeguards), `remove(i, day)` and
   * `markDue(i, day)` on a list by its owner.
   */
  readonly lists: ListRegistry;
  readonly stats = new WindowStats();
  /** Base probability that an act in domain d by an agent of group g is observed: `detect[d * 2 + g]`. */
  readonly detect = new Float64Array(DOMAINS.length * 2).fill(0.5);
  /** Per-agent monitoring multiplier on detection (predictive profiling raises it). */
  readonly watch: Float32Array;
  /** Multiplier on income potential from sanctions (1 = none). Reset to 1 each step before sanctions. */
  readonly incomeMult: Float32Array;
  /** 1 where the agent received at least one benefit this step (credit, honours, access). */
  readonly benefit: Uint8Array;
  /** 1 where the agent was eligible to apply for a benefit this step (denominator of benefit rates). */
  readonly benefitEligible: Uint8Array;
  /** Cumulative count of opportunities lost through sanctions on oneself or one's household. */
  readonly lostOpportunity: Int32Array;
  /** Bitmask by domain of true violations in the current window. */
  readonly actedWindow: Uint8Array;
  /** 1 where a mistaken record was made against the agent in the current window. */
  readonly wrongRecordWindow: Uint8Array;
  /**
   * Multiplier on each agent's propensity per domain, `propensityMult[d * n + i]` (1 = none);
   * adaptations such as gaming write it, the behaviour model reads it.
   */
  readonly propensityMult: Float32Array;
  /** Amount of dissent self-suppressed, in [0, 1] (self-censorship adaptation writes it). */
  readonly censor: Float32Array;
  primary: PrimaryScore | null = null;
  /** Scenario-level choice of primary score column (overrides the first regime's). */
  primaryChoice: string | null = null;
  /** Shared policy switches that safeguards set and regimes read (e.g. `data-limits.friends`). */
  readonly policy = new Map<string, unknown>();
  /** Shared services by name (e.g. an obligation ledger that several regimes use). */
  readonly services = new Map<string, unknown>();
  /** Original node keys when the graph came from a file (by internal index). */
  nodeKeys: string[] | null = null;
  /**
   * The public id of each agent by internal index, when `graph.order` renumbered the agents (null:
   * internal index = public id). The public id is the agent's number as the graph was built (the
   * generator's node, the graph file's row); the tables are written in public order.
   */
  publicIds: Int32Array | null = null;

  constructor(
    readonly n: number,
    readonly seed: number | string,
    readonly daysPerStep = 1,
  ) {
    this.pop = new Population(n);
    this.adj = new Adjacency(n, 0);
    this.streams = new Streams(seed);
    this.records = new RecordBuffer(this.cases, hashString(`scorelab:${seed}/evidence`), this.evidenceQuality);
    this.experience = new Experience(n);
    this.lists = new ListRegistry(n, this.cases, this.experience);
    this.watch = this.pop.addColumn('watch', 'f32', 'core', 'monitoring multiplier', false).fill(1);
    this.incomeMult = this.pop.addColumn('income_mult', 'f32', 'core', 'sanction multiplier on income', false).fill(1);
    this.benefit = this.pop.addColumn('benefit', 'u8', 'core', 'received a benefit this step');
    this.benefitEligible = this.pop.addColumn('benefit_eligible', 'u8', 'core', 'eligible for a benefit this step', false);
    this.lostOpportunity = this.pop.addColumn('lost_opportunities', 'i32', 'core', 'opportunities lost to sanctions');
    this.actedWindow = this.pop.addColumn('acted_window', 'u8', 'core', '', false);
    this.wrongRecordWindow = this.pop.addColumn('wrong_record_window', 'u8', 'core', '', false);
    this.propensityMult = new Float32Array(n * DOMAINS.length).fill(1);
    this.censor = this.pop.addColumn('censor', 'f32', 'core', 'self-censorship level');
  }

  /** Time and size (read only): see `WorldTime`. */
  get time(): WorldTime {
    return this;
  }
  /**
   * The population's columns: `group`, `wealth`, `income` (per day), `household`, `dissent`, `risk`,
   * `knowledge`, `approval`, `trait[d * n + i]`; `addColumn(name, kind, owner, doc)` in `create`
   * for a column of your own, `column(name)` for another plug-in's (read it; write only your own).
   * The behaviour model owns wealth and income: change income through `economy.incomeMult`.
   */
  get people(): Population {
    return this.pop;
  }
  /**
   * The ties: neighbours of i are `targets[start[i] .. start[i] + deg[i])`; `degree(i)`,
   * `hasEdge(i, j)`. Write: `addEdge(i, j)`, `removeEdge(i, j)` in `adapt` (adaptations that rewire).
   */
  get ties(): Adjacency {
    return this.adj;
  }
  /** What institutions observe: see `WorldObserved`. */
  get observed(): WorldObserved {
    return this;
  }
  /** The ground truth: see `WorldTruth`. */
  get truth(): WorldTruth {
    return this;
  }
  /** What sanctions and benefits do this step: see `WorldEconomy` (`incomeMult` multiply-only). */
  get economy(): WorldEconomy {
    return this;
  }
  /** How people adapt their conduct: see `WorldConduct`. */
  get conduct(): WorldConduct {
    return this;
  }
  /** Policy switches, shared services and window counters: see `WorldChannels`. */
  get channels(): WorldChannels {
    return this;
  }
  /** Named random streams and keyed draws: see `WorldRandom`. */
  get random(): WorldRandom {
    return this;
  }
  /** The primary score: see `WorldScores`. */
  get scores(): WorldScores {
    return this;
  }

  /** A named random stream of this run (sequential: for draws that are not per agent). */
  rng(name: string): Rng {
    return this.streams.get(name);
  }

  /** Keyed draws of this run for a purpose: `keyed('regime:x').u(agent, day, purpose)` (common random numbers). */
  keyed(name: string): Keyed {
    return this.streams.keyed(name);
  }

  /** Declares a score column as the primary score; the scenario's choice or the first caller wins. */
  offerPrimaryScore(column: string, min: number, max: number, owner: string): void {
    if (this.primaryChoice && this.primaryChoice !== column) return;
    if (!this.primary || (this.primaryChoice === column && this.primary.column !== column)) {
      this.primary = { column, min, max, owner };
    }
  }

  /** The primary score column, or null when no regime scores. */
  primaryScore(): Float64Array | Float32Array | null {
    if (!this.primary) return null;
    return (this.pop.column(this.primary.column) as Float64Array | Float32Array | undefined) ?? null;
  }

  /** Agents of each household: `{ start, members }` CSR built on demand and cached. */
  households(): { start: Int32Array; members: Int32Array } {
    const cached = this.services.get('core.households') as { start: Int32Array; members: Int32Array } | undefined;
    if (cached) return cached;
    const h = this.pop.household;
    let max = -1;
    for (let i = 0; i < this.n; i++) if (h[i]! > max) max = h[i]!;
    const start = new Int32Array(max + 2);
    for (let i = 0; i < this.n; i++) start[h[i]! + 1]!++;
    for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
    const fill = start.slice(0, max + 1);
    const members = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) members[fill[h[i]!]!++] = i;
    const out = { start, members };
    this.services.set('core.households', out);
    return out;
  }
}
