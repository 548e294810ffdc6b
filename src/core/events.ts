/**
 * Per-step event buffers: acts (what agents truly did) and records (what institutions observed,
 * possibly wrongly). Struct-of-arrays that grow as needed and are cleared at the start of a step.
 * docs/model.md#observe: "actions become records only when observed".
 *
 * Acts are ground truth: only observation (the sensors of the world) and metrics read them.
 * Records carry what an institution can see — who, what, how big, and the strength of the evidence
 * (src/core/truth.ts) — and hide whether they are mistaken; a plug-in that keeps a record beyond the
 * step turns it into a case with `records.cause(k)` and passes that case on (to a listing, a ledger).
 */
import { makeKeyed, type Keyed } from './rng.js';
import { GroundTruthError, type Cases } from './truth.js';

/** Act kinds. */
export const ACT_VIOLATION = 0;
/** Kind of an act or record: a good deed (rewarded by some regimes). */
export const ACT_GOOD = 1;
/** Kind of an act or record: an expression (of dissent, in the speech domain). */
export const ACT_EXPRESSION = 2;

/** Acts of one step as parallel arrays (`agent[k]`, `domain[k]`, `kind[k]`, `size[k]`): the ground truth of the behaviour model. */
export class EventBuffer {
  length = 0;
  agent = new Int32Array(1024);
  domain = new Uint8Array(1024);
  kind = new Uint8Array(1024);
  /** Size of the act: a debt amount, a point value, or 1. */
  size = new Float64Array(1024);
  /** Free tag for the producing plug-in (e.g. an act code in a point table). */
  tag = new Int32Array(1024);

  clear(): void {
    this.length = 0;
  }

  push(agent: number, domain: number, kind: number, size = 1, tag = 0): number {
    if (this.length === this.agent.length) this.grow();
    const k = this.length++;
    this.agent[k] = agent;
    this.domain[k] = domain;
    this.kind[k] = kind;
    this.size[k] = size;
    this.tag[k] = tag;
    return k;
  }

  protected grow(): void {
    const n = this.agent.length * 2;
    this.agent = growArray(this.agent, Int32Array, n);
    this.domain = growArray(this.domain, Uint8Array, n);
    this.kind = growArray(this.kind, Uint8Array, n);
    this.size = growArray(this.size, Float64Array, n);
    this.tag = growArray(this.tag, Int32Array, n);
  }
}

export function growArray<T extends Int32Array | Uint8Array | Float64Array | Float32Array>(a: T, C: new (n: number) => T, n: number): T {
  const b = new C(n);
  b.set(a);
  return b;
}

/** Number of domains a record key distinguishes (DOMAINS.length ≤ 8). */
const KEY_DOMAINS = 8;

/**
 * The step's records. Each record's evidence strength is drawn when it is made, from a keyed normal
 * (agent, day, source, domain, kind, ordinal), so switching one mechanism on never re-draws the
 * evidence of another agent's records: e = quality[domain]·[true] + z (truth.ts).
 */
export class RecordBuffer extends EventBuffer {
  /** Strength of the evidence behind each record (what deciders see). */
  evidence = new Float32Array(1024);
  #mistaken = new Uint8Array(1024);
  #defense = new Float32Array(1024);
  #case = new Int32Array(1024);
  private readonly ord = new Map<number, number>();
  private readonly keyed: Keyed;
  /** Day of the current step (set by the simulation). */
  day = 0;
  /** Evidence quality d′ of an observation by domain (World.evidenceQuality). */
  quality: Float64Array;
  /** Quality of the exculpatory evidence a wrongly recorded person can bring. */
  defenseQuality = 1;

  constructor(readonly cases: Cases, key: number, quality: Float64Array) {
    super();
    this.keyed = makeKeyed(key);
    this.quality = quality;
  }

  override clear(): void {
    this.length = 0;
    this.ord.clear();
  }

  /**
   * A record of an act (mistaken = false) or of a false finding (mistaken = true). `source`
   * separates the keyed evidence draws of different observers (0 = the core's observation).
   */
  override push(agent: number, domain: number, kind: number, size = 1, tag = 0, mistaken = false, source = 0): number {
    const k = super.push(agent, domain, kind, size, tag);
    const purpose = (source * KEY_DOMAINS + domain) * 4 + kind;
    const okey = agent * 1024 + purpose;
    const o = this.ord.get(okey) ?? 0;
    this.ord.set(okey, o + 1);
    const z = this.keyed.normal(agent, this.day, purpose, 2 * o);
    const z2 = this.keyed.normal(agent, this.day, purpose, 2 * o + 1);
    this.evidence[k] = (mistaken ? 0 : this.quality[domain]!) + z;
    this.#defense[k] = (mistaken ? this.defenseQuality : 0) + z2;
    this.#mistaken[k] = mistaken ? 1 : 0;
    this.#case[k] = -1;
    return k;
  }

  /** The case of record k (made on first call): pass it to a listing, a ledger or a window. */
  cause(k: number): number {
    let c = this.#case[k]!;
    if (c < 0) {
      c = this.cases.make(this.evidence[k]!, this.#defense[k]!, this.#mistaken[k] === 1, this.domain[k]!, 1);
      this.#case[k] = c;
    }
    return c;
  }

  /** Whether record k is mistaken — metrics and the core's counters only (throws outside the record stage). */
  isMistaken(k: number): boolean {
    if (!this.cases.open) throw new GroundTruthError('RecordBuffer.isMistaken');
    return this.#mistaken[k] === 1;
  }

  /** Core-internal: the label, for the window counters of the core (Simulation.countRecords). */
  peekMistaken(k: number, token: symbol): boolean {
    if (token !== CORE_TOKEN) throw new Error('records: core-internal');
    return this.#mistaken[k] === 1;
  }

  protected override grow(): void {
    const n = this.agent.length * 2;
    super.grow();
    this.evidence = growArray(this.evidence, Float32Array, n);
    this.#mistaken = growArray(this.#mistaken, Uint8Array, n);
    this.#defense = growArray(this.#defense, Float32Array, n);
    this.#case = growArray(this.#case, Int32Array, n);
  }
}

/** Token of the core's internal reads (not exported from the library). */
export const CORE_TOKEN: unique symbol = Symbol('scorelab.core');
