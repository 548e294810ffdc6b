/**
 * Lists: blacklists (court, speech, risk) and redlists (honours), with the due-process facts that
 * the metrics need (who is listed, since when, on a mistaken record or not, with or without
 * notice, days from performance to removal).
 *
 * A sanctioning regime calls `propose`; registered guards (the safeguards: notice, human review,
 * proportionality …) may block the listing or delay it; a delayed proposal becomes a listing at
 * the publish stage of the step its delay ends, unless the proposer's `stillDue` check says the
 * cause has gone (the person performed during the notice period).
 */

import type { Experience } from './experience.js';
import { GroundTruthError, PEEK_TRUTH, type Cases } from './truth.js';

/** A blacklist (sanctions) or a redlist (rewards). */
export type ListKind = 'black' | 'red';

/** How a list shows itself to the people: the domain of its causes and whether names are published. */
export interface ListOptions {
  /** Domain index of the acts behind its entries (a listing is a sanction for that domain); −1 = none. */
  domain?: number;
  /** Names on the list are made public (published listings reach everyone's perceptions). */
  published?: boolean;
}

/** A regime's request to put an agent on a list, which the guards of safeguards may refuse. */
export interface Proposal {
  list: ListState;
  agent: number;
  day: number;
  /**
   * The case behind the listing (src/core/truth.ts): deciders see its evidence, records and domain
   * through `world.cases`; whether it is mistaken is ground truth, for metrics only.
   */
  cause: number;
  /** Severity of the cause (a debt amount, points); used by proportionality guards. */
  severity: number;
  /** Listing term in days (Infinity = until delisted). */
  termDays: number;
  /** Prior notice was given (set by the proposer or by a guard). */
  notice: boolean;
  /** Earliest day the listing takes effect (a guard may push it later). */
  effectiveDay: number;
  /** Re-checked when a delayed listing comes due; false withdraws it. */
  stillDue?: () => boolean;
}

/** A guard sees each proposal; returning false blocks it. It may set notice / effectiveDay. */
export type ListingGuard = (p: Proposal) => boolean;

/** One list: per agent `on`, `since`, `until`, `times`, the cause (a case) and notice; `count`; `remove(i, day)`, `markDue(i, day)`. */
export class ListState {
  readonly on: Uint8Array;
  readonly since: Int32Array;
  readonly until: Float64Array;
  /** The case behind each entry in force (−1 none). */
  readonly cause: Int32Array;
  readonly notice: Uint8Array;
  readonly ever: Uint8Array;
  readonly times: Int32Array;
  /** 1 where the last removal followed an order that found the entry wrong (RemovalOrders: appeal, correction, audit). */
  readonly cleared: Uint8Array;
  /** Day from which the person has performed / been cleared and is due for removal (-1 = not). */
  readonly dueSince: Int32Array;
  count = 0;
  /** Counters since the last recorded step (reset by the recorder). */
  window = { listings: 0, withoutNotice: 0, removals: 0, delistDays: 0, delistCount: 0, blocked: 0, withdrawn: 0 };
  /** Cumulative counters over the run. */
  total = { listings: 0, withoutNotice: 0, removals: 0, blocked: 0, withdrawn: 0, wrongful: 0 };

  /** Domain of the acts behind entries (−1 none): a listing is then reported as a sanction of that domain. */
  domain = -1;
  /** Whether names on the list are published. */
  published = false;
  /** Set by the registry: cases, and where listings are reported. */
  cases: Cases | null = null;
  experience: Experience | null = null;

  constructor(
    readonly id: string,
    readonly kind: ListKind,
    readonly n: number,
  ) {
    this.on = new Uint8Array(n);
    this.since = new Int32Array(n).fill(-1);
    this.until = new Float64Array(n);
    this.cause = new Int32Array(n).fill(-1);
    this.cleared = new Uint8Array(n);
    this.notice = new Uint8Array(n);
    this.ever = new Uint8Array(n);
    this.times = new Int32Array(n);
    this.dueSince = new Int32Array(n).fill(-1);
  }

  /** Puts the agent on the list now (no guards: use `ListRegistry.propose` for that). */
  add(agent: number, day: number, termDays: number, cause: number, notice: boolean): void {
    if (this.on[agent]) return;
    const mistaken = cause >= 0 && this.cases !== null && this.cases[PEEK_TRUTH](cause);
    this.on[agent] = 1;
    this.since[agent] = day;
    this.until[agent] = day + termDays;
    this.cause[agent] = cause;
    this.cleared[agent] = 0;
    this.notice[agent] = notice ? 1 : 0;
    this.ever[agent] = 1;
    this.times[agent]!++;
    this.dueSince[agent] = -1;
    this.count++;
    this.window.listings++;
    this.total.listings++;
    if (mistaken) this.total.wrongful++;
    if (!notice) {
      this.window.withoutNotice++;
      this.total.withoutNotice++;
    }
    if (this.kind === 'black') this.experience?.sanction(agent, this.domain, this.published);
    else this.experience?.reward(agent, this.domain);
  }

  /** Whether agent i's entry in force rests on a mistaken case — metrics only (throws outside the record stage). */
  isMistaken(i: number): boolean {
    if (!this.cases) return false;
    if (!this.cases.open) throw new GroundTruthError(`list ${this.id}: isMistaken`);
    const c = this.cause[i]!;
    return this.on[i] === 1 && c >= 0 && this.cases[PEEK_TRUTH](c);
  }

  /** Marks the agent as due for removal from `day` (performed, or proven wrongly listed). */
  markDue(agent: number, day: number): void {
    if (this.on[agent] && this.dueSince[agent]! < 0) this.dueSince[agent] = day;
  }

  /** Takes the agent off the list; records days from `dueSince` when set. `cleared`: an order found the entry wrong. */
  remove(agent: number, day: number, cleared = false): void {
    if (!this.on[agent]) return;
    this.on[agent] = 0;
    this.cleared[agent] = cleared ? 1 : 0;
    this.count--;
    this.window.removals++;
    this.total.removals++;
    const due = this.dueSince[agent]!;
    if (due >= 0) {
      this.window.delistDays += day - due;
      this.window.delistCount++;
    }
    this.dueSince[agent] = -1;
  }
}

/** The lists of a run (`world.lists`): `get(id, kind, options)`, `propose(proposal)`, guards of safeguards, `black()`, `red()`. */
export class ListRegistry {
  readonly lists = new Map<string, ListState>();
  readonly guards: { owner: string; guard: ListingGuard }[] = [];
  private pending: Proposal[] = [];

  constructor(
    readonly n: number,
    readonly cases: Cases | null = null,
    readonly experience: Experience | null = null,
  ) {}

  /** Gets or creates a list; `opts` (first caller's) say its domain and whether names are published. */
  get(id: string, kind: ListKind = 'black', opts: ListOptions = {}): ListState {
    let l = this.lists.get(id);
    if (!l) {
      l = new ListState(id, kind, this.n);
      l.cases = this.cases;
      l.experience = this.experience;
      this.lists.set(id, l);
    }
    if (opts.domain !== undefined && l.domain < 0) l.domain = opts.domain;
    if (opts.published) l.published = true;
    return l;
  }

  addGuard(owner: string, guard: ListingGuard): void {
    this.guards.push({ owner, guard });
  }

  /** Proposes a listing; guards run now; the listing takes effect now or at its effective day. */
  propose(p: Omit<Proposal, 'effectiveDay' | 'notice'> & { notice?: boolean; effectiveDay?: number }): 'listed' | 'pending' | 'blocked' {
    const prop: Proposal = { notice: false, effectiveDay: p.day, ...p };
    for (const { guard } of this.guards) {
      if (!guard(prop)) {
        prop.list.window.blocked++;
        prop.list.total.blocked++;
        return 'blocked';
      }
    }
    if (prop.effectiveDay <= p.day) {
      prop.list.add(prop.agent, p.day, prop.termDays, prop.cause, prop.notice);
      return 'listed';
    }
    this.pending.push(prop);
    return 'pending';
  }

  /** Whether an agent has a pending proposal on a list. */
  isPending(list: ListState, agent: number): boolean {
    return this.pending.some((p) => p.list === list && p.agent === agent);
  }

  /** Turns due proposals into listings (called by the pipeline at the publish stage). */
  settle(day: number): void {
    if (this.pending.length === 0) return;
    const keep: Proposal[] = [];
    for (const p of this.pending) {
      if (p.effectiveDay > day) keep.push(p);
      else if (p.stillDue && !p.stillDue()) {
        p.list.window.withdrawn++;
        p.list.total.withdrawn++;
      } else p.list.add(p.agent, day, p.termDays, p.cause, p.notice);
    }
    this.pending = keep;
  }

  /** Blacklists only. */
  black(): ListState[] {
    return [...this.lists.values()].filter((l) => l.kind === 'black');
  }

  red(): ListState[] {
    return [...this.lists.values()].filter((l) => l.kind === 'red');
  }

  /** 1 where the agent is on any blacklist. */
  anyBlack(out = new Uint8Array(this.n)): Uint8Array {
    out.fill(0);
    for (const l of this.black()) for (let i = 0; i < this.n; i++) out[i] |= l.on[i]!;
    return out;
  }

  resetWindow(): void {
    for (const l of this.lists.values())
      l.window = { listings: 0, withoutNotice: 0, removals: 0, delistDays: 0, delistCount: 0, blocked: 0, withdrawn: 0 };
  }
}
