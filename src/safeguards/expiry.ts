/**
 * `expiry`: records lapse after a term, and list entries are erased when they reach it.
 *
 * Rule:
 * - in `create`, sets POLICY.expiryDays = termDays: regimes that honour it stop counting records
 *   older than the term (a score's memory of defaults, a registry's publication period);
 * - at the publish stage of each step, every entry of a covered blacklist that has been in force for
 *   termDays or more is removed (erasure). The removal does not mark the person as having performed:
 *   it counts in `mean_days_to_delist` only when the person had already performed (was due) and was
 *   still listed ("sticky" lists).
 *
 * Sources: China credit repair rules (2023–2025): minor records public at most 3 months, general
 * records 3 months–1 year, serious records 1–3 years; repair may be requested after the minimum
 * [P/S] (docs/calibration.md#safeguards-and-reforms). US FCRA: most negative items expire after 7 years (2,555 days) [S].
 * GDPR Art. 17: right to erasure [P]. Default term: 1 year, the upper end for "general" records.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num } from '../core/params.js';
import { POLICY } from '../core/policy.js';
import { coveredLists, listIds } from './util.js';

const REPAIR = 'China credit repair rules 2023–2025: minor ≤ 3 months, general 3 months–1 year, serious 1–3 years [P/S]';

export const expiry = defineSafeguard({
  id: 'expiry',
  title: 'Expiry and erasure of records and list entries',
  summary: 'records lapse and blacklist entries are erased after termDays',
  doc:
    'Negative records do not last for ever. Regimes that honour the expiry policy stop counting records older than ' +
    'the term, and every blacklist entry is erased once it has stood for the term, whatever the regime’s own term ' +
    'would have been. (For comparison: China’s credit repair rules keep general records public for up to a year; ' +
    'US credit reports drop most negative items after seven years.)',
  sources: [REPAIR, 'US FCRA: most negative items expire after 7 years [S]', 'GDPR Art. 17: right to erasure [P]'],
  params: {
    termDays: num(365, { min: 1, unit: 'days', doc: 'days after which a record lapses and a list entry is erased (FCRA: 2555)', source: REPAIR }),
    lists: listIds(),
  },
  columns: ['expired_removals'],
  create(world, p) {
    const n = world.n;
    world.policy.set(POLICY.expiryDays, p.termDays);
    let expired = 0;
    return {
      publish() {
        const day = world.day;
        for (const l of coveredLists(world, p.lists)) {
          if (l.count === 0) continue;
          for (let i = 0; i < n; i++) {
            if (l.on[i] && day - l.since[i]! >= p.termDays) {
              l.remove(i, day);
              expired++;
            }
          }
        }
      },
      record() {
        const out = { expired_removals: expired };
        expired = 0;
        return out;
      },
    };
  },
});
