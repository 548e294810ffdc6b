/**
 * `nosedive`: everyone rates the people they meet, 1–5 stars (Black Mirror, "Nosedive", 2016).
 *
 * Rules, each step of Δ days:
 * - each agent i meets `interactionsPerDay` · Δ people (integer part, fraction by a draw): a random
 *   contact (neighbour), or with probability `strangerShare` (or when i has no contacts) a random
 *   stranger; i rates the person met and, when `mutual`, is rated back;
 * - rating of j by i: stars = clamp(round(qⱼ + strategy·(sⱼ − 3) + leniencyᵢ + ε), 1, 5), where qⱼ is
 *   j's true pleasantness (drawn once, normal), sⱼ j's current score (strategic rating: up to high
 *   scorers, down to low ones), leniencyᵢ the rater's habit (drawn once) and ε ~ N(0, ratingNoise²);
 * - weight of a rating = sᵢ^raterPower (a rating from a high scorer counts more); the score is a
 *   weighted moving average: num ← num·e^(−Δ/memoryDays) + Σ w·stars, den likewise with Σ w,
 *   r = num / den (the person's own ratings), starting from `initialScore` with the weight of
 *   `priorRatings` ratings;
 * - company (the source: "low raters and low-rated company pull scores down"): the score is the
 *   person's ratings less a drag from contacts rated lower,
 *     s_i = clamp(r_i − dragWeight · (1/deg_i)·Σ_{j ∈ N(i)} max(0, r_i − r_j), 1, 5),
 *   so each contact rated below i pulls i down by a share of the gap and better-rated contacts lift
 *   no one (dragWeight 0: s = r); an agent without contacts has no drag. The company term is data about
 *   friends: with `data.friends` = false it is dropped too. dragWeight is a modelling choice (the
 *   fiction gives no number);
 * - consequences: benefits at s ≥ `upperThreshold` (4.5: every agent is considered each step); at
 *   s ≤ `lowerThreshold` (2.5, the "lower class") income × `lowerIncomeMult` and opportunities
 *   refused at `refusalsPerYear`.
 * Policy: ratings from contacts are data about friends; with `data.friends` = false only ratings
 * from strangers count (contacts' ratings are discarded).
 * Every draw is keyed (streams 'regime:nosedive' and 'regime:nosedive:init': agent, day, purpose,
 * meeting), so one agent's meetings never re-draw another's.
 * Sources: docs/calibration.md#peer-and-platform-ratings: Nosedive 4.2 needs 4.5 for a housing discount;
 * ≥ 4.5 upper class, ≤ 2.5 lower class (fiction) [S/W]. The other parameters are not calibrated.
 */
import { defineRegime } from '../../core/contracts.js';
import { bool, num, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { chanceFromRate } from '../../core/rates.js';

const FICTION = 'docs/calibration.md#peer-and-platform-ratings: Nosedive — 4.5 for a housing discount, ≥ 4.5 upper class, ≤ 2.5 lower class (fiction) [S/W]';

export const nosedive = defineRegime({
  id: 'nosedive',
  title: '“Nosedive” peer ratings (everyone rates everyone they meet)',
  summary: 'peer 1–5 star ratings weighted by the rater’s own score; benefits above 4.5, a lower class at 2.5',
  doc:
    'After every meeting people rate each other from 1 to 5 stars. A rating from someone with a high score counts ' +
    'more. People rate strategically: a little higher for those who already score high, lower for those who score ' +
    'low. Scores above 4.5 bring benefits; at 2.5 or below a person is treated as lower class, earns less and is ' +
    'refused opportunities. Ratings come from friends and contacts; when friends’ data is off limits, only ratings ' +
    'from strangers count.',
  sources: [FICTION],
  params: {
    interactionsPerDay: num(3, { min: 0, unit: 'meetings per day', doc: 'people each agent meets and rates per day' }),
    strangerShare: prob(0.2, { unit: 'share', doc: 'share of meetings with strangers rather than contacts' }),
    mutual: bool(true, { doc: 'both sides rate after a meeting' }),
    strategy: num(0.3, { min: 0, max: 1, unit: 'stars per star', doc: 'pull of the ratee’s current score on a rating (strategic rating)' }),
    raterPower: num(2, { min: 0, unit: 'exponent', doc: 'weight of a rating ∝ rater score^raterPower' }),
    pleasantnessMean: num(3.9, { min: 1, max: 5, unit: 'stars', doc: 'mean true pleasantness' }),
    pleasantnessSd: num(0.5, { min: 0, unit: 'stars', doc: 'sd of true pleasantness' }),
    leniencySd: num(0.3, { min: 0, unit: 'stars', doc: 'sd of raters’ leniency (habitually generous or harsh)' }),
    ratingNoise: num(0.5, { min: 0, unit: 'stars', doc: 'sd of the noise of one rating' }),
    memoryDays: num(30, { min: 1, unit: 'days', doc: 'time scale of the moving average' }),
    initialScore: num(4, { min: 1, max: 5, unit: 'stars', doc: 'score at the start' }),
    priorRatings: num(5, { min: 0, unit: 'ratings', doc: 'weight of the initial score, in ratings' }),
    upperThreshold: num(4.5, { min: 1, max: 5, unit: 'stars', doc: 'score that brings benefits', source: FICTION }),
    lowerThreshold: num(2.5, { min: 1, max: 5, unit: 'stars', doc: 'score at or below which one is lower class', source: FICTION }),
    lowerIncomeMult: prob(0.7, { unit: 'multiplier', doc: 'income multiplier of the lower class (modelling choice)' }),
    refusalsPerYear: num(12, { min: 0, unit: 'per year', doc: 'opportunities refused per year to the lower class' }),
    dragWeight: num(0.2, { min: 0, max: 1, unit: 'stars per star', doc: 'pull of contacts rated lower than oneself: the score loses this share of the mean gap to lower-rated contacts (0 = no company effect; modelling choice)', source: 'the source: low raters and low-rated company pull scores down (fiction); the weight is a modelling choice' }),
  },
  columns: ['nosedive_upper_share', 'nosedive_lower_share'],
  create(world, p) {
    const n = world.n;
    const s = world.pop.addColumn('score_nosedive', 'f64', 'nosedive', 'peer rating, 1–5 stars');
    const q = world.pop.addColumn('nosedive_pleasantness', 'f64', 'nosedive', 'true pleasantness (stars)');
    const len = world.pop.addColumn('nosedive_leniency', 'f64', 'nosedive', 'rater leniency (stars)', false);
    const own = world.pop.addColumn('nosedive_rating', 'f64', 'nosedive', 'own ratings average before the company drag (stars)', false);
    world.offerPrimaryScore('score_nosedive', 1, 5, 'nosedive');
    const num_ = new Float64Array(n);
    const den = new Float64Array(n);
    const addN = new Float64Array(n);
    const addD = new Float64Array(n);
    const kInit = world.keyed('regime:nosedive:init');
    const key = world.keyed('regime:nosedive');
    const Q = 0, LEN = 1;
    const MEET = 0, STRANGER = 1, PARTNER = 2, NOISE = 3, REFUSE = 4;
    let upper = 0;
    let lower = 0;
    let used = 0;
    // i rates j; the noise is keyed by the agent whose meeting it is (m), the day and the rating (k)
    const rate = (i: number, j: number, m: number, k: number) => {
      const x = q[j]! + p.strategy * (s[j]! - 3) + len[i]! + (p.ratingNoise > 0 ? p.ratingNoise * key.normal(m, world.day, NOISE, k) : 0);
      const r = Math.min(5, Math.max(1, Math.round(x)));
      const w = Math.pow(s[i]!, p.raterPower);
      addN[j]! += w * r;
      addD[j]! += w;
      used += 2;
    };
    return {
      init() {
        for (let i = 0; i < n; i++) {
          q[i] = Math.min(5, Math.max(1, p.pleasantnessMean + p.pleasantnessSd * kInit.normal(i, 0, Q)));
          len[i] = p.leniencySd * kInit.normal(i, 0, LEN);
          s[i] = p.initialScore;
          own[i] = p.initialScore;
          num_[i] = p.priorRatings * p.initialScore;
          den[i] = p.priorRatings;
        }
      },
      score() {
        const contacts = policyOf(world, POLICY.dataFriends, true);
        const { start, deg, targets } = world.adj;
        addN.fill(0);
        addD.fill(0);
        used = 0;
        const day = world.day;
        const x = p.interactionsPerDay * world.daysPerStep;
        const whole = Math.floor(x);
        for (let i = 0; i < n; i++) {
          const k = whole + (key.u(i, day, MEET) < x - whole ? 1 : 0);
          const d = deg[i]!;
          for (let t = 0; t < k; t++) {
            let j: number;
            const stranger = d === 0 || key.u(i, day, STRANGER, t) < p.strangerShare;
            if (stranger) {
              if (n < 2) break;
              j = key.int(n - 1, i, day, PARTNER, t);
              if (j >= i) j++;
            } else j = targets[start[i]! + key.int(d, i, day, PARTNER, t)]!;
            if (!stranger && !contacts) continue;
            rate(i, j, i, 2 * t);
            if (p.mutual) rate(j, i, i, 2 * t + 1);
          }
        }
        const decay = Math.exp(-world.daysPerStep / p.memoryDays);
        for (let i = 0; i < n; i++) {
          num_[i] = num_[i]! * decay + addN[i]!;
          den[i] = den[i]! * decay + addD[i]!;
          if (den[i]! > 0) own[i] = Math.min(5, Math.max(1, num_[i]! / den[i]!));
        }
        const w = contacts ? p.dragWeight : 0;
        for (let i = 0; i < n; i++) {
          if (den[i]! <= 0 && w === 0) continue; // no ratings yet: the score stays as it is
          const r = own[i]!;
          let drag = 0;
          const d = deg[i]!;
          if (w > 0 && d > 0) {
            const st = start[i]!;
            let g = 0;
            for (let t = st; t < st + d; t++) {
              const gap = r - own[targets[t]!]!;
              if (gap > 0) g += gap;
            }
            drag = (w * g) / d;
            used += d;
          }
          s[i] = Math.min(5, Math.max(1, r - drag));
        }
        world.stats.dataPoints += used;
      },
      sanction() {
        const pRefuse = chanceFromRate(p.refusalsPerYear / 365, world.daysPerStep);
        upper = 0;
        lower = 0;
        for (let i = 0; i < n; i++) {
          world.benefitEligible[i] = 1;
          if (s[i]! >= p.upperThreshold) {
            world.benefit[i] = 1;
            upper++;
          } else if (s[i]! <= p.lowerThreshold) {
            lower++;
            world.incomeMult[i]! *= p.lowerIncomeMult;
            if (key.u(i, world.day, REFUSE) < pRefuse) world.lostOpportunity[i]!++;
          }
        }
      },
      record: () => ({ nosedive_upper_share: n ? upper / n : null, nosedive_lower_share: n ? lower / n : null }),
    };
  },
});
