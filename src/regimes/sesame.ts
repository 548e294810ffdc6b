/**
 * `sesame`: Sesame Credit (Zhima), a voluntary commercial score 350–950.
 *
 * Rules:
 * - score = 350 + 600 · x^curve, x = (Σₖ wₖ·cₖ) / Σₖ wₖ over five factor groups, components cₖ ∈ [0, 1]
 *   (`curve` 3 places the members’ mean near 650, in the 'good' band, so benefit thresholds bind):
 *   credit history         c₁ = exp(−F / creditScale), F = observed finance defaults in the lookback;
 *   behaviour, preferences c₂ = exp(−(M + consumptionWeight·K) / behaviourScale), M = commerce
 *                          violations, K = consumption records (what money is spent on) in the lookback;
 *   ability to fulfil      c₃ = ½(1 − e^(−max(wealth, 0)/wealthScale)) + ½(1 − e^(−income/incomeScale));
 *   identity               c₄ = 0.5 + 0.5·u, u ~ U(0, 1) drawn once (verified education, employer,
 *                          phone): independent of group, so no disparity is written in;
 *   relationships          c₅ = mean of (s_j − 350)/600 over the agent's *joined* neighbours j, from
 *                          the previous step's scores (synchronous update), weight `friendWeight`.
 *   The lookback is `historyDays`, or POLICY.expiryDays when shorter. With `priorHistory` the run
 *   starts with a lookback of earlier records drawn from each agent's propensity × detection.
 * - POLICY.dataFriends false → c₅ = `neutral`; POLICY.dataConsumption false → K is not used;
 *   POLICY.dataIdentity false → c₄ = `neutral`. An agent without joined neighbours gets c₅ = `neutral`.
 * - Opt-in: `world.services['voluntary:sesame']` exposes `joined`; by default a share `joinShare`
 *   joins at the start (stream `regime:sesame:join`); an opt-in adaptation may change `joined`.
 *   Only members are scored. A non-member's column value is the scale minimum 350: it is the
 *   score a landlord or lender sees (no score, no deposit-free service), so mean_score is the
 *   mean score *as seen by third parties*; the members' own mean is `sesame_member_mean`.
 *   Non-members do not enter friends' c₅ (they have no score to lend).
 * - Benefits: a member at or above the first of `thresholds` gets a benefit (world.benefit);
 *   everyone is eligible (the deposit question is put to all). Each threshold passed is worth
 *   `benefitDays` days of income in `expectedBenefit(i)` (the agent's would-be score); joining
 *   costs `costDays` (data disclosed).
 * - Privacy footprint per member per step: the factor groups used + the joined friends read.
 */
import { defineRegime } from '../core/contracts.js';
import { ACT_VIOLATION } from '../core/events.js';
import { UserError } from '../core/errors.js';
import { bool, num, numList, prob } from '../core/params.js';
import { POLICY, policyOf, type VoluntaryScheme } from '../core/policy.js';
import { DOMAIN_INDEX } from '../core/population.js';
import { checkIncreasing, DatedLedger, seedPriorRecords } from './local-common.js';

const W = 'CALIBRATION.md, Sesame: factor weights, never published officially [W]';
const LO = 350;
const SPAN = 600;

export const sesame = defineRegime({
  id: 'sesame',
  title: 'Sesame Credit (voluntary commercial score 350–950 with friend effects)',
  summary: 'opt-in score 350–950 from credit history, behaviour and spending, wealth, identity and friends’ scores; benefits by threshold',
  doc:
    'A commercial score people may join. It is computed from five groups of data: credit history (defaults), ' +
    'behaviour and preferences (commercial misconduct and what money is spent on), ability to fulfil contracts ' +
    '(wealth and income), identity details, and relationships: the average score of one’s friends who are members. ' +
    'Members above thresholds get deposit-free rentals and bikes, library cards and consumer credit. Non-members ' +
    'count as the lowest score for such services. Liu (2024) finds no significant link between the score and ' +
    'repayment: it works as a loyalty programme.',
  sources: [
    'CALIBRATION.md, Sesame: range 350–950; launched 28 Jan 2015; ≈ 520M users in 2017 [S]',
    'CALIBRATION.md, Sesame: bands 350–550 poor, 550–600 fair, 600–650 good, 650–700 excellent, 700–950 very good [S]',
    W + ': credit history 35%, behaviour and preferences 25%, ability to fulfil contracts 20%, identity 15%, relationships 5%',
    'CALIBRATION.md, Sesame: thresholds deposit-free bikes ≥ 650, library card ≥ 550, ≈ ¥20k credit ≥ 750 [S/W]',
    'CALIBRATION.md, Sesame: Liu (2024, Princeton UP), no significant link between the score and repayment [S]',
  ],
  params: {
    weights: numList([0.35, 0.25, 0.2, 0.15], { length: 4, min: 0, unit: 'weight', doc: 'weights of credit history, behaviour and preferences, ability to fulfil contracts, identity', source: W }),
    friendWeight: num(0.05, { min: 0, unit: 'weight', doc: 'weight of interpersonal relationships (mean score of joined friends)', source: W }),
    curve: num(3, { min: 0.1, max: 10, unit: 'exponent', doc: 'calibration curve: score = 350 + 600·x^curve for the weighted factor mean x in [0, 1]; 3 puts the members’ mean near 650 and spreads them over the bands (1 = linear)', source: 'CALIBRATION.md, Sesame bands 350–550 poor … 700–950 very good [S]; no published distribution: calibrated so the thresholds 550/650/750 bind [W]' }),
    historyDays: num(730, { min: 1, unit: 'days', doc: 'lookback of records for credit history and behaviour', source: 'modelling assumption [W]' }),
    creditScale: num(1, { min: 0.01, unit: 'records', doc: 'finance defaults that lower credit history by a factor e' }),
    behaviourScale: num(3, { min: 0.01, unit: 'records', doc: 'weighted commerce and consumption records that lower behaviour by a factor e' }),
    consumptionWeight: num(0.25, { min: 0, unit: 'weight', doc: 'weight of a consumption record relative to a commerce violation', source: 'modelling assumption [W]' }),
    wealthScale: num(50000, { min: 1, unit: 'currency', doc: 'wealth at which its half of ability to fulfil reaches 63%' }),
    incomeScale: num(100, { min: 0.01, unit: 'currency per day', doc: 'income at which its half of ability to fulfil reaches 63%' }),
    priorHistory: bool(true, { doc: 'start with the records of a lookback before day 0, drawn from each agent’s own propensities and detection (Poisson, uniform dates), so the score starts near its steady state rather than from a clean slate' }),
    neutral: prob(0.5, { unit: 'component', doc: 'component value used when a data source is barred by policy or there is no joined friend' }),
    joinShare: prob(0.6, { doc: 'share of agents who join at the start when no opt-in adaptation decides', source: 'modelling assumption [W]; ≈ 520M users in 2017 (CALIBRATION.md) [S]' }),
    thresholds: numList([550, 650, 750], { min: LO, max: LO + SPAN, unit: 'points', doc: 'benefit thresholds, increasing (library card, deposit-free rentals, consumer credit)', source: 'CALIBRATION.md, Sesame thresholds [S/W]' }),
    benefitDays: num(2, { min: 0, unit: 'days of income', doc: 'value of each threshold passed, for the opt-in decision' }),
    costDays: num(2, { min: 0, unit: 'days of income', doc: 'cost of joining (data disclosed), for the opt-in decision' }),
  },
  columns: ['sesame_member_share', 'sesame_member_mean'],
  create(world, p) {
    const n = world.n;
    const pop = world.pop;
    checkIncreasing('sesame', 'thresholds', p.thresholds);
    const [w1, w2, w3, w4] = p.weights as [number, number, number, number];
    const wsum = w1 + w2 + w3 + w4 + p.friendWeight;
    if (!(wsum > 0)) throw new UserError('sesame: weights and friendWeight must not all be 0', undefined, 'regimes.sesame.weights');
    const score = pop.addColumn('score_sesame', 'f64', 'sesame', 'Sesame score (350 for non-members)');
    const raw = pop.addColumn('score_sesame_raw', 'f64', 'sesame', 'would-be Sesame score, members or not', false);
    const joined = pop.addColumn('optin_sesame', 'u8', 'sesame', '1 = member of Sesame Credit');
    world.offerPrimaryScore('score_sesame', LO, LO + SPAN, 'sesame');
    const identity = new Float64Array(n);
    const prev = new Float64Array(n);
    const counts = new Float64Array(3 * n); // finance, commerce, consumption records in the lookback
    const ledger = new DatedLedger(); // (day, agent, slot, 1)
    const F = DOMAIN_INDEX.finance, M = DOMAIN_INDEX.commerce, K = DOMAIN_INDEX.consumption;
    const slotOf = (d: number) => (d === F ? 0 : d === M ? 1 : d === K ? 2 : -1);
    const tiers = (s: number) => {
      let t = 0;
      for (const th of p.thresholds) if (s >= th) t++;
      return t;
    };
    const scheme: VoluntaryScheme = {
      id: 'sesame',
      joined,
      expectedBenefit: (i) => p.benefitDays * tiers(raw[i]!),
      cost: p.costDays,
    };
    world.services.set('voluntary:sesame', scheme);
    const compute = (useFriends: boolean, count: boolean) => {
      const friends = useFriends && p.friendWeight > 0 && policyOf(world, POLICY.dataFriends, true);
      const consumption = policyOf(world, POLICY.dataConsumption, true);
      const ident = policyOf(world, POLICY.dataIdentity, true);
      const { start, deg, targets } = world.adj;
      prev.set(raw); // members’ scores of the last step (raw: a member who just joined lends its would-be score)
      let used = 0;
      const groups = 3 + (ident ? 1 : 0) + (friends ? 1 : 0);
      for (let i = 0; i < n; i++) {
        const c1 = Math.exp(-counts[i]! / p.creditScale);
        const c2 = Math.exp(-(counts[n + i]! + (consumption ? p.consumptionWeight * counts[2 * n + i]! : 0)) / p.behaviourScale);
        const c3 = 0.5 * (1 - Math.exp(-Math.max(pop.wealth[i]!, 0) / p.wealthScale)) + 0.5 * (1 - Math.exp(-pop.income[i]! / p.incomeScale));
        const c4 = ident ? identity[i]! : p.neutral;
        let c5 = p.neutral;
        let m = 0;
        if (friends) {
          let sum = 0;
          for (let k = start[i]!, e = k + deg[i]!; k < e; k++) {
            const j = targets[k]!;
            if (joined[j]) {
              sum += (prev[j]! - LO) / SPAN;
              m++;
            }
          }
          if (m > 0) c5 = sum / m;
        }
        const x = (w1 * c1 + w2 * c2 + w3 * c3 + w4 * c4 + p.friendWeight * c5) / wsum;
        const s = LO + SPAN * (p.curve === 1 ? x : Math.pow(x, p.curve));
        raw[i] = Math.min(LO + SPAN, Math.max(LO, s));
        score[i] = joined[i] ? raw[i]! : LO;
        if (joined[i]) used += groups + m;
      }
      if (count) world.stats.dataPoints += used;
    };
    const lookback = () => Math.min(p.historyDays, policyOf(world, POLICY.expiryDays, Infinity));
    return {
      init() {
        const r = world.rng('regime:sesame:identity');
        for (let i = 0; i < n; i++) identity[i] = 0.5 + 0.5 * r();
        const j = world.rng('regime:sesame:join');
        for (let i = 0; i < n; i++) joined[i] = j() < p.joinShare ? 1 : 0;
        if (p.priorHistory)
          seedPriorRecords(world, lookback(), [[0, F], [1, M], [2, K]], world.rng('regime:sesame:prior'), ledger, (i, slot) => counts[slot * n + i]!++);
        score.fill(LO);
        compute(false, false); // first pass: friends neutral; second: friends' first scores
        compute(true, false);
      },
      score() {
        const r = world.records;
        for (let k = 0; k < r.length; k++) {
          const slot = slotOf(r.domain[k]!);
          if (slot < 0 || r.kind[k] !== ACT_VIOLATION) continue;
          counts[slot * n + r.agent[k]!]!++;
          ledger.push(world.day, r.agent[k]!, slot, 1);
        }
        ledger.popUntil(world.day - lookback(), (i, slot) => counts[slot * n + i]!--);
        compute(true, true);
      },
      sanction() {
        const t0 = p.thresholds[0] ?? Infinity;
        for (let i = 0; i < n; i++) {
          world.benefitEligible[i] = 1;
          if (joined[i] && score[i]! >= t0) world.benefit[i] = 1;
        }
      },
      record() {
        let m = 0, s = 0;
        for (let i = 0; i < n; i++) {
          if (!joined[i]) continue;
          m++;
          s += score[i]!;
        }
        return { sesame_member_share: n ? m / n : null, sesame_member_mean: m ? s / m : null };
      },
    };
  },
});
