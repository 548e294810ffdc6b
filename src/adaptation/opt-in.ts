/**
 * `opt-in` — agents join or leave voluntary schemes (Sesame Credit, consensual monitoring) by
 * weighing what joining brings them against what it costs.
 *
 * Every voluntary regime exposes a `VoluntaryScheme` as world.services 'voluntary:<id>'
 * (src/core/policy.ts): `joined` (u8 per agent), `expectedBenefit(i)` and `cost`, in the scheme's
 * own units. Each step of Δ days an agent reviews its choice with probability min(1, Δ/reviewDays)
 * (so on average every `reviewDays` days). At a review it draws a fresh taste shock and computes
 *   uᵢ = expectedBenefit(i) − cost + noise·z,  z ~ N(0, 1);
 * a non-member joins when uᵢ > stickiness, a member leaves when uᵢ < −stickiness (a switching
 * cost: inertia). Nothing about who joins is written in: agents with good records join more only
 * because the scheme's expectedBenefit is larger for them.
 * Reviews run at the adapt stage; at init every agent makes a first choice, joining when uᵢ > 0
 * (no switching cost yet), so the first step already reflects choices.
 * `noise` and `stickiness` are in the scheme's units (as its cost). Source: docs/model.md#adapt (opt in or out
 * of voluntary systems); docs/calibration.md#sesame-credit: Sesame Credit is voluntary ("a loyalty program", Liu
 * 2024); consensual monitoring (Progressive Snapshot) trades data for a discount.
 */
import { defineAdaptation } from '../core/contracts.js';
import { num } from '../core/params.js';
import { voluntarySchemes } from '../core/policy.js';

export const optIn = defineAdaptation({
  id: 'opt-in',
  title: 'Opting in and out of voluntary schemes',
  summary: 'agents join voluntary schemes when expected benefit − cost + noise exceeds a switching cost',
  doc:
    'Every so often each person reconsiders each voluntary scheme: they join when what they expect to gain from ' +
    'it exceeds what it costs them in data and privacy (plus a personal taste that varies), and leave when it no ' +
    'longer does. Switching has a cost, so people do not flip back and forth. The scheme itself says what an agent ' +
    'can expect to gain; those with good records gain more.',
  sources: ['docs/model.md#adapt (adapt: opt in or out of voluntary systems)', 'docs/calibration.md#sesame-credit: Sesame Credit (voluntary, Liu 2024); consensual monitoring (Progressive Snapshot)'],
  params: {
    reviewDays: num(30, { min: 1, unit: 'days', doc: 'mean days between reviews of an agent’s choice' }),
    noise: num(1, { min: 0, unit: 'scheme units (as cost)', doc: 'sd of the taste shock drawn at each review' }),
    stickiness: num(0.5, { min: 0, unit: 'scheme units (as cost)', doc: 'switching cost: joining needs u > stickiness, leaving u < −stickiness' }),
  },
  columns: ['optin_share'],
  create(world, p) {
    const n = world.n;
    const key = world.keyed('adaptation:opt-in');
    const review = (all: boolean) => {
      const schemes = voluntarySchemes(world);
      const pr = all ? 1 : Math.min(1, world.daysPerStep / p.reviewDays);
      for (const s of schemes) {
        const j = s.joined;
        for (let i = 0; i < n; i++) {
          if (pr < 1 && !(key.u(i, world.day, 0) < pr)) continue;
          const u = s.expectedBenefit(i) - s.cost + p.noise * key.normal(i, world.day, 1);
          if (all) j[i] = u > 0 ? 1 : 0;
          else if (j[i]) {
            if (u < -p.stickiness) j[i] = 0;
          } else if (u > p.stickiness) j[i] = 1;
        }
      }
    };
    return {
      init: () => review(true),
      adapt: () => review(false),
      record() {
        const schemes = voluntarySchemes(world);
        if (schemes.length === 0 || n === 0) return { optin_share: null };
        let c = 0;
        for (const s of schemes) for (let i = 0; i < n; i++) c += s.joined[i]!;
        return { optin_share: c / (n * schemes.length) };
      },
    };
  },
});
