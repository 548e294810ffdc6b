/**
 * `appealing` — agents who know that a listing against them is wrong appeal it with some probability.
 *
 * Contract with the `appeals` safeguard (src/safeguards/appeals.ts), which decides appeals:
 *   - world.policy 'appeals.rate' (APPEALS_RATE) = `rate`, the probability per day that a person who
 *     knows they are wrongly listed appeals; set in create, for a safeguard that models appeals by a
 *     rate alone;
 *     the safeguard as it stands reads this key at each publish stage and uses it in place of its own
 *     `appealRate` for every mistaken entry (it treats every wrongly listed person as knowing);
 *   - per-agent column 'appeal_intent' (u8, APPEAL_INTENT): 1 while agent i is on some blacklist on
 *     a mistaken entry (ListState.mistaken), knows it, and has decided to appeal; 0 otherwise. It is
 *     cleared as soon as i is no longer on any blacklist on a mistaken entry. A safeguard may read it
 *     at any stage of the next step (it is written at adapt) to file appeals only for those who know;
 *     the current appeals safeguard does not read it (it is exported to agents.csv for analysis).
 * An agent knows its listing is wrong when it was given notice of it (ListState.notice), or else
 * once it discovers the listing (probability `discover` per day: a refused ticket, a blocked loan).
 * Knowing, it decides to appeal with probability 1 − (1 − rate)^Δ per step; the safeguard may set
 * the intent back to 0 when it rejects an appeal (the agent may then decide again). Agents listed on true
 * records never appeal here (fulfilling the obligation is their route off the list).
 * Source: MODEL.md (adapt: appeal records); CALIBRATION.md "Safeguards": GDPR Art. 22 right to contest.
 */
import { defineAdaptation } from '../core/contracts.js';
import { prob } from '../core/params.js';
import { perStep } from './util.js';

/** Policy key read by the appeals safeguard: probability per day that a wrongly listed person appeals. */
export const APPEALS_RATE = 'appeals.rate';
/** Column read by the appeals safeguard: 1 where the agent has decided to appeal a mistaken listing. */
export const APPEAL_INTENT = 'appeal_intent';

export const appealing = defineAdaptation({
  id: 'appealing',
  title: 'Appealing wrong listings',
  summary: 'people who know they are wrongly listed decide to appeal (rate per day); read by the appeals safeguard',
  doc:
    'A person put on a blacklist by mistake learns of it from a notice, or later by running into a sanction. ' +
    'Knowing the listing is wrong, they decide to appeal with some probability per day. Whether an appeal ' +
    'succeeds, and how fast, is for the appeals safeguard to decide.',
  sources: ['MODEL.md (adapt: appeal records)', 'CALIBRATION.md "Safeguards": GDPR Art. 22 (right to contest)'],
  params: {
    rate: prob(0.05, { unit: 'probability per day', doc: 'probability per day that a person who knows of a wrong listing appeals' }),
    discover: prob(0.05, { unit: 'probability per day', doc: 'probability per day that a person listed without notice learns of it' }),
  },
  columns: ['appeal_intent_share'],
  create(world, p) {
    const n = world.n;
    world.policy.set(APPEALS_RATE, p.rate);
    const intent = world.pop.addColumn(APPEAL_INTENT, 'u8', 'appealing', 'decided to appeal a mistaken listing');
    const knows = new Uint8Array(n);
    const wrong = new Uint8Array(n);
    const noticed = new Uint8Array(n);
    const rng = world.rng('adaptation:appealing');
    return {
      adapt() {
        wrong.fill(0);
        noticed.fill(0);
        for (const l of world.lists.black()) {
          for (let i = 0; i < n; i++) {
            if (l.on[i] && l.mistaken[i]) {
              wrong[i] = 1;
              noticed[i] |= l.notice[i]!;
            }
          }
        }
        const pd = perStep(p.discover, world.daysPerStep);
        const pa = perStep(p.rate, world.daysPerStep);
        for (let i = 0; i < n; i++) {
          if (!wrong[i]) {
            knows[i] = 0;
            intent[i] = 0;
            continue;
          }
          if (!knows[i] && (noticed[i] || rng() < pd)) knows[i] = 1;
          if (knows[i] && !intent[i] && rng() < pa) intent[i] = 1;
        }
      },
      record() {
        let c = 0;
        for (let i = 0; i < n; i++) c += intent[i]!;
        return { appeal_intent_share: n ? c / n : null };
      },
    };
  },
});
