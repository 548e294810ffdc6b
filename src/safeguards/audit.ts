/**
 * `audit`: an oversight body periodically checks a sample of every blacklist, removes the entries
 * it finds wrong and publishes the error rate it found.
 *
 * Rule: every `everyDays` days (first audit on day everyDays), at the publish stage, for every
 * covered blacklist, each entry in force is drawn into the sample with probability `sampleShare`
 * (keyed: agent, day, list). The auditors (util.ts, Decider) re-examine each sampled case from the
 * source data — file evidence e and their own look r, d′ = diligence·√s, s = min(1, capacity ×
 * everyDays ÷ sample size: the auditors have the whole interval for the sample) — without hearing
 * the person:
 *   L = q_f(e − q_f/2) + q_l(r − q_l/2),
 * and find the entry wrong when L < λ = standard − (1 − independence)·bias; it is then ordered off
 * the list: list.markDue(i, audit day), removal by the listing regime's own rule, or by the audit
 * body `enforceDays` later if the entry is still listed (util.ts, RemovalOrders). The audit publishes
 *   audit_checked    = entries checked at the last audit (all lists),
 *   audit_error_rate = entries found wrong ÷ entries checked at the last audit (the body's estimate,
 *                      with its own errors both ways; null before the first audit or when nothing
 *                      was checked),
 * and, as a metric from ground truth, audit_found_mistaken = entries found wrong that were mistaken.
 *
 * Sources: the source's Part V proposes an oversight body that checks the lists; GDPR Art. 5(1)(d)
 * accuracy and Art. 5(2) accountability; Art. 58 supervisory authorities' audits [P]. Signal
 * detection: Green & Swets (1966). Frequency, sample size, diligence and caseload are modelling
 * choices; the body is independent by default (independence 1).
 */
import { defineSafeguard } from '../core/contracts.js';
import type { ListState } from '../core/lists.js';
import { num, prob } from '../core/params.js';
import { coveredLists, Decider, deciderParams, listIds, listKey, RemovalOrders } from './util.js';

export const audit = defineSafeguard({
  id: 'audit',
  title: 'Audit body: periodic checks of the lists for errors',
  summary: 'every everyDays a sample of each blacklist is re-examined; entries found wrong are removed; error rate published',
  doc:
    'An oversight body checks the blacklists at regular intervals. It draws a sample of the entries, re-examines ' +
    'the source data behind each, takes off the list those the evidence does not support, and publishes the share ' +
    'of checked entries it found wrong. With too few auditors for the sample, each check is shallower and more ' +
    'errors stay; an audit body that answers to the listing authority finds fewer.',
  sources: [
    'GDPR Art. 5(1)(d) accuracy, Art. 5(2) accountability, Art. 58 audits by supervisory authorities [P]',
    'the source’s Part V reforms: an oversight body for the lists',
    'Green & Swets, Signal Detection Theory and Psychophysics (1966)',
  ],
  params: {
    everyDays: num(90, { min: 1, unit: 'days', doc: 'days between audits (modelling choice)' }),
    sampleShare: prob(0.1, { unit: 'share', doc: 'share of the entries of each list drawn into an audit sample (modelling choice)' }),
    ...deciderParams('auditor', { diligence: 2, casesPerDay: 10, staffPer1000: 0.02, independence: 1, bias: 2, standard: 0 }),
    enforceDays: num(30, { min: 0, unit: 'days', doc: 'days the listing regime has to remove an entry found wrong before the audit body removes it itself (0 = at once)' }),
    lists: listIds(),
  },
  columns: ['audit_error_rate', 'audit_checked', 'audit_found_mistaken'],
  create(world, p) {
    const n = world.n;
    const judge = new Decider(world, 'safeguard:audit', p);
    const SAMPLE = 0, LOOK = 1;
    let next = p.everyDays;
    let lastChecked: number | null = null;
    let lastFound: number[] = [];
    const orders = new RemovalOrders(p.enforceDays);
    return {
      publish() {
        const day = world.day;
        orders.sweep(day);
        if (day < next) return;
        while (next <= day) next += p.everyDays;
        const sample: [l: ListState, i: number][] = [];
        const lists = coveredLists(world, p.lists);
        for (const l of lists) {
          if (l.count === 0) continue;
          const k = listKey(l);
          for (let i = 0; i < n; i++) if (l.on[i] && judge.key.chance(p.sampleShare, i, day, SAMPLE, k)) sample.push([l, i]);
        }
        judge.load(sample.length, p.everyDays);
        const found: number[] = [];
        for (const [l, i] of sample) {
          const c = l.cause[i]!;
          if (!judge.upholds(c, i, LOOK, listKey(l), false)) {
            found.push(c);
            orders.order(l, i, day, day);
          }
        }
        lastChecked = sample.length;
        lastFound = found;
      },
      record() {
        let wrong = 0;
        for (const c of lastFound) if (world.cases.isMistaken(c)) wrong++;
        return {
          audit_checked: lastChecked,
          audit_error_rate: lastChecked ? lastFound.length / lastChecked : null,
          audit_found_mistaken: lastChecked === null ? null : wrong,
        };
      },
    };
  },
});
