/**
 * `fico`: a financial-only credit bureau score in the FICO style (300–850).
 *
 * score = 300 + 550 · Σₖ wₖ·cₖ with components cₖ ∈ [0, 1]:
 *   payment history  c₁ = exp(−Σ observed defaults in the lookback, each weighted by its size in
 *                        months of income, / severityScale); defaults lapse after `expiryDays`
 *                        (US FCRA: most negative items after 7 years);
 *   amounts owed     c₂ = wealth buffer: 1 − exp(−max(wealth, 0) / (income · 365 · owedScale));
 *   length of history c₃ = min(1, (history years) / 25), history starting U(0, 30) years ago;
 *   credit mix       c₄ drawn once, U(0.3, 1);
 *   new credit       c₅ = 1 − min(1, recent applications / 5), applications ~ Poisson(0.005/day),
 *                        counted with a 180-day memory (started at its steady state).
 * Weights: payment history 35%, amounts owed 30%, length 15%, mix 10%, new credit 10%.
 * Only finance-domain records are read: no friends, no speech, no consumption data.
 * Benefit: credit approval when score ≥ `approvalThreshold` (every agent applies each step).
 * With `priorHistory`, the run starts with the defaults of the 7 years before day 0 (each agent's
 * propensity × detection, Poisson), so the mean does not drift down from a clean-slate start.
 *
 * Sources (CALIBRATION.md, "Credit bureaus"): FICO range 300–850 and weights [S];
 * FICO 8 distribution, mean ≈ 700 (2017) [S]; US FCRA 7-year expiry [S].
 */
import { defineRegime } from '../core/contracts.js';
import { ACT_VIOLATION } from '../core/events.js';
import { bool, num, numList } from '../core/params.js';
import { DOMAIN_INDEX } from '../core/population.js';

/** Credit applications per day (≈ 1.8 a year) and the days over which they count as 'new credit'. */
const APP_RATE = 0.005;
const APP_MEMORY = 180;
const SRC = 'CALIBRATION.md, Credit bureaus: FICO 300–850; payment history 35%, owed 30%, length 15%, mix 10%, new 10%';

export const fico = defineRegime({
  id: 'fico',
  title: 'Credit bureau score (FICO-style, financial data only)',
  summary: 'financial-only credit score 300–850 from payment history, amounts owed, history length, mix, new credit',
  doc:
    'A Western credit bureau score. Only observed financial defaults and financial state are used. Negative items ' +
    'lapse after seven years. Credit is approved at or above the approval threshold.',
  sources: [SRC, 'CALIBRATION.md: US FCRA, most negative items expire after 7 years', 'CALIBRATION.md: FICO 8 distribution, mean ≈ 700 (2017)'],
  params: {
    weights: numList([0.35, 0.3, 0.15, 0.1, 0.1], { length: 5, min: 0, max: 1, unit: 'share', doc: 'weights of payment history, amounts owed, length of history, credit mix, new credit', source: SRC }),
    expiryDays: num(2555, { min: 1, unit: 'days', doc: 'days after which a default no longer counts (7 years)', source: 'US FCRA (CALIBRATION.md)' }),
    severityScale: num(1, { min: 0.01, unit: 'months of income', doc: 'defaulted amount (in months of income) that lowers payment history by a factor e' }),
    owedScale: num(1, { min: 0.01, unit: 'years of income', doc: 'wealth (in years of income) at which amounts-owed reaches 63%' }),
    priorHistory: bool(true, { doc: 'start with the defaults of the expiry window before day 0, drawn from each agent’s propensity × detection, so scores start near their steady state rather than from a clean slate' }),
    approvalThreshold: num(620, { min: 300, max: 850, unit: 'points', doc: 'score needed for credit approval' }),
  },
  columns: ['fico_mean', 'fico_approval_rate'],
  create(world, p) {
    const n = world.n;
    const pop = world.pop;
    const score = world.pop.addColumn('score_fico', 'f64', 'fico', 'FICO-style credit score');
    const burden = new Float64Array(n); // decayed sum of default sizes (months of income)
    const history = new Float64Array(n);
    const mix = new Float64Array(n);
    const apps = new Float64Array(n);
    // default events kept until they expire: ring of (day, agent, size)
    const evDay: number[] = [];
    const evAgent: number[] = [];
    const evSize: number[] = [];
    let head = 0;
    const rng = world.rng('regime:fico');
    const F = DOMAIN_INDEX.finance;
    world.offerPrimaryScore('score_fico', 300, 850, 'fico');
    const w = p.weights;
    const compute = () => {
      let approved = 0;
      for (let i = 0; i < n; i++) {
        const c1 = Math.exp(-burden[i]! / p.severityScale);
        const c2 = 1 - Math.exp(-Math.max(pop.wealth[i]!, 0) / (pop.income[i]! * 365 * p.owedScale));
        const c3 = Math.min(1, history[i]! / 25);
        const c5 = 1 - Math.min(1, apps[i]! / 5);
        const s = 300 + 550 * (w[0]! * c1 + w[1]! * c2 + w[2]! * c3 + w[3]! * mix[i]! + w[4]! * c5);
        score[i] = Math.min(850, Math.max(300, s));
        world.benefitEligible[i] = 1;
        if (score[i]! >= p.approvalThreshold) {
          world.benefit[i] = 1;
          approved++;
        }
      }
      return approved;
    };
    let lastApproved = 0;
    // defaults of the `expiryDays` before day 0, drawn from each agent's own propensity × detection
    // (Poisson, uniform dates, one month of income each), so the run starts near its steady state
    const seedPrior = () => {
      const pr = world.rng('regime:fico:prior');
      const days: number[] = [];
      const who: number[] = [];
      for (let i = 0; i < n; i++) {
        const rate = pop.trait[F * n + i]! * world.detect[F * 2 + pop.group[i]!]!;
        const k = pr.poisson(rate * p.expiryDays);
        for (let e = 0; e < k; e++) {
          days.push(-Math.floor(pr() * p.expiryDays));
          who.push(i);
        }
      }
      const order = days.map((_, e) => e).sort((a, b) => days[a]! - days[b]! || who[a]! - who[b]!);
      for (const e of order) {
        evDay.push(days[e]!);
        evAgent.push(who[e]!);
        evSize.push(1);
        burden[who[e]!]! += 1;
      }
    };
    return {
      init() {
        for (let i = 0; i < n; i++) {
          history[i] = rng() * 30;
          mix[i] = 0.3 + 0.7 * rng();
          apps[i] = rng.poisson(APP_RATE * APP_MEMORY); // the steady state of the application count
        }
        if (p.priorHistory) seedPrior();
        lastApproved = compute();
      },
      score() {
        const dt = world.daysPerStep;
        const r = world.records;
        for (let k = 0; k < r.length; k++) {
          if (r.domain[k] !== F || r.kind[k] !== ACT_VIOLATION) continue;
          const i = r.agent[k]!;
          const size = r.size[k]! / (pop.income[i]! * 30);
          evDay.push(world.day);
          evAgent.push(i);
          evSize.push(size);
          burden[i]! += size;
        }
        while (head < evDay.length && evDay[head]! <= world.day - p.expiryDays) {
          burden[evAgent[head]!]! -= evSize[head]!;
          head++;
        }
        if (head > 4096 && head > evDay.length / 2) {
          evDay.splice(0, head);
          evAgent.splice(0, head);
          evSize.splice(0, head);
          head = 0;
        }
        for (let i = 0; i < n; i++) {
          history[i]! += dt / 365;
          apps[i] = apps[i]! * Math.exp(-dt / APP_MEMORY) + rng.poisson(APP_RATE * dt);
        }
        lastApproved = compute();
        world.stats.dataPoints += n * 5;
      },
      record() {
        let s = 0;
        for (let i = 0; i < n; i++) s += score[i]!;
        return { fico_mean: n ? s / n : null, fico_approval_rate: n ? lastApproved / n : null };
      },
    };
  },
});
