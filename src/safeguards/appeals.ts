/**
 * `appeals`: a listed person contests the entry; an adjudicator decides on the evidence after a delay.
 *
 * Rule, each step of Δ days at the publish stage, for every covered blacklist:
 * 1. decide: an appeal filed on day f is decided on day f + delayDays (at the first step on or after
 *    it), if the same listing is still in force. The adjudicator (util.ts, Decider) weighs the file
 *    evidence e, a look of their own r and the appellant's exculpatory evidence d:
 *      L = q_f(e − q_f/2) + q_l(r − q_l/2) − q_d(d − q_d/2),   q_l = diligence·√s,
 *    s = min(1, capacity·Δ ÷ appeals decided this step); the appeal is won when L < λ =
 *    standard − (1 − independence)·bias. A won appeal is a removal order: list.markDue(i, f) (so
 *    `mean_days_to_delist` counts the days from filing to removal), the listing regime removes the
 *    entry by its own rule, and the safeguard removes it itself if it is still listed `enforceDays`
 *    after the decision (util.ts, RemovalOrders; 0 = at once). How many won appeals were against
 *    mistaken entries, and how many true entries were struck, comes out of the evidence.
 * 2. file: a listed person who has not yet appealed this listing appeals (util.ts, Contest) when
 *    they know of the listing (notice, a published list they follow, or a loss suffered while
 *    listed), can afford it (wealth ≥ costDays × income) and can show something (defense(c) >
 *    contestAt), with probability `rate` per day; one appeal per listing. With the `appealing`
 *    adaptation the person's decision is its column `appeal_intent` instead (1: decided to appeal);
 *    a lost appeal sets it back to 0. The policy key `appeals.rate` (set by that adaptation or by
 *    hand) replaces `rate`. Filing and the adjudicator's look are keyed draws (agent, day, purpose, list).
 *
 * Sources: GDPR Art. 22(3) right to contest an automated decision; Art. 12(3) answer within one
 * month [P]. SPC provisions (2013, rev. 2017): a listed person may apply for correction [P/S].
 * Signal detection: Green & Swets (1966). Rates, costs, diligence, caseload and independence are
 * modelling choices.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num } from '../core/params.js';
import { policyOf } from '../core/policy.js';
import { Contest, contestParams, coveredLists, Decider, deciderParams, listIds, listKey, perList, RemovalOrders } from './util.js';
import { chanceOverDays } from '../core/rates.js';

/** Policy key an adaptation may set to replace the filing rate (probability per day). */
export const APPEALS_RATE = 'appeals.rate';
/** Column of the `appealing` adaptation: 1 where the agent has decided to appeal its listing. */
export const APPEAL_INTENT = 'appeal_intent';

export const appeals = defineSafeguard({
  id: 'appeals',
  title: 'Appeals: contest a listing',
  summary: 'listed people who know of it, can afford it and can show something appeal; an adjudicator weighs the evidence',
  doc:
    'A person on a blacklist can contest the entry, if they know of it, can afford to and have something to show. ' +
    'An adjudicator decides after a delay, weighing the file, a look of their own and what the person brings. ' +
    'Appeals against wrong entries are won more often because the evidence is weaker and the person can show more; ' +
    'an adjudicator with too many cases, or one who answers to the listing authority, overturns fewer. A won ' +
    'appeal takes the person off the list.',
  sources: [
    'GDPR Art. 22(3): right to contest a decision based solely on automated processing [P]',
    'GDPR Art. 12(3): action on a request within one month [P]',
    'SPC provisions on the dishonest-debtor list (2013, rev. 2017): application for correction [P/S]',
    'Green & Swets, Signal Detection Theory and Psychophysics (1966)',
  ],
  params: {
    ...contestParams('an appeal', { rate: 0.02, costDays: 10, contestAt: 0.5 }),
    ...deciderParams('adjudicator', { diligence: 1.5, casesPerDay: 5, staffPer1000: 0.2, independence: 0.5, bias: 2, standard: 0 }),
    delayDays: num(30, { min: 0, unit: 'days', doc: 'days from filing to decision', source: 'GDPR Art. 12(3): one month' }),
    enforceDays: num(30, { min: 0, unit: 'days', doc: 'days the listing regime has to remove an entry after a won appeal before the safeguard removes it itself (0 = at once)' }),
    lists: listIds(),
  },
  columns: ['appeals_filed', 'appeals_won', 'appeals_won_wrongful', 'appeals_time_share'],
  create(world, p) {
    const n = world.n;
    const judge = new Decider(world, 'safeguard:appeals', p);
    const person = new Contest(world, p);
    const key = world.keyed('safeguard:appeals:person');
    const FILE = 0, LOOK = 1;
    // filed day (−1 none, −2 decided) and the `since` of the listing the appeal was filed against
    const state = perList(() => ({ filed: new Int32Array(n).fill(-1), episode: new Int32Array(n).fill(-1) }));
    const orders = new RemovalOrders(p.enforceDays);
    let filed = 0;
    let won: number[] = [];
    const due = (s: { filed: Int32Array; episode: Int32Array }, since: number, i: number, day: number) =>
      s.filed[i]! >= 0 && s.episode[i] === since && day >= s.filed[i]! + p.delayDays;
    return {
      publish() {
        const day = world.day;
        orders.sweep(day);
        const pr = chanceOverDays(policyOf(world, APPEALS_RATE, p.rate), world.daysPerStep);
        const intent = world.pop.column(APPEAL_INTENT) as Uint8Array | undefined;
        const lists = coveredLists(world, p.lists);
        let decisions = 0;
        for (const l of lists) {
          const s = state(l);
          for (let i = 0; i < n; i++) if (l.on[i] && due(s, l.since[i]!, i, day)) decisions++;
        }
        judge.load(decisions, world.daysPerStep);
        for (const l of lists) {
          const s = state(l);
          const k = listKey(l);
          for (let i = 0; i < n; i++) {
            if (!l.on[i]) continue;
            const since = l.since[i]!;
            if (s.episode[i] === since) {
              if (!due(s, since, i, day)) continue; // pending, or already decided for this listing
              const f = s.filed[i]!;
              s.filed[i] = -2; // decided; no second appeal against this listing
              const c = l.cause[i]!;
              if (!judge.upholds(c, i, LOOK, k, true)) {
                orders.order(l, i, f, day);
                won.push(c);
              } else if (intent) intent[i] = 0;
              continue;
            }
            const files = intent ? intent[i] === 1 : person.willing(l, i) && key.chance(pr, i, day, FILE, k);
            if (files) {
              s.filed[i] = day;
              s.episode[i] = since;
              filed++;
            }
          }
        }
      },
      record() {
        let wrong = 0;
        for (const c of won) if (world.cases.isMistaken(c)) wrong++;
        const out = { appeals_filed: filed, appeals_won: won.length, appeals_won_wrongful: wrong, appeals_time_share: judge.timeShare };
        filed = 0;
        won = [];
        return out;
      },
    };
  },
});
