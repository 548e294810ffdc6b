/**
 * `friend-cleanup`: the benchmark model of docs/benchmark.md#the-benchmark-model-friend-cleanup, exactly.
 *
 * State: score sᵢ ~ U(0, 1); default propensity pᵢ ~ U(0, 0.5).
 * Each step, synchronously:
 *   1. behave: agent i defaults with probability pᵢ; ownᵢ = 0 if it defaulted, else 1;
 *   2. score: sᵢ ← (1 − β)·((1 − λ)·sᵢ + λ·ownᵢ) + β·mean_{j∈N(i)} sⱼ (previous step's scores);
 *      an agent without ties uses its own term (1 − λ)·sᵢ + λ·ownᵢ in place of the mean;
 *   3. cleanup: each agent, with probability c, in a random order, looks at its lowest-scored
 *      neighbour j; if sⱼ < sᵢ − δ it drops the tie i–j and ties to a uniformly drawn agent l
 *      (not i, not already a neighbour, s_l ≥ sᵢ − δ; up to 10 draws, none found → no new tie);
 *      each agent sees the ties and scores as they are at its turn.
 * Selecting each agent with probability c and visiting the selected agents in a uniformly random
 * order is the same in distribution as visiting all agents in a random order and acting with
 * probability c.
 * Sources: docs/benchmark.md#the-benchmark-model-friend-cleanup; partner choice by reputation, Fu, Hauert, Nowak & Wang, PRE 78:026117 (2008).
 */
import { defineRegime } from '../../core/contracts.js';
import { K_CLEANUP_CHOICE, lowestNeighbour } from '../../core/kernels.js';
import { neighbourSums } from '../../core/neighbour-sums.js';
import { num, prob } from '../../core/params.js';
import { fillPair, type RngState } from '../../core/rng.js';
import { parallel } from '../../core/threads.js';

export const friendCleanup = defineRegime({
  id: 'friend-cleanup',
  title: 'Friend-weighted score with social cleanup (benchmark model)',
  summary: 'benchmark model (docs/benchmark.md): score averages own record and friends’ scores; agents drop low-scored friends',
  doc:
    'Each agent’s score mixes its own repayment record with the mean score of its friends (weight beta). With ' +
    'probability c per step an agent drops its lowest-scored friend if that friend scores more than delta below ' +
    'it, and befriends a random agent who scores at least its own score minus delta.',
  sources: ['docs/benchmark.md#the-benchmark-model-friend-cleanup', 'Fu, Hauert, Nowak & Wang, Phys. Rev. E 78:026117 (2008)', 'Wei, Yildirim, Van den Bulte & Dellarocas, Marketing Science 35(2) (2016)'],
  params: {
    beta: prob(0.3, { unit: 'weight', doc: 'friend weight: share of the new score taken from the friends’ mean' }),
    lambda: prob(0.1, { unit: 'weight', doc: 'weight of this step’s own repayment in the own term' }),
    c: prob(0.05, { doc: 'cleanup rate: probability per step that an agent reviews its lowest-scored friend' }),
    delta: num(0.1, { min: 0, max: 1, unit: 'score', doc: 'tolerance: a friend more than delta below is dropped' }),
    maxDraws: num(10, { min: 0, int: true, unit: 'draws', doc: 'attempts to find a new friend' }),
  },
  create(world, p) {
    const n = world.n;
    const s = world.pop.addColumn('score_friend', 'f64', 'friend-cleanup', 'friend-weighted score');
    const prop = world.pop.addColumn('default_propensity', 'f64', 'friend-cleanup', 'default probability per step');
    // the friends' sums come from src/core/neighbour-sums.ts, on the run's threads: the score
    // assortativity recorded after the last step summed the same scores over the same ties
    const par = parallel(world);
    const own = new Uint8Array(n);
    const order = par.i32(n);
    // the turns' order as a permutation of the selected (drawn as the selected agents' shuffle
    // would be), the friend each selected agent would drop (found before the turns; −1: none), and
    // one bit per agent set when a turn drops or adds one of its ties
    const perm = new Int32Array(n);
    const drop = par.i32(n);
    const changed = new Uint8Array((n + 7) >> 3);
    const rInit = world.rng('regime:friend-cleanup:init');
    const rBehave = world.rng('regime:friend-cleanup:behave');
    const rClean = world.rng('regime:friend-cleanup:cleanup');
    // this step's uniforms: the behave draws, and the cleanup's selection draws (`u < c` per agent,
    // in id order: the first n draws of the cleanup stream in a step). Both are taken in behave,
    // side by side (fillPair: the two streams' chains of draws overlap), which leaves the cleanup
    // stream where adapt would have left it after drawing them itself; `picked` keeps the stream's
    // state from before, should c have been set to 0 by adapt (then the draws are not taken).
    const uBehave = new Float64Array(n);
    const uPick = new Float64Array(n);
    let picked: RngState | null = null;
    world.offerPrimaryScore('score_friend', 0, 1, 'friend-cleanup');
    return {
      init() {
        for (let i = 0; i < n; i++) s[i] = rInit();
        for (let i = 0; i < n; i++) prop[i] = 0.5 * rInit();
      },
      behave() {
        if (p.c > 0) {
          picked = rClean.save();
          fillPair(rBehave, rClean, uBehave, uPick, n);
        } else {
          picked = null;
          rBehave.fill(uBehave, n);
        }
        setOwn(n, uBehave, prop, own);
      },
      score() {
        // per agent: next_i = (1 − β)·t_i + β·(Σ_j s_j)/k_i, t_i = (1 − λ)·s_i + λ·own_i; the
        // friends' sums are all taken first, so each agent's new score is written in place (it
        // reads only its own old score)
        scoreStep(n, s, own, neighbourSums(par, world.adj, s), world.adj.deg, p.beta, p.lambda);
      },
      adapt() {
        const was = picked;
        picked = null;
        if (p.c <= 0) {
          if (was) rClean.restore(was);
          return;
        }
        if (!was) rClean.fill(uPick, n);
        const adj = world.adj;
        const c = p.c;
        let m = 0;
        for (let i = 0; i < n; i++) {
          order[m] = i;
          m += uPick[i]! < c ? 1 : 0;
        }
        // Scores do not change during cleanup, and the friend an agent would drop (its
        // lowest-scored neighbour, the first of its block in slot order, if more than delta below
        // it) changes only when a turn drops or adds one of its own ties. So it is found for every
        // selected agent before the turns, in id order (the blocks read as they lie in memory,
        // not in the turns' random order), and an agent whose ties a turn changed looks again at
        // its own turn: the same choice as looking at every turn. The turns' order is the shuffle
        // of the selected agents, drawn as a permutation of their places (the same draws): each
        // turn then reads its agent's entry from arrays of the selected, which stay in the cache.
        // (a per-agent kernel on the run's threads, src/core/kernels.ts; with several, it reads
        // the scores from a copy in shared memory)
        let sv: Float64Array | Float32Array = s;
        if (par.threads > 1) (sv = par.scratch('friend-cleanup:s', n)).set(s);
        const { start, deg, targets } = par.share(adj);
        par.run(K_CLEANUP_CHOICE, [sv, start, deg, targets, order, drop], [p.delta], m);
        for (let q = 0; q < m; q++) perm[q] = q;
        rClean.shuffle(perm.subarray(0, m));
        changed.fill(0);
        let sink = 0;
        for (let q = 0; q < m; q++) {
          const k = perm[q]!;
          const i = order[k]!;
          let j = drop[k]!;
          if (q + AHEAD < m) {
            const k2 = perm[q + AHEAD]!, j2 = drop[k2]!;
            if (j2 >= 0) sink ^= touch(adj, order[k2]!) ^ touch(adj, j2);
          }
          if (changed[i >> 3]! & (1 << (i & 7))) {
            j = lowestNeighbour(s, adj.start, adj.deg, adj.targets, i);
            if (j < 0 || !(s[j]! < s[i]! - p.delta)) continue;
          } else if (j < 0) continue;
          const floor = s[i]! - p.delta;
          adj.removeEdge(i, j);
          changed[i >> 3]! |= 1 << (i & 7);
          changed[j >> 3]! |= 1 << (j & 7);
          for (let a = 0; a < p.maxDraws; a++) {
            const cand = rClean.int(n);
            if (cand === i || s[cand]! < floor || adj.hasEdge(i, cand)) continue;
            adj.addEdge(i, cand);
            changed[cand >> 3]! |= 1 << (cand & 7);
            break;
          }
        }
        touched ^= sink;
      },
    };
  },
});

/*
 * The per-agent loops of behave and score, in functions of the module rather than of each world:
 * compiled once for every world (a loop in a stage's closure was compiled for the first world's
 * closure, with its arrays as constants, and ran about a third slower for a later world's; the
 * small world of src/scenario/warm-up.ts is such a first world).
 */
function setOwn(n: number, u: Float64Array, prop: Float64Array, own: Uint8Array): void {
  // own_i = 0 where u_i < p_i, else 1 (a NaN: 1), as a number rather than a branch: which way
  // the compare goes cannot be predicted (0.4 → 0.18 ms at 100,000 agents, measured alone)
  for (let i = 0; i < n; i++) own[i] = +!(u[i]! < prop[i]!);
}

function scoreStep(n: number, s: Float64Array, own: Uint8Array, sums: Float64Array, deg: Int32Array, b: number, l: number): void {
  for (let i = 0; i < n; i++) {
    const t = (1 - l) * s[i]! + l * own[i]!;
    const d = deg[i]!;
    s[i] = d === 0 ? t : (1 - b) * t + (b * sums[i]!) / d;
  }
}

/** Turns read ahead: the agents of the turn this many turns on are touched before this turn's work. */
const AHEAD = 2;
/** Where the touches' values go, so that no compiler drops them as unused. */
let touched = 0;
/**
 * Reads agent i's degree and the first and last slots of its block (targets and layer): a turn
 * drops a tie from the block (the last slot moves into the dropped one's) and scans it. A turn's
 * blocks lie anywhere in memory; read two turns ahead, they are on their way from memory while
 * the turns before them work (the same reads, earlier: no value changes).
 */
function touch(adj: { start: Int32Array; deg: Int32Array; targets: Int32Array; layer: Uint8Array }, i: number): number {
  const st = adj.start[i]!, d = adj.deg[i]!;
  const last = st + (d > 0 ? d - 1 : 0);
  return adj.targets[st]! ^ adj.targets[last]! ^ adj.layer[last]!;
}

