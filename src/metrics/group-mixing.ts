/**
 * Mixing-matrix helpers of the group segregation metrics (no metric of its own), used by
 * group-assortativity.ts, group-ei-index.ts and group-freeman-segregation.ts; also Coleman's
 * homophily index.
 *
 * The mixing matrix M counts tie ends: M[g][h] = ordered pairs (i→j) over both directions of every
 * tie with group(i) = g, group(j) = h (symmetric; total 2m). With e = M / ΣM, a_g = Σ_h e_gh,
 * b_h = Σ_g e_gh:
 * - categorical assortativity r = (Σ_g e_gg − Σ_g a_g b_g) / (1 − Σ_g a_g b_g)   (Newman 2003, eq. 2);
 * - E-I index = (E − I) / (E + I), E = Σ off-diagonal, I = Σ diagonal         (Krackhardt & Stern 1988);
 * - Freeman's S = (E[c] − c) / E[c], c = observed cross-group ties,
 *   E[c] = ties × (N² − Σ_g N_g²) / (N (N − 1))                              (Freeman 1978);
 * - Coleman's homophily of group g: p_g = M[g][g] / Σ_h M[g][h], w_g = (N_g − 1) / (N − 1);
 *   H_g = (p_g − w_g) / (1 − w_g) if p_g ≥ w_g, else (p_g − w_g) / w_g       (Coleman 1958).
 * `groupMatrix(s)` is the group mixing matrix of a snapshot, computed once per snapshot under the
 * memo key `group.mixing` and shared by the three metrics; null with fewer than two groups present
 * or without ties. Counting is shared with the strata metrics in one pass over the tie ends
 * (tie-pass.ts).
 *
 * References: Newman, Phys. Rev. E 67:026126 (2003); Krackhardt & Stern, Soc. Psychol. Q. 51:123
 * (1988); Freeman, Sociol. Methods Res. 6:411 (1978); Coleman, Human Organization 17:28 (1958);
 * Bojanowski & Corten, Social Networks 39:14 (2014).
 */
import type { AdjacencyView } from '../core/adjacency.js';
import type { Snapshot } from '../core/snapshot.js';
import { snapshotTiePass, tiePass, type TiePass } from './tie-pass.js';
import { fin, groupsPresent, memo, type Num } from './util.js';

export type Matrix = readonly (readonly number[])[];

/** The mixing matrix of `groups` as rows. */
export function mixOf(p: TiePass): number[][] {
  const G = Math.max(p.kg, 1);
  return Array.from({ length: p.kg }, (_, g) => Array.from(p.mix.subarray(g * G, g * G + p.kg)));
}

/** k × k matrix of tie ends between labels 0 … k−1 (k ≤ 256; both directions of every tie). */
export function mixingMatrix(adj: AdjacencyView, labels: Num, k: number): number[][] {
  return mixOf(tiePass(adj, null, 0, labels, k));
}

/** Sum of the cells of a matrix (tie ends: 2 × ties for a mixing matrix). */
export function total(m: Matrix): number {
  let t = 0;
  for (const row of m) for (const v of row) t += v;
  return t;
}

/** Newman's categorical assortativity r of a mixing matrix; null if undefined. */
export function categoricalAssortativity(m: Matrix): number | null {
  const t = total(m);
  if (!(t > 0)) return null;
  const k = m.length;
  let tr = 0, ab = 0;
  for (let g = 0; g < k; g++) {
    tr += m[g]![g]! / t;
    let a = 0, b = 0;
    for (let h = 0; h < k; h++) {
      a += m[g]![h]! / t;
      b += m[h]![g]! / t;
    }
    ab += a * b;
  }
  return 1 - ab > 1e-15 ? fin((tr - ab) / (1 - ab)) : null;
}

/** Krackhardt–Stern E-I index (E − I)/(E + I) of a mixing matrix; null if empty. */
export function eiIndex(m: Matrix): number | null {
  const t = total(m);
  if (!(t > 0)) return null;
  let inside = 0;
  for (let g = 0; g < m.length; g++) inside += m[g]![g]!;
  return (t - 2 * inside) / t;
}

/** Coleman's homophily index per group; null for a group without ties or where the index is undefined. */
export function colemanHomophily(m: Matrix, sizes: readonly number[]): (number | null)[] {
  const N = sizes.reduce((a, b) => a + b, 0);
  return m.map((row, g) => {
    const out = row.reduce((a, b) => a + b, 0);
    if (!(out > 0) || N < 2) return null;
    const p = row[g]! / out;
    const w = (sizes[g]! - 1) / (N - 1);
    if (p >= w) return w < 1 ? fin((p - w) / (1 - w)) : null;
    return w > 0 ? fin((p - w) / w) : null;
  });
}

/** Freeman's segregation index S from the tie count, the cross-group tie count and the group sizes. */
export function freemanSegregation(ties: number, crossTies: number, sizes: readonly number[]): number | null {
  let N = 0, sq = 0;
  for (const s of sizes) {
    N += s;
    sq += s * s;
  }
  if (N < 2 || ties <= 0) return null;
  const expected = (ties * (N * N - sq)) / (N * (N - 1));
  return expected > 0 ? fin((expected - crossTies) / expected) : null;
}

/** The group mixing matrix of a snapshot (memo key `group.mixing`); null with fewer than two groups present or without ties. */
export function groupMatrix(s: Snapshot): number[][] | null {
  if (groupsPresent(s) < 2 || s.adj.edgeCount === 0) return null;
  return memo(s, 'group.mixing', () => mixOf(snapshotTiePass(s, ['groups'])));
}
