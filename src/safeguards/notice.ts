/**
 * `notice`: prior notice and a chance to respond before a listing takes effect.
 *
 * Rule (a list guard on the covered blacklists): every proposal gets notice = true and takes effect
 * no earlier than `noticeDays` after it was proposed. When it comes due the proposer's own re-check
 * (`stillDue`) withdraws it if the cause has gone (the person performed during the notice period).
 * The notified person answers (util.ts, Contest) when they can afford it (wealth ≥ costDays ×
 * income), can show something (defense(c) > contestAt: exculpatory evidence, which a wrongly
 * accused person has more often) and get round to it within the period (probability
 * 1 − (1 − rate)^noticeDays). The authority then weighs the answer with the file (util.ts, Decider):
 *   L = q_f(e − q_f/2) + q_l(r − q_l/2) − q_d(d − q_d/2),
 * and withdraws the proposal when L < λ = standard − (1 − independence)·bias (the authority that
 * proposed the listing reads the answer: independence 0 by default). Which proposals are withdrawn,
 * mistaken or true, comes out of the evidence, the person's answer, the authority's diligence and
 * caseload (answers per day of the previous step against capacity) and its independence. Notice
 * never blocks a listing outright. Draws are keyed (agent, day of the proposal, purpose, list).
 *
 * Sources: SPC Provisions on publishing the list of dishonest judgment debtors (2013, rev. 2017)
 * require notice before listing, often missing in practice [P/S]; the 2019 SPC opinion allows grace
 * periods before listing [P/S]. GDPR Art. 22(3): the right to express one's point of view and
 * contest the decision [P]. Notice period, answer rate and costs are modelling choices.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num } from '../core/params.js';
import { Contest, contestParams, covers, Decider, deciderParams, listIds, listKey } from './util.js';
import { chanceOverDays } from '../core/rates.js';

const SPC = 'SPC provisions on the dishonest-debtor list (2013, rev. 2017): prior notice; 2019 opinion: grace periods [P/S]';

export const notice = defineSafeguard({
  id: 'notice',
  title: 'Prior notice and a chance to respond before listing',
  summary: 'listings take effect only after noticeDays; those who perform, or answer with convincing evidence, are not listed',
  doc:
    'Before anyone is put on a blacklist they are told, and the listing waits for the notice period. A person who ' +
    'pays or performs in that time is not listed. A person who can show the record is wrong, and can afford to, ' +
    'answers; the authority weighs the answer against the file and drops the listing when the answer outweighs it.',
  sources: [SPC, 'GDPR Art. 22(3): right to express one’s point of view and to contest [P]'],
  params: {
    noticeDays: num(30, { min: 0, unit: 'days', doc: 'days between notice and the earliest day the listing can take effect (length not fixed by the sources)', source: SPC }),
    ...contestParams('an answer to the notice', { rate: 0.1, costDays: 2, contestAt: 0.5 }),
    ...deciderParams('officer reading the answers', { diligence: 0.5, casesPerDay: 20, staffPer1000: 0.05, independence: 0, bias: 2, standard: 0 }),
    lists: listIds(),
  },
  columns: ['notice_answers', 'notice_withdrawn', 'notice_withdrawn_mistaken'],
  create(world, p) {
    const judge = new Decider(world, 'safeguard:notice', p);
    const person = new Contest(world, p);
    const key = world.keyed('safeguard:notice:person');
    const ANSWER = 0, LOOK = 1;
    let answers = 0;
    let withdrawn: number[] = [];
    world.lists.addGuard('notice', (prop) => {
      if (!covers(p.lists, prop.list)) return true;
      prop.notice = true;
      prop.effectiveDay = Math.max(prop.effectiveDay, prop.day + p.noticeDays);
      const i = prop.agent, c = prop.cause, k = listKey(prop.list);
      const answering = person.affords(i) && person.canShow(c) && key.chance(chanceOverDays(p.rate, Math.max(1, p.noticeDays)), i, world.day, ANSWER, k);
      if (!answering) return true;
      answers++;
      judge.arrive();
      if (!judge.upholds(c, i, LOOK, k, true)) {
        // the answer outweighs the file: the proposal is withdrawn when it comes due, whatever the proposer's check says
        prop.stillDue = () => {
          withdrawn.push(c);
          return false;
        };
      }
      return true;
    });
    return {
      record() {
        let wrong = 0;
        for (const c of withdrawn) if (world.cases.isMistaken(c)) wrong++;
        const out = { notice_answers: answers, notice_withdrawn: withdrawn.length, notice_withdrawn_mistaken: wrong };
        answers = 0;
        withdrawn = [];
        return out;
      },
    };
  },
});
