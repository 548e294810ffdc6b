/**
 * Polarization helpers of the score distribution (no metric of its own), used by
 * score-bimodality.ts (`bimodalityCoefficient`) and score-esteban-ray.ts (`binShares`, `estebanRay`).
 *
 * Bimodality coefficient (Pfister et al. 2013, eq. 1, with the bias-corrected sample moments):
 *   BC = (G1² + 1) / (G2 + 3(n − 1)² / ((n − 2)(n − 3))),
 *   G1 = g1 √(n(n − 1)) / (n − 2),  G2 = ((n + 1) g2 + 6)(n − 1) / ((n − 2)(n − 3)),
 *   g1 = m3 / m2^1.5, g2 = m4 / m2² − 3 (m_r central moments). Null with fewer than 4 values or
 *   constant values.
 *
 * Esteban–Ray polarization (Esteban & Ray 1994, eq. 3): P = K Σ_i Σ_j π_i^(1+α) π_j |y_i − y_j| of
 * shares π at positions y; `binShares` cuts a range into equal-width bins and gives the share of
 * values in each (values outside the range go to the end bins).
 *
 * References: Pfister, Schwarz, Janczyk, Dale & Freeman, "Good things peak in pairs", Frontiers in
 * Psychology 4:700 (2013); Esteban & Ray, "On the measurement of polarization", Econometrica
 * 62(4):819–851 (1994).
 */
import { fin, type Num } from './util.js';

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
