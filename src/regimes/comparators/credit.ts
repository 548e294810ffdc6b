/**
 * A small credit-bureau score for the comparator regimes (facebook-lending, uk-scoring), which may
 * not import the `fico` regime (plug-in files never import each other). A composite c ∈ [0, 1]:
 *
 *   payment history   35%  exp(−Σ observed finance defaults in the look-back, each in months of
 *                          income, / severityScale); defaults lapse after `expiryDays` (US FCRA 7 y);
 *   amounts owed      15%  wealth relative to income: 1 − exp(−max(w, 0) / (income · 365 · 2));
 *   capacity          15%  wealth in currency: max(w, 0) / (max(w, 0) + wealthScale);
 *   length of history 15%  min(1, years / 25), history starting U(0, 30) years ago;
 *   mix and new credit 20% drawn once, U(0.3, 1).
 *
 * FICO weighs "amounts owed" at 30%; half of it is measured here against a fixed currency scale
 * (balances ÷ credit limits, and limits are partly absolute), so that poorer people score lower —
 * the channel by which a rule that never reads group can still track group (facebook-lending).
 * With population defaults the mean is ≈ 700 on 300–850 (FICO 8 mean ≈ 700 in 2017).
 * Sources: docs/calibration.md#credit-bureaus: FICO 300–850, factor weights, mean ≈ 700, FCRA 7 years [S].
 */
import { ACT_VIOLATION } from '../../core/events.js';
import { DOMAIN_INDEX } from '../../core/population.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../core/world.js';

export interface CreditOptions {
  expiryDays: number;
  severityScale: number;
  wealthScale: number;
}

export const CREDIT_DEFAULTS: CreditOptions = { expiryDays: 2555, severityScale: 1, wealthScale: 50_000 };

export class CreditScore {
  /** Composite in [0, 1] after `update` (map it to any range). */
  readonly value: Float64Array;
  /** Decayed sum of observed default sizes, in months of income. */
  readonly burden: Float64Array;
  readonly history: Float64Array;
  readonly mix: Float64Array;
  private evDay: number[] = [];
  private evAgent: number[] = [];
  private evSize: number[] = [];
  private head = 0;

  constructor(
    readonly world: World,
    readonly opts: CreditOptions,
  ) {
    const n = world.n;
    this.value = new Float64Array(n);
    this.burden = new Float64Array(n);
    this.history = new Float64Array(n);
    this.mix = new Float64Array(n);
  }

  init(rng: Rng): void {
    for (let i = 0; i < this.world.n; i++) {
      this.history[i] = rng() * 30;
      this.mix[i] = 0.3 + 0.7 * rng();
    }
    this.compute();
  }

  /** Reads this step's finance-domain violation records; returns how many it used. */
  ingest(expiryDays = this.opts.expiryDays): number {
    const w = this.world;
    const r = w.records;
    const inc = w.pop.income;
    let used = 0;
    for (let k = 0; k < r.length; k++) {
      if (r.domain[k] !== DOMAIN_INDEX.finance || r.kind[k] !== ACT_VIOLATION) continue;
      const i = r.agent[k]!;
      const size = r.size[k]! / (inc[i]! * 30);
      this.evDay.push(w.day);
      this.evAgent.push(i);
      this.evSize.push(size);
      this.burden[i]! += size;
      used++;
    }
    while (this.head < this.evDay.length && this.evDay[this.head]! <= w.day - expiryDays) {
      const i = this.evAgent[this.head]!;
      this.burden[i] = Math.max(0, this.burden[i]! - this.evSize[this.head]!);
      this.head++;
    }
    if (this.head > 4096 && this.head > this.evDay.length / 2) {
      this.evDay.splice(0, this.head);
      this.evAgent.splice(0, this.head);
      this.evSize.splice(0, this.head);
      this.head = 0;
    }
    const dt = w.daysPerStep / 365;
    for (let i = 0; i < w.n; i++) this.history[i]! += dt;
    return used;
  }

  /** Recomputes every composite from the current state. O(n). */
  compute(): void {
    const { wealth, income } = this.world.pop;
    const o = this.opts;
    for (let i = 0; i < this.world.n; i++) {
      const w = Math.max(wealth[i]!, 0);
      const pay = Math.exp(-this.burden[i]! / o.severityScale);
      const owed = 1 - Math.exp(-w / (income[i]! * 365 * 2));
      const cap = w / (w + o.wealthScale);
      const len = Math.min(1, this.history[i]! / 25);
      this.value[i] = 0.35 * pay + 0.15 * owed + 0.15 * cap + 0.15 * len + 0.2 * this.mix[i]!;
    }
  }
}
