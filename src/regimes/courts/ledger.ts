/**
 * Obligations ledger of the court blacklist (a helper of court-blacklist.ts, not a plug-in).
 *
 * An observed default becomes a court judgment `judgmentDays` later (a FIFO queue, since the delay
 * is the same for every record); a matured judgment adds its amount to the agent's outstanding
 * obligation `owed[i]` and, when nothing was outstanding, starts the grace clock `dueSince[i]`.
 * Several judgments against one person merge into one obligation, performed all at once.
 * Each judgment keeps the case of the record behind it (src/core/truth.ts); `cause(i)` is the case
 * of the whole obligation — mistaken when none of its judgments rests on a true record — which a
 * listing carries. The ledger never reads the label.
 *
 * Source: Supreme People's Court provisions (2013, rev. 2017), trigger 1: "refusing to pay though
 * able" (docs/calibration.md#court-blacklist-and-joint-punishment [P]).
 */
import type { World } from '../../core/world.js';

export class CourtLedger {
  /** Outstanding obligation per agent (currency units). */
  readonly owed: Float64Array;
  /** Day from which the outstanding obligation is due (start of the grace period); -1 = none. */
  readonly dueSince: Float64Array;
  private qDay: number[] = [];
  private qAgent: number[] = [];
  private qAmount: number[] = [];
  private qCase: number[] = [];
  /** Cases of the judgments in each open obligation. */
  private readonly open = new Map<number, number[]>();
  private head = 0;

  constructor(private readonly world: World) {
    const n = world.n;
    this.owed = world.pop.addColumn('court_owed', 'f64', 'court-blacklist', 'outstanding court obligation (currency)');
    this.dueSince = new Float64Array(n).fill(-1);
  }

  /** A judgment for `amount` against `agent` that becomes enforceable on `readyDay`. */
  judge(agent: number, amount: number, cause: number, readyDay: number): void {
    this.qDay.push(readyDay);
    this.qAgent.push(agent);
    this.qAmount.push(amount);
    this.qCase.push(cause);
  }

  /** The case of agent i's outstanding obligation (its judgments judged together). */
  cause(i: number): number {
    return this.world.cases.combine(this.open.get(i) ?? [], 1);
  }

  /** The cases of agent i's outstanding judgments. */
  cases(i: number): readonly number[] {
    return this.open.get(i) ?? [];
  }

  /** Moves judgments enforceable by `day` into the obligations. */
  mature(day: number): void {
    while (this.head < this.qDay.length && this.qDay[this.head]! <= day) {
      const k = this.head++;
      const i = this.qAgent[k]!;
      if (this.owed[i]! <= 0) this.dueSince[i] = this.qDay[k]!;
      this.owed[i]! += this.qAmount[k]!;
      const list = this.open.get(i);
      if (list) list.push(this.qCase[k]!);
      else this.open.set(i, [this.qCase[k]!]);
    }
    if (this.head > 4096 && this.head > this.qDay.length / 2) {
      for (const q of [this.qDay, this.qAgent, this.qAmount, this.qCase]) q.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Agent i performs: pays the whole obligation from wealth. */
  pay(i: number): void {
    this.world.pop.wealth[i]! -= this.owed[i]!;
    this.clear(i);
  }

  /** The obligation ends without payment (annulled, e.g. proven mistaken on appeal). */
  clear(i: number): void {
    this.owed[i] = 0;
    this.open.delete(i);
    this.dueSince[i] = -1;
  }

  /** Agents with an outstanding obligation. */
  openCount(): number {
    let c = 0;
    for (let i = 0; i < this.owed.length; i++) if (this.owed[i]! > 0) c++;
    return c;
  }
}
