/**
 * `rectification`: inaccurate data are corrected on request.
 *
 * Rule, each step of Δ days at the publish stage, for every covered blacklist: a person listed on a
 * mistaken entry (the record behind it was wrong) requests rectification with probability `rate`
 * per day; the controller verifies and corrects it `delayDays` later with a removal order:
 * list.markDue(i, request day), removal by the listing regime's own rule, or by the safeguard
 * `enforceDays` after the correction if the entry is still listed (util.ts, RemovalOrders). Unlike an appeal, rectification concerns only inaccurate
 * data, and a verified inaccuracy is always corrected; true entries are never touched.
 * (Lists are what the core keeps about a person over time; records are per-step events, so
 * correcting a regime's stored score is up to regimes — see the report on core needs.)
 *
 * Sources: GDPR Art. 5(1)(d) accuracy ("inaccurate data … erased or rectified without delay") and
 * Art. 16 right to rectification; Art. 12(3) one month to act on a request [P]. Request rate not
 * in the sources.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num, prob } from '../core/params.js';
import { coveredLists, listIds, perList, perStep, RemovalOrders } from './util.js';

export const rectification = defineSafeguard({
  id: 'rectification',
  title: 'Rectification of inaccurate data on request',
  summary: 'people listed on mistaken records ask for correction; the entry is removed after delayDays',
  doc:
    'Anyone can ask for wrong data about them to be corrected. A person listed because of a mistaken record asks ' +
    'with probability rate each day; the error is checked and the entry removed after the processing delay. ' +
    'Correct entries stay.',
  sources: [
    'GDPR Art. 5(1)(d): accuracy; Art. 16: right to rectification [P]',
    'GDPR Art. 12(3): action on a request within one month [P]',
  ],
  params: {
    rate: prob(0.01, { unit: 'per day', doc: 'probability per day that a person listed on a mistaken record requests correction (not in the sources)' }),
    delayDays: num(30, { min: 0, unit: 'days', doc: 'days from request to correction', source: 'GDPR Art. 12(3): one month' }),
    enforceDays: num(30, { min: 0, unit: 'days', doc: 'days the listing regime has to remove a corrected entry before the safeguard removes it itself (0 = at once)' }),
    lists: listIds(),
  },
  columns: ['rectifications'],
  create(world, p) {
    const n = world.n;
    const rng = world.rng('safeguard:rectification');
    const state = perList(() => ({ asked: new Int32Array(n).fill(-1), episode: new Int32Array(n).fill(-1) }));
    const orders = new RemovalOrders(p.enforceDays);
    let corrected = 0;
    return {
      publish() {
        const day = world.day;
        orders.sweep(day);
        const pr = perStep(p.rate, world.daysPerStep);
        for (const l of coveredLists(world, p.lists)) {
          const s = state(l);
          for (let i = 0; i < n; i++) {
            if (!l.on[i] || !l.mistaken[i]) continue;
            if (s.episode[i] !== l.since[i]) {
              if (!(rng() < pr)) continue;
              s.asked[i] = day; // request filed
              s.episode[i] = l.since[i]!;
            }
            const a = s.asked[i]!;
            if (a >= 0 && day >= a + p.delayDays) {
              orders.order(l, i, a, day);
              s.asked[i] = -2; // corrected; waiting for removal
              corrected++;
            }
          }
        }
      },
      record() {
        const out = { rectifications: corrected };
        corrected = 0;
        return out;
      },
    };
  },
});
