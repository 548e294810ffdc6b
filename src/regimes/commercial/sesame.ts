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
 *   relationships          c₅ = mean of (s_j − 350)/600 over the agent's *joined* neighbours j on the
 *                          tie layers of `friendLayers` (default: online ties, the contacts the platform
 *                          sees; households are offline ties), from the previous step's scores
 *                          (synchronous update), weight `friendWeight`.
 *   The lookback is `historyDays`, or POLICY.expiryDays when shorter. With `priorHistory` the run
 *   starts with a lookback of earlier records drawn from each agent's propensity × detection.
 * - POLICY.dataFriends false → c₅ = `neutral`; POLICY.dataConsumption false → K is not used;
 *   POLICY.dataIdentity false → c₄ = `neutral`. An agent without joined neighbours gets c₅ = `neutral`.
 * - Opt-in: `world.services['voluntary:sesame']` exposes `joined`; by default a share `joinShare`
 *   joins at the start (stream `regime:sesame:join`); an opt-in adaptation may change `joined`.
 *   joinShare 0.45 is a derivation, not a published share: about 520 million Sesame users in 2017
 *   (Ant Financial, as reported in the press) ÷ about 1.14 billion people aged 16 and over in China
 *   at the end of 2017 (National Bureau of Statistics, Statistical Communiqué on the 2017 National
 *   Economic and Social Development: about 902 million aged 16–59 and 241 million aged 60 and
 *   over) ≈ 0.455, rounded to 0.45; agents stand for adults, online or not. (Over internet users
 *   only — 772 million at the end of 2017, CNNIC 41st Statistical Report — the share would be 0.67.)
 *   Only members are scored. A non-member's column value is the scale minimum 350: it is the
 *   score a landlord or lender sees (no score, no deposit-free service), so mean_score is the
 *   mean score *as seen by third parties*; the members' own mean is `sesame_member_mean`.
 *   Non-members do not enter friends' c₅ (they have no score to lend).
 * - Benefits: a member at or above the first of `thresholds` gets a benefit (world.benefit);
 *   everyone is eligible (the deposit question is put to all). Each threshold passed is worth
 *   `benefitDays` days of income in `expectedBenefit(i)` (the agent's would-be score); joining
 *   costs `costDays` (data disclosed).
 * - Privacy footprint per member per step: the factor groups used + the joined friends read.
 * - Friend effect (src/core/friend-effect.ts, service 'friend-effect:sesame'): weight() =
 *   friendWeight / Σw while friends are read (0 with friendWeight 0 or POLICY.dataFriends false);
 *   scoreNow / scoreWithout / scoreWith evaluate the formula above for agent i with its own factors
 *   of the last scoring and its friends' current scores, over the ties as they are when asked
 *   (with a tie removed or added); thresholds are `thresholds`; non-members are unscored.
 *
 * Sources: range, launch and users: Sesame Credit / Ant Financial (launch 28 Jan 2015; about 520M
 * users in 2017, press reports); bands 350–550 poor, 550–600 fair, 600–650 good, 650–700
 * excellent, 700–950 very good (Sesame Credit); factor weights never published officially, as
 * reported in the press (credit history 35%, behaviour and preferences 25%, ability to fulfil
 * contracts 20%, identity 15%, interpersonal relationships 5%); benefit thresholds as reported
 * (sources disagree): library card without deposit ≥ 550, deposit-free bike sharing ≥ 650, about
 * ¥20k consumer credit ≥ 750; Liu, "From Click to Boom" (Princeton UP, 2024): no significant link
 * between the score and repayment. Modelling choices: the scales, `curve`, `historyDays`,
 * `consumptionWeight`, `neutral`, `benefitDays`, `costDays`, `friendLayers`.
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_VIOLATION } from '../../core/events.js';
import { UserError } from '../../core/errors.js';
import { LAYER_ONLINE } from '../../core/adjacency.js';
import { friendEffectKey, type FriendEffect } from '../../core/friend-effect.js';
import { bookService, PointBook, pointsServiceKey } from '../../core/points.js';
import { bool, num, numList, oneOf, prob } from '../../core/params.js';
import { POLICY, policyOf, type VoluntaryScheme } from '../../core/policy.js';
import { DOMAIN_INDEX } from '../../core/population.js';
import { checkIncreasing, DatedLedger, seedPriorRecords } from '../municipal/helpers.js';

const W = 'Sesame Credit factor weights, never published officially, as reported in the press [W]';
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
    'Sesame Credit (Ant Financial): range 350–950; launched 28 Jan 2015; ≈ 520M users in 2017 (press reports) [S]',
    'Sesame Credit bands: 350–550 poor, 550–600 fair, 600–650 good, 650–700 excellent, 700–950 very good [S]',
    W + ': credit history 35%, behaviour and preferences 25%, ability to fulfil contracts 20%, identity 15%, relationships 5%',
    'Reported thresholds (sources disagree): deposit-free bikes ≥ 650, library card ≥ 550, ≈ ¥20k credit ≥ 750 [S/W]',
    'Liu, From Click to Boom (Princeton UP, 2024): no significant link between the score and repayment [S]',
    'National Bureau of Statistics of China, Statistical Communiqué on 2017: ≈ 1.14 billion people aged 16 and over (for joinShare)',
  ],
  params: {
    weights: numList([0.35, 0.25, 0.2, 0.15], { length: 4, min: 0, unit: 'weight', doc: 'weights of credit history, behaviour and preferences, ability to fulfil contracts, identity', source: W }),
    friendWeight: num(0.05, { min: 0, unit: 'weight', doc: 'weight of interpersonal relationships (mean score of joined friends)', source: W }),
    curve: num(3, { min: 0.1, max: 10, unit: 'exponent', doc: 'calibration curve: score = 350 + 600·x^curve for the weighted factor mean x in [0, 1]; 3 puts the members’ mean near 650 and spreads them over the bands (1 = linear)', source: 'Sesame Credit bands 350–550 poor … 700–950 very good [S]; no published distribution: a modelling choice so the thresholds 550/650/750 bind [W]' }),
    friendLayers: oneOf('online', ['online', 'any'] as const, { doc: "ties whose joined friends enter the relationships factor: 'online' (the contacts the platform sees; households are offline) or 'any' layer", source: 'modelling choice: the relationships factor is read from the platform’s contact network' }),
    historyDays: num(730, { min: 1, unit: 'days', doc: 'lookback of records for credit history and behaviour', source: 'modelling assumption [W]' }),
    creditScale: num(1, { min: 0.01, unit: 'records', doc: 'finance defaults that lower credit history by a factor e' }),
    behaviourScale: num(3, { min: 0.01, unit: 'records', doc: 'weighted commerce and consumption records that lower behaviour by a factor e' }),
    consumptionWeight: num(0.25, { min: 0, unit: 'weight', doc: 'weight of a consumption record relative to a commerce violation', source: 'modelling assumption [W]' }),
    wealthScale: num(50000, { min: 1, unit: 'currency', doc: 'wealth at which its half of ability to fulfil reaches 63%' }),
    incomeScale: num(100, { min: 0.01, unit: 'currency per day', doc: 'income at which its half of ability to fulfil reaches 63%' }),
    priorHistory: bool(true, { doc: 'start with the records of a lookback before day 0, drawn from each agent’s own propensities and detection (Poisson, uniform dates), so the score starts near its steady state rather than from a clean slate' }),
    neutral: prob(0.5, { unit: 'component', doc: 'component value used when a data source is barred by policy or there is no joined friend' }),
    joinShare: prob(0.45, { doc: 'share of agents who join at the start when no opt-in adaptation decides', source: 'derivation: ≈ 520M Sesame users in 2017 (press reports) ÷ ≈ 1.14 billion people aged 16+ in China at end-2017 (National Bureau of Statistics) ≈ 0.455' }),
    thresholds: numList([550, 650, 750], { min: LO, max: LO + SPAN, unit: 'points', doc: 'benefit thresholds, increasing (library card, deposit-free rentals, consumer credit)', source: 'reported Sesame thresholds (sources disagree) [S/W]' }),
    benefitDays: num(2, { min: 0, unit: 'days of income', doc: 'value of each threshold passed, for the opt-in decision' }),
    costDays: num(2, { min: 0, unit: 'days of income', doc: 'cost of joining (data disclosed), for the opt-in decision' }),
  },
  columns: ['sesame_member_share', 'sesame_member_mean', 'sesame_wrong_live_points'],
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
    const ledger = new DatedLedger(); // (day, agent, slot, 1 for a record before day 0 | −1 − entry id)
    const book = new PointBook();
    const entrySlot: number[] = [];
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
    const layers = p.friendLayers === 'online' ? LAYER_ONLINE : 0xff;
    const base = new Float64Array(n); // w₁c₁ + … + w₄c₄ of the last scoring
    let friendsOn = false; // whether the last scoring read friends
    let consumptionOn = true; // whether the last scoring read consumption records
    const friendPart = new Float64Array(n); // friendWeight·c₅ of the last scoring
    const toScore = (x: number) => Math.min(LO + SPAN, Math.max(LO, LO + SPAN * (p.curve === 1 ? x : Math.pow(x, p.curve))));
    const compute = (useFriends: boolean, count: boolean) => {
      const friends = useFriends && p.friendWeight > 0 && policyOf(world, POLICY.dataFriends, true);
      friendsOn = friends;
      const consumption = policyOf(world, POLICY.dataConsumption, true);
      consumptionOn = consumption;
      const ident = policyOf(world, POLICY.dataIdentity, true);
      const { start, deg, targets, layer } = world.adj;
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
            if (joined[j] && (layer[k]! & layers) !== 0) {
              sum += (prev[j]! - LO) / SPAN;
              m++;
            }
          }
          if (m > 0) c5 = sum / m;
        }
        base[i] = w1 * c1 + w2 * c2 + w3 * c3 + w4 * c4;
        friendPart[i] = p.friendWeight * c5;
        raw[i] = toScore((base[i]! + friendPart[i]!) / wsum);
        score[i] = joined[i] ? raw[i]! : LO;
        if (joined[i]) used += groups + m;
      }
      if (count) world.stats.dataPoints += used;
    };
    // what a tie does to i's own score: the formula with i's own factors of the last scoring and
    // its friends' current scores, over the ties as they are now, minus j or plus l
    const friendScore = (i: number, drop: number, add: number) => {
      if (!friendsOn) return toScore((base[i]! + p.friendWeight * p.neutral) / wsum);
      const { start, deg, targets, layer } = world.adj;
      let sum = 0, m = 0;
      for (let k = start[i]!, e = k + deg[i]!; k < e; k++) {
        const j = targets[k]!;
        if (j === drop || j === add || !joined[j] || (layer[k]! & layers) === 0) continue;
        sum += (raw[j]! - LO) / SPAN;
        m++;
      }
      if (add >= 0 && add !== i && joined[add]) {
        sum += (raw[add]! - LO) / SPAN;
        m++;
      }
      return toScore((base[i]! + p.friendWeight * (m > 0 ? sum / m : p.neutral)) / wsum);
    };
    const effect: FriendEffect = {
      owner: 'sesame',
      column: 'score_sesame',
      min: LO,
      max: LO + SPAN,
      layers,
      weight: () => (friendsOn ? p.friendWeight / wsum : 0),
      scoreNow: (i) => friendScore(i, -1, -1),
      scoreWithout: (i, j) => friendScore(i, j, -1),
      scoreWith: (i, l) => friendScore(i, -1, l),
      thresholds: p.thresholds,
      scored: (i) => joined[i] === 1,
    };
    world.services.set(friendEffectKey('sesame'), effect);
    // w₁c₁ + w₂c₂ of agent i with its counts, one record fewer in slot `less` (−1: none)
    const records12 = (i: number, less: number) => {
      const f = counts[i]! - (less === 0 ? 1 : 0);
      const m = counts[n + i]! - (less === 1 ? 1 : 0);
      const k = counts[2 * n + i]! - (less === 2 ? 1 : 0);
      return w1 * Math.exp(-f / p.creditScale) + w2 * Math.exp(-(m + (consumptionOn ? p.consumptionWeight * k : 0)) / p.behaviourScale);
    };
    // what one counted record in `slot` takes off member i's score now (≤ 0)
    const recordPoints = (i: number, slot: number) => {
      if (!joined[i]) return 0;
      const without = base[i]! - records12(i, -1) + records12(i, slot);
      return toScore((base[i]! + friendPart[i]!) / wsum) - toScore((without + friendPart[i]!) / wsum);
    };
    world.services.set(
      pointsServiceKey('sesame'),
      bookService(world, {
        regime: 'sesame',
        score,
        min: LO,
        max: LO + SPAN,
        informReward: 0,
        benefitAt: () => p.thresholds[0] ?? Infinity,
        reportDomains: [],
        book,
        undo: (i, v, id) => {
          counts[entrySlot[id]! * n + i]!--; // the record leaves the lookback
          raw[i] = Math.min(LO + SPAN, Math.max(LO, raw[i]! - v));
          score[i] = joined[i] ? raw[i]! : LO;
        },
      }),
    );
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
        book.startWindow();
        const fresh: number[] = []; // record index, slot
        for (let k = 0; k < r.length; k++) {
          const slot = slotOf(r.domain[k]!);
          if (slot < 0 || r.kind[k] !== ACT_VIOLATION) continue;
          counts[slot * n + r.agent[k]!]!++;
          fresh.push(k, slot);
        }
        ledger.popUntil(world.day - lookback(), (i, slot, v) => {
          if (v < 0) {
            const id = -1 - v;
            if (!book.live(id)) return; // restored: its record left the lookback then
            book.take(id);
          }
          counts[slot * n + i]!--;
        });
        compute(true, true);
        for (let j = 0; j < fresh.length; j += 2) {
          const k = fresh[j]!, slot = fresh[j + 1]!, i = r.agent[k]!;
          const id = book.add(i, r.cause(k), recordPoints(i, slot), world.day);
          entrySlot.push(slot);
          ledger.push(world.day, i, slot, -1 - id);
        }
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
        let wrong = 0; // ground truth, read here only (as metrics do)
        for (let id = 0; id < book.points.length; id++) {
          const v = book.points[id]!, c = book.caseId[id]!;
          if (book.inForce[id] === 1 && v < 0 && c >= 0 && world.cases.isMistaken(c)) wrong -= v;
        }
        return { sesame_member_share: n ? m / n : null, sesame_member_mean: m ? s / m : null, sesame_wrong_live_points: wrong };
      },
    };
  },
});
