/**
 * `gini_score` — Gini coefficient of the primary score.
 *
 * G = Σ_i Σ_j |x_i − x_j| / (2 n² μ) (n² form), computed on the agents in ascending score order as
 * Σ_r (2r − n + 1) x_(r) / (n Σ x) (inequality.ts). Null without a score, when n = 0, or when the
 * mean score is ≤ 0.
 *
 * Reference: C. Gini, "Variabilità e mutabilità" (1912).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { giniOrdered } from './inequality.js';
import { scoreOrder } from './util.js';

export const giniScore: MetricSpec = {
  id: 'gini_score',
  columns: ['gini_score'],
  doc: 'Gini coefficient of the primary score, G = ΣΣ|x_i − x_j|/(2n²μ).',
  reference: 'Gini, Variabilità e mutabilità (1912)',
  make: () => (s) => {
    const o = scoreOrder(s);
    return { gini_score: s.score && o ? giniOrdered(s.score, o) : null };
  },
};
