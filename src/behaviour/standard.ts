/**
 * `standard` behaviour: the economy and the acts of MODEL.md's behave stage.
 *
 * Each step of Δ days, for every agent i:
 * - economy: income this step yᵢ = incomeᵢ·incomeMultᵢ; spending follows a habit level hᵢ that
 *   adjusts to income over `habitDays` (consumption smoothing), so a sanction that cuts income cuts
 *   savings by the full amount at first and can push savings below zero:
 *   wealth += Δ·(savingsRate·yᵢ − (1 − savingsRate)·(hᵢ − yᵢ)) + √Δ·shockSd·incomeᵢ·z, z ~ N(0, 1);
 *   hᵢ += (yᵢ − hᵢ)·(1 − exp(−Δ/habitDays)); without sanctions hᵢ = yᵢ and savings are savingsRate·yᵢ;
 * - financial stress sᵢ = clamp(1 − wealthᵢ / (incomeᵢ·bufferDays), 0, 1);
 * - violations in finance, law, commerce and consumption with rate
 *   traitᵢ,d · propensityMultᵢ,d · (1 + stressGain·sᵢ if d = finance) · (1 − deterrence·knowledgeᵢ·beliefᵢ,d),
 *   where belief = the detection probability the agent faces (detect[d, group]·watch);
 *   the probability of at least one act in the step is 1 − exp(−rate·Δ);
 * - good deeds (civic) with rate trait_civic; dissent (speech) with rate dissentᵢ·(1 − censorᵢ).
 * A financial default is an act of size = `defaultDays` days of income (the unpaid obligation).
 * Sanctions act on income through `incomeMult`; a trap emerges when lower wealth raises stress
 * and so defaults (MODEL.md, "the loop that can trap people").
 */
import { defineBehaviour } from '../core/contracts.js';
import { ACT_EXPRESSION, ACT_GOOD, ACT_VIOLATION } from '../core/events.js';
import { num, prob } from '../core/params.js';
import { DOMAIN_INDEX } from '../core/population.js';

export const standard = defineBehaviour({
  id: 'standard',
  title: 'Standard behaviour and economy',
  summary: 'income, savings and shocks; violations that respond to stress and deterrence; good deeds; dissent',
  doc:
    'Wealth grows by saved income and random shocks; sanctions cut income through a multiplier, and because ' +
    'spending adjusts to income only slowly, a cut income first eats into savings and can push them below zero. Agents break rules ' +
    'in finance (defaults), law, commerce and consumption at their own propensity, more often under financial ' +
    'stress (finance) and less when they know the rules and expect to be observed. They do good deeds and voice ' +
    'dissent; self-censorship lowers dissent.',
  sources: ['MODEL.md (behave stage)', 'CALIBRATION.md: only 11% knew of their local scheme (MERICS 2020)'],
  params: {
    savingsRate: prob(0.1, { doc: 'share of income added to wealth', unit: 'share' }),
    shockSd: num(0.5, { min: 0, unit: 'days of income', doc: 'sd of the daily wealth shock, in days of income' }),
    bufferDays: num(90, { min: 1, unit: 'days', doc: 'days of income of wealth below which stress rises' }),
    stressGain: num(2, { min: 0, unit: 'factor', doc: 'extra default propensity at full stress' }),
    deterrence: prob(0.5, { doc: 'reduction of violations when the rules are known and observation is certain' }),
    habitDays: num(180, { min: 1, unit: 'days', doc: 'time over which spending adjusts to a change of income (habit; not from a source: a parameter to sweep)' }),
    defaultDays: num(30, { min: 0, unit: 'days of income', doc: 'size of a defaulted obligation' }),
  },
  create(world, p) {
    const n = world.n;
    const pop = world.pop;
    const rng = world.rng('behaviour');
    const econ = world.rng('economy');
    const F = DOMAIN_INDEX.finance;
    const violating = [DOMAIN_INDEX.finance, DOMAIN_INDEX.law, DOMAIN_INDEX.commerce, DOMAIN_INDEX.consumption];
    const C = DOMAIN_INDEX.civic;
    const S = DOMAIN_INDEX.speech;
    const habit = pop.addColumn('spending_habit', 'f64', 'standard', 'income level that spending is used to, per day', false);
    return {
      init() {
        for (let i = 0; i < n; i++) habit[i] = pop.income[i]! * world.incomeMult[i]!;
      },
      behave() {
        const dt = world.daysPerStep;
        const sq = Math.sqrt(dt);
        const adjust = 1 - Math.exp(-dt / p.habitDays);
        const { wealth, income, trait, knowledge, dissent, group } = pop;
        for (let i = 0; i < n; i++) {
          const inc = income[i]! * world.incomeMult[i]!;
          const h = habit[i]!;
          wealth[i]! += dt * (inc * p.savingsRate - (1 - p.savingsRate) * (h - inc)) + sq * p.shockSd * income[i]! * econ.normal();
          if (h !== inc) habit[i] = h + (inc - h) * adjust;
          const stress = Math.min(1, Math.max(0, 1 - wealth[i]! / (income[i]! * p.bufferDays)));
          const g = group[i]!;
          for (const d of violating) {
            const belief = Math.min(1, world.detect[d * 2 + g]! * world.watch[i]!);
            let rate = trait[d * n + i]! * world.propensityMult[d * n + i]! * (1 - p.deterrence * knowledge[i]! * belief);
            if (d === F) rate *= 1 + p.stressGain * stress;
            if (rng() < 1 - Math.exp(-rate * dt)) {
              world.acts.push(i, d, ACT_VIOLATION, d === F ? p.defaultDays * income[i]! : 1);
            }
          }
          if (rng() < 1 - Math.exp(-trait[C * n + i]! * dt)) world.acts.push(i, C, ACT_GOOD, 1);
          const dr = dissent[i]! * (1 - world.censor[i]!);
          if (rng() < 1 - Math.exp(-dr * dt)) world.acts.push(i, S, ACT_EXPRESSION, 1);
        }
      },
    };
  },
});
