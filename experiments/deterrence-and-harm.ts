/**
 * deterrence-and-harm — how many violations do harsher and surer sanctions avoid, and at what cost
 * in wrongful listings and stratification? (issue 11, experiment 5)
 *
 * Claim (the source, Part V, paraphrased; page not recorded): the system's stated aim — more
 * compliance, "trust" — has to be weighed against what it costs people: punishment of the innocent,
 * sanctions out of proportion to the act, and a class of people pushed down; reforms should keep
 * what deters and drop what only harms.
 *
 * Mechanism: people break rules less the more likely they think a violation is to be sanctioned
 * (perceived certainty) and the more they think a sanction costs (perceived severity), learned
 * from their own sanctions, their neighbours' and published ones (standard behaviour: m = 1/(1 +
 * κ·ĉ^a·(Ŝ/S_ref)^b), certainty exponent a = 1 above severity exponent b = 0.5, after Nagin 2013).
 * Observed defaults become court judgments; able debtors who do not pay are blacklisted
 * (`court-blacklist`); `joint-punishment` applies the agencies' sanctions to the listed.
 * Face recognition misattributes some defaults (`misidentification`, domain finance), so some
 * listings are wrongful; sanctions cut income, which eats savings and raises stress.
 *
 * Factors: severity = `regimes.joint-punishment.breadth` (share of the ~60 agencies that sanction:
 * income cuts, benefits withdrawn, trips blocked); the court's own travel ban is held off
 * (flightsPerYear = trainsPerYear = 0), so at breadth 0 a listing costs nothing. Certainty =
 * `detect.finance` (chance that a default is observed and so can lead to a judgment). A severity
 * knob on the court list itself does not exist today; breadth is the nearest parameter.
 *
 * Design: breadth 0, 0.5, 1 × detect.finance 0.3, 0.6, 0.9; 730 days, finance propensity
 * 0.0005/day, 3 replicates, common random numbers. Metrics are recorded every 30 days (a default
 * rate over a week of 2,000 people counts only a handful of defaults); the run summary is the mean
 * of the last three records (90 days). Control: breadth 0 — the same listings rule at
 * the same certainty, with no sanction behind it; effects.csv pairs every point with breadth 0 at
 * the same detection. Violations avoided = −Δ default_rate against the control.
 *
 * Expected: default_rate down with severity (violations avoided), gini_wealth and
 * bottom_persistence up (stratification), wrongful_listed_share about unchanged ('none': wrongful
 * listings come from misattributed records, which no sanction deters).
 *
 *   npx scorelab sweep experiments/deterrence-and-harm.ts          # full: 27 runs
 *   npx scorelab sweep experiments/deterrence-and-harm.ts --quick
 *
 * Trial run (2026-12-07, full sweep, before the last mechanisms of issue 10 landed): defaults fell
 * with severity and more where certainty was high (−11 % at detect 0.3, −24 % at 0.9, breadth 1);
 * at breadth 0 detection alone deterred nothing (identical default rates). gini_wealth rose
 * (+0.0013 at breadth 1, detect 0.9); wrongful listings did not change; bottom_persistence did not
 * move beyond noise.
 *
 * Full sweep: 27 runs in 25.4 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/deterrence-and-harm/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineExperiment } from 'scorelab';

const SOURCE = "the law-review article on the human-rights implications of China's Social Credit System that scorelab models (its text does not ship with the project)";

export default defineExperiment({
  id: 'deterrence-and-harm',
  title: 'Sanction severity and certainty → violations avoided against wrongful listings and stratification',
  question: 'How many defaults do harsher (broader) and surer sanctions avoid, and what do they cost in wrongful listings, inequality and persistence at the bottom?',
  claim: {
    quote: 'Paraphrase: the system’s aim of compliance must be weighed against its costs — punishment of the innocent, disproportionate sanctions and a class pushed to the bottom; reforms should keep what deters and drop what only harms.',
    source: SOURCE,
    page: 'Part V; page not recorded',
  },
  mechanism:
    'Perceived certainty × perceived severity of sanctions (learned from own, neighbours’ and published sanctions) lowers the propensity to default; court-blacklist lists able debtors who do not pay; joint-punishment sanctions the listed (breadth = severity); detect.finance sets how many defaults are seen (certainty); misattributed defaults make wrongful listings; lost income eats savings.',
  control: { set: { 'regimes.joint-punishment.breadth': 0 }, label: 'listing without sanction (breadth 0)' },
  crn: true,
  expected: { default_rate: 'down', wrongful_listed_share: 'none', gini_wealth: 'up', bottom_persistence: 'up' },
  base: 'joint-punishment',
  set: {
    'population.traits.finance': 0.0005,
    'regimes.court-blacklist.flightsPerYear': 0,
    'regimes.court-blacklist.trainsPerYear': 0,
    'observation.misidentification': { baseRate: 0.0001, falseMatchRatio: 10, domain: 'finance' },
    'record.every': 30,
  },
  agents: 2000,
  steps: 730,
  replicates: 3,
  metrics: ['default_rate', 'violation_rate', 'listed_share', 'wrongful_listed_share', 'listed_rate_ratio', 'gini_wealth', 'bottom_persistence', 'shorrocks_mobility'],
  design: {
    kind: 'grid',
    factors: {
      'regimes.joint-punishment.breadth': [0, 0.5, 1],
      'detect.finance': [0.3, 0.6, 0.9],
    },
  },
  summary: { metrics: ['default_rate', 'wrongful_listed_share', 'listed_share', 'gini_wealth', 'bottom_persistence', 'listed_rate_ratio'], meanOfLast: 3 },
  quick: { agents: 400, steps: 120, replicates: 2 },
  figures: [
    { id: 'defaults-heatmap', kind: 'heatmap', x: 'regimes.joint-punishment.breadth', y: 'detect.finance', metric: 'default_rate', title: 'Defaults per person per day' },
    { id: 'defaults-dose', kind: 'dose', x: 'regimes.joint-punishment.breadth', y: 'default_rate', color: 'detect.finance' },
    { id: 'wrongful-dose', kind: 'dose', x: 'regimes.joint-punishment.breadth', y: 'wrongful_listed_share', color: 'detect.finance' },
    { id: 'persistence-dose', kind: 'dose', x: 'regimes.joint-punishment.breadth', y: 'bottom_persistence', color: 'detect.finance' },
    { id: 'over-time', kind: 'timeseries', metrics: ['default_rate', 'listed_share'], color: 'regimes.joint-punishment.breadth', facet: 'detect.finance' },
    { id: 'effects', kind: 'effects', metrics: ['default_rate', 'wrongful_listed_share', 'gini_wealth', 'bottom_persistence'] },
  ],
});
