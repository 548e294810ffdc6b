/**
 * `human-review`: no sanction on automated processing alone — a person reviews every proposed
 * listing before it takes effect.
 *
 * Rule (a list guard on the covered blacklists): a proposal whose record was mistaken is caught and
 * blocked with probability `catchRate`; a true proposal is blocked with probability `trueBlockRate`
 * (0 by default: the review lets true ones through). Proposals that pass take effect no earlier than
 * `delayDays` after they were proposed (the time the review takes; 0 = same day). So with
 * catchRate c, wrongful listings fall to about (1 − c) of what they would be without review.
 *
 * Sources: GDPR Art. 22(1) no decision based solely on automated processing with legal or similarly
 * significant effect; Art. 22(3) right to obtain human intervention [P] (CALIBRATION.md,
 * Safeguards and reforms). The catch rate of a review is not in the sources: a parameter.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num, prob } from '../core/params.js';
import { covers, listIds } from './util.js';

const GDPR22 = 'GDPR Art. 22: no decision based solely on automated processing; human intervention [P]';

export const humanReview = defineSafeguard({
  id: 'human-review',
  title: 'Human review before any listing',
  summary: 'a reviewer checks each proposed listing and blocks a share catchRate of the mistaken ones',
  doc:
    'No one is listed by a machine alone: a person checks each proposed listing first. The reviewer catches most ' +
    'listings built on a mistaken record and stops them, and lets correct ones through. The review can take some ' +
    'days, during which the listing waits.',
  sources: [GDPR22, 'CALIBRATION.md, Safeguards and reforms'],
  params: {
    catchRate: prob(0.8, { doc: 'probability that the review catches (blocks) a proposal based on a mistaken record (not in the sources)' }),
    trueBlockRate: prob(0, { doc: 'probability that the review blocks a proposal based on a true record' }),
    delayDays: num(0, { min: 0, unit: 'days', doc: 'days the review takes before the listing can take effect' }),
    lists: listIds(),
  },
  columns: ['review_blocked', 'review_blocked_mistaken'],
  create(world, p) {
    const rng = world.rng('safeguard:human-review');
    let blocked = 0, blockedWrong = 0;
    world.lists.addGuard('human-review', (prop) => {
      if (!covers(p.lists, prop.list)) return true;
      const u = rng();
      if (u < (prop.mistaken ? p.catchRate : p.trueBlockRate)) {
        blocked++;
        if (prop.mistaken) blockedWrong++;
        return false;
      }
      prop.effectiveDay = Math.max(prop.effectiveDay, prop.day + p.delayDays);
      return true;
    });
    return {
      record() {
        const out = { review_blocked: blocked, review_blocked_mistaken: blockedWrong };
        blocked = blockedWrong = 0;
        return out;
      },
    };
  },
});
