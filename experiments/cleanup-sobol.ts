/**
 * Variance-based sensitivity of the friend-cleanup model (docs/benchmark.md#the-benchmark-model-friend-cleanup): how much of the variance
 * of the final score assortativity and score inequality is due to the friend weight beta, the
 * cleanup rate c and the tolerance delta, alone (S1) and with interactions (ST)?
 *
 * Saltelli (2010) design with N = 32 base rows: 32 × (3 + 2) = 160 runs of 400 agents over 50
 * steps (seconds on 2 cores). The outputs are averaged over the last 10 recorded steps to damp
 * the noise of single runs. At this size the indices are a demonstration, not a finding: the
 * bootstrap half-widths in sensitivity.csv (S1_conf, ST_conf) are as large as the indices. For
 * publishable indices raise N (powers of two: 512 and up), the size and the replicates, e.g.
 * N: 1024 below and --agents 10000 --replicates 3, on a cluster (scorelab slurm).
 *
 *   npx scorelab sweep cleanup-sobol            # → results/cleanup-sobol/sensitivity.csv
 */
import { defineExperiment } from 'scorelab';

export default defineExperiment({
  id: 'cleanup-sobol',
  title: 'Sobol sensitivity of the friend-cleanup model to beta, c and delta',
  base: 'bench-friend-cleanup',
  agents: 400,
  steps: 50,
  design: {
    kind: 'sobol',
    N: 32,
    factors: [
      { name: 'regimes.friend-cleanup.beta', min: 0.1, max: 0.5 },
      { name: 'regimes.friend-cleanup.c', min: 0, max: 0.2 },
      { name: 'regimes.friend-cleanup.delta', min: 0.02, max: 0.3 },
    ],
  },
  replicates: 1,
  metrics: ['score_assortativity', 'gini_score', 'tie_count'],
  summary: { metrics: ['score_assortativity', 'gini_score'], meanOfLast: 10 },
});
