/**
 * `facebook-lending`: the rule of Facebook's patent US 9,100,400 — a loan application goes ahead
 * only if the mean credit score of the applicant's friends is at least `minFriendScore`.
 *
 * Rules, each step of Δ days:
 * - credit scores (300–850): the column `score_fico` when a `fico` regime runs in the same world,
 *   otherwise this regime's own bureau score (src/regimes/comparators/credit.ts: observed finance
 *   defaults, wealth relative to income and in currency, history, mix);
 * - each agent applies for a loan with probability 1 − (1 − applyRate)^Δ (benefit_eligible = 1);
 * - the application proceeds (benefit = 1) when mean_{j ∈ friends(i)} score_j ≥ minFriendScore and
 *   the applicant's own score ≥ minOwnScore (300 = no own check: the patent rule alone);
 *   an applicant without friends has no average and is rejected;
 * - the rule never reads the applicant's group; a disparity between groups can only come from
 *   wealth differences carried through homophilous ties.
 * Policy: with `data.friends` = false (data-limits) the friend rule cannot be applied; the decision
 * uses the applicant's own score against `minFriendScore` instead.
 *
 * Sources: docs/calibration.md#facebook-lending-patent (US 9,100,400) [S]; FICO mean ≈ 700 (2017) [S].
 */
import { defineRegime } from '../../core/contracts.js';
import { num, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { CreditScore } from './credit.js';
import { chanceOverDays } from '../../core/rates.js';

const PATENT = 'docs/calibration.md#facebook-lending-patent: US 9,100,400, friends’ average credit rating ≥ minimum [S]';

export const facebookLending = defineRegime({
  id: 'facebook-lending',
  title: 'Facebook lending patent (friends’ average credit score)',
  summary: 'a loan proceeds only if the applicant’s friends have a mean credit score ≥ a minimum (US 9,100,400)',
  doc:
    'When someone applies for a loan, the lender looks at the credit scores of the applicant’s friends. If their ' +
    'average is at least the minimum, the application goes ahead; otherwise it is rejected. The rule never looks at ' +
    'the applicant’s group, but friends tend to resemble each other, so people whose friends are poorer are turned ' +
    'down more often. If friends’ data may not be used (data-limits), the applicant’s own score decides.',
  sources: [PATENT, 'docs/calibration.md#credit-bureaus: FICO 300–850, weights; FICO 8 mean ≈ 700 (2017) [S]', 'docs/calibration.md#credit-bureaus: US FCRA 7-year expiry [S]'],
  params: {
    minFriendScore: num(680, { min: 300, max: 850, unit: 'points', doc: 'minimum mean credit score of the friends; the patent names no number: 680, a little below the population mean (≈ 690 here, FICO ≈ 700), lets about 70% of applicants through (modelling choice)', source: PATENT }),
    minOwnScore: num(300, { min: 300, max: 850, unit: 'points', doc: 'own score needed as well (300 = none: the patent rule alone)' }),
    applyRate: prob(0.05, { unit: 'probability per day', doc: 'chance per day that an agent applies for a loan' }),
    wealthScale: num(50_000, { min: 1, unit: 'currency', doc: 'wealth at which the capacity part of the own credit score is half full (population median wealth)' }),
    expiryDays: num(2555, { min: 1, unit: 'days', doc: 'days after which a default no longer counts', source: 'US FCRA 7 years (docs/calibration.md#credit-bureaus) [S]' }),
  },
  columns: ['lending_apply_rate', 'lending_approval_rate'],
  create(world, p) {
    const n = world.n;
    const score = world.pop.addColumn('score_lending', 'f64', 'facebook-lending', 'credit score used by the lending rule (300–850)');
    const friendMean = world.pop.addColumn('lending_friend_mean', 'f64', 'facebook-lending', 'mean credit score of friends (NaN without friends)', false);
    world.offerPrimaryScore('score_lending', 300, 850, 'facebook-lending');
    const credit = new CreditScore(world, { expiryDays: p.expiryDays, severityScale: 1, wealthScale: p.wealthScale });
    const kApply = world.keyed('regime:facebook-lending');
    let fico: Float64Array | Float32Array | null = null;
    let applied = 0;
    let approved = 0;
    const refresh = () => {
      if (fico) for (let i = 0; i < n; i++) score[i] = fico[i]!;
      else {
        credit.compute();
        for (let i = 0; i < n; i++) score[i] = 300 + 550 * credit.value[i]!;
      }
    };
    return {
      init() {
        const col = world.pop.column('score_fico');
        fico = col instanceof Float64Array || col instanceof Float32Array ? col : null;
        credit.init(world.rng('regime:facebook-lending:init'));
        refresh();
      },
      score() {
        if (!fico) world.stats.dataPoints += credit.ingest() + n * 4;
        refresh();
      },
      sanction() {
        const useFriends = policyOf(world, POLICY.dataFriends, true);
        const pApply = chanceOverDays(p.applyRate, world.daysPerStep);
        const { start, deg, targets } = world.adj;
        applied = 0;
        approved = 0;
        let used = 0;
        for (let i = 0; i < n; i++) {
          if (kApply.u(i, world.day, 0) >= pApply) continue;
          applied++;
          world.benefitEligible[i] = 1;
          let ok: boolean;
          if (useFriends) {
            const d = deg[i]!;
            let s = 0;
            for (let k = start[i]!, e = k + d; k < e; k++) s += score[targets[k]!]!;
            friendMean[i] = d > 0 ? s / d : NaN;
            used += d + 1;
            ok = d > 0 && s / d >= p.minFriendScore && score[i]! >= p.minOwnScore;
          } else {
            used += 1;
            ok = score[i]! >= Math.max(p.minFriendScore, p.minOwnScore);
          }
          if (ok) {
            world.benefit[i] = 1;
            approved++;
          }
        }
        world.stats.dataPoints += used;
      },
      record() {
        return { lending_apply_rate: n ? applied / n : null, lending_approval_rate: applied ? approved / applied : null };
      },
    };
  },
});
