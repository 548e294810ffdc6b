/**
 * `fico`: a financial-only credit bureau score in the FICO style (300–850).
 *
 * score = 300 + 550 · x^curve,  x = Σₖ wₖ·cₖ with components cₖ ∈ [0, 1]:
 *   payment history  c₁ = exp(−Bᵢ / severityScale), Bᵢ = Σₑ sizeₑ · exp(−ageₑ / recencyDays) over the
 *                        agent's observed defaults e still on file; sizeₑ = the defaulted amount in
 *                        months of income, ageₑ its age in days. A default leaves the file after
 *                        `expiryDays` (US FCRA: most negative items after 7 years); before that its
 *                        weight fades with age (FICO: payment history counts how late, how much and
 *                        how recently, a recent delinquency weighing more than an old one);
 *   amounts owed     c₂ = wealth buffer: 1 − exp(−max(wealth, 0) / (income · 365 · owedScale));
 *   length of history c₃ = min(1, (history years) / historyYears), history starting U(0, 30) years ago
 *                        and growing by Δ/365 a step;
 *   credit mix       c₄ drawn once, U(mixMin, 1);
 *   new credit       c₅ = 1 − min(1, recent applications / 5), applications ~ Poisson(0.005/day),
 *                        counted with a 180-day memory (started at its steady state).
 * Weights: payment history 35%, amounts owed 30%, length 15%, mix 10%, new credit 10%.
 * Only finance-domain records are read: no friends, no speech, no consumption data.
 * Benefit: credit approval when score ≥ `approvalThreshold` (every agent applies each step).
 * With `priorHistory`, the run starts with the defaults of the 7 years before day 0 (each agent's
 * propensity × detection, Poisson, uniform dates, one month of income each), so the score starts
 * near its steady state rather than from a clean slate.
 *
 * Calibration. The scores come out of each agent's records, wealth and history; nothing about
 * the distribution is written in. Six values are modelling choices, fitted together (least
 * squares on the band shares of a seeded run of the default population, 3,000 agents, 200 days;
 * checked on another seed after a year) so that the steady state matches the FICO 8
 * distribution of April 2017 (FICO: 800–850 20.7%, 750–799 19.0%, 700–749 17.1%, 650–699 13.2%,
 * 600–649 10.0%, 550–599 8.5%, 500–549 6.8%, 300–499 4.7%; mean ≈ 700): severityScale 0.65,
 * recencyDays 1000, owedScale 0.35, historyYears 12, mixMin 0.7 and curve 2 (the calibration curve
 * of the points scale: FICO scales its points to the odds of repayment, not linearly in the
 * factors). With the former linear, undated choices (curve 1, no fading, severityScale 1,
 * owedScale 1, historyYears 25, mixMin 0.3) the model put 6.2% at 800–850 and 1.5% below 500.
 * The fit holds on other seeds (largest band error ≈ 1–2 points of share); with a different
 * population (more defaults, less wealth) the bands move, as they should.
 *
 * Sources: FICO range 300–850 and the five factor weights (myFICO, "What's in my FICO Scores");
 * FICO 8 score distribution of April 2017 and mean ≈ 700 (figures published by FICO); US Fair
 * Credit Reporting Act, 15 U.S.C. § 1681c: most negative items are not reported after 7 years.
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_VIOLATION } from '../../core/events.js';
import { bool, num, numList } from '../../core/params.js';
import { DOMAIN_INDEX } from '../../core/population.js';

/** Credit applications per day (≈ 1.8 a year) and the days over which they count as 'new credit'. */
const APP_RATE = 0.005;
const APP_MEMORY = 180;
const SRC = 'myFICO, "What\'s in my FICO Scores": range 300–850; payment history 35%, amounts owed 30%, length of history 15%, credit mix 10%, new credit 10%';
const DIST = 'FICO 8 score distribution, April 2017 (FICO): 800–850 20.7%, 750–799 19.0%, 700–749 17.1%, 650–699 13.2%, 600–649 10.0%, 550–599 8.5%, 500–549 6.8%, 300–499 4.7%; mean ≈ 700';
const FIT = `modelling choice, fitted with the others so that the steady state of the default population matches the ${DIST}`;

export const fico = defineRegime({
  id: 'fico',
  title: 'Credit bureau score (FICO-style, financial data only)',
  summary: 'financial-only credit score 300–850 from payment history, amounts owed, history length, mix, new credit',
  doc:
    'A Western credit bureau score. Only observed financial defaults and financial state are used. A recent default ' +
    'weighs more than an old one, and negative items lapse after seven years. Credit is approved at or above the ' +
    'approval threshold. Its free parameters are fitted so that the population settles into the published FICO 8 ' +
    'score bands.',
  sources: [SRC, 'US Fair Credit Reporting Act, 15 U.S.C. § 1681c: most negative items are not reported after 7 years', DIST],
  params: {
    weights: numList([0.35, 0.3, 0.15, 0.1, 0.1], { length: 5, min: 0, max: 1, unit: 'share', doc: 'weights of payment history, amounts owed, length of history, credit mix, new credit', source: SRC }),
    expiryDays: num(2555, { min: 1, unit: 'days', doc: 'days after which a default no longer counts (7 years)', source: 'US FCRA, 15 U.S.C. § 1681c' }),
    severityScale: num(0.65, { min: 0.01, unit: 'months of income', doc: 'faded defaulted amount (in months of income) that lowers payment history by a factor e', source: FIT }),
    recencyDays: num(1000, { min: 1, unit: 'days', doc: 'a default’s weight in payment history fades as exp(−age / recencyDays) until it lapses (a recent delinquency weighs more)', source: `myFICO: payment history counts how recently; the value is a ${FIT}` }),
    owedScale: num(0.35, { min: 0.01, unit: 'years of income', doc: 'wealth (in years of income) at which amounts-owed reaches 63%', source: FIT }),
    historyYears: num(12, { min: 0.1, unit: 'years', doc: 'length of credit history that earns the full length-of-history component', source: FIT }),
    mixMin: num(0.7, { min: 0, max: 1, unit: 'component', doc: 'credit mix is drawn once per agent, uniform on [mixMin, 1]', source: FIT }),
    curve: num(2, { min: 0.1, max: 10, unit: 'exponent', doc: 'calibration curve of the points scale: score = 300 + 550·x^curve for the weighted factor mean x (1 = linear)', source: FIT }),
    priorHistory: bool(true, { doc: 'start with the defaults of the expiry window before day 0, drawn from each agent’s propensity × detection, so scores start near their steady state rather than from a clean slate' }),
    approvalThreshold: num(620, { min: 300, max: 850, unit: 'points', doc: 'score needed for credit approval' }),
  },
  columns: ['fico_mean', 'fico_approval_rate'],
  create(world, p) {
    const n = world.n;
    const pop = world.pop;
    const score = world.pop.addColumn('score_fico', 'f64', 'fico', 'FICO-style credit score');
    const burden = new Float64Array(n); // Σ size · exp(−age/recencyDays) of the defaults on file (months of income)
    const onFile = new Int32Array(n); // defaults on file, so a burden whose last default lapsed is exactly 0
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
    const fade = (age: number) => Math.exp(-age / p.recencyDays);
    const compute = () => {
      let approved = 0;
      for (let i = 0; i < n; i++) {
        const c1 = Math.exp(-burden[i]! / p.severityScale);
        const c2 = 1 - Math.exp(-Math.max(pop.wealth[i]!, 0) / (pop.income[i]! * 365 * p.owedScale));
        const c3 = Math.min(1, history[i]! / p.historyYears);
        const c5 = 1 - Math.min(1, apps[i]! / 5);
        const x = Math.min(1, Math.max(0, w[0]! * c1 + w[1]! * c2 + w[2]! * c3 + w[3]! * mix[i]! + w[4]! * c5));
        const s = 300 + 550 * (p.curve === 1 ? x : Math.pow(x, p.curve));
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
    const file = (day: number, i: number, size: number) => {
      evDay.push(day);
      evAgent.push(i);
      evSize.push(size);
      burden[i]! += size * fade(world.day - day);
      onFile[i]!++;
    };
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
      for (const e of order) file(days[e]!, who[e]!, 1);
    };
    let lastDay = 0;
    return {
      init() {
        for (let i = 0; i < n; i++) {
          history[i] = rng() * 30;
          mix[i] = p.mixMin + (1 - p.mixMin) * rng();
          apps[i] = rng.poisson(APP_RATE * APP_MEMORY); // the steady state of the application count
        }
        lastDay = world.day;
        if (p.priorHistory) seedPrior();
        lastApproved = compute();
      },
      score() {
        const dt = world.daysPerStep;
        // every default on file ages by the days since the last scoring: its weight fades by the same factor
        const f = fade(world.day - lastDay);
        lastDay = world.day;
        if (f !== 1) for (let i = 0; i < n; i++) burden[i]! *= f;
        const r = world.records;
        for (let k = 0; k < r.length; k++) {
          if (r.domain[k] !== F || r.kind[k] !== ACT_VIOLATION) continue;
          const i = r.agent[k]!;
          file(world.day, i, r.size[k]! / (pop.income[i]! * 30));
        }
        while (head < evDay.length && evDay[head]! <= world.day - p.expiryDays) {
          const i = evAgent[head]!;
          burden[i] = --onFile[i]! === 0 ? 0 : Math.max(0, burden[i]! - evSize[head]! * fade(world.day - evDay[head]!));
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
