/**
 * surveillance-discrimination — does watching one group more closely make it look worse, even when
 * it behaves exactly like everyone else? (issue 11, experiment 1)
 *
 * Claim (the source, paraphrased; page not recorded, section not recorded): one group (the Uighurs)
 * is under far more scrutiny than others, so more of its acts are found and recorded — the records,
 * scores and sanctions then discriminate although the behaviour behind them does not differ.
 *
 * Mechanism: the `surveillance` observation plug-in makes an act of a minority member `ratio` times
 * as likely to be recorded (law, commerce, speech) as the same act of a majority member. Records
 * feed two regimes on one population: the `risk-list` (a recorded law violation in the past year
 * lists a person for a year, barring travel) and the `national-composite` score (law and commerce
 * records lower its areas; an area below its floor restricts the person everywhere and cuts
 * income). So watching turns into listings, a score gap and, through the restrictions, a wealth gap.
 *
 * True behaviour gap: no scenario parameter today sets a group difference in propensities (missing
 * knob: e.g. `population.minorityTraitRatio` per domain). This file defines a small behaviour
 * plug-in, `minority-conduct`, that multiplies the minority's law and commerce propensities by
 * `ratio` at the start of the run (1 = both groups behave alike): a real difference in acts that
 * observation then sees, through the same rules.
 *
 * Design: surveillance ratio 1, 2, 3 × true behaviour gap 1, 1.25, 1.5; 4 replicates with common
 * random numbers; 2,000 agents over 365 days. The minority starts a little poorer (median wealth
 * and income 0.8 of the majority's), so that the between-group part of wealth inequality measures
 * a gap with a sign: it grows when the minority loses more. Control: surveillance ratio 1 (equal watching) — the same rules, listings and
 * score, with the cause (unequal observation) removed; effects.csv pairs every point with the
 * equal-watching point of the same behaviour gap, replicate by replicate.
 *
 * Expected: listed_rate_ratio, score_gap and theil_wealth_between (the between-group part of
 * wealth inequality: the wealth gap) rise with the surveillance ratio at every behaviour gap,
 * including gap 1 where the groups act alike.
 *
 *   npx scorelab sweep experiments/surveillance-discrimination.ts          # full: 36 runs
 *   npx scorelab sweep experiments/surveillance-discrimination.ts --quick  # results/surveillance-discrimination-quick/
 *
 * Full sweep: 36 runs in 29.4 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/surveillance-discrimination/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineBehaviour, defineExperiment, DOMAIN_INDEX, num } from 'scorelab';

const SOURCE = "the law-review article on the human-rights implications of China's Social Credit System that scorelab models (its text does not ship with the project)";

/** A true difference in conduct: the minority's propensities in the chosen domains × ratio. */
const minorityConduct = defineBehaviour({
  id: 'minority-conduct',
  title: 'A true behaviour gap between the groups (experiment plug-in)',
  summary: "multiplies the minority's law and commerce propensities by `ratio` at the start (1 = no gap)",
  doc:
    'At the start of the run the propensity of every minority member to break rules in law and in ' +
    'commerce is multiplied by `ratio`; nothing else changes. Used beside the standard behaviour model ' +
    '(which then draws the acts from these propensities) to give the groups a real difference in acts.',
  sources: ['experiments/surveillance-discrimination.ts (a design factor, not a calibrated value)'],
  params: {
    ratio: num(1, { min: 0, max: 10, unit: 'minority ÷ majority', doc: "factor on the minority's law and commerce propensities (1 = the groups behave alike)" }),
  },
  create(world, p) {
    return {
      init() {
        const { n, pop } = world;
        for (const d of [DOMAIN_INDEX.law, DOMAIN_INDEX.commerce]) {
          for (let i = 0; i < n; i++) if (pop.group[i] === 1) pop.trait[d * n + i]! *= p.ratio;
        }
      },
    };
  },
});

export default defineExperiment({
  id: 'surveillance-discrimination',
  title: 'Differential surveillance × true behaviour gap → listings, scores and wealth by group',
  question: 'How much of the gap between groups in listings, scores and wealth is made by watching one group more closely, with and without a real difference in behaviour?',
  claim: {
    quote: 'Paraphrase: one group is placed under far more scrutiny than others, so more of its acts are found and recorded, and the records, scores and sanctions built on them discriminate although the behaviour behind them need not differ.',
    source: SOURCE,
    page: 'page not recorded; section not recorded',
  },
  mechanism:
    'Observation: the minority’s acts are recorded `ratio` times as often (surveillance). Records → risk-list listings (travel bans) and national-composite area deductions → restrictions that cut income → wealth. A behaviour plug-in in this file sets a true gap in the minority’s law and commerce propensities.',
  control: { set: { 'observation.surveillance.ratio': 1 }, label: 'equal watching (ratio 1)' },
  crn: true,
  expected: { listed_rate_ratio: 'up', score_gap: 'up', theil_wealth_between: 'up' },
  base: {
    name: 'surveillance-discrimination',
    seed: 1,
    steps: 365,
    population: { agents: 10000, minorityWealthRatio: 0.8 },
    graph: { model: 'sbm', meanDegree: 10, homophily: 0.5 },
    behaviour: { standard: {}, 'minority-conduct': {} },
    observation: { surveillance: { ratio: 3 } },
    regimes: { 'national-composite': {}, 'risk-list': {} },
    record: { every: 7 },
  },
  plugins: [minorityConduct],
  agents: 2000,
  steps: 365,
  replicates: 4,
  metrics: ['listed_share', 'listed_rate_ratio', 'score_gap', 'mean_score', 'theil_wealth_between', 'gini_wealth', 'violation_rate', 'equalized_odds_gap'],
  design: {
    kind: 'grid',
    factors: {
      'observation.surveillance.ratio': [1, 2, 3],
      'behaviour.minority-conduct.ratio': [1, 1.25, 1.5],
    },
  },
  summary: { metrics: ['listed_rate_ratio', 'score_gap', 'theil_wealth_between', 'listed_share', 'violation_rate', 'equalized_odds_gap'] },
  quick: { agents: 400, steps: 100, replicates: 2 },
  figures: [
    { id: 'listed-heatmap', kind: 'heatmap', x: 'observation.surveillance.ratio', y: 'behaviour.minority-conduct.ratio', metric: 'listed_rate_ratio', title: 'Listing rate, minority ÷ majority' },
    { id: 'listed-dose', kind: 'dose', x: 'observation.surveillance.ratio', y: 'listed_rate_ratio', color: 'behaviour.minority-conduct.ratio' },
    { id: 'score-gap-dose', kind: 'dose', x: 'observation.surveillance.ratio', y: 'score_gap', color: 'behaviour.minority-conduct.ratio' },
    { id: 'wealth-gap-dose', kind: 'dose', x: 'observation.surveillance.ratio', y: 'theil_wealth_between', color: 'behaviour.minority-conduct.ratio' },
    { id: 'over-time', kind: 'timeseries', metrics: ['listed_rate_ratio', 'score_gap'], color: 'observation.surveillance.ratio', facet: 'behaviour.minority-conduct.ratio' },
    { id: 'effects', kind: 'effects', metrics: ['listed_rate_ratio', 'score_gap', 'theil_wealth_between'] },
  ],
});
