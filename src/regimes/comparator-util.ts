/**
 * Small helpers shared by the comparator regimes (peer and platform ratings, Western comparators):
 * per-step probabilities from daily rates, a sliding window of records per agent, list terms that
 * honour the `expiry` policy, and the removal of expired or performed listings.
 * Not a plug-in; plug-in families never import each other, and only comparator regimes import this.
 */
import { POLICY, policyOf } from '../core/policy.js';
import type { ListState } from '../core/lists.js';
import type { Rng } from '../core/rng.js';
import type { World } from '../core/world.js';

/** Probability of at least one event in a step of `dt` days at `ratePerDay`. */
export const perStep = (ratePerDay: number, dt: number): number => 1 - Math.exp(-ratePerDay * dt);

/** Probability that a per-day chance `p` happens at least once in `dt` days. */
export const chanceInStep = (p: number, dt: number): number => (p >= 1 ? 1 : 1 - Math.pow(1 - p, dt));

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
 * Records of each agent over a sliding window of days: counts of all and of mistaken records.
 * Events are kept in arrays in day order and expired from the front: O(records) overall.
 */
export class RecordWindow {
  readonly all: Int32Array;
  readonly wrong: Int32Array;
  private day: number[] = [];
  private agent: number[] = [];
  private mis: number[] = [];
  private head = 0;

  constructor(readonly n: number) {
    this.all = new Int32Array(n);
    this.wrong = new Int32Array(n);
  }

  add(day: number, i: number, mistaken: boolean): void {
    this.day.push(day);
    this.agent.push(i);
    this.mis.push(mistaken ? 1 : 0);
    this.all[i]!++;
    if (mistaken) this.wrong[i]!++;
  }

  /** Drops events that happened on or before `day − windowDays`. */
  expire(day: number, windowDays: number): void {
    const cut = day - windowDays;
    while (this.head < this.day.length && this.day[this.head]! <= cut) {
      const i = this.agent[this.head]!;
      this.all[i]!--;
      if (this.mis[this.head]) this.wrong[i]!--;
      this.head++;
    }
    if (this.head > 4096 && this.head > this.day.length / 2) {
      this.day.splice(0, this.head);
      this.agent.splice(0, this.head);
      this.mis.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Records in the window that were true (not mistaken). */
  trueCount(i: number): number {
    return this.all[i]! - this.wrong[i]!;
  }
}
