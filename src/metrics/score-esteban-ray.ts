/**
 * `score_esteban_ray` — Esteban–Ray polarization of the primary score.
 *
 * P = K Σ_i Σ_j π_i^(1+α) π_j |y_i − y_j| (polarization.ts), K = 1. The score range [min, max] of the
 * primary score is cut into `bins` equal-width bins (parameter `score_esteban_ray.bins`, default
 * 10; scores outside the range go to the end bins); π_i = share of agents in bin i, y_i = bin
 * midpoint normalised to [0, 1] of the range ((i + ½) / bins); α = `score_esteban_ray.alpha`
 * (default 1.6; Esteban and Ray require α ∈ (0, 1.6]). Null without a score or score range, without
 * agents, or with an empty range (max ≤ min).
 *
 * Reference: J.-M. Esteban & D. Ray, "On the measurement of polarization", Econometrica
 * 62(4):819–851 (1994), eq. (3).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { binShares, estebanRay } from './polarization.js';
import { fin, param } from './util.js';

export const scoreEstebanRay: MetricSpec = {
  id: 'score_esteban_ray',
  columns: ['score_esteban_ray'],
  doc: 'Esteban–Ray polarization P = Σ_i Σ_j π_i^(1+α) π_j |y_i − y_j| over equal-width score bins (params score_esteban_ray.bins = 10, score_esteban_ray.alpha = 1.6; y = bin midpoints on [0, 1]).',
  reference: 'Esteban & Ray, Econometrica 62:819 (1994)',
  make: () => (s) => {
    const bins = param(s, 'score_esteban_ray.bins', 10, 'posint');
    const alpha = param(s, 'score_esteban_ray.alpha', 1.6, 'positive');
    if (!s.score || !s.scoreRange || s.n === 0) return { score_esteban_ray: null };
    const [lo, hi] = s.scoreRange;
    if (!(hi > lo)) return { score_esteban_ray: null };
    const shares = binShares(s.score, lo, hi, bins);
    const y = Float64Array.from({ length: bins }, (_, b) => (b + 0.5) / bins);
    return { score_esteban_ray: fin(estebanRay(shares, y, alpha)) };
  },
};
