/**
 * Morris screening of the friend-cleanup model (docs/benchmark.md#the-benchmark-model-friend-cleanup): which of beta, lambda, c and delta
 * matter for the final score assortativity, and do they act alone (σ small next to μ*) or through
 * interactions and non-linearity (σ large)? 8 trajectories × (4 + 1) points on a 4-level grid:
 * 40 runs of 500 agents over 50 steps.
 *
 *   npx scorelab sweep cleanup-morris           # → results/cleanup-morris/sensitivity.csv (mu, mu_star, sigma)
 */
import { defineExperiment } from 'scorelab';

export default defineExperiment({
  id: 'cleanup-morris',
  title: 'Morris screening of the friend-cleanup model',
  base: 'bench-friend-cleanup',
  agents: 500,
  steps: 50,
  design: {
    kind: 'morris',
    trajectories: 8,
    levels: 4,
    factors: [
      { name: 'regimes.friend-cleanup.beta', min: 0.1, max: 0.5 },
      { name: 'regimes.friend-cleanup.lambda', min: 0.05, max: 0.3 },
      { name: 'regimes.friend-cleanup.c', min: 0, max: 0.2 },
      { name: 'regimes.friend-cleanup.delta', min: 0.02, max: 0.3 },
    ],
  },
  metrics: ['score_assortativity', 'gini_score'],
  summary: { metrics: ['score_assortativity', 'gini_score'], meanOfLast: 10 },
});
