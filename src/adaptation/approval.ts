/**
 * `approval` — each agent's approval of the scoring system (world.pop.approval, in [0, 1]) moves
 * with what the system brings it and with how untrustworthy it finds the people around it.
 *
 * Each step of Δ days, with α = 1 − (1 − speed)^Δ (exponential smoothing):
 *   aᵢ ← aᵢ + α · (Tᵢ − aᵢ),   Tᵢ = clamp(a⁰ᵢ + benefitWeight·bᵢ − sanctionWeight·sᵢ + trustWeight·dᵢ, 0, 1)
 * where
 *   a⁰ᵢ = the agent's approval at the start of the run (its prior attitude);
 *   bᵢ  = world.benefit[i] (1 when the system brought it a benefit this step);
 *   sᵢ  = min(1, (1 − incomeMultᵢ) + listedᵢ + [lost opportunities rose this step]) — sanctions felt:
 *         income cut, being on a blacklist, an opportunity lost (own or household's);
 *   dᵢ  = share of i's neighbours who are on a blacklist or whose normalised primary score is below
 *         `lowScore` — perceived untrustworthiness around it, which raises the value of a system that
 *         "sorts out the untrustworthy" (76% report distrust in society, Kostka 2019). When the primary
 *         score belongs to a voluntary scheme, its non-members are unscored and do not count as low.
 * Nothing about who approves is written in: wealth and group are never read. That richer people
 * approve more (Kostka 2019) can only emerge through benefits and sanctions.
 * Sources: CALIBRATION.md "Public opinion" (Kostka 2019: ~80% approve, more among richer; 76%
 * distrust in society). Weights and speed are assumptions to sweep.
 */
import { defineAdaptation } from '../core/contracts.js';
import { num, prob } from '../core/params.js';
import { normalisedScore, perStep, scoredMask } from './util.js';

export const approval = defineAdaptation({
  id: 'approval',
  title: 'Approval of the system',
  summary: 'approval moves with benefits, sanctions and perceived untrustworthiness of neighbours',
  doc:
    'Each person starts with their own view of the system. It improves while the system brings them benefits, ' +
    'worsens while they are sanctioned (income cut, blacklisted, an opportunity lost), and improves the more ' +
    'of their acquaintances are blacklisted or poorly scored — a system that "sorts out the untrustworthy" seems ' +
    'more useful to those who distrust the people around them. Views change gradually.',
  sources: ['CALIBRATION.md "Public opinion": Kostka (2019), ~80% approve, higher among richer; 76% report distrust in society'],
  params: {
    speed: prob(0.02, { unit: 'per day', doc: 'smoothing rate of approval towards its target' }),
    benefitWeight: num(0.3, { min: 0, max: 1, unit: 'approval', doc: 'rise of the target in a step that brought a benefit' }),
    sanctionWeight: num(0.5, { min: 0, max: 1, unit: 'approval', doc: 'fall of the target under a full sanction' }),
    trustWeight: num(0.3, { min: 0, max: 1, unit: 'approval per share', doc: 'rise of the target per unit share of untrustworthy neighbours' }),
    lowScore: prob(0.3, { unit: 'normalised score', doc: 'a neighbour scoring below this (of the primary score range) counts as untrustworthy' }),
  },
  create(world, p) {
    const n = world.n;
    const a = world.pop.approval;
    const prior = new Float32Array(n);
    const lostBefore = new Int32Array(n);
    const listed = new Uint8Array(n);
    const untrust = new Uint8Array(n);
    const score = new Float64Array(n);
    return {
      init() {
        prior.set(a);
        lostBefore.set(world.lostOpportunity);
      },
      adapt() {
        const hasList = world.lists.black().length > 0;
        if (hasList) world.lists.anyBlack(listed);
        const hasScore = normalisedScore(world, score);
        const scored = hasScore ? scoredMask(world) : null;
        for (let i = 0; i < n; i++) {
          const low = hasScore && score[i]! < p.lowScore && (!scored || scored[i] === 1);
          untrust[i] = listed[i]! | (low ? 1 : 0);
        }
        const { start, deg, targets } = world.adj;
        const alpha = perStep(p.speed, world.daysPerStep);
        const lost = world.lostOpportunity;
        for (let i = 0; i < n; i++) {
          const d = deg[i]!;
          let share = 0;
          if (d > 0 && (hasList || hasScore)) {
            const st = start[i]!;
            let c = 0;
            for (let k = st; k < st + d; k++) c += untrust[targets[k]!]!;
            share = c / d;
          }
          const lostNow = lost[i]! > lostBefore[i]! ? 1 : 0;
          lostBefore[i] = lost[i]!;
          const s = Math.min(1, Math.max(0, 1 - world.incomeMult[i]!) + listed[i]! + lostNow);
          const t = prior[i]! + p.benefitWeight * world.benefit[i]! - p.sanctionWeight * s + p.trustWeight * share;
          const target = t < 0 ? 0 : t > 1 ? 1 : t;
          a[i] = a[i]! + alpha * (target - a[i]!);
        }
      },
    };
  },
});
