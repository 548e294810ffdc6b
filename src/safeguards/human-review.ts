/**
 * `human-review`: no sanction on automated processing alone — a person reviews every proposed
 * listing before it takes effect.
 *
 * Rule (a list guard on the covered blacklists): the reviewer weighs the case behind each proposal
 * (util.ts, Decider): the file evidence e (d′ q_f = world.evidenceQuality of its domain × √records),
 * their own look at the case (d′ = diligence·√s, s = min(1, capacity ÷ load): capacity =
 * casesPerDay × staffPer1000 × n/1000 cases a day, load = proposals per day in the previous step),
 * no answer from the person (the review happens before anyone is told). They compute
 *   L = q_f(e − q_f/2) + q_l(r − q_l/2)
 * and let the listing through when L ≥ λ = standard − (1 − independence)·bias, otherwise block it.
 * So the share of mistaken proposals blocked is Φ((λ + D²/2)/D) and of true ones Φ((λ − D²/2)/D),
 * D² = q_f² + q_l²: both fall out of evidence quality, diligence, caseload and independence; none is
 * a parameter. Proposals that pass take effect no earlier than `delayDays` after they were proposed.
 * The own look is a keyed draw (agent, day, purpose, list).
 *
 * Sources: GDPR Art. 22(1) no decision based solely on automated processing with legal or similarly
 * significant effect; Art. 22(3) right to obtain human intervention [P]. Signal detection: Green &
 * Swets (1966). Diligence, caseload and independence defaults are modelling choices (a file
 * reviewer in the authority's own office: half independent).
 */
import { defineSafeguard } from '../core/contracts.js';
import { num } from '../core/params.js';
import { covers, Decider, deciderParams, listIds, listKey } from './util.js';

const GDPR22 = 'GDPR Art. 22: no decision based solely on automated processing; human intervention [P]';

export const humanReview = defineSafeguard({
  id: 'human-review',
  title: 'Human review before any listing',
  summary: 'a reviewer weighs the evidence of each proposed listing and blocks those it finds too weak',
  doc:
    'No one is listed by a machine alone: a person checks each proposed listing first, from the evidence in the ' +
    'file and a look of their own, and stops those the evidence does not support. A careful reviewer with time for ' +
    'each case stops most listings built on a false match and few true ones; an overloaded reviewer, or one who ' +
    'answers to the listing authority, lets more false ones through. The review can take some days.',
  sources: [GDPR22, 'Green & Swets, Signal Detection Theory and Psychophysics (1966)'],
  params: {
    ...deciderParams('reviewer', { diligence: 1, casesPerDay: 40, staffPer1000: 0.1, independence: 0.5, bias: 2, standard: 0 }),
    delayDays: num(0, { min: 0, unit: 'days', doc: 'days the review takes before the listing can take effect' }),
    lists: listIds(),
  },
  columns: ['review_blocked', 'review_blocked_mistaken', 'review_time_share'],
  create(world, p) {
    const judge = new Decider(world, 'safeguard:human-review', p);
    let blocked: number[] = [];
    const LOOK = 0;
    world.lists.addGuard('human-review', (prop) => {
      if (!covers(p.lists, prop.list)) return true;
      judge.arrive();
      if (!judge.upholds(prop.cause, prop.agent, LOOK, listKey(prop.list), false)) {
        blocked.push(prop.cause);
        return false;
      }
      prop.effectiveDay = Math.max(prop.effectiveDay, prop.day + p.delayDays);
      return true;
    });
    return {
      record() {
        let wrong = 0;
        for (const c of blocked) if (world.cases.isMistaken(c)) wrong++;
        const out = { review_blocked: blocked.length, review_blocked_mistaken: wrong, review_time_share: judge.timeShare };
        blocked = [];
        return out;
      },
    };
  },
});
