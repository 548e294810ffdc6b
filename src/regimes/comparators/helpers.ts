/**
 * Small helpers shared by the comparator regimes (peer and platform ratings, Western comparators):
 * a sliding window of records per agent, list terms that honour the `expiry` policy, and the
 * removal of expired or performed listings (per-step chances are in src/core/rates.ts).
 * Not a plug-in; plug-in families never import each other, and only comparator regimes import this.
 */
import { POLICY, policyOf } from '../../core/policy.js';
import type { ListState } from '../../core/lists.js';
import type { Rng } from '../../core/rng.js';
import type { Cases } from '../../core/truth.js';
import type { World } from '../../core/world.js';

/** Evidence strength of a case that is a direct observation of the world (a negative balance), in sd units. */
export const FACT_EVIDENCE = 4;


/** Whole events in a step at `ratePerDay`: the integer part always, the fraction by a draw. */
export function eventsInStep(ratePerDay: number, dt: number, rng: Rng): number {
  const x = ratePerDay * dt;
  const k = Math.floor(x);
  return k + (rng() < x - k ? 1 : 0);
}

/** Term of a listing in days, shortened by the `expiry` policy when one is set. */
export function listTerm(world: World, termDays: number): number {
  return Math.min(termDays, policyOf(world, POLICY.expiryDays, Infinity));
}

/** Look-back window in days, shortened by the `expiry` policy (records lapse). */
export function lookback(world: World, windowDays: number): number {
  return Math.min(windowDays, policyOf(world, POLICY.expiryDays, Infinity));
}

/**
 * Removes listings whose term has ended, and those marked due (performed or proven wrong) for at
 * least `delistDays`. O(n). Returns the number removed.
 */
export function sweepList(list: ListState, day: number, delistDays = 0): number {
  let k = 0;
  const n = list.n;
  for (let i = 0; i < n; i++) {
    if (!list.on[i]) continue;
    const due = list.dueSince[i]!;
    if (list.until[i]! <= day || (due >= 0 && day - due >= delistDays)) {
      list.remove(i, day);
      k++;
    }
  }
  return k;
}

/**
 * Records of each agent over a sliding window of days: the count, and the cases behind them
 * (src/core/truth.ts), so that a listing on the window carries them. Events are kept in arrays in
 * day order and expired from the front: O(records) overall. The window never reads whether a case
 * is mistaken: `cause(i, need)` asks the core for the case of a finding that needs `need` records.
 */
export class RecordWindow {
  readonly all: Int32Array;
  private day: number[] = [];
  private agent: number[] = [];
  private readonly open = new Map<number, number[]>();
  private head = 0;

  constructor(readonly n: number, private readonly cases: Cases) {
    this.all = new Int32Array(n);
  }

  add(day: number, i: number, cause: number): void {
    this.day.push(day);
    this.agent.push(i);
    this.all[i]!++;
    const l = this.open.get(i);
    if (l) l.push(cause);
    else this.open.set(i, [cause]);
  }

  /** Drops events that happened on or before `day − windowDays`. */
  expire(day: number, windowDays: number): void {
    const cut = day - windowDays;
    while (this.head < this.day.length && this.day[this.head]! <= cut) {
      const i = this.agent[this.head]!;
      this.all[i]!--;
      const l = this.open.get(i)!;
      l.shift();
      if (l.length === 0) this.open.delete(i);
      this.head++;
    }
    if (this.head > 4096 && this.head > this.day.length / 2) {
      this.day.splice(0, this.head);
      this.agent.splice(0, this.head);
      this.head = 0;
    }
  }

  /** The case of a finding on agent i's records in the window that needs `need` of them to be true. */
  cause(i: number, need: number): number {
    return this.cases.combine(this.open.get(i) ?? [], need);
  }
}

