/**
 * `notice`: prior notice and a chance to respond before a listing takes effect.
 *
 * Rule (a list guard on the covered blacklists): every proposal gets notice = true and takes effect
 * no earlier than `noticeDays` after it was proposed. When it comes due the proposer's own re-check
 * (`stillDue`) withdraws it if the cause has gone (the person performed the obligation during the
 * notice period). A wrongly accused person (proposal.mistaken) also responds: with probability
 * `respondRate` the response shows the error and the proposal is withdrawn (the draw is made when
 * the notice is sent, from this safeguard's own stream). Notice never blocks a listing outright.
 *
 * Sources: SPC Provisions on publishing the list of dishonest judgment debtors (2013, rev. 2017)
 * require notice before listing, often missing in practice [P/S]; the 2019 SPC opinion allows grace
 * periods before listing [P/S] (CALIBRATION.md). GDPR Art. 22(3): the right to express one's point
 * of view and contest the decision [P]. Notice period and response rate are not in the sources.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num, prob } from '../core/params.js';
import { covers, listIds } from './util.js';

const SPC = 'SPC provisions on the dishonest-debtor list (2013, rev. 2017): prior notice; 2019 opinion: grace periods [P/S]';

export const notice = defineSafeguard({
  id: 'notice',
  title: 'Prior notice and a chance to respond before listing',
  summary: 'listings take effect only after noticeDays; those who perform or show an error are not listed',
  doc:
    'Before anyone is put on a blacklist they are told, and the listing waits for the notice period. A person who ' +
    'pays or performs in that time is not listed. A person accused by mistake can answer; with probability ' +
    'respondRate the answer shows the error and the listing is dropped.',
  sources: [SPC, 'GDPR Art. 22(3): right to express one’s point of view and to contest [P]', 'CALIBRATION.md, Court blacklist'],
  params: {
    noticeDays: num(30, { min: 0, unit: 'days', doc: 'days between notice and the earliest day the listing can take effect (length not fixed by the sources)', source: SPC }),
    respondRate: prob(0.5, { doc: 'probability that a wrongly accused person’s response clears the mistaken proposal (not in the source)' }),
    lists: listIds(),
  },
  columns: ['notice_withdrawn_mistaken'],
  create(world, p) {
    const rng = world.rng('safeguard:notice');
    let cleared = 0;
    world.lists.addGuard('notice', (prop) => {
      if (!covers(p.lists, prop.list)) return true;
      prop.notice = true;
      prop.effectiveDay = Math.max(prop.effectiveDay, prop.day + p.noticeDays);
      const responds = prop.mistaken && rng() < p.respondRate;
      if (responds) {
        // the response shows the error: the proposal is withdrawn when it comes due, whatever the proposer's check says
        prop.stillDue = () => {
          cleared++;
          return false;
        };
      }
      return true;
    });
    return {
      record() {
        const out = { notice_withdrawn_mistaken: cleared };
        cleared = 0;
        return out;
      },
    };
  },
});
