/**
 * `standard` behaviour: the economy and the acts of the behave stage of docs/model.md#behave.
 *
 * Each step of Δ days, for every agent i:
 * - economy: income this step yᵢ = incomeᵢ·incomeMultᵢ; spending follows a habit level hᵢ that
 *   adjusts to income over `habitDays` (consumption smoothing), so a sanction that cuts income cuts
 *   savings by the full amount at first and can push savings below zero:
 *   wealth += Δ·(savingsRate·yᵢ − (1 − savingsRate)·(hᵢ − yᵢ)) + √Δ·shockSd·incomeᵢ·z, z ~ N(0, 1);
 *   hᵢ += (yᵢ − hᵢ)·(1 − exp(−Δ/habitDays)); without sanctions hᵢ = yᵢ and savings are savingsRate·yᵢ;
 * - financial stress sᵢ = clamp(1 − wealthᵢ / (incomeᵢ·bufferDays), 0, 1);
 * - violations in finance, law, commerce and consumption with rate
 *   traitᵢ,d · propensityMultᵢ,d · (1 + stressGain·sᵢ if d = finance) · mᵢ,d,
 *   mᵢ,d = 1 / (1 + κ·ĉᵢ,d^a·(Ŝᵢ,d/S_ref)^b): deterrence by the perceived certainty ĉ that a
 *   violation is sanctioned and the perceived severity Ŝ (days of income a sanction costs), both
 *   learned from one's own acts and sanctions, neighbours' sanctions, published sanctions and
 *   knowledge of the rules (src/behaviour/perception.ts; a > b: Nagin 2013);
 *   the probability of at least one act in the step is 1 − exp(−rate·Δ);
 * - good deeds (civic) with rate trait_civic·gᵢ, gᵢ = 1 + κ_r·r̂ᵢ^a·(V̂ᵢ/S_ref)^b: the perceived
 *   chance r̂ that good conduct is rewarded and the perceived value V̂ of a reward;
 *   dissent (speech) with rate dissentᵢ·(1 − censorᵢ).
 * - perceptions are updated at the adapt stage, after the step's sanctions and rewards.
 * With no regime nothing is sanctioned or rewarded, Ŝ = V̂ = 0 and m = g = 1: the rates are the
 * population's propensities (read as the rates under the existing legal order).
 * Draws are keyed (common random numbers): act of agent i in domain d on day t from
 * keyed('behaviour').u(i, t, d); the wealth shock from keyed('economy').normal(i, t, 0), so one
 * agent's changed conduct never changes another agent's draws.
 * A financial default is an act of size = `defaultDays` days of income (the unpaid obligation).
 * Sanctions act on income through `incomeMult`; a trap emerges when lower wealth raises stress
 * and so defaults (docs/model.md#sanction, "the loop that can trap people").
 */
import { defineBehaviour } from '../core/contracts.js';
import { ACT_EXPRESSION, ACT_GOOD, ACT_VIOLATION } from '../core/events.js';
import { num, prob } from '../core/params.js';
import { DOMAIN_INDEX } from '../core/population.js';
import { Perception, perceptionParams, rewardFactor, violationFactor } from './perception.js';

export const standard = defineBehaviour({
  id: 'standard',
  title: 'Standard behaviour and economy',
  summary: 'income, savings and shocks; violations that respond to stress and perceived sanctions; good deeds that respond to perceived rewards; dissent',
  doc:
    'Wealth grows by saved income and random shocks; sanctions cut income through a multiplier, and because ' +
    'spending adjusts to income only slowly, a cut income first eats into savings and can push them below zero. Agents break rules ' +
    'in finance (defaults), law, commerce and consumption at their own propensity, more often under financial ' +
    'stress (finance) and less the more likely they think a violation is to be sanctioned and the more they think a ' +
    'sanction costs; they learn both from their own acts and sanctions, from their neighbours’ sanctions and from ' +
    'published ones, and those who know the rules start from the true rate of observation. Certainty of sanction ' +
    'deters more than its severity. They do more good deeds the more likely and valuable they think a reward is, ' +
    'and voice dissent; self-censorship lowers dissent.',
  sources: [
    'docs/model.md#behave',
    'docs/calibration.md#public-opinion: only 11% knew of their local scheme (MERICS 2020)',
    'Nagin 2013, Deterrence in the twenty-first century, Crime and Justice 42:199–263',
    'Anwar & Loughran 2011, Criminology 49(3):667–698 (Bayesian updating of perceived risk after arrest and after offending without arrest)',
    'Paternoster 2010, How much do we really know about criminal deterrence?, J. Criminal Law & Criminology 100(3):765–824',
    'Stafford & Warr 1993, J. Research in Crime and Delinquency 30(2):123–135 (personal and vicarious experience of punishment and of punishment avoidance)',
  ],
  params: {
    savingsRate: prob(0.1, { doc: 'share of income added to wealth', unit: 'share' }),
    shockSd: num(0.5, { min: 0, unit: 'days of income', doc: 'sd of the daily wealth shock, in days of income' }),
    bufferDays: num(90, { min: 1, unit: 'days', doc: 'days of income of wealth below which stress rises' }),
    stressGain: num(2, { min: 0, unit: 'factor', doc: 'extra default propensity at full stress' }),
    habitDays: num(180, { min: 1, unit: 'days', doc: 'time over which spending adjusts to a change of income (habit; not from a source: a parameter to sweep)' }),
    defaultDays: num(30, { min: 0, unit: 'days of income', doc: 'size of a defaulted obligation' }),
    ...perceptionParams(),
  },
  create(world, p) {
    const n = world.n;
    const pop = world.pop;
    const act = world.keyed('behaviour');
    const econ = world.keyed('economy');
    const F = DOMAIN_INDEX.finance;
    const violating = [DOMAIN_INDEX.finance, DOMAIN_INDEX.law, DOMAIN_INDEX.commerce, DOMAIN_INDEX.consumption];
    const C = DOMAIN_INDEX.civic;
    const S = DOMAIN_INDEX.speech;
    const habit = pop.addColumn('spending_habit', 'f64', 'standard', 'income level that spending is used to, per day', false);
    const perception = new Perception(n, p);
    const stress = new Float64Array(n);
    const said = new Uint8Array(n);
    world.services.set('behaviour:perception', perception);
    return {
      init() {
        for (let i = 0; i < n; i++) habit[i] = pop.income[i]! * world.incomeMult[i]!;
      },
      behave() {
        const dt = world.daysPerStep;
        const day = world.day;
        const sq = Math.sqrt(dt);
        const adjust = 1 - Math.exp(-dt / p.habitDays);
        const { wealth, income, trait, dissent } = pop;
        const { incomeMult, propensityMult, censor } = world;
        const { chance, acted, goodChance, goodActed } = perception;
        // Pass by pass (the economy, then each domain over all agents, then good deeds and
        // dissent), so each pass streams a few arrays; the acts are pushed at the end, agent by
        // agent in the order a single pass pushed them. Every draw is keyed, so the order in which
        // they are taken changes none.
        for (let i = 0; i < n; i++) {
          const inc = income[i]! * incomeMult[i]!;
          const h = habit[i]!;
          wealth[i]! += dt * (inc * p.savingsRate - (1 - p.savingsRate) * (h - inc)) + sq * p.shockSd * income[i]! * econ.normal(i, day, 0);
          if (h !== inc) habit[i] = h + (inc - h) * adjust;
          stress[i] = Math.min(1, Math.max(0, 1 - wealth[i]! / (income[i]! * p.bufferDays)));
        }
        // violationFactor is 1 whatever ĉ when Ŝ ≤ 0 or κ ≤ 0: ĉ is then not computed
        const deters = !(p.kappa <= 0);
        for (const d of violating) {
          const o = d * n;
          for (let i = 0; i < n; i++) {
            const k = o + i;
            let rate = trait[k]! * propensityMult[k]!;
            if (d === F) rate *= 1 + p.stressGain * stress[i]!;
            const sev = perception.severity(d, i);
            if (deters && !(sev <= 0)) rate *= violationFactor(perception.certainty(world, d, i), sev, p);
            const q = 1 - Math.exp(-rate * dt);
            chance[k] = q;
            acted[k] = act.u(i, day, d) < q ? 1 : 0;
          }
        }
        // rewardFactor is 1 whatever r̂ when V̂ ≤ 0 or κ_r ≤ 0
        const rewards = !(p.rewardKappa <= 0);
        const oc = C * n;
        for (let i = 0; i < n; i++) {
          const val = perception.rewardValue(i);
          let good = trait[oc + i]!;
          if (rewards && !(val <= 0)) good *= rewardFactor(perception.rewardChance(i), val, p);
          const qg = 1 - Math.exp(-good * dt);
          goodChance[i] = qg;
          goodActed[i] = act.u(i, day, C) < qg ? 1 : 0;
          const dr = dissent[i]! * (1 - censor[i]!);
          said[i] = act.u(i, day, S) < 1 - Math.exp(-dr * dt) ? 1 : 0;
        }
        const acts = world.acts;
        const T = violating.length;
        for (let i = 0; i < n; i++) {
          for (let t = 0; t < T; t++) {
            const d = violating[t]!;
            if (acted[d * n + i]) acts.push(i, d, ACT_VIOLATION, d === F ? p.defaultDays * income[i]! : 1);
          }
          if (goodActed[i]) acts.push(i, C, ACT_GOOD, 1);
          if (said[i]) acts.push(i, S, ACT_EXPRESSION, 1);
        }
      },
      adapt() {
        perception.update(world, violating);
      },
    };
  },
});
