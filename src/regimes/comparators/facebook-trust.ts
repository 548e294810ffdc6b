/**
 * `facebook-trust`: a 0–1 trustworthiness score of users from reports by other users and from
 * their own recorded behaviour (Facebook's user trust score, reported in 2018).
 *
 * Rules, each step of Δ days, for each agent i (a Beta posterior: trust = α / (α + β)):
 * - own records: each observed law or commerce violation adds `recordWeight` to β; each observed
 *   dissenting expression (speech) does too when `data.speech` allows (speech as "violation");
 * - reports: each contact j of an agent with k such records reports it with probability
 *   1 − (1 − reportProb)^k (dissent with `dissentReportProb` per expression); a report adds
 *   `reportWeight` · trustⱼ to β (a trusted reporter counts more); false reports: any contact
 *   reports at `falseReportsPerYear` regardless of conduct;
 * - good standing: every day without a record adds `goodPerDay` to α;
 * - evidence fades: α and β decay toward the prior (α₀, β₀) with time scale `memoryDays`;
 * - consequence: content of agents with trust below `threshold` is down-ranked (benefit denied;
 *   every agent is considered each step).
 * Policy: reports come from contacts; with `data.friends` = false no reports are used (only the
 * agent's own records). With `data.speech` = false dissent is neither counted nor reported.
 * Sources: docs/model.md#facebook-trust-score (0–1 score of users; no calibration in docs/calibration.md#systems-without-calibration).
 * All parameters are modelling choices.
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_EXPRESSION, ACT_VIOLATION } from '../../core/events.js';
import { num, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { DOMAIN_INDEX } from '../../core/population.js';
import { chanceFromRate } from '../../core/rates.js';

export const facebookTrust = defineRegime({
  id: 'facebook-trust',
  title: 'Facebook trust score (0–1 trustworthiness of users)',
  summary: 'a 0–1 trust score from reports by contacts and recorded conduct; low scores are down-ranked',
  doc:
    'A platform gives each user a trustworthiness score between 0 and 1. Reports by the user’s contacts pull it ' +
    'down (a report from a trusted user counts more), so do the user’s own recorded violations and, where speech ' +
    'data may be used, dissenting posts; time without trouble pulls it back up. Users below the threshold are ' +
    'down-ranked: fewer people see what they post.',
  sources: ['docs/model.md#facebook-trust-score: Facebook trust score (0–1 trustworthiness; no calibration in docs/calibration.md#systems-without-calibration)'],
  params: {
    priorAlpha: num(4, { min: 0.01, unit: 'evidence', doc: 'prior good evidence α₀' }),
    priorBeta: num(1, { min: 0.01, unit: 'evidence', doc: 'prior bad evidence β₀' }),
    goodPerDay: num(0.05, { min: 0, unit: 'evidence per day', doc: 'good evidence per day without a record' }),
    recordWeight: num(1, { min: 0, unit: 'evidence', doc: 'bad evidence per own observed violation' }),
    reportProb: prob(0.1, { doc: 'chance that a contact reports one observed violation' }),
    dissentReportProb: prob(0.05, { doc: 'chance that a contact reports one dissenting post' }),
    falseReportsPerYear: num(0.02, { min: 0, unit: 'per contact per year', doc: 'reports made regardless of conduct' }),
    reportWeight: num(0.3, { min: 0, unit: 'evidence', doc: 'bad evidence per report from a fully trusted reporter' }),
    memoryDays: num(180, { min: 1, unit: 'days', doc: 'time scale over which evidence fades' }),
    threshold: prob(0.5, { unit: 'trust', doc: 'trust below which content is down-ranked' }),
  },
  columns: ['trust_low_share', 'trust_reports'],
  create(world, p) {
    const n = world.n;
    const trust = world.pop.addColumn('score_fb_trust', 'f64', 'facebook-trust', 'trustworthiness 0–1');
    world.offerPrimaryScore('score_fb_trust', 0, 1, 'facebook-trust');
    const alpha = new Float64Array(n).fill(p.priorAlpha);
    const beta = new Float64Array(n).fill(p.priorBeta);
    const viol = new Int32Array(n);
    const diss = new Int32Array(n);
    const kRep = world.keyed('regime:facebook-trust');
    const kFalse = world.keyed('regime:facebook-trust:false-reports');
    const L = DOMAIN_INDEX.law, C = DOMAIN_INDEX.commerce, S = DOMAIN_INDEX.speech;
    let low = 0;
    let reports = 0;
    return {
      init() {
        for (let i = 0; i < n; i++) trust[i] = alpha[i]! / (alpha[i]! + beta[i]!);
      },
      score() {
        const dt = world.daysPerStep;
        const speech = policyOf(world, POLICY.dataSpeech, true);
        const friends = policyOf(world, POLICY.dataFriends, true);
        const r = world.records;
        const touched: number[] = [];
        for (let k = 0; k < r.length; k++) {
          const d = r.domain[k]!;
          const i = r.agent[k]!;
          const isViol = r.kind[k] === ACT_VIOLATION && (d === L || d === C);
          const isDiss = speech && r.kind[k] === ACT_EXPRESSION && d === S;
          if (!isViol && !isDiss) continue;
          if (viol[i] === 0 && diss[i] === 0) touched.push(i);
          if (isViol) viol[i]!++;
          else diss[i]!++;
        }
        const decay = Math.exp(-dt / p.memoryDays);
        for (let i = 0; i < n; i++) {
          alpha[i] = p.priorAlpha + (alpha[i]! - p.priorAlpha) * decay;
          beta[i] = p.priorBeta + (beta[i]! - p.priorBeta) * decay;
        }
        const { start, deg, targets } = world.adj;
        let used = touched.length;
        reports = 0;
        for (const i of touched) {
          beta[i]! += p.recordWeight * (viol[i]! + diss[i]!);
          if (friends) {
            const pr = 1 - Math.pow(1 - p.reportProb, viol[i]!) * Math.pow(1 - p.dissentReportProb, diss[i]!);
            for (let k = start[i]!, e = k + deg[i]!; k < e; k++) {
              if (kRep.u(i, world.day, targets[k]!) >= pr) continue;
              beta[i]! += p.reportWeight * trust[targets[k]!]!;
              reports++;
              used++;
            }
          }
        }
        if (friends && p.falseReportsPerYear > 0) {
          const pf = chanceFromRate(p.falseReportsPerYear / 365, dt);
          for (let i = 0; i < n; i++) {
            const d = deg[i]!;
            if (d === 0) continue;
            const pAny = 1 - Math.pow(1 - pf, d);
            if (kFalse.u(i, world.day, 0) >= pAny) continue;
            beta[i]! += p.reportWeight * trust[targets[start[i]! + kFalse.int(d, i, world.day, 1)]!]!;
            reports++;
            used++;
          }
        }
        low = 0;
        for (let i = 0; i < n; i++) {
          if (viol[i] === 0 && diss[i] === 0) alpha[i]! += p.goodPerDay * dt;
          viol[i] = 0;
          diss[i] = 0;
          trust[i] = alpha[i]! / (alpha[i]! + beta[i]!);
          if (trust[i]! < p.threshold) low++;
        }
        world.stats.dataPoints += used + n;
      },
      sanction() {
        for (let i = 0; i < n; i++) {
          world.benefitEligible[i] = 1;
          if (trust[i]! >= p.threshold) world.benefit[i] = 1;
        }
      },
      record: () => ({ trust_low_share: n ? low / n : null, trust_reports: reports }),
    };
  },
});
