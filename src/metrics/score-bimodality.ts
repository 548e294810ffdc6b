/**
 * `score_bimodality` — bimodality coefficient of the primary score.
 *
 * BC = (G1² + 1) / (G2 + 3(n − 1)² / ((n − 2)(n − 3))), G1 the bias-corrected sample skewness and
 * G2 the bias-corrected sample excess kurtosis of the scores of all agents (polarization.ts).
 * BC > 5/9 (the value of a uniform distribution) suggests bimodality. Null without a score, with
 * fewer than 4 agents, or with a constant score.
 *
 * Reference: R. Pfister, K. A. Schwarz, M. Janczyk, R. Dale & J. B. Freeman, "Good things peak in
 * pairs: a note on the bimodality coefficient", Frontiers in Psychology 4:700 (2013), eq. (1).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { bimodalityCoefficient } from './polarization.js';

export const scoreBimodality: MetricSpec = {
  id: 'score_bimodality',
  columns: ['score_bimodality'],
  doc: 'Bimodality coefficient BC = (g² + 1)/(k + 3(n−1)²/((n−2)(n−3))) of the primary score (g skewness, k excess kurtosis, bias-corrected); > 5/9 suggests bimodality.',
  reference: 'Pfister et al., Frontiers in Psychology 4:700 (2013)',
  make: () => (s) => ({ score_bimodality: s.score ? bimodalityCoefficient(s.score) : null }),
};
