/**
 * One pass over the tie ends for the network metrics, so that `score_assortativity`,
 * `stratum_modularity`, `cross_stratum_tie_share*`, `group_assortativity`, `group_ei_index` and
 * `group_freeman_segregation` together cost one read of the adjacency.
 *
 * For every ordered tie end (i → j) (both directions of every tie) it counts, for a partition
 * `labels` into k classes: tie ends inside each class, degree sums per class, and tie ends by
 * layer bit (online 2, offline 1) and same / different class; for a second partition `groups`
 * into kg classes, the kg × kg mixing matrix; and, for node values `x`, the sums of Newman's
 * scalar assortativity (score-assortativity.ts), in the order and form that function uses.
 *
 * The pass is a handful of specialised loops (each site sees one kind of array, and an agent's
 * counters stay in registers):
 * - groups only, kg ≤ 2 (the group metrics without a score): the sum of the neighbours' group
 *   codes, one byte read per tie end;
 * - k ≤ 8 classes and kg ≤ 2 groups (the snapshot pass: score quintiles and two groups): the two
 *   labels are packed into one byte per agent, and each tie end adds one entry of a small table of
 *   32-bit packed counts (tie-pass-bytes.ts), per agent in a kernel of src/core/kernels.ts (on the
 *   run's threads, or inline); the layer codes are not read when every one is 3
 *   (`Adjacency.endsNotBoth`). With `x`, the neighbours' sums come from src/core/neighbour-sums.ts,
 *   so that they serve the next step's score when it sums the same values over the same ties; on
 *   one thread, when they must be computed, one loop counts and gathers (from a Float32 copy when
 *   every value is exactly one), and with more threads the kernels of the counts and of the sums
 *   run apart;
 * - anything else (more classes or groups): the two labels packed into 16 bits per agent, every
 *   tie end counted in full.
 * - node values only (no labels, no groups: `score_assortativity` alone): a plain loop of the sums.
 * Layer codes are two bits (offline 1, online 2, both 3). All counts are integers, so the order of
 * counting does not matter; the sums of `x` keep the order of a plain loop. So each part of a pass
 * (the sums of x, the counts by class and layer, the mixing matrix) has the same value, bit for
 * bit, whichever other parts the pass also computes.
 *
 * A snapshot's pass (`snapshotTiePass`) computes only the parts the metrics ask for, each metric
 * asking for those its spec declares (`needs`, src/core/snapshot.ts): `score-ties` (the sums of the
 * primary score), `strata` (score quintiles, which sort the scores, and the counts by class and
 * layer), `groups` (group sizes and the mixing matrix). The simulation puts the union of the
 * recorded metrics' needs on the snapshot (`tieNeeds`), so one pass per record computes every part
 * the run's metrics need.
 */
import type { Adjacency, AdjacencyView } from '../core/adjacency.js';
import { K_TIE_BYTE_COUNTS, KERNELS } from '../core/kernels.js';
import { neighbourSums } from '../core/neighbour-sums.js';
import type { Snapshot, TieNeed } from '../core/snapshot.js';
import type { Parallel } from '../core/threads.js';
import { combineByteKeys, fusedByteKeys, TIE_TABLE } from './tie-pass-bytes.js';
import { fusedCutKeys } from './tie-pass-cuts.js';
import { general, groupsOnly, scoreSums, sums } from './tie-pass-loops.js';
import { keepMix, keptMix, quintileCuts } from './tie-pass-kept.js';
import { groupSizes, memo, scoreQuantile, type Num } from './util.js';

export { snapshotPassCounts } from './tie-pass-kept.js';

export interface TiePass {
  /** Σ degrees = 2m. */
  slots: number;
  k: number;
  /** Tie ends inside each class of `labels`. */
  inside: Float64Array;
  /** Sum of degrees per class of `labels`. */
  degree: Float64Array;
  /** Tie ends [all, online (layer bit 2), offline (layer bit 1)]. */
  total: [number, number, number];
  /** Of those, tie ends inside a class of `labels`. */
  same: [number, number, number];
  kg: number;
  /** kg × kg mixing matrix of `groups`, row-major. */
  mix: Float64Array;
  /** With `x`: [Σk, Σk·x′, Σk·x′², Σ x′_i(Σ_j x_j − k·c), min x′, max x′] over agents with ties, x′ = x − c, c = mean x. */
  xsums: Float64Array | null;
}

let key8 = new Uint8Array(0);
let xf = new Float64Array(0);
let hOwn = new Float64Array(0); // per-agent counts and neighbours' sums of a pass without the run's threads
let accOwn = new Float64Array(0);
const BOTH = new Float64Array([1]), NOT_BOTH = new Float64Array([0]);
function emptyPass(k: number, kg: number): TiePass {
  const K = Math.max(k, 1), G = Math.max(kg, 1);
  return {
    slots: 0,
    k,
    inside: new Float64Array(K),
    degree: new Float64Array(K),
    total: [0, 0, 0],
    same: [0, 0, 0],
    kg,
    mix: new Float64Array(G * G),
    xsums: null,
  };
}

/**
 * Counts tie ends by class (pass null, k = 0 for a partition not needed) and, with `x`, the
 * assortativity sums. Labels < 256. With `par` (the run's threads, src/core/threads.ts), the sums
 * of `x` alone (no labels, no groups) take the neighbours' sums from src/core/neighbour-sums.ts (on
 * the threads, or kept from a regime's pass) and add the terms in agent order here: the same
 * additions in the same order as the one-thread loop, bit for bit.
 */
export function tiePass(
  adj: AdjacencyView, labels: Num | null, k: number, groups: Num | null, kg: number, x: Num | null = null, par?: Parallel,
  cuts: Float64Array | null = null,
): TiePass {
  if (k > 256 || kg > 256) throw new Error(`metrics: the tie pass takes at most 256 classes, got ${Math.max(k, kg)}`);
  const n = adj.n;
  let v: Float64Array | null = null, c = 0;
  const threaded = par !== undefined && x !== null && !labels && !groups && 'cap' in adj;
  if (x instanceof Float64Array) v = x;
  else if (x) {
    if (xf.length < n) xf = new Float64Array(n);
    v = xf;
    for (let i = 0; i < n; i++) v[i] = x[i]!; // exact for Float32 and plain numbers
  }
  if (v) {
    for (let i = 0; i < n; i++) c += v[i]!;
    c = n > 0 ? c / n : 0;
  }
  const p = emptyPass(k, kg);
  if (v && !labels && !groups) {
    if (threaded) threadedScoreSums(par, adj as Adjacency, v, c, sums);
    else scoreSums(n, adj.start, adj.deg, adj.targets, v, c, sums);
    p.slots = sums[0]!;
    p.inside[0] = p.degree[0] = p.mix[0] = sums[1]!;
    p.total = [sums[0]!, 0, 0];
    p.same = [sums[1]!, 0, 0];
    p.xsums = sums.slice(6, 12);
    return p;
  }
  let fits = kg <= 2 && k <= 8;
  if (fits) {
    // the byte loops pack a label (3 bits) and a group (1 bit): check the codes fit
    let lb = 0, gb = 0;
    if (labels) for (let i = 0; i < n; i++) lb |= labels[i]!;
    if (groups) for (let i = 0; i < n; i++) gb |= groups[i]!;
    fits = lb >= 0 && lb < 8 && gb >= 0 && gb < 2;
  }
  if (fits) {
    if (key8.length < n) key8 = new Uint8Array(n);
    const kb = key8;
    const G = Math.max(kg, 1), wantLayers = labels !== null;
    sums.fill(0);
    if (!labels && !v) {
      let g: Uint8Array;
      if (groups instanceof Uint8Array) g = groups;
      else {
        g = kb;
        if (groups) for (let i = 0; i < n; i++) g[i] = groups[i]!;
        else g.fill(0, 0, n);
      }
      groupsOnly(n, adj.start, adj.deg, adj.targets, g, G, p.mix, sums);
      p.inside[0] = p.degree[0] = sums[1]!;
    } else {
      if (labels) for (let i = 0; i < n; i++) kb[i] = labels[i]!;
      else kb.fill(0, 0, n);
      if (groups) for (let i = 0; i < n; i++) kb[i] |= groups[i]! << 3;
      byteKeyPass(par, adj, kb, v, c, G, p, sums, k === 5 && !groups ? cuts : null);
      if (!wantLayers) sums[2] = sums[3] = sums[4] = sums[5] = 0; // layer counts feed only the cross-stratum shares
      if (v) p.xsums = sums.slice(6, 12);
    }
    p.slots = sums[0]!;
    p.total = [sums[0]!, sums[2]!, sums[3]!];
    p.same = [sums[1]!, sums[4]!, sums[5]!];
  } else {
    general(adj, labels, groups, v, c, Math.max(kg, 1), p.inside, p.degree, p.mix);
    p.slots = sums[0]!;
    p.total = [sums[0]!, sums[2]!, sums[3]!];
    p.same = [sums[1]!, sums[4]!, sums[5]!];
    if (v) p.xsums = sums.slice(6, 12);
  }
  return p;
}

/**
 * scoreSums (tie-pass-loops.ts) with the neighbours' sums Σ_j x_j taken on the threads, or handed
 * out again when a regime summed the same values over the same ties (src/core/neighbour-sums.ts);
 * the per-agent terms x′_i(Σ_j x_j − k_i·c) are added here in agent order: the same additions in
 * the same order as the one-thread loop, bit for bit.
 */
function threadedScoreSums(par: Parallel, adj: Adjacency, v: Float64Array, c: number, out: Float64Array): void {
  const n = adj.n;
  const acc = neighbourSums(par, adj, v);
  const deg = adj.deg;
  let m2 = 0, s1 = 0, s2 = 0, sxy = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = deg[i]!;
    if (d === 0) continue;
    const xi = v[i]! - c;
    if (xi < lo) lo = xi;
    if (xi > hi) hi = xi;
    m2 += d;
    s1 += d * xi;
    s2 += d * xi * xi;
    sxy += xi * (acc[i]! - d * c);
  }
  out.set([m2, m2, 0, 0, 0, 0, m2, s1, s2, sxy, lo, hi]); // the order of `sums`, as scoreSums
}

const keyBytes = new WeakMap<Parallel, Uint8Array>();
const tableOf = new WeakMap<Parallel, Float64Array>();

/**
 * The byte-key counts (tie-pass-bytes.ts): each agent's packed tie-end counts by the kernel
 * K_TIE_BYTE_COUNTS and the neighbours' sums of `v` by src/core/neighbour-sums.ts (often kept from a
 * regime's pass, and kept for the next one), on the run's threads, then added up in agent order by
 * combineByteKeys: the sums of a plain loop, bit for bit. On one thread, when the sums are not
 * kept, one loop (fusedByteKeys) takes both and adds up. The class-and-group bytes and the table are copied
 * where the threads can read them. Without the run's threads, or on an adjacency view that is not
 * an `Adjacency`, the fused loop (or, without `v`, the kernel) runs on arrays of this module.
 */
function byteKeyPass(par: Parallel | undefined, view: AdjacencyView, kb: Uint8Array, v: Float64Array | null, c: number, G: number, p: TiePass, out: Float64Array, cuts: Float64Array | null): void {
  const n = view.n;
  let h: Float64Array, acc: Float64Array | null = null, adj: AdjacencyView = view;
  const both = view.endsNotBoth === 0; // every code 3: the counts need not read them
  if (par && 'cap' in view) {
    adj = par.share(view as Adjacency);
    let keys = keyBytes.get(par);
    if (!keys || keys.length < n) keyBytes.set(par, (keys = par.u8(n)));
    keys.set(kb.subarray(0, n));
    let table = tableOf.get(par);
    if (!table) {
      table = par.f64(TIE_TABLE.length);
      table.set(TIE_TABLE);
      tableOf.set(par, table);
    }
    if (v && par.threads === 1) {
      // one thread: on a miss of the kept sums, one loop counts, gathers and adds up
      let done = false;
      acc = neighbourSums(par, view as Adjacency, v, (sums, values, a) => {
        if (cuts) fusedCutKeys(n, a, keys, values, c, both, sums, cuts, p.inside, p.degree, p.mix, out);
        else fusedByteKeys(n, a, keys, values, c, both, sums, G, p.inside, p.degree, p.mix, out);
        done = true;
      });
      if (done) return;
    }
    h = par.scratch('tie-pass:h', n);
    par.run(K_TIE_BYTE_COUNTS, [keys, adj.start, adj.deg, adj.targets, adj.layer, table, h], [both ? 1 : 0], n);
    if (v && !acc) acc = neighbourSums(par, view as Adjacency, v);
  } else {
    if (hOwn.length < n) [hOwn, accOwn] = [new Float64Array(n), new Float64Array(n)];
    if (v && cuts) return fusedCutKeys(n, adj, kb, v, c, both, accOwn, cuts, p.inside, p.degree, p.mix, out);
    if (v) return fusedByteKeys(n, adj, kb, v, c, both, accOwn, G, p.inside, p.degree, p.mix, out);
    h = hOwn;
    KERNELS[K_TIE_BYTE_COUNTS]!([kb, adj.start, adj.deg, adj.targets, adj.layer, TIE_TABLE, h], both ? BOTH : NOT_BOTH, 0, n);
  }
  combineByteKeys(n, adj.start, adj.deg, adj.targets, adj.layer, kb, h, v, acc, c, G, p.inside, p.degree, p.mix, out);
}

const SCORE_TIES = 1, STRATA = 2, GROUPS = 4, ALL = 7;
const BIT: Record<TieNeed, number> = { 'score-ties': SCORE_TIES, strata: STRATA, groups: GROUPS };

interface SnapshotPass {
  /** Parts computed so far (bits of BIT). */
  have: number;
  pass: TiePass;
}

const passOf = (s: Snapshot): SnapshotPass => memo(s, 'tie-pass', () => ({ have: 0, pass: emptyPass(0, 0) }));

/**
 * The tie pass of a snapshot with (at least) the parts `needs` (all of them when not given): score
 * sums and quintiles only when there is a score. Computed once per snapshot and part; a part not yet
 * computed is computed together with every part in the snapshot's `tieNeeds` (the union of the
 * recorded metrics' needs) not yet computed for this snapshot. Parts not asked for hold empty counts (k = 0, kg = 0, xsums null).
 */
export function snapshotTiePass(s: Snapshot, needs?: readonly TieNeed[]): TiePass {
  let want = 0;
  if (needs) for (const n of needs) want |= BIT[n];
  else want = ALL;
  if (!s.score) want &= GROUPS; // the score parts do not apply
  const e = passOf(s);
  if ((want & ~e.have) === 0) return e.pass;
  let run = want;
  for (const n of s.tieNeeds ?? []) run |= BIT[n]; // what the other recorded metrics will ask for
  const todo = run & ~e.have & (s.score ? ALL : GROUPS);
  const kg = todo & GROUPS ? groupSizes(s).length : 0;
  // the group mixing kept from an earlier record and brought up to date from the log of changed ties
  const mix = todo & GROUPS ? keptMix(s, kg) : null;
  const rest = mix ? todo & ~GROUPS : todo;
  const out = e.pass;
  if (mix) {
    out.kg = kg;
    out.mix = mix;
    out.slots = 2 * s.adj.edgeCount;
  }
  if (rest === 0) {
    e.have |= todo;
    return out;
  }
  const q = rest & STRATA ? scoreQuantile(s, 5) : null;
  const cuts = q && rest & SCORE_TIES ? quintileCuts(s) : null;
  const p = tiePass(s.adj, q, q ? 5 : 0, rest & GROUPS ? s.group : null, rest & GROUPS ? kg : 0, rest & SCORE_TIES ? s.score : null, s.parallel, cuts);
  out.slots = p.slots;
  if (rest & STRATA) {
    out.k = p.k;
    out.inside = p.inside;
    out.degree = p.degree;
    out.total = p.total;
    out.same = p.same;
  }
  if (rest & GROUPS) {
    out.kg = p.kg;
    out.mix = p.mix;
    keepMix(s, kg, p.mix);
  }
  if (rest & SCORE_TIES) out.xsums = p.xsums;
  e.have |= todo;
  return out;
}

/** Parts of the snapshot's tie pass computed so far (for tests: a metric pays only for what it needs). */
export function snapshotTieParts(s: Snapshot): TieNeed[] {
  const have = passOf(s).have;
  return (Object.keys(BIT) as TieNeed[]).filter((k) => (have & BIT[k]) !== 0);
}
