/**
 * Helpers shared by the safeguards: which lists a safeguard covers (`lists: []` = every blacklist),
 * per-list state created on first sight (regimes may create their lists at any time), removal
 * orders, and the two sides of every due-process decision: the decider who weighs the evidence
 * (`Decider`) and the person who contests (`Contest`).
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
 *
 * The person (Contest): a listed person contests only when they know of the listing (notice was
 * given; the list is published and they follow it — knowledge of the rules = 1; or they lost an
 * opportunity or income to a sanction while listed: `world.experience`), can afford it (wealth ≥
 * costDays × income per day) and can show something (defense(c) > contestAt: they know they did
 * nothing and have the evidence); then with probability `rate` per day (keyed by agent, day).
 */
import type { ListState } from '../core/lists.js';
import { num, prob, type ParamDef } from '../core/params.js';
import { hashString, type Keyed } from '../core/rng.js';
import type { World } from '../core/world.js';

/** A list of list ids; empty means every blacklist. Accepts "court,speech" on the command line. */
export function listIds(o: { doc?: string } = {}): ParamDef<string[]> {
  return {
    default: [],
    unit: 'list ids',
    doc: o.doc ?? 'blacklists this safeguard covers (empty = every blacklist)',
    expected: 'a list of list ids (strings)',
    parse: (v) => {
      const arr = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : v;
      if (!Array.isArray(arr) || arr.some((x) => typeof x !== 'string')) return undefined;
      return arr as string[];
    },
  };
}

/** Whether a list is covered: a blacklist, and named in `ids` when `ids` is not empty. */
export function covers(ids: readonly string[], l: ListState): boolean {
  return l.kind === 'black' && (ids.length === 0 || ids.includes(l.id));
}

/** The covered blacklists of the world now. */
export function coveredLists(world: World, ids: readonly string[]): ListState[] {
  return world.lists.black().filter((l) => covers(ids, l));
}

/** Per-list state made on first use. */
export function perList<T>(make: (l: ListState) => T): (l: ListState) => T {
  const m = new Map<ListState, T>();
  return (l) => {
    let s = m.get(l);
    if (s === undefined) {
      s = make(l);
      m.set(l, s);
    }
    return s;
  };
}

/** Probability of at least one event in a step of Δ days, given a probability per day. */
export const perStep = (probPerDay: number, days: number): number => 1 - Math.pow(1 - Math.min(1, probPerDay), days);

/**
 * Orders to take people off lists (a won appeal, a correction, an audit finding). An order marks
 * the entry due (`markDue`), so the listing regime removes it by its own rule (court-blacklist: its
 * delisting deadline, which also annuls the obligation behind a mistaken entry; risk-list: at once).
 * If the entry is still in force `enforceDays` after the order, the safeguard removes it itself
 * (regimes that never read `dueSince`); enforceDays = 0 removes at once.
 */
export class RemovalOrders {
  private readonly state = perList((l) => ({ day: new Int32Array(l.n).fill(-1), episode: new Int32Array(l.n).fill(-1), open: 0 }));
  private readonly lists: ListState[] = [];
  /** Removals the safeguard made itself since the last `take()`. */
  enforced = 0;

  constructor(private readonly enforceDays: number) {}

  /** Orders the removal of agent i from list l, due since `dueDay`, ordered on `today`. */
  order(l: ListState, i: number, dueDay: number, today: number): void {
    if (!l.on[i]) return;
    l.markDue(i, dueDay);
    if (this.enforceDays <= 0) {
      l.remove(i, today, true);
      return;
    }
    const s = this.state(l);
    if (s.open === 0 && !this.lists.includes(l)) this.lists.push(l);
    if (s.day[i]! >= 0 && s.episode[i] === l.since[i]) return; // an earlier order stands
    if (s.day[i]! < 0) s.open++;
    s.day[i] = today;
    s.episode[i] = l.since[i]!;
  }

  /** Removes entries whose order is at least enforceDays old; forgets entries already gone. */
  sweep(today: number): void {
    for (const l of this.lists) {
      const s = this.state(l);
      if (s.open === 0) continue;
      for (let i = 0; i < l.n; i++) {
        const d = s.day[i]!;
        if (d < 0) continue;
        const gone = !l.on[i] || l.since[i] !== s.episode[i];
        if (!gone && today < d + this.enforceDays) continue;
        if (!gone) {
          l.remove(i, today, true);
          this.enforced++;
        }
        s.day[i] = -1;
        s.open--;
      }
    }
  }
}

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

/** The list's small number for keyed draws (so two lists' draws for one agent on one day differ). */
export const listKey = (l: ListState): number => hashString(l.id) & 0xffff;

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
    name: string,
    readonly s: DeciderSettings,
  ) {
    this.key = world.keyed(name);
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

/** What a person weighs before contesting: see the header. */
export interface ContestSettings {
  rate: number;
  costDays: number;
  contestAt: number;
}

/** The parameter table of the person's side of a procedure. */
export function contestParams(what: string, d: ContestSettings) {
  return {
    rate: prob(d.rate, { unit: 'per day', doc: `probability per day that a person who knows of the listing, can afford it and can show something files ${what} (modelling choice)` }),
    costDays: num(d.costDays, { min: 0, unit: 'days of income', doc: `cost of ${what} (fees, time); a person with less wealth cannot contest (modelling choice)` }),
    contestAt: num(d.contestAt, { unit: 'sd units', doc: `the person contests only when their exculpatory evidence exceeds this (they can show they did nothing; modelling choice)` }),
  };
}

/** The person's side: knows of the listing (remembered per listing), can afford, can show something. */
export class Contest {
  private readonly knows = perList((l) => new Int32Array(l.n).fill(-1)); // since of the listing known

  constructor(
    private readonly world: World,
    readonly s: ContestSettings,
  ) {}

  /** Whether person i knows of their entry on l (and remembers it for this listing). */
  knowsOf(l: ListState, i: number): boolean {
    const k = this.knows(l);
    if (k[i] === l.since[i]) return true;
    const w = this.world;
    const x = w.experience;
    const learns = l.notice[i] === 1 || (l.published && w.pop.knowledge[i]! >= 1) || x.opportunitiesLost[i]! > 0 || x.incomeLost[i]! > 0;
    if (learns) k[i] = l.since[i]!;
    return learns;
  }

  /** Whether person i can afford to contest. */
  affords(i: number): boolean {
    const pop = this.world.pop;
    return pop.wealth[i]! >= this.s.costDays * pop.income[i]!;
  }

  /** Whether the exculpatory evidence the person holds about case c is worth bringing. */
  canShow(c: number): boolean {
    return this.world.cases.defense(c) > this.s.contestAt;
  }

  /** Whether person i, listed on l, would contest now (all but the timing draw). */
  willing(l: ListState, i: number): boolean {
    const c = l.cause[i]!;
    return c >= 0 && this.knowsOf(l, i) && this.affords(i) && this.canShow(c);
  }
}
