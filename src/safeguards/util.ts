/**
 * Helpers shared by the safeguards: which lists a safeguard covers (`lists: []` = every blacklist),
 * per-list state created on first sight (regimes may create their lists at any time), removal
 * orders, and the two sides of every due-process decision: the decider who weighs the evidence
 * (`Decider`) and the person who contests (`Contest`).
 *
 * The decider (`Decider`, signal detection on the evidence of a case, never the label) is in
 * src/core/decider.ts, shared with the court; it is re-exported here.
 *
 * The person (Contest): a listed person contests only when they know of the listing (notice was
 * given; the list is published and they follow it — knowledge of the rules = 1; or they lost an
 * opportunity or income to a sanction while listed: `world.experience`), can afford it (wealth ≥
 * costDays × income per day) and can show something (defense(c) > contestAt: they know they did
 * nothing and have the evidence); then with probability `rate` per day (keyed by agent, day).
 */
import type { ListState } from '../core/lists.js';
import { num, prob, type ParamDef } from '../core/params.js';
import { hashString } from '../core/rng.js';
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

/** The list's small number for keyed draws (so two lists' draws for one agent on one day differ). */
export const listKey = (l: ListState): number => hashString(l.id) & 0xffff;

export { Decider, deciderParams, type DeciderSettings } from '../core/decider.js';

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
