/**
 * DeGroot learning helpers (no step-table column): the influence vector of a row-stochastic
 * trust matrix T, i.e. the left unit eigenvector s with s T = s, Σ s = 1 — the weight of each
 * agent's initial belief in the consensus lim T^t b(0) = (s · b(0)) 1 — and integer matrix powers.
 *
 * Solved exactly as a linear system (Gaussian elimination with partial pivoting, O(k³), for small
 * matrices in tests and one-off analyses). Null when T has no unique stationary vector (the system
 * is singular, e.g. two closed classes).
 *
 * Reference: DeGroot, "Reaching a consensus", JASA 69:118 (1974); Jackson, Social and Economic
 * Networks (2008), ch. 8 — T = [[1/3, 1/3, 1/3], [1/2, 1/2, 0], [0, 1/4, 3/4]] gives (3/11, 4/11, 4/11).
 */

type Matrix = readonly (readonly number[])[];

/** Influence vector s (s T = s, Σ s = 1) of a row-stochastic matrix; null if not unique. */
export function degrootInfluence(T: Matrix): number[] | null {
  const k = T.length;
  // rows of A: equations Σ_i s_i (T_ij − δ_ij) = 0 for j < k − 1, and Σ_i s_i = 1.
  const A = Array.from({ length: k }, (_, j) =>
    Array.from({ length: k + 1 }, (_, i) => (i === k ? 0 : T[i]![j]! - (i === j ? 1 : 0))),
  );
  A[k - 1] = Array.from({ length: k + 1 }, () => 1);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    if (Math.abs(A[p]![c]!) < 1e-12) return null;
    [A[c], A[p]] = [A[p]!, A[c]!];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      if (f !== 0) for (let i = c; i <= k; i++) A[r]![i]! -= f * A[c]![i]!;
    }
  }
  return A.map((row, c) => row[k]! / row[c]!);
}

/** T^p for a square matrix by repeated squaring (p ≥ 0). */
export function matrixPower(T: Matrix, p: number): number[][] {
  const k = T.length;
  const mul = (a: Matrix, b: Matrix) =>
    Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => {
        let v = 0;
        for (let l = 0; l < k; l++) v += a[i]![l]! * b[l]![j]!;
        return v;
      }),
    );
  let out: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  let base: number[][] = T.map((r) => [...r]);
  for (let e = p; e > 0; e >>= 1) {
    if (e & 1) out = mul(out, base);
    base = mul(base, base);
  }
  return out;
}
