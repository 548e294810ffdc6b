/**
 * `risk-list`: risk-based security listing (no-fly lists, risk codes) with travel consequences.
 *
 * Rules, each step of Δ days:
 * - score: the observed law-domain violation records of each agent over the last `windowDays` are
 *   counted, mistaken ones (misidentification, error) included — the list cannot tell them apart;
 * - when a new record arrives and the count reaches `threshold`, the agent is proposed for the
 *   blacklist 'risk-list' (world.lists.propose, so safeguards' guards may block or delay it) for
 *   `termDays`. The listing is mistaken when the true records in the window fall short of the
 *   threshold (it would not have happened without the mistaken ones). A delayed listing is
 *   withdrawn if, when due, the window no longer holds `threshold` records (`stillDue`). A blocked
 *   proposal is not repeated until a new record arrives;
 * - publish/sanction: listings end when their term ends, or `delistDays` after someone marks them due
 *   (proven wrongly listed); each agent takes trips at `tripsPerYear` (benefit_eligible = 1); a
 *   listed agent's trip is blocked (counted as `blocked_trips`, one lost opportunity), others travel
 *   (benefit = 1).
 * Policy: the `expiry` policy shortens the window and the term. The rule never reads group.
 * Defaults: one record in a year lists a person for a year, so a single false match can list an
 * innocent person (the case the misidentification and due-process safeguards are tested on).
 * Sources: docs/model.md#no-fly-lists-and-risk-codes (No-fly lists, risk codes: no calibration); docs/calibration.md#court-blacklist-and-joint-punishment:
 * ≈ 1.9 flights blocked per listed person (China, Jul 2019) [S] is a total over 2013–2019, not a rate:
 * with listings growing linearly since Oct 2013 the average person had been listed 2.875 years, so the
 * rate is 1.9 ÷ 2.875 ≈ 0.66 flights a year (the same conversion court-travel uses) — `tripsPerYear`.
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_VIOLATION } from '../../core/events.js';
import { num } from '../../core/params.js';
import { DOMAIN_INDEX } from '../../core/population.js';
import { listTerm, lookback, RecordWindow, sweepList } from './helpers.js';
import { chanceFromRate } from '../../core/rates.js';

export const riskList = defineRegime({
  id: 'risk-list',
  title: 'Risk-based security list (no-fly list, risk codes)',
  summary: 'observed (or mistaken) law records in a window put a person on a security list that blocks travel',
  doc:
    'A security agency keeps a list of people it considers risky. Anyone with at least the threshold number of ' +
    'recorded law violations in the look-back window is listed for a fixed term, and cannot travel while listed. ' +
    'Records from mistaken identification count like true ones, so an innocent person can be listed. Safeguards ' +
    '(notice, review, appeals) act on each proposed listing.',
  sources: [
    'docs/model.md#no-fly-lists-and-risk-codes: No-fly lists, risk codes — risk-based security lists (no calibration in docs/calibration.md#systems-without-calibration)',
    'Court blacklist totals, Jul 2019: ≈ 27.3M plane tickets blocked for > 14.5M listed, ≈ 1.9 per person over 2013–2019 [S]; ÷ 2.875 mean years listed ≈ 0.66 a year',
  ],
  params: {
    threshold: num(1, { min: 1, int: true, unit: 'records', doc: 'law records in the window that trigger a listing' }),
    windowDays: num(365, { min: 1, unit: 'days', doc: 'look-back window for records' }),
    termDays: num(365, { min: 1, unit: 'days', doc: 'listing term (modelling choice; no source)' }),
    delistDays: num(0, { min: 0, unit: 'days', doc: 'days from being marked due (proven wrongly listed) to removal' }),
    tripsPerYear: num(0.66, { min: 0, unit: 'trips per year', doc: 'trips each agent tries to take', source: 'Jul 2019: ≈ 1.9 flights blocked per listed person in total [S] ÷ 2.875 mean years listed (linear growth since Oct 2013) ≈ 0.66 a year' }),
  },
  columns: ['risk_listed', 'risk_blocked_trips'],
  create(world, p) {
    const n = world.n;
    const list = world.lists.get('risk-list', 'black', { domain: DOMAIN_INDEX.law });
    const win = new RecordWindow(n, world.cases);
    const fresh = new Uint8Array(n);
    const trip = world.keyed('regime:risk-list');
    const L = DOMAIN_INDEX.law;
    let blocked = 0;
    return {
      score() {
        const r = world.records;
        const day = world.day;
        const windowDays = lookback(world, p.windowDays);
        win.expire(day, windowDays);
        const touched: number[] = [];
        for (let k = 0; k < r.length; k++) {
          if (r.domain[k] !== L || r.kind[k] !== ACT_VIOLATION) continue;
          const i = r.agent[k]!;
          win.add(day, i, r.cause(k));
          if (!fresh[i]) touched.push(i);
          fresh[i] = 1;
        }
        world.stats.dataPoints += touched.length;
        for (const i of touched) {
          fresh[i] = 0;
          if (list.on[i] || win.all[i]! < p.threshold || world.lists.isPending(list, i)) continue;
          world.lists.propose({
            list,
            agent: i,
            day,
            cause: win.cause(i, p.threshold),
            severity: win.all[i]!,
            termDays: listTerm(world, p.termDays),
            stillDue: () => {
              win.expire(world.day, lookback(world, p.windowDays));
              return win.all[i]! >= p.threshold;
            },
          });
        }
      },
      sanction() {
        sweepList(list, world.day, p.delistDays);
        const pTrip = chanceFromRate(p.tripsPerYear / 365, world.daysPerStep);
        let b = 0;
        for (let i = 0; i < n; i++) {
          if (trip.u(i, world.day, 0) >= pTrip) continue;
          world.benefitEligible[i] = 1;
          if (list.on[i]) {
            b++;
            world.lostOpportunity[i]!++;
          } else world.benefit[i] = 1;
        }
        blocked += b;
        if (b) world.stats.add('blocked_trips', b);
      },
      record() {
        const out = { risk_listed: n ? list.count / n : null, risk_blocked_trips: blocked };
        blocked = 0;
        return out;
      },
    };
  },
});
