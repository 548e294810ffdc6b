/**
 * network-lending-redlining — does a loan rule that reads only one's friends' credit scores, and
 * never one's group, turn a segregated network into group disparities? (issue 11, experiment 7)
 *
 * Claim (the source, paraphrased; page not recorded, section not recorded): a Facebook patent
 * (US 9,100,400) describes rejecting a loan application when the average credit rating of the
 * applicant's friends is below a minimum — judging people by whom they know, which can reproduce
 * discrimination without ever looking at a protected trait.
 *
 * Mechanism: `facebook-lending` — each applicant's own credit score comes from their records and
 * wealth; an application goes ahead only if the mean score of their friends is at least
 * `minFriendScore`. The minority is poorer (half the median wealth and income), so its members'
 * scores are a little lower; with homophily their friends are mostly from the minority too, so the
 * rule, blind to group, rejects them more often. The rule never reads `group`.
 *
 * Design: graph homophily 0, 0.5, 0.8 × minFriendScore 620, 650, 680 (the patent names no number);
 * 3,000 agents, 365 days, 4 replicates, common random numbers; the summary is the mean of the last
 * 26 recorded weeks (a week's approvals by group are few). Household cliques are left out of the
 * network (graph.households false): households are all of one group, so they segregate the network
 * even at homophily 0 (group assortativity ≈ 0.17 with them), and the control would keep part of the
 * cause. Control: homophily 0 — the same rule on a network where friends are drawn without regard
 * to group (the cause, segregation, removed); effects.csv pairs each point with homophily 0 at the
 * same minimum.
 *
 * Expected: benefit_disparate_impact (minority approval rate ÷ majority's) falls with homophily,
 * towards the four-fifths line at high homophily; score_gap (own scores) unchanged ('none').
 * benefit_disparate_impact is the lower group's rate over the higher one's, so with few approvals
 * a week it sits below 1 from noise alone: at a minimum above the mean score (a trial with 710)
 * it was ≈ 0.65 even at homophily 0, and the network had no visible effect. The minima here stay
 * at or below the population mean (≈ 690) so that enough applications go ahead.
 *
 *   npx scorelab sweep experiments/network-lending-redlining.ts          # full: 36 runs
 *   npx scorelab sweep experiments/network-lending-redlining.ts --quick
 *
 * Trial run (2026-12-07, full sweep, before the last mechanisms of issue 10 landed):
 * benefit_disparate_impact fell with homophily at every minimum (−0.14 at homophily 0.8, minimum
 * 680, interval −0.22 to −0.07); own scores did not change.
 *
 * Full sweep: 36 runs in 25.9 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/network-lending-redlining/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineExperiment } from 'scorelab';

const SOURCE = "the law-review article on the human-rights implications of China's Social Credit System that scorelab models (its text does not ship with the project)";

export default defineExperiment({
  id: 'network-lending-redlining',
  title: 'The Facebook lending patent rule × network homophily → disparate impact',
  question: 'Does a group-blind rule that lends only to people whose friends have good credit produce group disparities, and does the disparity come from the segregation of the network?',
  claim: {
    quote: 'Paraphrase: a Facebook patent describes rejecting a loan when the average credit rating of the applicant’s friends falls below a minimum — people are judged by whom they know, which can reproduce discrimination without looking at any protected trait.',
    source: SOURCE,
    page: 'page not recorded; section not recorded',
  },
  mechanism:
    'Own credit scores from records and wealth (the minority is poorer); a loan goes ahead only if friends’ mean score ≥ minFriendScore; homophily makes minority members’ friends mostly minority, so their friends’ mean is lower and they are turned down more often. The rule never reads group.',
  control: { set: { 'graph.homophily': 0 }, label: 'friends drawn without regard to group (homophily 0)' },
  crn: true,
  expected: { benefit_disparate_impact: 'down', score_gap: 'none' },
  base: 'facebook-lending',
  set: { 'graph.households': false },
  agents: 3000,
  steps: 365,
  replicates: 4,
  metrics: ['mean_score', 'benefit_disparate_impact', 'score_gap', 'score_assortativity', 'group_assortativity', 'gini_wealth'],
  design: {
    kind: 'grid',
    factors: {
      'graph.homophily': [0, 0.5, 0.8],
      'regimes.facebook-lending.minFriendScore': [620, 650, 680],
    },
  },
  summary: { metrics: ['benefit_disparate_impact', 'score_gap', 'group_assortativity', 'score_assortativity'], meanOfLast: 26 },
  quick: { agents: 500, steps: 100, replicates: 2 },
  figures: [
    { id: 'di-dose', kind: 'dose', x: 'graph.homophily', y: 'benefit_disparate_impact', color: 'regimes.facebook-lending.minFriendScore', caption: 'The four-fifths line is 0.8.' },
    { id: 'di-heatmap', kind: 'heatmap', x: 'graph.homophily', y: 'regimes.facebook-lending.minFriendScore', metric: 'benefit_disparate_impact' },
    { id: 'over-time', kind: 'timeseries', metrics: ['benefit_disparate_impact', 'score_gap'], color: 'graph.homophily', facet: 'regimes.facebook-lending.minFriendScore' },
    { id: 'effects', kind: 'effects', metrics: ['benefit_disparate_impact', 'score_gap'] },
  ],
});
