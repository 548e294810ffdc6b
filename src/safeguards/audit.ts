/**
 * `audit`: an independent body periodically checks a sample of every blacklist for errors, removes
 * the mistaken entries it finds and publishes the error rate.
 *
 * Rule: every `everyDays` days (first audit on day everyDays), at the publish stage, for every
 * covered blacklist, each entry in force is checked with probability `sampleShare`; a mistaken
 * entry that is checked is found with probability `detectRate` and then ordered off the list:
 * list.markDue(i, audit day), removal by the listing regime's own rule, or by the audit body
 * `enforceDays` later if the entry is still listed (util.ts, RemovalOrders). The audit publishes
 *   audit_checked    = entries checked at the last audit (all lists),
 *   audit_error_rate = mistaken entries found ÷ entries checked at the last audit
 * (null before the first audit or when nothing was checked) — an unbiased estimate of the share of
 * listed entries that are wrong when detectRate = 1.
 *
 * Sources: the source's Part V proposes an oversight body that checks the lists; GDPR Art. 5(1)(d)
 * accuracy and Art. 5(2) accountability; Art. 58 supervisory authorities' audits [P]. Frequency and
 * sample size are not in the sources: parameters.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num, prob } from '../core/params.js';
import { coveredLists, listIds, RemovalOrders } from './util.js';

export const audit = defineSafeguard({
  id: 'audit',
  title: 'Audit body: periodic checks of the lists for errors',
  summary: 'every everyDays a sample of each blacklist is checked; mistaken entries found are removed; error rate published',
  doc:
    'An independent body checks the blacklists at regular intervals. It draws a sample of the entries, looks for ' +
    'ones that rest on mistaken records, takes those people off the list, and publishes the share of checked ' +
    'entries that were wrong.',
  sources: [
    'GDPR Art. 5(1)(d) accuracy, Art. 5(2) accountability, Art. 58 audits by supervisory authorities [P]',
    'MODEL.md, safeguards: an audit body (the source’s Part V reforms)',
  ],
  params: {
    everyDays: num(90, { min: 1, unit: 'days', doc: 'days between audits' }),
    sampleShare: prob(0.1, { unit: 'share', doc: 'share of the entries of each list checked at an audit' }),
    detectRate: prob(1, { doc: 'probability that checking a mistaken entry finds the error' }),
    enforceDays: num(30, { min: 0, unit: 'days', doc: 'days the listing regime has to remove an entry found wrong before the audit body removes it itself (0 = at once)' }),
    lists: listIds(),
  },
  columns: ['audit_error_rate', 'audit_checked'],
  create(world, p) {
    const n = world.n;
    const rng = world.rng('safeguard:audit');
    let next = p.everyDays;
    let lastChecked: number | null = null;
    let lastFound = 0;
    const orders = new RemovalOrders(p.enforceDays);
    return {
      publish() {
        const day = world.day;
        orders.sweep(day);
        if (day < next) return;
        while (next <= day) next += p.everyDays;
        let checked = 0, found = 0;
        for (const l of coveredLists(world, p.lists)) {
          if (l.count === 0) continue;
          for (let i = 0; i < n; i++) {
            if (!l.on[i] || !(rng() < p.sampleShare)) continue;
            checked++;
            if (l.mistaken[i] && rng() < p.detectRate) {
              found++;
              orders.order(l, i, day, day);
            }
          }
        }
        lastChecked = checked;
        lastFound = found;
      },
      record() {
        return {
          audit_checked: lastChecked,
          audit_error_rate: lastChecked ? lastFound / lastChecked : null,
        };
      },
    };
  },
});
