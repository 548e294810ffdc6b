/**
 * `appealing` — listed people who learn of their listing and can show it is wrong decide to appeal.
 *
 * Rule, each step of Δ days at the adapt stage, for every agent i on some blacklist l (entry
 * caused by case c = l.cause[i]):
 *   knows  — i knows of the entry from the day it was given notice (l.notice), or the list is
 *            published and i follows it (knowledge of the rules = 1), or i lost an opportunity or
 *            income to a sanction this step (world.experience: a refused ticket, a blocked loan);
 *            once known, remembered for that listing;
 *   can    — wealth ≥ costDays × income per day (an appeal costs fees and time);
 *   shows  — defense(c) > contestAt: i holds exculpatory evidence worth bringing (a wrongly listed
 *            person does more often, src/core/truth.ts; i never learns the label);
 *   decide — when knows ∧ can ∧ shows, i decides with probability 1 − (1 − rate)^Δ (keyed: agent,
 *            day, list) and keeps the intent while listed.
 * Column 'appeal_intent' (u8, APPEAL_INTENT) = 1 where i has decided; cleared as soon as i is on no
 * blacklist. The `appeals` safeguard (src/safeguards/appeals.ts) files an appeal for each agent with
 * the intent in place of its own filing rule, and sets the intent back to 0 when the appeal is lost
 * (the agent may then decide again for a later listing). Whether an appeal succeeds is for the
 * safeguard's adjudicator to decide, on the evidence. Who appeals — wrongly or rightly listed —
 * comes out of knowledge, wealth and evidence; no rate depends on the label.
 * Sources: docs/model.md#adapt (adapt: appeal records); GDPR Art. 22(3) right to contest [P]. The rate, cost
 * and threshold are modelling choices.
 */
import { defineAdaptation } from '../core/contracts.js';
import { num, prob } from '../core/params.js';
import { hashString } from '../core/rng.js';
import { chanceOverDays } from '../core/rates.js';

/** Column read by the appeals safeguard: 1 where the agent has decided to appeal its listing. */
export const APPEAL_INTENT = 'appeal_intent';

export const appealing = defineAdaptation({
  id: 'appealing',
  title: 'Appealing listings',
  summary: 'listed people who know of it, can afford it and can show an error decide to appeal; read by the appeals safeguard',
  doc:
    'A person put on a blacklist learns of it from a notice, from a published list, or by running into a sanction. ' +
    'Knowing, and able to pay for it, they decide to appeal when they have evidence to show that the record is ' +
    'wrong — which people listed by mistake have more often. Whether an appeal succeeds, and how fast, is for the ' +
    'appeals safeguard to decide.',
  sources: ['docs/model.md#adapt (adapt: appeal records)', 'GDPR Art. 22(3): right to contest [P]'],
  params: {
    rate: prob(0.05, { unit: 'probability per day', doc: 'probability per day that a person who knows, can afford it and can show something decides to appeal (modelling choice)' }),
    costDays: num(10, { min: 0, unit: 'days of income', doc: 'cost of an appeal; a person with less wealth does not appeal (modelling choice)' }),
    contestAt: num(0.5, { unit: 'sd units', doc: 'exculpatory evidence needed before a person appeals (modelling choice)' }),
  },
  columns: ['appeal_intent_share'],
  create(world, p) {
    const n = world.n;
    const intent = world.pop.addColumn(APPEAL_INTENT, 'u8', 'appealing', 'decided to appeal a listing');
    const key = world.keyed('adaptation:appealing');
    const known = new Map<string, Int32Array>(); // per list: the `since` of the listing known of (−1 none)
    const listed = new Uint8Array(n);
    return {
      adapt() {
        const day = world.day;
        const pop = world.pop;
        const x = world.experience;
        const pa = chanceOverDays(p.rate, world.daysPerStep);
        listed.fill(0);
        for (const l of world.lists.black()) {
          let k = known.get(l.id);
          if (!k) known.set(l.id, (k = new Int32Array(n).fill(-1)));
          const lk = hashString(l.id) & 0xffff;
          for (let i = 0; i < n; i++) {
            if (!l.on[i]) continue;
            listed[i] = 1;
            if (intent[i]) continue;
            const since = l.since[i]!;
            if (k[i] !== since && (l.notice[i] === 1 || (l.published && pop.knowledge[i]! >= 1) || x.opportunitiesLost[i]! > 0 || x.incomeLost[i]! > 0)) k[i] = since;
            if (k[i] !== since) continue;
            const c = l.cause[i]!;
            if (c < 0 || pop.wealth[i]! < p.costDays * pop.income[i]! || !(world.cases.defense(c) > p.contestAt)) continue;
            if (key.chance(pa, i, day, 0, lk)) intent[i] = 1;
          }
        }
        for (let i = 0; i < n; i++) if (!listed[i]) intent[i] = 0;
      },
      record() {
        let c = 0;
        for (let i = 0; i < n; i++) c += intent[i]!;
        return { appeal_intent_share: n ? c / n : null };
      },
    };
  },
});
