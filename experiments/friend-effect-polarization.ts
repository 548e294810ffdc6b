/**
 * friend-effect-polarization — does a score that reads one's friends sort the network by score?
 * (issue 11, experiment 2)
 *
 * Claim (the source, paraphrased; page not recorded, section not recorded): because Sesame Credit
 * counts the behaviour and scores of one's friends, people have a reason to drop friends with low
 * scores and seek high-scored ones ("social cleanup"), so the network splits along score lines and
 * those at the bottom are cut off.
 *
 * Mechanism: `sesame` with `friendWeight` w puts the mean score of one's joined online friends into
 * one's own score. The `cleanup` adaptation (rate per day of reviewing one's online ties) drops
 * the friend whose tie costs one the most score, when that gain outweighs the friendship or lifts
 * one over a benefit threshold, and seeks a willing friend whose tie raises it. The motive is the
 * friend term: at w = 0 a tie changes nobody's score and nobody has a reason to drop anyone.
 * Coupling 0.33: a cut online tie takes its offline part with it one time in three.
 *
 * Design: friendWeight 0, 0.05, 0.15, 0.3 × cleanup rate 0 (nobody reviews ties), 0.02 per day;
 * 3 replicates with common random numbers, on the social-cleanup preset (everyone joined and aware).
 * Control: friendWeight 0 — the score and the cleanup rule stay, the motive goes; effects.csv
 * pairs every point with w = 0 at the same cleanup rate. At cleanup rate 0 the friend term alone
 * (scores averaging friends) raises score assortativity a little without any tie changing: the
 * cleanup effect is the difference between the two rows of the heatmap.
 *
 * Expected: with cleanup on, score_assortativity and stratum_modularity rise with friendWeight and
 * cross_stratum_tie_share falls; with cleanup off, tie structure does not move (tie_count equal).
 *
 *   npx scorelab sweep experiments/friend-effect-polarization.ts          # full: 24 runs
 *   npx scorelab sweep experiments/friend-effect-polarization.ts --quick
 *
 * Full sweep: 24 runs in 12.7 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/friend-effect-polarization/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineExperiment } from 'scorelab';

const SOURCE = "the law-review article on the human-rights implications of China's Social Credit System that scorelab models (its text does not ship with the project)";

export default defineExperiment({
  id: 'friend-effect-polarization',
  title: 'Friend effect × social cleanup → score sorting of the network',
  question: 'Does a score that counts friends’ scores make people drop low-scored friends, so that the network sorts by score — and does that vanish when the score does not read friends?',
  claim: {
    quote: 'Paraphrase: since the score counts friends’ behaviour and scores, people are pushed to cut ties with low-scored friends and seek high-scored ones, splitting society along score lines and isolating those at the bottom.',
    source: SOURCE,
    page: 'page not recorded; section not recorded',
  },
  mechanism:
    'Sesame’s friend term (friendWeight × mean score of joined online friends) gives each person a motive to drop the friend who costs them most score; the cleanup adaptation acts on that motive (and seeks score-raising friends); coupling spills cuts to offline ties.',
  control: { set: { 'regimes.sesame.friendWeight': 0 }, label: 'score does not read friends (friendWeight 0)' },
  crn: true,
  expected: { score_assortativity: 'up', stratum_modularity: 'up', cross_stratum_tie_share: 'down' },
  base: 'social-cleanup',
  agents: 2000,
  steps: 364,
  replicates: 3,
  metrics: ['mean_score', 'score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share', 'cross_stratum_tie_share_online', 'cross_stratum_tie_share_offline', 'group_assortativity', 'tie_count'],
  design: {
    kind: 'grid',
    factors: {
      'regimes.sesame.friendWeight': [0, 0.05, 0.15, 0.3],
      'adaptations.cleanup.rate': [0, 0.02],
    },
  },
  summary: { metrics: ['score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share', 'cross_stratum_tie_share_online', 'group_assortativity', 'tie_count'] },
  quick: { agents: 400, steps: 80, replicates: 2 },
  figures: [
    { id: 'assortativity-heatmap', kind: 'heatmap', x: 'regimes.sesame.friendWeight', y: 'adaptations.cleanup.rate', metric: 'score_assortativity' },
    { id: 'assortativity-dose', kind: 'dose', x: 'regimes.sesame.friendWeight', y: 'score_assortativity', color: 'adaptations.cleanup.rate' },
    { id: 'cross-stratum-dose', kind: 'dose', x: 'regimes.sesame.friendWeight', y: 'cross_stratum_tie_share', color: 'adaptations.cleanup.rate' },
    { id: 'over-time', kind: 'timeseries', metrics: ['score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share'], color: 'regimes.sesame.friendWeight', facet: 'adaptations.cleanup.rate' },
    { id: 'network', kind: 'network', where: { 'regimes.sesame.friendWeight': 0.3, 'adaptations.cleanup.rate': 0.02 }, colorBy: 'score', agents: 400, title: 'Before and after cleanup (friendWeight 0.3, cleanup rate 0.02)' },
    { id: 'effects', kind: 'effects', metrics: ['score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share'] },
  ],
});
