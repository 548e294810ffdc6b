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
export type Kernel = (a: readonly KernelArray[], x: Float64Array, lo: number, hi: number) => void | number;

/*
 * TAILS. A kernel's main loop is the last thing it runs: remainders go before it, and after it
 * there is at most a `return` of a local. A kernel called once a step over many agents is compiled
 * by V8 mid-loop (on-stack replacement) the first time, before any code after the loop has run;
 * code there that the compiler must guess types for (a compare, an arithmetic operation, a
 * property read) made that compiled loop give up at its end, and Node 20's V8 entered the same
 * stale code again at every later call, each time only after running a part of the loop in the
 * slower tiers. `node --trace-deopt` on the benchmark model at 100,000 agents, 36 steps: the
 * choice gave up 33 times on one thread and the neighbour sums 20 times in the workers of two;
 * with the remainders first, neither gave up again (three runs). The main thread's code is warmed
 * by src/scenario/warm-up.ts; a worker's kernels are not, so they keep this shape.
 */

/**
 * Σ_{j∈N(i)} v_j per agent, in slot order (a plain loop from the first slot on: the order every
 * inline loop of the project uses), 0 for an agent without ties (src/core/neighbour-sums.ts).
 * Four agents are summed side by side, each in its own accumulator and its own slot order (so each
 * sum has the bits of the plain loop): their chains of additions, and their reads of the
 * neighbours' values (random reads, most of them from beyond the core's L2 cache), overlap, where
 * one agent's wait on each other. Measured alone, one thread, on the benchmark model's ties after
 * 10 steps: 100,000 agents / 1M ties, plain loop 4.9–5.2 ms, two agents side by side 4.4–4.6, four
 * 4.1–4.3; 1M agents / 10M ties, plain 101, two 96–154, four 65–91 ms.
 * Arrays [v, start, deg, targets, out].
 */
function neighbourSums(a: readonly KernelArray[], _x: Float64Array, lo: number, hi: number): void {
  const v = a[0] as Float64Array, start = a[1] as Int32Array, deg = a[2] as Int32Array;
  const targets = a[3] as Int32Array, out = a[4] as Float64Array;
  // the (hi − lo) mod 4 agents left over go first, one by one: nothing runs after the main loop
  // (see TAILS above)
  let i = lo;
  for (const first = lo + ((hi - lo) & 3); i < first; i++) {
    const st = start[i]!, e = st + deg[i]!;
    let sum = 0;
    for (let k = st; k < e; k++) sum += v[targets[k]!]!;
    out[i] = sum;
  }
  for (; i < hi; i += 4) {
    const s1 = start[i]!, d1 = deg[i]!, s2 = start[i + 1]!, d2 = deg[i + 1]!;
    const s3 = start[i + 2]!, d3 = deg[i + 2]!, s4 = start[i + 3]!, d4 = deg[i + 3]!;
    const m12 = d1 < d2 ? d1 : d2, m34 = d3 < d4 ? d3 : d4, m = m12 < m34 ? m12 : m34;
    let x = 0, y = 0, z = 0, w = 0, k = 0;
    for (; k < m; k++) {
      x += v[targets[s1 + k]!]!;
      y += v[targets[s2 + k]!]!;
      z += v[targets[s3 + k]!]!;
      w += v[targets[s4 + k]!]!;
    }
    for (let q = k; q < d1; q++) x += v[targets[s1 + q]!]!;
    for (let q = k; q < d2; q++) y += v[targets[s2 + q]!]!;
    for (let q = k; q < d3; q++) z += v[targets[s3 + q]!]!;
    for (let q = k; q < d4; q++) w += v[targets[s4 + q]!]!;
    out[i] = x;
    out[i + 1] = y;
    out[i + 2] = z;
    out[i + 3] = w;
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

/**
 * The byte-key tie counts of src/metrics/tie-pass-bytes.ts, per agent: the sum over i's tie ends of
 * table[((kb_j ^ class_i) << 2) | layer] (six 8-bit fields in a double) — exact for a degree below
 * 256 and layer codes up to 3 — or −1 where the caller must count the block field by field; 0
 * without ties. With x[0] = 1 every tie end's code is 3 (Adjacency.endsNotBoth = 0) and the codes
 * are not read. Integer counts: the caller adds them in any order to the same totals.
 * Arrays [kb, start, deg, targets, layer, table, h]; numbers [all codes 3].
 */
function tieByteCounts(a: readonly KernelArray[], x: Float64Array, lo: number, hi: number): void {
  const kb = a[0] as Uint8Array, start = a[1] as Int32Array, deg = a[2] as Int32Array;
  const targets = a[3] as Int32Array, layer = a[4] as Uint8Array, T = a[5] as Float64Array, out = a[6] as Float64Array;
  const both = x[0] === 1;
  for (let i = lo; i < hi; i++) {
    const d = deg[i]!;
    if (d >= 256) {
      out[i] = -1;
      continue;
    }
    const s = start[i]!, e2 = s + d, cl = kb[i]! & 7;
    let h = 0, lor = 0, e = s;
    if (both) {
      for (; e + 1 < e2; e += 2) h += T[((kb[targets[e]!]! ^ cl) << 2) | 3]! + T[((kb[targets[e + 1]!]! ^ cl) << 2) | 3]!;
      if (e < e2) h += T[((kb[targets[e]!]! ^ cl) << 2) | 3]!;
    } else {
      for (; e + 1 < e2; e += 2) {
        const L = layer[e]!, L2 = layer[e + 1]!;
        lor |= L | L2;
        h += T[((kb[targets[e]!]! ^ cl) << 2) | (L & 3)]! + T[((kb[targets[e + 1]!]! ^ cl) << 2) | (L2 & 3)]!;
      }
      if (e < e2) {
        const L = layer[e]!;
        lor |= L;
        h += T[((kb[targets[e]!]! ^ cl) << 2) | (L & 3)]!;
      }
    }
    out[i] = lor < 4 ? h : -1;
  }
}

/**
 * Friend-cleanup's choice (src/regimes/basic/friend-cleanup.ts) for the selected agents q in
 * [lo, hi): agent i = order[q] drops j, its lowest-scored neighbour (the first of its block in slot
 * order with the lowest score), when s_j < s_i − δ; drop[q] = j, else −1 (also without ties).
 * Arrays [s, start, deg, targets, order, drop]; numbers [δ].
 */
function cleanupChoice(a: readonly KernelArray[], x: Float64Array, lo: number, hi: number): number {
  const s = a[0] as Float64Array, start = a[1] as Int32Array, deg = a[2] as Int32Array;
  const targets = a[3] as Int32Array, order = a[4] as Int32Array, drop = a[5] as Int32Array;
  const delta = x[0]!;
  // Two agents side by side, each with its own minimum (the reads of their blocks and of their
  // neighbours' scores overlap, where one agent's wait on each other), and the blocks of the pair
  // two on touched first (the selected lie ~1/c agents apart: no stride a prefetcher would see).
  // Measured alone at 100,000 agents, 1M ties, c = 0.05: 1.5 → 0.75 ms. An odd agent left over
  // goes first: nothing runs after the main loop (see TAILS above).
  let sink = 0, q = lo;
  if ((hi - lo) & 1) {
    const i = order[q]!;
    const j = lowestNeighbour(s, start, deg, targets, i);
    drop[q] = j >= 0 && s[j]! < s[i]! - delta ? j : -1;
    q++;
  }
  for (; q < hi; q += 2) {
    const i1 = order[q]!, i2 = order[q + 1]!;
    if (q + 5 < hi) sink ^= targets[start[order[q + 4]!]!]! ^ targets[start[order[q + 5]!]!]!;
    const d1 = deg[i1]!, d2 = deg[i2]!, st1 = start[i1]!, st2 = start[i2]!, m = d1 < d2 ? d1 : d2;
    // j < 0 takes the first slot whatever its score (a NaN too), then only a strictly lower one:
    // the first of the block with the lowest score, as lowestNeighbour
    let j1 = -1, l1 = 0, j2 = -1, l2 = 0, k = 0;
    for (; k < m; k++) {
      const c1 = targets[st1 + k]!, v1 = s[c1]!, c2 = targets[st2 + k]!, v2 = s[c2]!;
      if (v1 < l1 || j1 < 0) {
        j1 = c1;
        l1 = v1;
      }
      if (v2 < l2 || j2 < 0) {
        j2 = c2;
        l2 = v2;
      }
    }
    for (let r = k; r < d1; r++) {
      const c1 = targets[st1 + r]!, v1 = s[c1]!;
      if (v1 < l1 || j1 < 0) {
        j1 = c1;
        l1 = v1;
      }
    }
    for (let r = k; r < d2; r++) {
      const c2 = targets[st2 + r]!, v2 = s[c2]!;
      if (v2 < l2 || j2 < 0) {
        j2 = c2;
        l2 = v2;
      }
    }
    drop[q] = j1 >= 0 && l1 < s[i1]! - delta ? j1 : -1;
    drop[q + 1] = j2 >= 0 && l2 < s[i2]! - delta ? j2 : -1;
  }
  return sink; // the touches' values, so that no compiler drops them as unused
}

export function lowestNeighbour(s: Float64Array | Float32Array, start: Int32Array, deg: Int32Array, targets: Int32Array, i: number): number {
  const d = deg[i]!;
  if (d === 0) return -1;
  const st = start[i]!;
  let j = targets[st]!, low = s[j]!;
  for (let k = st + 1; k < st + d; k++) {
    const c = targets[k]!;
    const v = s[c]!;
    if (v < low) {
      j = c;
      low = v;
    }
  }
  return j;
}

export const K_NEIGHBOUR_SUMS = 0;
export const K_NEIGHBOUR_MEAN = 1;
export const K_NEIGHBOUR_SHARE = 2;
export const K_TIE_BYTE_COUNTS = 3;
export const K_CLEANUP_CHOICE = 4;

export const KERNELS: readonly Kernel[] = [neighbourSums, neighbourMean, neighbourShare, tieByteCounts, cleanupChoice];
