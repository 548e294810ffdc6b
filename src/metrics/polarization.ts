/**
 * Polarization of the score distribution: `score_bimodality` and `score_esteban_ray`.
 *
 * Bimodality coefficient (Pfister et al. 2013, eq. 1, with the bias-corrected sample moments):
 *   BC = (G1² + 1) / (G2 + 3(n − 1)² / ((n − 2)(n − 3))),
 *   G1 = g1 √(n(n − 1)) / (n − 2),  G2 = ((n + 1) g2 + 6)(n − 1) / ((n − 2)(n − 3)),
 *   g1 = m3 / m2^1.5, g2 = m4 / m2² − 3 (m_r central moments). BC > 5/9 (the value of a uniform
 *   distribution) suggests bimodality. Null with fewer than 4 agents or a constant score.
 *
 * Esteban–Ray polarization (Esteban & Ray 1994, eq. 3): P = K Σ_i Σ_j π_i^(1+α) π_j |y_i − y_j|.
 * Here the score range [min, max] of the primary score is cut into `bins` equal-width bins
 * (parameter `score_esteban_ray.bins`, default 10; scores outside the range go to the end bins),
 * π_i = share of agents in bin i, y_i = bin midpoint normalised to [0, 1] of the range
 * ((i + ½) / bins), α = `score_esteban_ray.alpha` (default 1.6; ER require α ∈ (0, 1.6]), K = 1.
 * Null without a score or with an empty range.
 *
 * References: Pfister, Schwarz, Janczyk, Dale & Freeman, "Good things peak in pairs", Frontiers in
 * Psychology 4:700 (2013); Esteban & Ray, "On the measurement of polarization", Econometrica
 * 62(4):819–851 (1994).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin, param, type Num } from './util.js';

/** Bimodality coefficient of a sample; null if n < 4 or the values are constant. */
export function bimodalityCoefficient(x: Num): number | null {
  const n = x.length;
  if (n < 4) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  let m2 = 0, m3 = 0, m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  if (!(m2 > 1e-300)) return null;
  const g1 = m3 / Math.pow(m2, 1.5);
  const g2 = m4 / (m2 * m2) - 3;
  const G1 = (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
  const G2 = (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
  return fin((G1 * G1 + 1) / (G2 + (3 * (n - 1) * (n - 1)) / ((n - 2) * (n - 3))));
}

/** Esteban–Ray polarization Σ_i Σ_j π_i^(1+α) π_j |y_i − y_j| × K of shares π at positions y. */
export function estebanRay(shares: Num, y: Num, alpha = 1.6, K = 1): number {
  let p = 0;
  for (let i = 0; i < shares.length; i++) {
    const pi = shares[i]!;
    if (pi === 0) continue;
    const w = Math.pow(pi, 1 + alpha);
    for (let j = 0; j < shares.length; j++) p += w * shares[j]! * Math.abs(y[i]! - y[j]!);
  }
  return K * p;
}

/** Shares of `x` in `bins` equal-width bins of [lo, hi] (values outside go to the end bins). */
export function binShares(x: Num, lo: number, hi: number, bins: number): Float64Array {
  const out = new Float64Array(bins);
  const n = x.length;
  const w = (hi - lo) / bins;
  for (let i = 0; i < n; i++) {
    let b = Math.floor((x[i]! - lo) / w);
    if (!(b >= 0)) b = 0;
    if (b >= bins) b = bins - 1;
    out[b]!++;
  }
  for (let b = 0; b < bins; b++) out[b]! /= n;
  return out;
}

export const scoreBimodality: MetricSpec = {
  id: 'score_bimodality',
  columns: ['score_bimodality'],
  doc: 'Bimodality coefficient BC = (g² + 1)/(k + 3(n−1)²/((n−2)(n−3))) of the primary score (g skewness, k excess kurtosis, bias-corrected); > 5/9 suggests bimodality.',
  reference: 'Pfister et al., Frontiers in Psychology 4:700 (2013)',
  make: () => (s) => ({ score_bimodality: s.score ? bimodalityCoefficient(s.score) : null }),
};

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
