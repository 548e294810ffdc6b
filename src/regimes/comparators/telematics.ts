/**
 * `telematics`: consensual monitoring for a discount (Progressive Snapshot: a device or app records
 * how one drives; the insurer gives a discount and may charge more for risky driving).
 *
 * Rules, each step of Δ days:
 * - every agent holds a policy with annual premium `premiumDays` days of income and is offered the
 *   scheme (benefit_eligible); a member gets the discount (benefit = 1, wealth += discount · premium
 *   pro rata) and pays `surcharge` · premium for each of its observed law-domain violations (risky
 *   driving) while a member;
 * - monitoring: a member's detection is multiplied by `monitoringFactor` (world.watch[i] × factor
 *   while joined, divided back on leaving; reconciled at each behave stage, so another plug-in —
 *   the `opt-in` adaptation — may flip `joined`);
 * - joining: the scheme is registered as `voluntary:telematics` (VoluntaryScheme). Expected benefit
 *   of i per year, in days of income: discount · premium − surcharge · premium · (expected observed
 *   risky acts per year under monitoring, from i's own law propensity), so safe drivers gain more.
 *   With `selfSelect`, agents review at `reviewsPerYear` (and all at the start) and join when the
 *   expected benefit exceeds their perceived privacy cost (`privacyCost` × a personal taste,
 *   lognormal, drawn once); set it false when an opt-in adaptation decides.
 * Sources: docs/model.md#consensual-monitoring (Progressive Snapshot): opt in to monitoring for a
 * discount; no calibration in docs/calibration.md#systems-without-calibration — the premium, discount and surcharge are modelling choices.
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_VIOLATION } from '../../core/events.js';
import { bool, num, prob } from '../../core/params.js';
import type { VoluntaryScheme } from '../../core/policy.js';
import { DOMAIN_INDEX } from '../../core/population.js';
import { chanceFromRate } from '../../core/rates.js';

export const telematics = defineRegime({
  id: 'telematics',
  title: 'Consensual monitoring for a discount (Progressive Snapshot)',
  summary: 'voluntary driving monitor: a discount for joining, more risky acts detected and surcharged',
  doc:
    'An insurer offers a discount to drivers who let it monitor their driving. Those who join pay less, but their ' +
    'risky driving is seen far more often and each risky act found raises what they pay. People join when the ' +
    'discount they expect outweighs the privacy they give up, so careful drivers join more than risky ones.',
  sources: ['docs/model.md#consensual-monitoring: Consensual monitoring (Progressive Snapshot), opt-in trade-off (no calibration in docs/calibration.md#systems-without-calibration)'],
  params: {
    premiumDays: num(15, { min: 0, unit: 'days of income per year', doc: 'annual insurance premium (modelling choice)' }),
    discount: prob(0.1, { unit: 'share of premium', doc: 'discount for members' }),
    surcharge: prob(0.1, { unit: 'share of premium', doc: 'charge per observed risky act of a member' }),
    monitoringFactor: num(3, { min: 1, unit: 'multiplier', doc: 'multiplier on the detection of a member’s law-domain acts' }),
    privacyCost: num(0.5, { min: 0, unit: 'days of income per year', doc: 'mean perceived cost of being monitored' }),
    privacySigma: num(1, { min: 0, unit: 'log sd', doc: 'spread of the personal privacy cost (lognormal)' }),
    selfSelect: bool(true, { doc: 'agents decide with this regime’s rule (false: an opt-in adaptation decides)' }),
    reviewsPerYear: num(4, { min: 0, unit: 'per year', doc: 'times per year an agent reconsiders' }),
  },
  columns: ['telematics_joined_share', 'telematics_risk_ratio'],
  create(world, p) {
    const n = world.n;
    const joined = world.pop.addColumn('optin_telematics', 'u8', 'telematics', '1 = joined the telematics scheme');
    const taste = new Float64Array(n);
    const applied = new Uint8Array(n);
    const rInit = world.rng('regime:telematics:init');
    const kReview = world.keyed('regime:telematics');
    const L = DOMAIN_INDEX.law;
    const { trait, income, wealth, group } = world.pop;
    const expectedBenefit = (i: number) => {
      const seen = Math.min(1, world.detect[L * 2 + group[i]!]! * world.watch[i]! * (applied[i] ? 1 : p.monitoringFactor));
      const acts = trait[L * n + i]! * world.propensityMult[L * n + i]! * 365 * seen;
      return p.premiumDays * (p.discount - p.surcharge * acts);
    };
    const scheme: VoluntaryScheme = { id: 'telematics', joined, expectedBenefit, cost: p.privacyCost };
    world.services.set('voluntary:telematics', scheme);
    const decide = (i: number) => (joined[i] = expectedBenefit(i) > p.privacyCost * taste[i]! ? 1 : 0);
    return {
      init() {
        for (let i = 0; i < n; i++) taste[i] = Math.exp(p.privacySigma * rInit.normal() - 0.5 * p.privacySigma * p.privacySigma);
        if (p.selfSelect) for (let i = 0; i < n; i++) decide(i);
      },
      behave() {
        for (let i = 0; i < n; i++) {
          if (joined[i] && !applied[i]) world.watch[i]! *= p.monitoringFactor;
          else if (!joined[i] && applied[i]) world.watch[i]! /= p.monitoringFactor;
          applied[i] = joined[i]!;
        }
      },
      score() {
        const r = world.records;
        let used = 0;
        for (let k = 0; k < r.length; k++) {
          const i = r.agent[k]!;
          if (r.domain[k] !== L || r.kind[k] !== ACT_VIOLATION || !applied[i]) continue;
          wealth[i]! -= p.surcharge * p.premiumDays * income[i]!;
          used++;
        }
        for (let i = 0; i < n; i++) used += applied[i]! * world.daysPerStep;
        world.stats.dataPoints += used;
      },
      sanction() {
        const pay = p.discount * p.premiumDays * (world.daysPerStep / 365);
        for (let i = 0; i < n; i++) {
          world.benefitEligible[i] = 1;
          if (!applied[i]) continue;
          world.benefit[i] = 1;
          wealth[i]! += pay * income[i]!;
        }
      },
      adapt() {
        if (!p.selfSelect) return;
        const pr = chanceFromRate(p.reviewsPerYear / 365, world.daysPerStep);
        for (let i = 0; i < n; i++) if (kReview.u(i, world.day, 0) < pr) decide(i);
      },
      record() {
        let j = 0, tj = 0, to = 0;
        for (let i = 0; i < n; i++) {
          if (joined[i]) {
            j++;
            tj += trait[L * n + i]!;
          } else to += trait[L * n + i]!;
        }
        const ratio = j > 0 && j < n && to > 0 ? tj / j / (to / (n - j)) : null;
        return { telematics_joined_share: n ? j / n : null, telematics_risk_ratio: ratio };
      },
    };
  },
});
