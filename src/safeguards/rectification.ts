/**
 * `rectification`: inaccurate data are corrected on request, after the controller verifies them.
 *
 * Rule, each step of Δ days at the publish stage, for every covered blacklist:
 * 1. request: a listed person who has not asked about this listing yet requests correction
 *    (util.ts, Contest) when they know of the listing, can afford the request (costDays × income)
 *    and can show something (defense(c) > contestAt), with probability `rate` per day;
 * 2. verify: `delayDays` after the request the controller checks the data (util.ts, Decider): it
 *    weighs the file evidence, a look at the source data (d′ = diligence·√s, s = min(1,
 *    capacity·Δ ÷ checks this step)) and the person's evidence,
 *      L = q_f(e − q_f/2) + q_l(r − q_l/2) − q_d(d − q_d/2),
 *    and corrects the entry when L < λ = standard − (1 − independence)·bias, with a removal order:
 *    list.markDue(i, request day), removal by the listing regime's own rule, or by the safeguard
 *    `enforceDays` after the correction if the entry is still listed (util.ts, RemovalOrders). A
 *    rejected request is not repeated for the same listing. Which entries are corrected — mistaken
 *    or, wrongly, true ones — comes out of the evidence, not out of the label. Draws are keyed
 *    (agent, day, purpose, list).
 * (Lists are what the core keeps about a person over time; records are per-step events, so
 * correcting a regime's stored score is up to regimes.)
 *
 * Sources: GDPR Art. 5(1)(d) accuracy ("inaccurate data … erased or rectified without delay") and
 * Art. 16 right to rectification; Art. 12(3) one month to act on a request [P]. Signal detection:
 * Green & Swets (1966). Request rate, cost, diligence, caseload and independence (the controller
 * checks its own data: half independent) are modelling choices.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num } from '../core/params.js';
import { Contest, contestParams, coveredLists, Decider, deciderParams, listIds, listKey, perList, RemovalOrders } from './util.js';
import { chanceOverDays } from '../core/rates.js';

export const rectification = defineSafeguard({
  id: 'rectification',
  title: 'Rectification of inaccurate data on request',
  summary: 'listed people who can show an error ask for correction; the controller checks and removes entries it finds wrong',
  doc:
    'Anyone can ask for wrong data about them to be corrected. A listed person who knows of the entry, can show ' +
    'it is wrong and can afford the request asks; the controller checks the source data and what the person ' +
    'brings, and removes the entry after the processing delay if the record does not hold up.',
  sources: [
    'GDPR Art. 5(1)(d): accuracy; Art. 16: right to rectification [P]',
    'GDPR Art. 12(3): action on a request within one month [P]',
    'Green & Swets, Signal Detection Theory and Psychophysics (1966)',
  ],
  params: {
    ...contestParams('a request for correction', { rate: 0.01, costDays: 1, contestAt: 0.5 }),
    ...deciderParams('data controller’s checker', { diligence: 1.5, casesPerDay: 10, staffPer1000: 0.1, independence: 0.5, bias: 2, standard: 0 }),
    delayDays: num(30, { min: 0, unit: 'days', doc: 'days from request to correction', source: 'GDPR Art. 12(3): one month' }),
    enforceDays: num(30, { min: 0, unit: 'days', doc: 'days the listing regime has to remove a corrected entry before the safeguard removes it itself (0 = at once)' }),
    lists: listIds(),
  },
  columns: ['rectification_requests', 'rectifications', 'rectifications_mistaken'],
  create(world, p) {
    const n = world.n;
    const judge = new Decider(world, 'safeguard:rectification', p);
    const person = new Contest(world, p);
    const key = world.keyed('safeguard:rectification:person');
    const ASK = 0, LOOK = 1;
    // request day (−1 none, −2 decided) and the `since` of the listing asked about
    const state = perList(() => ({ asked: new Int32Array(n).fill(-1), episode: new Int32Array(n).fill(-1) }));
    const orders = new RemovalOrders(p.enforceDays);
    let requests = 0;
    let corrected: number[] = [];
    return {
      publish() {
        const day = world.day;
        orders.sweep(day);
        const pr = chanceOverDays(p.rate, world.daysPerStep);
        const lists = coveredLists(world, p.lists);
        // requests filed this step can be due at once (delayDays 0): file first, then count and decide
        for (const l of lists) {
          const s = state(l);
          const k = listKey(l);
          for (let i = 0; i < n; i++) {
            if (!l.on[i] || s.episode[i] === l.since[i]) continue;
            if (!(person.willing(l, i) && key.chance(pr, i, day, ASK, k))) continue;
            s.asked[i] = day;
            s.episode[i] = l.since[i]!;
            requests++;
          }
        }
        const isDue = (s: { asked: Int32Array; episode: Int32Array }, l: { on: Uint8Array; since: Int32Array }, i: number) =>
          l.on[i] === 1 && s.episode[i] === l.since[i] && s.asked[i]! >= 0 && day >= s.asked[i]! + p.delayDays;
        let checks = 0;
        for (const l of lists) {
          const s = state(l);
          for (let i = 0; i < n; i++) if (isDue(s, l, i)) checks++;
        }
        judge.load(checks, world.daysPerStep);
        for (const l of lists) {
          const s = state(l);
          const k = listKey(l);
          for (let i = 0; i < n; i++) {
            if (!isDue(s, l, i)) continue;
            const a = s.asked[i]!;
            s.asked[i] = -2; // decided
            const c = l.cause[i]!;
            if (!judge.upholds(c, i, LOOK, k, true)) {
              orders.order(l, i, a, day);
              corrected.push(c);
            }
          }
        }
      },
      record() {
        let wrong = 0;
        for (const c of corrected) if (world.cases.isMistaken(c)) wrong++;
        const out = { rectification_requests: requests, rectifications: corrected.length, rectifications_mistaken: wrong };
        requests = 0;
        corrected = [];
        return out;
      },
    };
  },
});
