/**
 * `appeals`: a listed person contests the entry; the appeal is decided after a delay, and succeeds
 * more often when the entry was wrong.
 *
 * Rule, each step of Δ days at the publish stage, for every covered blacklist:
 * 1. decide: an appeal filed on day f is decided on day f + delayDays (at the first step on or after
 *    it), if the same listing is still in force; it succeeds with probability `successIfWrong` when
 *    the entry is mistaken and `successIfTrue` otherwise; success → a removal order: list.markDue(i, f)
 *    (so `mean_days_to_delist` counts the days from filing to removal), the listing regime removes
 *    the entry by its own rule, and the safeguard removes it itself if it is still listed
 *    `enforceDays` after the decision (util.ts, RemovalOrders; 0 = at once);
 * 2. file: each listed person who has not yet appealed this listing appeals with probability per day
 *    r = appealRate if the entry is mistaken (the person knows the record is wrong), or
 *    appealRateIfTrue otherwise; one appeal per listing. With the `appealing` adaptation the people
 *    on mistaken entries file when they have decided to (its column `appeal_intent` = 1: they learnt
 *    of the error and chose to contest); a lost appeal sets their intent back to 0. Without that
 *    column, the policy key `appeals.rate` (set by that adaptation or by hand) replaces appealRate.
 *
 * Sources: GDPR Art. 22(3) right to contest an automated decision; Art. 12(3) answer within one
 * month [P]. SPC provisions (2013, rev. 2017): a listed person may apply for correction [P/S].
 * Rates and success probabilities are not in the sources: parameters.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num, prob } from '../core/params.js';
import { policyOf } from '../core/policy.js';
import { coveredLists, listIds, perList, perStep, RemovalOrders } from './util.js';

/** Policy key an adaptation may set to raise the appeal rate of the wrongly listed (probability per day). */
export const APPEALS_RATE = 'appeals.rate';
/** Column of the `appealing` adaptation: 1 where the agent has decided to appeal a mistaken listing. */
export const APPEAL_INTENT = 'appeal_intent';

export const appeals = defineSafeguard({
  id: 'appeals',
  title: 'Appeals: contest a listing',
  summary: 'listed people contest their entry; mistaken entries are overturned more often, after a delay',
  doc:
    'A person on a blacklist can contest the entry. Those listed by mistake know it and appeal more often. An ' +
    'appeal is decided after a delay; it is usually won when the entry was wrong and seldom when it was right. A ' +
    'won appeal takes the person off the list.',
  sources: [
    'GDPR Art. 22(3): right to contest a decision based solely on automated processing [P]',
    'GDPR Art. 12(3): action on a request within one month [P]',
    'SPC provisions on the dishonest-debtor list (2013, rev. 2017): application for correction [P/S]',
  ],
  params: {
    appealRate: prob(0.02, { unit: 'per day', doc: `probability per day that a wrongly listed person appeals (policy '${APPEALS_RATE}' overrides it; the appealing adaptation's decisions replace it)` }),
    appealRateIfTrue: prob(0.002, { unit: 'per day', doc: 'probability per day that a rightly listed person appeals' }),
    successIfWrong: prob(0.8, { doc: 'probability that an appeal against a mistaken entry succeeds' }),
    successIfTrue: prob(0.05, { doc: 'probability that an appeal against a true entry succeeds' }),
    delayDays: num(30, { min: 0, unit: 'days', doc: 'days from filing to decision', source: 'GDPR Art. 12(3): one month' }),
    enforceDays: num(30, { min: 0, unit: 'days', doc: 'days the listing regime has to remove an entry after a won appeal before the safeguard removes it itself (0 = at once)' }),
    lists: listIds(),
  },
  columns: ['appeals_filed', 'appeals_won', 'appeals_won_wrongful'],
  create(world, p) {
    const n = world.n;
    const rng = world.rng('safeguard:appeals');
    // filed day (−1 none) and the `since` of the listing the appeal was filed against
    const state = perList(() => ({ filed: new Int32Array(n).fill(-1), episode: new Int32Array(n).fill(-1) }));
    const orders = new RemovalOrders(p.enforceDays);
    let filed = 0, won = 0, wonWrong = 0;
    return {
      publish() {
        const day = world.day;
        orders.sweep(day);
        const dt = world.daysPerStep;
        const pWrong = perStep(policyOf(world, APPEALS_RATE, p.appealRate), dt);
        const pTrue = perStep(p.appealRateIfTrue, dt);
        const intent = world.pop.column(APPEAL_INTENT) as Uint8Array | undefined;
        for (const l of coveredLists(world, p.lists)) {
          const s = state(l);
          for (let i = 0; i < n; i++) {
            if (!l.on[i]) continue;
            const f = s.filed[i]!;
            if (f >= 0 && s.episode[i] === l.since[i]) {
              if (day < f + p.delayDays) continue; // pending
              s.filed[i] = -2; // decided; no second appeal against this listing
              const wrong = l.mistaken[i] === 1;
              if (rng() < (wrong ? p.successIfWrong : p.successIfTrue)) {
                orders.order(l, i, f, day);
                won++;
                if (wrong) wonWrong++;
              } else if (intent && wrong) intent[i] = 0;
              continue;
            }
            if (s.episode[i] === l.since[i]) continue; // already appealed this listing
            const u = rng();
            const files = l.mistaken[i] ? (intent ? intent[i] === 1 : u < pWrong) : u < pTrue;
            if (files) {
              s.filed[i] = day;
              s.episode[i] = l.since[i]!;
              filed++;
            }
          }
        }
      },
      record() {
        const out = { appeals_filed: filed, appeals_won: won, appeals_won_wrongful: wonWrong };
        filed = won = wonWrong = 0;
        return out;
      },
    };
  },
});
