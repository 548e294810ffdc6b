/**
 * Dose–response of social cleanup (docs/benchmark.md#the-benchmark-model-friend-cleanup): does dropping low-scored
 * friends sort the network by score? The cleanup rate c is swept over 0, 0.05, 0.1 and 0.2 with
 * 5 replicates each, at a small size (1,000 agents, k = 10, 100 steps: a few seconds on 2 cores).
 *
 * Expected (docs/benchmark.md#expected-result): score_assortativity is above zero even at c = 0 (friends average each
 * other's scores) and rises with c, dose by dose, while tie_count stays nearly constant.
 *
 *   npx scorelab sweep cleanup-dose                       # → results/cleanup-dose/runs.csv …
 *   npx scorelab sweep cleanup-dose --agents 10000        # the benchmark's small size
 */
import { defineExperiment } from 'scorelab';

export default defineExperiment({
  id: 'cleanup-dose',
  title: 'Social cleanup dose–response (friend-cleanup benchmark model)',
  description: 'Grid over the cleanup rate c; last-step score assortativity and tie count per run.',
  base: 'bench-friend-cleanup',
  agents: 1000,
  steps: 100,
  design: {
    kind: 'grid',
    factors: { 'regimes.friend-cleanup.c': [0, 0.05, 0.1, 0.2] },
  },
  replicates: 5,
  metrics: ['mean_score', 'score_assortativity', 'tie_count', 'gini_score'],
  summary: { metrics: ['score_assortativity', 'tie_count'] },
  figures: [{ id: 'dose-response', x: 'regimes.friend-cleanup.c', y: 'score_assortativity', kind: 'box' }],
});
