/**
 * The decider of every due-process decision — a safeguard's reviewer, adjudicator, corrector or
 * auditor, and the court of a court blacklist — weighing the evidence of a case (one copy, shared
 * by the safeguards, src/safeguards/util.ts, and the court, src/regimes/courts/judge.ts).
 *
 * The decider (signal detection theory: Green & Swets, *Signal Detection Theory and
 * Psychophysics*, 1966). A case c has file evidence e (a true record: q_f + z, a mistaken one: z;
 * q_f = world.evidenceQuality[domain]·√records, the Stouffer sum of its records, src/core/truth.ts).
 * The decider takes its own look r = q_l·[true] + z′ (`cases.reexamine`, z′ a keyed normal), with
 *   q_l = diligence · √s,   s = min(1, capacity ÷ load)   (share of the full time a case gets),
 *   capacity = casesPerDay · staffPer1000 · n/1000 cases per day;
 * a case examined for a share s of the time yields √s of the d′ (d′ of independent looks adds in
 * squares: n looks give √n·d′, Green & Swets 1966), so an overloaded office rubber-stamps more.
 * When the person answers, their exculpatory evidence d = q_d·[mistaken] + z″ (`cases.defense`,
 * q_d = world.records.defenseQuality) is weighed too. The decider's decision variable is the
 * log-likelihood ratio "true vs mistaken" of what it saw (independent equal-variance normals):
 *   L = q_f(e − q_f/2) + q_l(r − q_l/2) − q_d(d − q_d/2)   (the last term only with an answer),
 * and it upholds the record when L ≥ λ, λ = standard − (1 − independence)·bias: a decider that
 * answers to the listing authority (independence 0) confirms it on weaker evidence. Both error
 * rates — mistaken records upheld, true records struck — come out of the overlap of L under the two
 * truths, which depends on evidence quality, diligence, caseload and independence. The label is
 * never read (the world answers `reexamine`). Modelling choices: the ideal-observer weights, the √s
 * law of time, the linear criterion shift.
 */
import { num, prob } from './params.js';
import type { Keyed } from './rng.js';
import type { World } from './world.js';

const SDT = 'Green & Swets, Signal Detection Theory and Psychophysics (1966): d′ of independent looks adds in squares';
const PARTY = 'the source: deciders that answer to the Party and the listing authority; Peerenboom, China’s Long March toward Rule of Law (2002): Party political-legal committees oversee the courts';

/** What a decider is: how carefully it looks, how much time it has, how independent it is. */
export interface DeciderSettings {
  diligence: number;
  casesPerDay: number;
  staffPer1000: number;
  independence: number;
  bias: number;
  standard: number;
}

/** The parameter table of a decider, with defaults per safeguard (`who` names it in the docs). */
export function deciderParams(who: string, d: DeciderSettings) {
  return {
    diligence: num(d.diligence, { min: 0, unit: 'd′ (sd units)', doc: `quality of the ${who}’s own look at a case given the full time (modelling choice)`, source: SDT }),
    casesPerDay: num(d.casesPerDay, { min: 0, unit: 'cases per staff per day', doc: `cases one ${who} can examine fully in a day (modelling choice)` }),
    staffPer1000: num(d.staffPer1000, { min: 0, unit: 'staff per 1,000 agents', doc: `${who}s per 1,000 agents; with casesPerDay the capacity; over capacity each case gets less time, and d′ falls with √(time) (modelling choice)`, source: SDT }),
    independence: prob(d.independence, { unit: 'share', doc: `independence of the ${who} from the listing authority (0: answers to it, 1: independent); a dependent one upholds on weaker evidence (modelling choice)`, source: PARTY }),
    bias: num(d.bias, { min: 0, unit: 'log-likelihood ratio', doc: `how far a fully dependent ${who} lowers the evidence needed to uphold a record (modelling choice)`, source: PARTY }),
    standard: num(d.standard, { unit: 'log-likelihood ratio', doc: `evidence an independent ${who} needs to uphold a record (0: more likely true than not, at even odds; modelling choice)` }),
  };
}

/** A decider that weighs the evidence of a case (see the header): never the label. */
export class Decider {
  readonly key: Keyed;
  /** Share of the full time a case gets now (set by `load`). */
  timeShare = 1;
  private step = -1;
  private count = 0;
  private lastPerDay = 0;

  constructor(
    private readonly world: World,
    key: string | Keyed,
    readonly s: DeciderSettings,
  ) {
    this.key = typeof key === 'string' ? world.keyed(key) : key;
  }

  /** Cases one office can examine fully per day. */
  get capacityPerDay(): number {
    return (this.s.casesPerDay * this.s.staffPer1000 * this.world.n) / 1000;
  }

  /** Sets the time share for `cases` cases to be examined within `days` days; returns it. */
  load(cases: number, days: number): number {
    const cap = this.capacityPerDay * days;
    this.timeShare = cases <= cap ? 1 : cases > 0 ? cap / cases : 1;
    return this.timeShare;
  }

  /**
   * For cases that arrive one by one (list guards): counts the case and sets the time share from
   * the previous step's load per day (the office plans with the queue it had; order-free within a step).
   */
  arrive(): void {
    const w = this.world;
    if (w.step !== this.step) {
      this.lastPerDay = w.step === this.step + 1 ? this.count / w.daysPerStep : 0;
      this.step = w.step;
      this.count = 0;
      this.load(this.lastPerDay, 1);
    }
    this.count++;
  }

  /** Quality (d′) of the decider's own look now. */
  get lookQuality(): number {
    return this.s.diligence * Math.sqrt(this.timeShare);
  }

  /** Criterion λ on the log-likelihood ratio. */
  get criterion(): number {
    return this.s.standard - (1 - this.s.independence) * this.s.bias;
  }

  /** d′ the decider expects of the file evidence of case c (world quality of its domain, √records). */
  fileQuality(c: number): number {
    const w = this.world;
    const d = w.cases.domain(c);
    let q = 0;
    if (d >= 0) q = w.evidenceQuality[d]!;
    else {
      for (let j = 0; j < w.evidenceQuality.length; j++) q += w.evidenceQuality[j]!;
      q /= w.evidenceQuality.length;
    }
    return q * Math.sqrt(Math.max(1, w.cases.records(c)));
  }

  /** Log-likelihood ratio "true vs mistaken" of case c; the own look is keyed (agent, day, purpose, k). */
  weigh(c: number, agent: number, purpose: number, k: number, answered: boolean): number {
    if (c < 0) return Infinity; // no case behind the entry: nothing to weigh, left as it is
    const w = this.world;
    const qf = this.fileQuality(c);
    let L = qf * (w.cases.evidence(c) - qf / 2);
    const ql = this.lookQuality;
    if (ql > 0) L += ql * (w.cases.reexamine(c, ql, this.key.normal(agent, w.day, purpose, k)) - ql / 2);
    if (answered) {
      const qd = w.records.defenseQuality;
      L -= qd * (w.cases.defense(c) - qd / 2);
    }
    return L;
  }

  /** Whether the decider upholds case c (finds the record true). */
  upholds(c: number, agent: number, purpose: number, k: number, answered: boolean): boolean {
    return this.weigh(c, agent, purpose, k, answered) >= this.criterion;
  }
}
