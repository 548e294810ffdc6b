/**
 * `public-registry`: public lists of offenders and of insolvent debtors, as kept in many Western
 * countries (criminal records open to employers; insolvency registers).
 *
 * Rules, each step of Δ days:
 * - offender registry: each observed law-domain violation record becomes a conviction with
 *   probability `convictionProb`; a conviction is proposed for the blacklist 'offender-registry'
 *   for `offenderTermDays` (mistaken when the record was mistaken);
 * - insolvency registry: an agent whose wealth is below −`insolvencyDays` × daily income, or who has
 *   at least `defaultCount` observed finance defaults within `windowDays`, is proposed for the
 *   blacklist 'insolvency-registry' for `insolvencyTermDays` (mistaken when neither holds without
 *   the mistaken records; after a blocked proposal or a removal by a safeguard it is retried only
 *   after a new default or `windowDays`); an entry is marked due once wealth is back above zero and removed
 *   `delistDays` later, or at the end of its term;
 * - consequences (published: employers see): an agent on either registry earns
 *   `incomeMult` × its income while listed; at each job search (`jobSearchesPerYear`) it loses an
 *   opportunity with probability `employerCheck`.
 * All listings go through world.lists.propose (safeguards' guards apply; delayed ones are re-checked
 * when due). The `expiry` policy shortens terms and windows. The rule never reads group.
 * Sources: docs/model.md#public-criminal-and-insolvency-registries (no calibration in docs/calibration.md#systems-without-calibration);
 * docs/calibration.md#safeguards-and-reforms, China credit repair: serious records public 1–3 years [P/S] (term defaults).
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_VIOLATION } from '../../core/events.js';
import { num, prob } from '../../core/params.js';
import { DOMAIN_INDEX } from '../../core/population.js';
import { FACT_EVIDENCE, listTerm, lookback, RecordWindow, sweepList } from './helpers.js';
import { chanceFromRate } from '../../core/rates.js';

const REPAIR = 'docs/calibration.md#safeguards-and-reforms: serious records public 1–3 years (China credit repair) [P/S]; used as a comparable term';

export const publicRegistry = defineRegime({
  id: 'public-registry',
  title: 'Public registries of offenders and insolvent debtors',
  summary: 'published lists of convicted offenders and insolvent debtors that employers consult',
  doc:
    'Two public lists. A recorded offence may lead to a conviction, which is published on the offender registry ' +
    'for some years. Someone deep in debt, or with repeated recorded defaults, is published on the insolvency ' +
    'registry until they recover. Employers look people up: those listed earn less and lose job opportunities.',
  sources: ['docs/model.md#public-criminal-and-insolvency-registries: Public criminal and insolvency registries (no calibration in docs/calibration.md#systems-without-calibration)', REPAIR],
  params: {
    convictionProb: prob(0.2, { doc: 'chance that a recorded law violation becomes a published conviction (modelling choice)' }),
    offenderTermDays: num(1095, { min: 1, unit: 'days', doc: 'years a conviction stays public (3 years)', source: REPAIR }),
    insolvencyDays: num(90, { min: 0, unit: 'days of income', doc: 'debt (negative wealth) in days of income that counts as insolvency' }),
    defaultCount: num(3, { min: 1, int: true, unit: 'records', doc: 'observed finance defaults in the window that count as insolvency' }),
    windowDays: num(365, { min: 1, unit: 'days', doc: 'look-back window for defaults' }),
    insolvencyTermDays: num(365, { min: 1, unit: 'days', doc: 'longest time on the insolvency registry (UK: discharge after 1 year; not in docs/calibration.md)' }),
    delistDays: num(90, { min: 0, unit: 'days', doc: 'days from recovery (wealth ≥ 0) to removal from the insolvency registry' }),
    incomeMult: prob(0.85, { unit: 'multiplier', doc: 'income multiplier while on a public registry (employers see it; modelling choice)' }),
    jobSearchesPerYear: num(2, { min: 0, unit: 'per year', doc: 'job searches (or checks) per agent per year' }),
    employerCheck: prob(0.5, { doc: 'share of employers that consult the registries' }),
  },
  columns: ['offender_listed', 'insolvency_listed'],
  create(world, p) {
    const n = world.n;
    const off = world.lists.get('offender-registry', 'black', { domain: DOMAIN_INDEX.law, published: true });
    const ins = world.lists.get('insolvency-registry', 'black', { domain: DOMAIN_INDEX.finance, published: true });
    const defaults = new RecordWindow(n, world.cases);
    const blockedAt = new Int32Array(n).fill(-1);
    const wasOn = new Uint8Array(n);
    const kConv = world.keyed('regime:public-registry');
    const kJob = world.keyed('regime:public-registry:jobs');
    const L = DOMAIN_INDEX.law;
    const F = DOMAIN_INDEX.finance;
    const { wealth, income } = world.pop;
    const insolventByDebt = (i: number) => wealth[i]! < -p.insolvencyDays * income[i]!;
    return {
      score() {
        const r = world.records;
        const day = world.day;
        defaults.expire(day, lookback(world, p.windowDays));
        let used = n;
        for (let k = 0; k < r.length; k++) {
          if (r.kind[k] !== ACT_VIOLATION) continue;
          const i = r.agent[k]!;
          if (r.domain[k] === F) {
            defaults.add(day, i, r.cause(k));
            blockedAt[i] = -1;
            used++;
          } else if (r.domain[k] === L && kConv.u(i, day, 0, k) < p.convictionProb) {
            used++;
            if (off.on[i] || world.lists.isPending(off, i)) continue;
            world.lists.propose({ list: off, agent: i, day, cause: r.cause(k), severity: 1, termDays: listTerm(world, p.offenderTermDays) });
          }
        }
        for (let i = 0; i < n; i++) {
          if (wasOn[i] && !ins.on[i]) blockedAt[i] = day; // removed by a safeguard: wait as after a block
          if (ins.on[i]) {
            if (wealth[i]! >= 0) ins.markDue(i, day);
            continue;
          }
          const byDebt = insolventByDebt(i);
          if (!byDebt && defaults.all[i]! < p.defaultCount) continue;
          if ((blockedAt[i]! >= 0 && day - blockedAt[i]! < p.windowDays) || world.lists.isPending(ins, i)) continue;
          const res = world.lists.propose({
            list: ins,
            agent: i,
            day,
            cause: byDebt ? world.cases.make(FACT_EVIDENCE, 0, false, F) : defaults.cause(i, p.defaultCount),
            severity: Math.max(0, -wealth[i]! / income[i]!),
            termDays: listTerm(world, p.insolvencyTermDays),
            stillDue: () => insolventByDebt(i) || defaults.all[i]! >= p.defaultCount,
          });
          blockedAt[i] = res === 'blocked' ? day : -1;
        }
        world.stats.dataPoints += used;
      },
      sanction() {
        sweepList(off, world.day);
        sweepList(ins, world.day, p.delistDays);
        for (let i = 0; i < n; i++) wasOn[i] = ins.on[i]!;
        const pJob = chanceFromRate(p.jobSearchesPerYear / 365, world.daysPerStep);
        for (let i = 0; i < n; i++) {
          if (!off.on[i] && !ins.on[i]) continue;
          world.incomeMult[i]! *= p.incomeMult;
          if (kJob.u(i, world.day, 0) < pJob && kJob.u(i, world.day, 1) < p.employerCheck) world.lostOpportunity[i]!++;
        }
      },
      record: () => ({ offender_listed: n ? off.count / n : null, insolvency_listed: n ? ins.count / n : null }),
    };
  },
});
