/**
 * Helpers shared by the municipal and commercial regimes (rongcheng, suining, sesame, redlist,
 * national-composite): a dated ledger of entries that lapse or come due in day order, an O(n)
 * order statistic, records from before the run, the deterministic clock of lost opportunities, and a band check.
 *
 * Not a plug-in; regimes of other groups do not import it (families meet through src/core).
 */
import { UserError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../core/world.js';

/**
 * A first-in-first-out ledger of dated entries `(day, agent, slot, value)` on growable typed
 * arrays. Entries are pushed in non-decreasing `day`; `popUntil(cutoff, fn)` removes every entry
 * with `day ≤ cutoff` from the front, oldest first. O(1) amortised per entry.
 */
export class DatedLedger {
  day = new Float64Array(1024);
  agent = new Int32Array(1024);
  slot = new Int32Array(1024);
  value = new Float64Array(1024);
  head = 0;
  tail = 0;

  /** Number of live entries. */
  get size(): number {
    return this.tail - this.head;
  }

  push(day: number, agent: number, slot: number, value: number): void {
    if (this.tail === this.day.length) this.compact();
    const k = this.tail++;
    this.day[k] = day;
    this.agent[k] = agent;
    this.slot[k] = slot;
    this.value[k] = value;
  }

  /** Removes the entries with day ≤ cutoff, oldest first, calling `fn` for each. */
  popUntil(cutoff: number, fn: (agent: number, slot: number, value: number, day: number) => void): void {
    while (this.head < this.tail && this.day[this.head]! <= cutoff) {
      const k = this.head++;
      fn(this.agent[k]!, this.slot[k]!, this.value[k]!, this.day[k]!);
    }
    if (this.head === this.tail) this.head = this.tail = 0;
  }

  private compact(): void {
    const live = this.tail - this.head;
    const cap = live * 2 > this.day.length ? this.day.length * 2 : this.day.length;
    const move = <T extends Float64Array | Int32Array>(a: T, C: new (n: number) => T): T => {
      if (cap === a.length) {
        a.copyWithin(0, this.head, this.tail);
        return a;
      }
      const b = new C(cap);
      b.set(a.subarray(this.head, this.tail));
      return b;
    };
    this.day = move(this.day, Float64Array);
    this.agent = move(this.agent, Int32Array);
    this.slot = move(this.slot, Int32Array);
    this.value = move(this.value, Float64Array);
    this.head = 0;
    this.tail = live;
  }
}

/**
 * The k-th smallest value (0-based) of `x`, by quickselect on `scratch` (a copy is made into it).
 * Expected O(n); the pivot is the middle element, so no randomness is used.
 */
export function kthSmallest(x: ArrayLike<number>, k: number, scratch: Float64Array): number {
  const n = x.length;
  for (let i = 0; i < n; i++) scratch[i] = x[i]!;
  let lo = 0;
  let hi = n - 1;
  k = Math.min(Math.max(0, k), n - 1);
  while (lo < hi) {
    const pivot = scratch[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (scratch[i]! < pivot) i++;
      while (scratch[j]! > pivot) j--;
      if (i <= j) {
        const t = scratch[i]!;
        scratch[i] = scratch[j]!;
        scratch[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return scratch[k]!;
  }
  return scratch[k]!;
}

/**
 * Opportunities lost in a step of `dt` days starting on `day` by a person under a restriction
 * that costs one opportunity every `everyDays` days: the number of multiples of `everyDays` in
 * (day, day + dt]. Deterministic, so that restricted agents of equal standing lose equally.
 */
export function opportunityTicks(day: number, dt: number, everyDays: number): number {
  if (!(everyDays > 0) || !Number.isFinite(everyDays)) return 0;
  return Math.floor((day + dt) / everyDays) - Math.floor(day / everyDays);
}

/** Throws a UserError unless `bands` is strictly decreasing (grade lower bounds, best first). */
export function checkDecreasing(regime: string, field: string, bands: readonly number[]): void {
  for (let k = 1; k < bands.length; k++) {
    if (!(bands[k]! < bands[k - 1]!)) {
      throw new UserError(`${regime}: ${field} must be strictly decreasing (best grade first), found ${bands.join(', ')}`, undefined, `regimes.${regime}.${field}`);
    }
  }
}

/** Throws a UserError unless `values` is strictly increasing. */
export function checkIncreasing(regime: string, field: string, values: readonly number[]): void {
  for (let k = 1; k < values.length; k++) {
    if (!(values[k]! > values[k - 1]!)) {
      throw new UserError(`${regime}: ${field} must be strictly increasing, found ${values.join(', ')}`, undefined, `regimes.${regime}.${field}`);
    }
  }
}

/**
 * Records of the `L` days before day 0 (a run that starts in a world with a past): for each agent
 * and each `[slot, domain]`, a Poisson count with mean trait·min(1, detect·watch)·L and uniform dates
 * in (−L, 0], pushed into `ledger` in date order as `(day, agent, slot, 1)`; `onRecord` is called
 * for each. Financial stress is ignored (an approximation of the behaviour model's rate).
 */
export function seedPriorRecords(
  world: World,
  L: number,
  domains: readonly (readonly [slot: number, domain: number])[],
  rng: Rng,
  ledger: DatedLedger,
  onRecord: (agent: number, slot: number) => void,
): void {
  if (!(L > 0) || !Number.isFinite(L)) return;
  const n = world.n;
  const { trait, group } = world.pop;
  const days: number[] = [], who: number[] = [], slots: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const [slot, d] of domains) {
      const lam = trait[d * n + i]! * Math.min(1, world.detect[d * 2 + group[i]!]! * world.watch[i]!) * L;
      for (let c = rng.poisson(lam); c > 0; c--) {
        days.push(-L * rng());
        who.push(i);
        slots.push(slot);
      }
    }
  }
  const order = days.map((_, k) => k).sort((a, b) => days[a]! - days[b]!);
  for (const k of order) {
    ledger.push(days[k]!, who[k]!, slots[k]!, 1);
    onRecord(who[k]!, slots[k]!);
  }
}
