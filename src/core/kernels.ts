/**
 * The per-agent kernels that worker threads run over shared memory (src/core/threads.ts). Each
 * kernel computes, for the agents of one block [lo, hi), values of those agents only — so its
 * output does not depend on how the agents were split into blocks, and 1, 2 or 3 threads give the
 * same bits. Sums across agents (reductions) are never taken here: the caller adds the per-agent
 * values in agent order on the main thread, exactly as the one-thread loop did.
 *
 * Plain functions of typed arrays and numbers (no imports), run by the main thread and by the
 * workers alike (src/core/thread-worker.ts): a kernel is addressed by its index in `KERNELS`.
 */

export type KernelArray = Float64Array | Float32Array | Int32Array | Uint8Array;
/** A kernel: the arrays and numbers of its call, and the block of agents [lo, hi) it computes. */
export type Kernel = (a: readonly KernelArray[], x: Float64Array, lo: number, hi: number) => void;

/**
 * The friend-cleanup score (src/regimes/basic/friend-cleanup.ts), agent by agent:
 * next_i = (1 − β)·t_i + β·mean_{j∈N(i)} s_j with t_i = (1 − λ)·s_i + λ·own_i (t_i without ties).
 * Arrays [s, own, next, start, deg, targets]; numbers [β, λ]. The neighbours' sum in slot order.
 */
function friendCleanupScore(a: readonly KernelArray[], x: Float64Array, lo: number, hi: number): void {
  const s = a[0] as Float64Array, own = a[1] as Uint8Array, next = a[2] as Float64Array;
  const start = a[3] as Int32Array, deg = a[4] as Int32Array, targets = a[5] as Int32Array;
  const b = x[0]!, l = x[1]!;
  for (let i = lo; i < hi; i++) {
    const t = (1 - l) * s[i]! + l * own[i]!;
    const d = deg[i]!;
    if (d === 0) {
      next[i] = t;
      continue;
    }
    const st = start[i]!;
    let sum = 0;
    for (let k = st; k < st + d; k++) sum += s[targets[k]!]!;
    next[i] = (1 - b) * t + (b * sum) / d;
  }
}

/**
 * The per-agent term of Newman's scalar assortativity (src/metrics/tie-pass-loops.ts, scoreSums):
 * term_i = x′_i·(Σ_{j∈N(i)} v_j − k_i·c) with x′_i = v_i − c, the neighbours' sum in slot order (the
 * order of a plain loop); 0 for an agent without ties. Arrays [v, start, deg, targets, term]; numbers [c].
 */
function scoreTieTerms(a: readonly KernelArray[], x: Float64Array, lo: number, hi: number): void {
  const v = a[0] as Float64Array, start = a[1] as Int32Array, deg = a[2] as Int32Array;
  const targets = a[3] as Int32Array, term = a[4] as Float64Array;
  const c = x[0]!;
  for (let i = lo; i < hi; i++) {
    const d = deg[i]!;
    if (d === 0) {
      term[i] = 0;
      continue;
    }
    const s = start[i]!, e2 = s + d;
    let acc = 0;
    for (let e = s; e < e2; e++) acc += v[targets[e]!]!;
    term[i] = (v[i]! - c) * (acc - d * c);
  }
}

/**
 * Mean of values over each agent's neighbours (src/adaptation/util.ts, neighbourMean); an agent
 * without ties gets its own value. Arrays [values, start, deg, targets, out].
 */
function neighbourMean(a: readonly KernelArray[], _x: Float64Array, lo: number, hi: number): void {
  const v = a[0] as Float64Array, start = a[1] as Int32Array, deg = a[2] as Int32Array;
  const targets = a[3] as Int32Array, out = a[4] as Float64Array;
  for (let i = lo; i < hi; i++) {
    const d = deg[i]!;
    if (d === 0) {
      out[i] = v[i]!;
      continue;
    }
    const st = start[i]!;
    let s = 0;
    for (let k = st; k < st + d; k++) s += v[targets[k]!]!;
    out[i] = s / d;
  }
}

/**
 * Share of each agent's neighbours whose mask is non-zero (src/adaptation/util.ts,
 * neighbourShare); 0 without ties. Arrays [mask, start, deg, targets, out].
 */
function neighbourShare(a: readonly KernelArray[], _x: Float64Array, lo: number, hi: number): void {
  const mask = a[0] as Float64Array, start = a[1] as Int32Array, deg = a[2] as Int32Array;
  const targets = a[3] as Int32Array, out = a[4] as Float64Array;
  for (let i = lo; i < hi; i++) {
    const d = deg[i]!;
    if (d === 0) {
      out[i] = 0;
      continue;
    }
    const st = start[i]!;
    let c = 0;
    for (let k = st; k < st + d; k++) if (mask[targets[k]!]) c++;
    out[i] = c / d;
  }
}

export const K_FRIEND_CLEANUP_SCORE = 0;
export const K_SCORE_TIE_TERMS = 1;
export const K_NEIGHBOUR_MEAN = 2;
export const K_NEIGHBOUR_SHARE = 3;

export const KERNELS: readonly Kernel[] = [friendCleanupScore, scoreTieTerms, neighbourMean, neighbourShare];
