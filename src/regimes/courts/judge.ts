/**
 * The court's judgment of a creditor's suit, on the evidence (a helper of court-blacklist.ts, not a
 * plug-in).
 *
 * A suit rests on a case c (the record of the default, src/core/truth.ts). The defendant answers
 * when served (probability `serviceRate`, keyed: agent, day, record), able to pay for a defence
 * (wealth ≥ defendCostDays × income) and holding exculpatory evidence worth bringing (defense(c) >
 * defendAt). The judge weighs, as an ideal observer of independent equal-variance normal signals
 * (Green & Swets, *Signal Detection Theory and Psychophysics*, 1966), the file evidence e
 * (d′ q_f = world.evidenceQuality[domain]·√records), a look of their own r (`cases.reexamine`,
 * d′ q_l = judgeDiligence·√s, s = min(1, capacity·Δ ÷ suits of the step), capacity =
 * judgeCasesPerDay × judgesPer1000 × n/1000) and the defence d:
 *   L = q_f(e − q_f/2) + q_l(r − q_l/2) − q_d(d − q_d/2)   (the last term only when the defendant answers),
 * and gives judgment for the creditor when L ≥ λ = courtStandard − (1 − courtIndependence)·courtBias:
 * a court that answers to the Party and the enforcement authority finds for the claim on weaker
 * evidence. Wrongful judgments (on mistaken records) and wrongly dismissed claims both come out of
 * the overlap of L; neither is a parameter, and the label is never read.
 *
 * Sources: Green & Swets (1966); the source's concern that courts answer to the Party (Peerenboom,
 * China's Long March toward Rule of Law, 2002: Party political-legal committees oversee the
 * courts). Every default below is a modelling choice. The weighing is the core's `Decider`
 * (src/core/decider.ts), the one the safeguards use; this file adds the court's parameters and the
 * defendant's answer.
 */
import { Decider } from '../../core/decider.js';
import { num, prob } from '../../core/params.js';
import type { Keyed } from '../../core/rng.js';
import type { World } from '../../core/world.js';

const SDT = 'Green & Swets, Signal Detection Theory and Psychophysics (1966)';
const PARTY = 'the source: courts that answer to the Party; Peerenboom, China’s Long March toward Rule of Law (2002)';

export function judgeParams() {
  return {
    judgeDiligence: num(1, { min: 0, unit: 'd′ (sd units)', doc: 'quality of the judge’s own look at a suit given the full time (modelling choice)', source: SDT }),
    judgeCasesPerDay: num(10, { min: 0, unit: 'suits per judge per day', doc: 'suits one judge can examine fully in a day (modelling choice)' }),
    judgesPer1000: num(0.05, { min: 0, unit: 'judges per 1,000 agents', doc: 'judges hearing debt suits per 1,000 agents; over capacity each suit gets less time and d′ falls with √(time) (modelling choice)', source: SDT }),
    courtIndependence: prob(0.3, { unit: 'share', doc: 'independence of the court from the Party and the enforcement authority (0: answers to them, 1: independent; modelling choice)', source: PARTY }),
    courtBias: num(2, { min: 0, unit: 'log-likelihood ratio', doc: 'how far a fully dependent court lowers the evidence needed to find for the claim (modelling choice)', source: PARTY }),
    courtStandard: num(0, { unit: 'log-likelihood ratio', doc: 'evidence an independent court needs to find for the claim (0: more likely than not; modelling choice)' }),
    serviceRate: prob(0.7, { doc: 'probability that the defendant is served and learns of the suit (modelling choice)' }),
    defendCostDays: num(10, { min: 0, unit: 'days of income', doc: 'cost of defending a suit; a defendant with less wealth does not answer (modelling choice)' }),
    defendAt: num(0.5, { unit: 'sd units', doc: 'exculpatory evidence a defendant needs before answering (modelling choice)' }),
  };
}

export interface JudgeSettings {
  judgeDiligence: number;
  judgeCasesPerDay: number;
  judgesPer1000: number;
  courtIndependence: number;
  courtBias: number;
  courtStandard: number;
  serviceRate: number;
  defendCostDays: number;
  defendAt: number;
}

export class CourtJudge {
  private readonly decider: Decider;

  constructor(
    private readonly world: World,
    private readonly key: Keyed,
    private readonly s: JudgeSettings,
  ) {
    this.decider = new Decider(world, key, {
      diligence: s.judgeDiligence,
      casesPerDay: s.judgeCasesPerDay,
      staffPer1000: s.judgesPer1000,
      independence: s.courtIndependence,
      bias: s.courtBias,
      standard: s.courtStandard,
    });
  }

  /** Share of the full time a suit gets this step. */
  get timeShare(): number {
    return this.decider.timeShare;
  }

  /** Sets the time share for the suits of this step. */
  load(suits: number): void {
    this.decider.load(suits, this.world.daysPerStep);
  }

  /** Whether the court finds for the creditor in the suit against `agent` on case c (k: the agent's k-th suit of the day). */
  upholds(c: number, agent: number, k: number, purposeServe: number, purposeLook: number): boolean {
    const w = this.world;
    const s = this.s;
    const pop = w.pop;
    const answers =
      this.key.u(agent, w.day, purposeServe, k) < s.serviceRate && pop.wealth[agent]! >= s.defendCostDays * pop.income[agent]! && w.cases.defense(c) > s.defendAt;
    return this.decider.upholds(c, agent, purposeLook, k, answers);
  }
}
