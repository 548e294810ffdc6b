/**
 * `platform-rating`: mutual ratings on a gig platform (Uber, Lyft, Airbnb) with rating inflation,
 * and deactivation of providers below a threshold.
 *
 * Rules, each step of Δ days:
 * - a share `providerShare` of agents are providers (drivers, hosts), drawn once; every agent is a
 *   customer. Each active provider serves `tripsPerDay` · Δ trips (integer part, fraction by a draw),
 *   each with a customer drawn uniformly from the other agents; a customer whose rating is below
 *   `customerThreshold` is refused (one lost opportunity);
 * - service quality: provider j has a problem on a trip with probability qⱼ (drawn once, lognormal
 *   with median `problemRate` and log-sd `problemSigma`, capped at 1); inflation: a problem is
 *   still rated 5 with probability `inflation`, otherwise stars 4, 3, 2, 1 with weights `lowStars`.
 *   Providers rate customers the same way (customer problem rates with median `customerProblemRate`);
 * - a provider's rating is the mean of its last `window` ratings (a ring of bytes per provider,
 *   src/regimes/comparators/ring.ts: providerShare · n · window bytes, 5 MB at 100k agents);
 *   a customer's is a running mean with weight 1/window;
 * - deactivation: a provider with ≥ `minRatings` ratings and a mean below `threshold` is proposed
 *   for the blacklist 'platform-deactivation' (mistaken when its expected rating is at or above the
 *   threshold: deactivated by bad luck). A deactivated provider serves no trips, gets no platform
 *   access (benefit) and earns `incomeMult` × income; `reactivateDays` > 0 ends the term, 0 =
 *   permanent; a provider taken off the list (term over, or a safeguard) starts afresh (empty ring);
 * - each provider is eligible each step (benefit_eligible); active providers get benefit = 1.
 * Defaults give ≈ 2–3% of rated providers below 4.6 and ≈ 95%+ averaging 4.5–5.
 * Sources: docs/calibration.md#peer-and-platform-ratings: Uber 4.6 threshold, last 500 trips, 2–3% below
 * 4.6 (San Francisco 2014) [S]; nearly 95% of Airbnb listings average 4.5–5 (Zervas et al. 2021) [P].
 */
import { DOMAIN_INDEX } from '../../core/population.js';
import { defineRegime } from '../../core/contracts.js';
import { num, numList, prob } from '../../core/params.js';
import { RatingRings, starDraw } from './ring.js';
import { eventsInStep, listTerm, sweepList } from './helpers.js';

const UBER = 'docs/calibration.md#peer-and-platform-ratings: Uber ≤ 4.6 may lead to deactivation; rating = mean of last 500 trips; 2–3% below 4.6 (SF 2014) [S]';
const ZERVAS = 'docs/calibration.md#peer-and-platform-ratings: nearly 95% of Airbnb listings average 4.5–5 (Zervas, Proserpio & Byers 2021) [P]';

export const platformRating = defineRegime({
  id: 'platform-rating',
  title: 'Platform ratings with deactivation (Uber, Lyft, Airbnb)',
  summary: 'mutual 1–5 star ratings with inflation; providers below 4.6 over their last 500 ratings are deactivated',
  doc:
    'On a ride or home-sharing platform, customers rate providers and providers rate customers, 1 to 5 stars. ' +
    'Almost every trip gets 5 stars, even when something went wrong (rating inflation). A provider’s rating is the ' +
    'average of the last 500 ratings; below 4.6 the platform deactivates the provider, who loses that income. ' +
    'Customers with very low ratings are refused rides.',
  sources: [UBER, ZERVAS, 'docs/calibration.md#peer-and-platform-ratings: Lyft mean of last 100 rides [W]'],
  params: {
    providerShare: prob(0.1, { unit: 'share', doc: 'share of agents who are providers (drivers, hosts)' }),
    tripsPerDay: num(5, { min: 0, unit: 'trips per day', doc: 'trips each active provider serves per day' }),
    window: num(500, { min: 1, int: true, unit: 'ratings', doc: 'ratings in a provider’s moving mean', source: UBER }),
    threshold: num(4.6, { min: 1, max: 5, unit: 'stars', doc: 'deactivation below this mean', source: UBER }),
    minRatings: num(100, { min: 1, int: true, unit: 'ratings', doc: 'ratings needed before deactivation can apply (modelling choice)' }),
    problemRate: prob(0.12, { doc: 'median chance per trip that a provider’s service has a problem', source: 'calibrated to 2–3% below 4.6 (' + UBER + ')' }),
    problemSigma: num(0.5, { min: 0, unit: 'log sd', doc: 'spread of providers’ problem rates (lognormal)', source: 'calibrated to 2–3% below 4.6' }),
    inflation: prob(0.5, { doc: 'chance that a trip with a problem is still rated 5 stars (rating inflation)', source: ZERVAS }),
    lowStars: numList([0.5, 0.2, 0.1, 0.2], { length: 4, min: 0, unit: 'weights', doc: 'relative weights of 4, 3, 2, 1 stars for a problem not forgiven' }),
    customerProblemRate: prob(0.05, { doc: 'median chance per trip that a customer causes a problem' }),
    customerThreshold: num(4, { min: 1, max: 5, unit: 'stars', doc: 'customers rated below this are refused (modelling choice)' }),
    incomeMult: prob(0.7, { unit: 'multiplier', doc: 'income multiplier of a deactivated provider (share of income not from the platform)' }),
    reactivateDays: num(0, { min: 0, unit: 'days', doc: 'term of a deactivation (0 = permanent)' }),
  },
  columns: ['provider_mean_rating', 'deactivated_share', 'below_threshold_share', 'rated_4_5_share'],
  create(world, p) {
    const n = world.n;
    const W = p.window;
    const score = world.pop.addColumn('score_platform', 'f64', 'platform-rating', 'rating: providers’ mean of last window ratings, others’ running mean as customers');
    const provider = world.pop.addColumn('platform_provider', 'u8', 'platform-rating', '1 = provider (driver, host)');
    const problem = world.pop.addColumn('platform_problem', 'f64', 'platform-rating', 'chance per trip of a problem (providers: service; others: as customers)', false);
    world.offerPrimaryScore('score_platform', 1, 5, 'platform-rating');
    const list = world.lists.get('platform-deactivation', 'black', { domain: DOMAIN_INDEX.commerce });
    const rInit = world.rng('regime:platform-rating:init');
    const rng = world.rng('regime:platform-rating');
    const cust = new Float64Array(n).fill(5);
    const slot = new Int32Array(n).fill(-1);
    const wasOn = new Uint8Array(n);
    const members: number[] = [];
    let rings = new RatingRings(0, W);
    const stars = starDraw(p.lowStars, p.inflation, rng);
    /** A provider taken off the list (term over, appeal, audit …) starts afresh with an empty ring. */
    const restart = () => {
      for (const j of members) {
        if (wasOn[j] && !list.on[j]) {
          rings.reset(slot[j]!);
          score[j] = 5;
        }
        wasOn[j] = list.on[j]!;
      }
    };
    return {
      init() {
        for (let i = 0; i < n; i++) {
          provider[i] = rInit() < p.providerShare ? 1 : 0;
          const median = provider[i] ? p.problemRate : p.customerProblemRate;
          problem[i] = Math.min(1, median * Math.exp((provider[i] ? p.problemSigma : 0.5) * rInit.normal()));
          score[i] = 5;
          if (provider[i]) {
            slot[i] = members.length;
            members.push(i);
          }
        }
        rings = new RatingRings(members.length, W);
      },
      score() {
        restart();
        if (n < 2) return;
        const dt = world.daysPerStep;
        const a = 1 / W;
        let used = 0;
        for (const j of members) {
          if (list.on[j]) continue;
          const s = slot[j]!;
          const trips = eventsInStep(p.tripsPerDay, dt, rng);
          for (let t = 0; t < trips; t++) {
            let c = rng.int(n - 1);
            if (c >= j) c++;
            if (cust[c]! < p.customerThreshold) {
              world.lostOpportunity[c]!++;
              continue;
            }
            rings.push(s, stars.draw(problem[j]!));
            cust[c] = (1 - a) * cust[c]! + a * stars.draw(provider[c] ? p.customerProblemRate : problem[c]!);
            if (!provider[c]) score[c] = cust[c]!;
            used += 2;
          }
          if (rings.count[s]! > 0) score[j] = rings.mean(s);
        }
        world.stats.dataPoints += used;
      },
      publish() {
        for (const j of members) {
          if (list.on[j] || rings.count[slot[j]!]! < p.minRatings || score[j]! >= p.threshold || world.lists.isPending(list, j)) continue;
          world.lists.propose({
            list,
            agent: j,
            day: world.day,
            // the platform's evidence: how far the mean is below the line, in standard errors of a rating (sd ≈ 1 star);
            // the label (the provider's true expected rating is above the line) is the world's, for metrics
            cause: world.cases.make((p.threshold - score[j]!) * Math.sqrt(rings.count[slot[j]!]!), 0, stars.expected(problem[j]!) >= p.threshold, DOMAIN_INDEX.commerce, rings.count[slot[j]!]!),
            severity: p.threshold - score[j]!,
            termDays: listTerm(world, p.reactivateDays > 0 ? p.reactivateDays : Infinity),
            stillDue: () => score[j]! < p.threshold,
          });
        }
      },
      sanction() {
        sweepList(list, world.day);
        restart();
        for (const j of members) {
          world.benefitEligible[j] = 1;
          if (list.on[j]) world.incomeMult[j]! *= p.incomeMult;
          else world.benefit[j] = 1;
        }
      },
      record() {
        let sr = 0, below = 0, rated = 0, high = 0;
        for (const j of members) {
          sr += score[j]!;
          if (rings.count[slot[j]!]! < p.minRatings) continue;
          rated++;
          if (score[j]! < p.threshold) below++;
          if (score[j]! >= 4.5) high++;
        }
        const m = members.length;
        return {
          provider_mean_rating: m ? sr / m : null,
          deactivated_share: m ? list.count / m : null,
          below_threshold_share: rated ? below / rated : null,
          rated_4_5_share: rated ? high / rated : null,
        };
      },
    };
  },
});
