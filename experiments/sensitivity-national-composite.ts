/**
 * sensitivity-national-composite — which of the national composite's rules, none of them published,
 * decide what it does to inequality and to the minority? Sobol indices. (issue 11, experiment 10)
 *
 * Claim (the source, paraphrased; page not recorded, section not recorded): a planned national
 * score would add up government-affairs, commercial, societal and judicial "sincerity", and a low
 * value in one area would restrict a person everywhere ("broken trust in one place, restrictions
 * everywhere"). No weights, floors or thresholds have been published, so which outcomes follow
 * depends on choices nobody has stated.
 *
 * Mechanism: `national-composite` — four areas start at 80 and lose points per record; an area
 * below `areaFloor` restricts the person everywhere (income × `restrictIncomeMult`, opportunities
 * lost, no benefits); a composite at or above `benefitThreshold` brings benefits. Records come from
 * observed acts (`detect.law` is the chance that a law violation is seen). A poorer minority
 * (wealth and income 0.7 of the majority's) lives on a group-homophilous network.
 *
 * Design: Saltelli (2010) sampling for first-order and total Sobol indices, N = 32 base rows ×
 * (4 + 2) = 192 runs of 600 agents over 365 days, common random numbers (one seed for every point,
 * so the indices measure the factors, not seed noise), one replicate. Factors: areaFloor 40–70,
 * restrictIncomeMult 0.8–1, benefitThreshold 75–95, detect.law 0.1–0.5. Outputs: the mean of the
 * last 4 recorded weeks. benefit_disparate_impact is not an output: in about half the runs of a
 * trial at this size a group had no eligible member in one of those weeks (no value), and the
 * sweep leaves out a metric with empty runs. At this N the bootstrap half-widths in
 * sensitivity.csv (S1_conf, ST_conf) are wide — first-order estimates far outside [0, 1] were
 * seen at N = 16 where an output barely varies — so this is a screening, not a finding: rank
 * the factors by ST; for publishable indices raise N (512 and up) and the size, on a cluster
 * (scorelab slurm).
 * No control and no expected direction: a sensitivity analysis has no treatment; it ranks causes.
 *
 *   npx scorelab sweep experiments/sensitivity-national-composite.ts          # → sensitivity.csv
 *   npx scorelab sweep experiments/sensitivity-national-composite.ts --quick
 *
 * Full sweep: 192 runs in 20.0 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/sensitivity-national-composite/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineExperiment } from 'scorelab';

const SOURCE = "the law-review article on the human-rights implications of China's Social Credit System that scorelab models (its text does not ship with the project)";

export default defineExperiment({
  id: 'sensitivity-national-composite',
  title: 'Sobol sensitivity of the national composite score’s outcomes to its unpublished rules',
  question: 'Which of the national composite’s unstated choices — the area floor, the size of the restriction, the benefit threshold, how much is observed — drive inequality, persistence at the bottom and the gaps between groups?',
  claim: {
    quote: 'Paraphrase: a national score would add up government-affairs, commercial, societal and judicial sincerity, and a low value in one area would restrict a person everywhere — “broken trust in one place, restrictions everywhere” — with no published weights or thresholds.',
    source: SOURCE,
    page: 'page not recorded; section not recorded',
  },
  mechanism:
    'Records lower four area scores; an area below the floor restricts everywhere (income cut, lost opportunities, no benefits); a high composite brings benefits; restrictions eat savings and the poorer minority meets the floor more often.',
  crn: true,
  base: {
    name: 'sensitivity-national-composite',
    seed: 1,
    steps: 365,
    population: { agents: 10000, minorityWealthRatio: 0.7 },
    graph: { model: 'sbm', meanDegree: 10, homophily: 0.5 },
    regimes: { 'national-composite': {} },
    record: { every: 7 },
  },
  agents: 600,
  steps: 365,
  replicates: 1,
  metrics: ['mean_score', 'score_gap', 'benefit_disparate_impact', 'gini_wealth', 'bottom_persistence', 'violation_rate'],
  design: {
    kind: 'sobol',
    N: 32,
    factors: [
      { name: 'regimes.national-composite.areaFloor', min: 40, max: 70 },
      { name: 'regimes.national-composite.restrictIncomeMult', min: 0.8, max: 1 },
      { name: 'regimes.national-composite.benefitThreshold', min: 75, max: 95 },
      { name: 'detect.law', min: 0.1, max: 0.5 },
    ],
  },
  summary: { metrics: ['gini_wealth', 'bottom_persistence', 'score_gap', 'violation_rate'], meanOfLast: 4 },
  quick: { agents: 150, steps: 40, replicates: 1 },
  figures: [
    { id: 'gini-by-floor', kind: 'dose', x: 'regimes.national-composite.areaFloor', y: 'gini_wealth' },
    { id: 'gini-by-restriction', kind: 'dose', x: 'regimes.national-composite.restrictIncomeMult', y: 'gini_wealth' },
    { id: 'gap-by-threshold', kind: 'dose', x: 'regimes.national-composite.benefitThreshold', y: 'score_gap' },
    { id: 'violations-by-detection', kind: 'dose', x: 'detect.law', y: 'violation_rate' },
  ],
});
