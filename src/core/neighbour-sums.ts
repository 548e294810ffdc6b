/**
 * Neighbour sums Σ_{j∈N(i)} v_j, for every agent, in slot order — the gather that the friend
 * score and the score assortativity both need, and the costliest read of a step (one random read
 * per tie end). Within a step pipeline the same sums are often asked for twice: the assortativity
 * recorded after step t sums the scores as adapt left them over the ties as adapt left them, and
 * the friend-cleanup score of step t + 1 sums the very same values over the very same ties (behave
 * writes nothing they read). So the sums are kept, one set per adjacency and thread pool, and
 * handed out again when
 *   - the adjacency has not changed since (its `version` counts every tie added or dropped), and
 *   - the values are the same, compared bit for bit with a copy kept for that purpose,
 * so a caller never has to promise that nothing changed: a miss costs a copy and a compare
 * (≈ 2·8 bytes per agent, streamed), a hit saves the read of every tie end.
 *
 * Each sum is taken in the order of a plain loop over the agent's slots (`acc += v[targets[k]]`
 * from the first slot on), so a sum read from here has the same bits as one taken inline. The
 * sums are computed by the kernel K_NEIGHBOUR_SUMS on the run's threads (src/core/threads.ts),
 * over the copy, which lives in shared memory when there are several threads.
 */
import type { Adjacency } from './adjacency.js';
import { K_NEIGHBOUR_SUMS } from './kernels.js';
import type { Parallel } from './threads.js';

interface Memo {
  par: Parallel;
  /** The adjacency's version when the sums were taken (−1: none yet). */
  version: number;
  /** The adjacency's arrays then (Pool.share or a growth replaces them). */
  targets: Int32Array;
  start: Int32Array;
  /** The values the sums were taken of (a copy), and the sums. */
  values: Float64Array;
  sums: Float64Array;
  hits: number;
  misses: number;
}

const memos = new WeakMap<Adjacency, Memo>();

/**
 * Σ_{j∈N(i)} v_j for i in [0, adj.n) (0 without ties), in slot order; the returned array belongs
 * to the memo: read it before the next call with this adjacency, never write it.
 *
 * `compute`: on a miss, the caller's own loop fills `out` with the sums of `values` (a copy of v)
 * instead of the kernel, with the same additions in the same order (the tie pass fuses them with
 * its counts on one thread); it is not called on a hit.
 */
export function neighbourSums(
  par: Parallel,
  adj: Adjacency,
  v: Float64Array | Float32Array,
  compute?: (out: Float64Array, values: Float64Array, shared: Adjacency) => void,
): Float64Array {
  const n = adj.n;
  let m = memos.get(adj);
  if (!m || m.par !== par || m.values.length !== n) {
    m = { par, version: -1, targets: adj.targets, start: adj.start, values: par.f64(n), sums: par.f64(n), hits: 0, misses: 0 };
    memos.set(adj, m);
  }
  const { start, deg, targets } = par.share(adj);
  if (m.version === adj.version && m.targets === targets && m.start === start && sameBits(m.values, v, n)) {
    m.hits++;
    return m.sums;
  }
  m.values.set(v.subarray(0, n));
  if (compute) compute(m.sums, m.values, par.share(adj));
  else par.run(K_NEIGHBOUR_SUMS, [m.values, start, deg, targets, m.sums], [], n);
  m.version = adj.version;
  m.targets = targets;
  m.start = start;
  m.misses++;
  return m.sums;
}

/** How often the sums of this adjacency were handed out again (hits) or computed (misses), for tests and benchmarks. */
export function neighbourSumStats(adj: Adjacency): { hits: number; misses: number } {
  const m = memos.get(adj);
  return { hits: m?.hits ?? 0, misses: m?.misses ?? 0 };
}

/** Whether b[0, n) holds the values of a[0, n) bit for bit (a Float32 column: its doubles), NaNs and signed zeros included. */
function sameBits(a: Float64Array, b: Float64Array | Float32Array, n: number): boolean {
  if (b instanceof Float64Array && b.byteOffset % 4 === 0) {
    const x = new Int32Array(a.buffer, a.byteOffset, 2 * n);
    const y = new Int32Array(b.buffer, b.byteOffset, 2 * n);
    for (let k = 0; k < 2 * n; k++) if (x[k] !== y[k]) return false;
    return true;
  }
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return false; // a NaN differs from no NaN only
  return true;
}
