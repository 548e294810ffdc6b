/**
 * `uk-scoring`: a UK-style credit reference score (0–999) that adds phone and rent payment data to
 * financial records, and is used beyond lending: by employers and for social services.
 *
 * Rules, each step of Δ days:
 * - credit part c ∈ [0, 1]: the bureau composite of src/regimes/comparators/credit.ts (observed finance
 *   defaults with a 6-year lapse, wealth relative to income and in currency, history, mix);
 * - phone and rent part a = exp(−arrears / `arrearsScale`), arrears = observed consumption-domain
 *   violation records that are phone or rent arrears (each with probability `arrearsShare`; the
 *   model has no separate phone or rent domain, so consumption records stand in for them) within
 *   `windowDays`;
 * - score = 999 · ((1 − altWeight)·c + altWeight·a); with `data.consumption` = false (data-limits)
 *   the phone and rent data are not used: score = 999 · c;
 * - jobs: an agent below `jobThreshold` earns `jobIncomeMult` × income (kept out of better jobs),
 *   and at each job search (`jobSearchesPerYear`) an employer who checks (`employerCheck`) turns
 *   it down: one lost opportunity;
 * - social services: each agent applies at `serviceApplyRate` per day (benefit_eligible); the
 *   service is granted (benefit) at or above `serviceThreshold`.
 * The rule never reads group. Sources: docs/model.md#credit-bureaus (UK adds phone and rent data for jobs and
 * services); docs/calibration.md#credit-bureaus: FICO weights and 7-year lapse [S]. The 0–999 range and
 * 6-year retention follow UK bureaus (Experian) and are not in docs/calibration.md#credit-bureaus [W].
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_VIOLATION } from '../../core/events.js';
import { num, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { DOMAIN_INDEX } from '../../core/population.js';
import { CreditScore } from './credit.js';
import { lookback, RecordWindow } from './helpers.js';
import { chanceFromRate, chanceOverDays } from '../../core/rates.js';

const UK = 'docs/model.md#credit-bureaus: UK scores add phone and rent data, used for jobs and services; 0–999 and 6-year retention as UK bureaus [W]';

export const ukScoring = defineRegime({
  id: 'uk-scoring',
  title: 'UK credit reference score with phone and rent data',
  summary: 'credit score 0–999 from financial records plus phone and rent arrears, used by employers and services',
  doc:
    'A credit reference agency scores everyone from 0 to 999. Besides loans and defaults it uses phone and rent ' +
    'payments: late payments there lower the score too. Employers check the score, so a low score means worse ' +
    'jobs and lost job offers; social services (such as tenancies and utility contracts) require a minimum score.',
  sources: [UK, 'docs/calibration.md#credit-bureaus: FICO weights, US FCRA 7-year expiry [S] (credit part)'],
  params: {
    altWeight: prob(0.25, { unit: 'weight', doc: 'weight of the phone and rent part in the score' }),
    arrearsShare: prob(0.1, { unit: 'share', doc: 'share of observed consumption records that are phone or rent arrears' }),
    arrearsScale: num(2, { min: 0.01, unit: 'records', doc: 'arrears that lower the phone and rent part by a factor e' }),
    windowDays: num(2190, { min: 1, unit: 'days', doc: 'days records stay on file (6 years)', source: UK }),
    wealthScale: num(50_000, { min: 1, unit: 'currency', doc: 'wealth at which the capacity part of the credit score is half full' }),
    jobThreshold: num(560, { min: 0, max: 999, unit: 'points', doc: 'score below which employers turn one down (top of the "poor" band) [W]' }),
    jobIncomeMult: prob(0.9, { unit: 'multiplier', doc: 'income multiplier below the job threshold (modelling choice)' }),
    jobSearchesPerYear: num(2, { min: 0, unit: 'per year', doc: 'job searches per agent per year' }),
    employerCheck: prob(0.5, { doc: 'share of employers that check credit' }),
    serviceThreshold: num(600, { min: 0, max: 999, unit: 'points', doc: 'score needed for a social service (modelling choice)' }),
    serviceApplyRate: prob(0.01, { unit: 'probability per day', doc: 'chance per day of applying for a service' }),
  },
  columns: ['uk_below_job_share', 'uk_service_rate'],
  create(world, p) {
    const n = world.n;
    const score = world.pop.addColumn('score_uk', 'f64', 'uk-scoring', 'UK-style credit score 0–999');
    world.offerPrimaryScore('score_uk', 0, 999, 'uk-scoring');
    const credit = new CreditScore(world, { expiryDays: p.windowDays, severityScale: 1, wealthScale: p.wealthScale });
    const arrears = new RecordWindow(n, world.cases);
    const kArr = world.keyed('regime:uk-scoring');
    const kUse = world.keyed('regime:uk-scoring:uses');
    const CONS = DOMAIN_INDEX.consumption;
    let below = 0, applied = 0, granted = 0;
    const compute = () => {
      const alt = policyOf(world, POLICY.dataConsumption, true);
      credit.compute();
      for (let i = 0; i < n; i++) {
        const c = credit.value[i]!;
        score[i] = alt ? 999 * ((1 - p.altWeight) * c + p.altWeight * Math.exp(-arrears.all[i]! / p.arrearsScale)) : 999 * c;
      }
      return alt;
    };
    return {
      init() {
        credit.init(world.rng('regime:uk-scoring:init'));
        compute();
      },
      score() {
        const r = world.records;
        arrears.expire(world.day, lookback(world, p.windowDays));
        const used = credit.ingest(lookback(world, p.windowDays));
        for (let k = 0; k < r.length; k++) {
          if (r.domain[k] !== CONS || r.kind[k] !== ACT_VIOLATION) continue;
          if (kArr.u(r.agent[k]!, world.day, 0, k) < p.arrearsShare) arrears.add(world.day, r.agent[k]!, r.cause(k));
        }
        const alt = compute();
        world.stats.dataPoints += used + n * (alt ? 5 : 4);
      },
      sanction() {
        const pJob = chanceFromRate(p.jobSearchesPerYear / 365, world.daysPerStep);
        const pApply = chanceOverDays(p.serviceApplyRate, world.daysPerStep);
        below = applied = granted = 0;
        for (let i = 0; i < n; i++) {
          if (score[i]! < p.jobThreshold) {
            below++;
            world.incomeMult[i]! *= p.jobIncomeMult;
            if (kUse.u(i, world.day, 0) < pJob && kUse.u(i, world.day, 1) < p.employerCheck) world.lostOpportunity[i]!++;
          }
          if (kUse.u(i, world.day, 2) < pApply) {
            applied++;
            world.benefitEligible[i] = 1;
            if (score[i]! >= p.serviceThreshold) {
              world.benefit[i] = 1;
              granted++;
            }
          }
        }
      },
      record: () => ({ uk_below_job_share: n ? below / n : null, uk_service_rate: applied ? granted / applied : null }),
    };
  },
});
