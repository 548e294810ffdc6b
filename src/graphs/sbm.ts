/**
 * Stochastic block model with homophily: two probabilities, one for a pair in the same group and
 * one for a pair across groups.
 *
 * References: P. W. Holland, K. B. Laskey and S. Leinhardt (1983), "Stochastic blockmodels:
 * first steps", Social Networks 5, 109–137, doi:10.1016/0378-8733(83)90021-7; sampling by
 * geometric skipping, V. Batagelj and U. Brandes (2005), "Efficient generation of large random
 * networks", Phys. Rev. E 71, 036113, doi:10.1103/PhysRevE.71.036113 — O(n + m) expected, each pair
 * independent, no duplicates to remove.
 *
 * Parametrisation. With n nodes, group sizes n_g, mean degree d and homophily h ∈ [0, 1):
 * - random mixing (h = 0) is G(n, p₀) with p₀ = d / (n − 1); its expected share of ties that fall
 *   within groups is s_base = Σ_g C(n_g, 2) / C(n, 2) (the share of pairs that are within groups);
 * - the target within-group share is s = s_base + h·(1 − s_base) (h = 0: random mixing; h → 1:
 *   only within-group ties), and the expected tie count stays n·d/2;
 * - hence p_in = p₀ · s / s_base for every within pair and p_out = p₀ · (1 − h) for every across
 *   pair. A combination that needs p_in > 1 (small groups, high d and h) is rejected.
 */
import type { Rng } from '../core/rng.js';
import { checkReal } from './check.js';
import { EdgeBuffer } from './edge-buffer.js';
import type { EdgeList } from './types.js';

/** The two tie probabilities and the shares behind them (for reporting and tests). */
export interface SbmProbabilities {
  pIn: number;
  pOut: number;
  /** Within-group share of ties under random mixing. */
  baseShare: number;
  /** Expected within-group share of ties: baseShare + h·(1 − baseShare). */
  targetShare: number;
}

/** Group sizes of `groupOf` (ids 0 .. G−1); throws if fewer than two groups are non-empty. */
function groupSizes(groupOf: ArrayLike<number>): Int32Array {
  let max = -1;
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i]!;
    if (!Number.isInteger(g) || g < 0) throw new RangeError(`graphs/sbm: group ids must be integers ≥ 0, node ${i} has ${g}`);
    if (g > max) max = g;
  }
  const size = new Int32Array(max + 1);
  for (let i = 0; i < groupOf.length; i++) size[groupOf[i]!]!++;
  let nonEmpty = 0;
  for (const s of size) if (s > 0) nonEmpty++;
  if (nonEmpty < 2) throw new RangeError(`graphs/sbm: needs at least two non-empty groups, found ${nonEmpty}`);
  return size;
}

/** p_in and p_out for the given groups, mean degree and homophily (see the file header). */
export function sbmProbabilities(groupOf: ArrayLike<number>, meanDegree: number, homophily: number): SbmProbabilities {
  const size = groupSizes(groupOf);
  const n = groupOf.length;
  checkReal('sbm', 'meanDegree', meanDegree, 0, n - 1);
  checkReal('sbm', 'homophily', homophily, 0, 1, true);
  const pairs = (n * (n - 1)) / 2;
  let within = 0;
  for (const s of size) within += (s * (s - 1)) / 2;
  const baseShare = within / pairs;
  const targetShare = baseShare + homophily * (1 - baseShare);
  const p0 = meanDegree / (n - 1);
  const pIn = baseShare > 0 ? (p0 * targetShare) / baseShare : 0;
  const pOut = p0 * (1 - homophily);
  if (pIn > 1 + 1e-12) {
    throw new RangeError(
      `graphs/sbm: mean degree ${meanDegree} with homophily ${homophily} needs a within-group tie probability of ${pIn.toFixed(3)} > 1 (groups too small)`,
    );
  }
  return { pIn: Math.min(pIn, 1), pOut, baseShare, targetShare };
}

/** Draws an SBM graph: node i belongs to group `groupOf[i]`. */
export function stochasticBlockModel(
  groupOf: Uint8Array | Int32Array,
  meanDegree: number,
  homophily: number,
  rng: Rng,
): EdgeList {
  const { pIn, pOut } = sbmProbabilities(groupOf, meanDegree, homophily);
  const n = groupOf.length;
  const size = groupSizes(groupOf);
  const groups = size.length;
  // members of each group, in node order
  const first = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) first[g + 1] = first[g]! + size[g]!;
  const members = new Int32Array(n);
  const fill = first.slice(0, groups);
  for (let i = 0; i < n; i++) members[fill[groupOf[i]!]!++] = i;

  const out = new EdgeBuffer((n * meanDegree) / 2 + 4 * Math.sqrt(n * meanDegree + 1));
  for (let a = 0; a < groups; a++) {
    const sa = size[a]!;
    const ma = first[a]!;
    // within group a: pairs (v, w), w < v, in triangular order
    skipSample(pIn, (sa * (sa - 1)) / 2, rng, (idx) => {
      // invert idx = v(v−1)/2 + w
      let v = Math.floor((1 + Math.sqrt(1 + 8 * idx)) / 2);
      while ((v * (v - 1)) / 2 > idx) v--;
      while (((v + 1) * v) / 2 <= idx) v++;
      const w = idx - (v * (v - 1)) / 2;
      out.push(members[ma + v]!, members[ma + w]!);
    });
    for (let b = a + 1; b < groups; b++) {
      const sb = size[b]!;
      const mb = first[b]!;
      skipSample(pOut, sa * sb, rng, (idx) => {
        const v = Math.floor(idx / sb);
        out.push(members[ma + v]!, members[mb + idx - v * sb]!);
      });
    }
  }
  return out.toEdgeList(n);
}

/** Calls `emit` for each index of [0, count) independently with probability p, in order. */
function skipSample(p: number, count: number, rng: Rng, emit: (idx: number) => void): void {
  if (p <= 0 || count <= 0) return;
  if (p >= 1) {
    for (let idx = 0; idx < count; idx++) emit(idx);
    return;
  }
  const logQ = Math.log1p(-p);
  let idx = -1;
  for (;;) {
    idx += 1 + Math.floor(Math.log1p(-rng()) / logQ);
    if (idx >= count) return;
    emit(idx);
  }
}
