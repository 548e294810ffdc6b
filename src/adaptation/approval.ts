/**
 * `approval` — each agent's approval of the scoring system (world.pop.approval, in [0, 1]) is
 * formed by what it lives through: benefits and honours received pull it up; sanctions suffered,
 * and sanctions seen on the people it knows, pull it down; and it moves towards the views of its
 * neighbours (DeGroot social influence). No term is anchored to the agent's own starting value:
 * the initial approval only sets where it starts, and it is forgotten as experience accumulates.
 *
 * Within a step of Δ days, with the step's experience held fixed, approval follows
 *   daᵢ/dt = wB·bᵢ·(1 − aᵢ) + wS·sᵢ·(0 − aᵢ) + wN·nᵢ·(0 − aᵢ) + wD·[degᵢ > 0]·(āᵢ − aᵢ),
 * solved exactly: with Wᵢ = wB·bᵢ + wS·sᵢ + wN·nᵢ + wD·[degᵢ > 0] and
 * vᵢ = (wB·bᵢ + wD·[degᵢ > 0]·āᵢ)/Wᵢ,   aᵢ ← vᵢ + (aᵢ − vᵢ)·exp(−Wᵢ·Δ)   (no change when Wᵢ = 0), where
 *   bᵢ = 1 when the system brought i a benefit or an honour this step (world.benefit, or any
 *        world.experience.rewarded bit);
 *   sᵢ = min(1, [sanctioned this step in any domain, or on a black list in force]
 *        + incomeLostᵢ/Δ + [an opportunity lost this step]) — sanctions felt (world.experience);
 *   nᵢ = share of i's neighbours seen sanctioned this step (any domain, on a black list in force,
 *        or losing income or an opportunity to a sanction);
 *   āᵢ = mean approval of i's neighbours at the start of the step (synchronous update).
 * The long-run level therefore depends on the regime (how many benefits, how many sanctions, to
 * whom) and on the network, not on where approval started: with experience flowing in, the weight
 * of the start decays like exp(−W·t). Without any experience (no regime), the DeGroot term alone
 * only averages the starting views — the control in the tests.
 * Sanctions seen on neighbours only lower approval: the agent cannot tell whether a sanction was
 * deserved (ground truth is never read), and the association of approval with distrust of others
 * in Kostka (2019) is a cross-sectional correlation, not a measured effect of seeing a neighbour
 * sanctioned — a "sorting out the untrustworthy" term that raised approval would write that
 * correlation in, so none is kept. Wealth and group are never read: any gradient of approval by
 * wealth or group comes from who receives benefits and sanctions.
 * Calibration target (reported by tests/adaptation/emergence-approval.test.ts, met or not):
 * Kostka, "China's social credit systems and public opinion", New Media & Society 21:1565 (2019),
 * online survey of 2,209 respondents: about 80% approve of social credit systems; approval is
 * higher among the richer, better educated and urban.
 * Sources: DeGroot, "Reaching a consensus", JASA 69:118 (1974) (averaging of neighbours' views);
 * Tversky & Kahneman, "Advances in prospect theory", J. Risk Uncertainty 5:297 (1992) (loss
 * aversion λ ≈ 2.25: the pull of a sanction is 2.25 × that of a benefit). The rates themselves
 * are modelling choices to sweep.
 */
import { defineAdaptation } from '../core/contracts.js';
import { num } from '../core/params.js';
import { neighbourMean, neighbourShare, sanctionedAny } from './util.js';

export const approval = defineAdaptation({
  id: 'approval',
  title: 'Approval of the system',
  summary: 'approval formed by experience: benefits received, sanctions suffered or seen, neighbours’ views',
  doc:
    'People judge the system by what it does to them and to those around them. Each day with a benefit or an ' +
    'honour pulls their approval up; a sanction (a listing, lost income, a lost opportunity) pulls it down more ' +
    'strongly; seeing friends sanctioned pulls it down too; and everyone drifts towards what their friends ' +
    'think. Where someone started matters less and less: after enough experience, approval reflects the regime ' +
    'and one’s place in it.',
  sources: [
    'Kostka, New Media & Society 21:1565 (2019): ~80% approve, higher among richer, better-educated, urban (2,209 respondents) — calibration target, not an input',
    'DeGroot, JASA 69:118 (1974): averaging of neighbours’ opinions',
    'Tversky & Kahneman, J. Risk Uncertainty 5:297 (1992): loss aversion λ ≈ 2.25',
  ],
  params: {
    benefitWeight: num(0.01, { min: 0, unit: 'per day', doc: 'pull towards full approval on a day that brings a benefit or an honour (modelling choice)' }),
    sanctionWeight: num(0.0225, {
      min: 0,
      unit: 'per day',
      doc: 'pull towards no approval on a day under a full sanction',
      source: 'Tversky & Kahneman (1992): loss aversion λ ≈ 2.25 × benefitWeight (applied to a sanction vs a benefit: modelling choice)',
    }),
    seenWeight: num(0.01, { min: 0, unit: 'per day per share', doc: 'pull towards no approval per unit share of neighbours seen sanctioned (modelling choice)' }),
    socialWeight: num(0.02, { min: 0, unit: 'per day', doc: 'pull towards the neighbours’ mean approval (DeGroot social influence; modelling choice)', source: 'DeGroot (1974)' }),
  },
  create(world, p) {
    const n = world.n;
    const a = world.pop.approval;
    const hit = new Uint8Array(n);
    const listed = new Uint8Array(n);
    const seen = new Float64Array(n);
    const mean = new Float64Array(n);
    return {
      adapt() {
        const D = world.daysPerStep;
        const ex = world.experience;
        sanctionedAny(world, hit);
        neighbourShare(world, hit, seen);
        neighbourMean(world, a, mean);
        listed.fill(0);
        for (const l of world.lists.black()) for (let i = 0; i < n; i++) listed[i]! |= l.on[i]!;
        const deg = world.adj.deg;
        for (let i = 0; i < n; i++) {
          const b = world.benefit[i] || ex.rewarded[i] ? 1 : 0;
          const felt = (ex.sanctioned[i] || listed[i] ? 1 : 0) + ex.incomeLost[i]! / D + (ex.opportunitiesLost[i]! > 0 ? 1 : 0);
          const s = felt < 1 ? felt : 1;
          const social = deg[i]! > 0 ? p.socialWeight : 0;
          const up = p.benefitWeight * b;
          const W = up + p.sanctionWeight * s + p.seenWeight * seen[i]! + social;
          if (W <= 0) continue;
          const v = (up + social * mean[i]!) / W;
          a[i] = v + (a[i]! - v) * Math.exp(-W * D);
        }
      },
    };
  },
});
