/**
 * What people live through each step — the channel through which sanctions and rewards reach
 * perceptions (deterrence, chilling, approval) without those mechanisms reading any regime.
 *
 * Regimes report the consequences they impose: `sanction(i, domain)` when a person is listed, has
 * points deducted, is banned or fined for an act in a domain; `reward(i, domain)` for an honour or
 * points gained. Lists report their own listings (a list made with a domain does it at `add`). The
 * core adds, after the sanction stage, the income each person lost to sanctions this step
 * ((1 − incomeMult)·Δ days of income) and the opportunities lost (from `lostOpportunity`).
 * `published[d]` counts the sanctions of the step that were made public (names on a published
 * list), which everyone can read about.
 *
 * Timing. Perceptions are updated at the start of the adapt stage (the behaviour family runs
 * first), and adaptations read the channel during that stage. A report made before the adapt stage
 * (behave … sanction) is lived through in its own step. A report made during the adapt stage (a
 * regime, safeguard or adaptation that sanctions or rewards there) comes after the step's readers,
 * so it is held (`late` buffers) and lived through in the next step: at the start of each step the
 * channel is cleared and the held reports of the last adapt stage are moved in. Nothing reported
 * is lost, and nothing is counted twice.
 */
import { DOMAINS } from './population.js';

/** What people lived through in a step: sanctions and rewards by domain, income and opportunities lost (read in `adapt`). */
export class Experience {
  /** Bitmask by domain: sanctioned this step for an act in domain d. */
  readonly sanctioned: Uint8Array;
  /** Bitmask by domain: rewarded this step for conduct in domain d. */
  readonly rewarded: Uint8Array;
  /** Days of income lost this step to sanctions ((1 − incomeMult)·Δ). */
  readonly incomeLost: Float32Array;
  /** Opportunities lost this step (own or household's sanctions). */
  readonly opportunitiesLost: Int32Array;
  /** Sanctions made public this step, by domain. */
  readonly published = new Float64Array(DOMAINS.length);
  /** Sanctions of the step by domain (public or not). */
  readonly sanctions = new Float64Array(DOMAINS.length);
  /** Rewards of the step by domain. */
  readonly rewards = new Float64Array(DOMAINS.length);
  private readonly lostBefore: Int32Array;
  /** Whether the step is in its adapt stage: reports go to the held buffers. */
  private late = false;
  private anyLate = false;
  private readonly lateSanctioned: Uint8Array;
  private readonly lateRewarded: Uint8Array;
  private readonly latePublished = new Float64Array(DOMAINS.length);
  private readonly lateSanctions = new Float64Array(DOMAINS.length);
  private readonly lateRewards = new Float64Array(DOMAINS.length);

  constructor(readonly n: number) {
    this.sanctioned = new Uint8Array(n);
    this.rewarded = new Uint8Array(n);
    this.lateSanctioned = new Uint8Array(n);
    this.lateRewarded = new Uint8Array(n);
    this.incomeLost = new Float32Array(n);
    this.opportunitiesLost = new Int32Array(n);
    this.lostBefore = new Int32Array(n);
  }

  /** Agent i suffered a sanction for an act in domain d (published: the name was made public). */
  sanction(i: number, d: number, published = false): void {
    if (d < 0) return;
    if (this.late) {
      this.anyLate = true;
      this.lateSanctioned[i]! |= 1 << d;
      this.lateSanctions[d]!++;
      if (published) this.latePublished[d]!++;
      return;
    }
    this.sanctioned[i]! |= 1 << d;
    this.sanctions[d]!++;
    if (published) this.published[d]!++;
  }

  /** Agent i was rewarded for conduct in domain d. */
  reward(i: number, d: number): void {
    if (d < 0) return;
    if (this.late) {
      this.anyLate = true;
      this.lateRewarded[i]! |= 1 << d;
      this.lateRewards[d]!++;
      return;
    }
    this.rewarded[i]! |= 1 << d;
    this.rewards[d]!++;
  }

  /** Start of the adapt stage (core): reports from here on are lived through in the next step. */
  beginAdapt(): void {
    this.late = true;
  }

  /** Start of a step (core): the channel is cleared, and the reports held from the last adapt stage move in. */
  clear(): void {
    this.late = false;
    if (!this.anyLate) {
      this.sanctioned.fill(0);
      this.rewarded.fill(0);
      this.published.fill(0);
      this.sanctions.fill(0);
      this.rewards.fill(0);
      return;
    }
    this.sanctioned.set(this.lateSanctioned);
    this.rewarded.set(this.lateRewarded);
    this.published.set(this.latePublished);
    this.sanctions.set(this.lateSanctions);
    this.rewards.set(this.lateRewards);
    this.lateSanctioned.fill(0);
    this.lateRewarded.fill(0);
    this.latePublished.fill(0);
    this.lateSanctions.fill(0);
    this.lateRewards.fill(0);
    this.anyLate = false;
  }

  /** After the sanction stage (core): income and opportunities lost this step. */
  settle(incomeMult: Float32Array, lostOpportunity: Int32Array, days: number): void {
    for (let i = 0; i < this.n; i++) {
      const m = incomeMult[i]!;
      this.incomeLost[i] = m < 1 ? (1 - m) * days : 0;
      const l = lostOpportunity[i]!;
      this.opportunitiesLost[i] = l - this.lostBefore[i]!;
      this.lostBefore[i] = l;
    }
  }

  /** Start of the run (core): lost opportunities counted from here. */
  start(lostOpportunity: Int32Array): void {
    this.lostBefore.set(lostOpportunity);
  }
}
