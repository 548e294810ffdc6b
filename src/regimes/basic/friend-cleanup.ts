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
import { K_FRIEND_CLEANUP_SCORE } from '../../core/kernels.js';
import { num, prob } from '../../core/params.js';
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
    // the score step runs as a per-agent kernel (src/core/kernels.ts) on the run's threads: its
    // arrays live in shared memory when there are several (the column is mirrored into `prev`)
    const par = parallel(world);
    const next = par.f64(n);
    const own = par.u8(n);
    const prev = par.threads > 1 ? par.f64(n) : s;
    const order = new Int32Array(n);
    const rInit = world.rng('regime:friend-cleanup:init');
    const rBehave = world.rng('regime:friend-cleanup:behave');
    const rClean = world.rng('regime:friend-cleanup:cleanup');
    world.offerPrimaryScore('score_friend', 0, 1, 'friend-cleanup');
    return {
      init() {
        for (let i = 0; i < n; i++) s[i] = rInit();
        for (let i = 0; i < n; i++) prop[i] = 0.5 * rInit();
      },
      behave() {
        for (let i = 0; i < n; i++) own[i] = rBehave() < prop[i]! ? 0 : 1;
      },
      score() {
        // per agent: next_i = (1 − β)·t_i + β·mean_j s_j, t_i = (1 − λ)·s_i + λ·own_i (kernels.ts)
        const { start, deg, targets } = par.share(world.adj);
        if (prev !== s) prev.set(s);
        par.run(K_FRIEND_CLEANUP_SCORE, [prev, own, next, start, deg, targets], [p.beta, p.lambda], n);
        s.set(next);
      },
      adapt() {
        if (p.c <= 0) return;
        const adj = world.adj;
        let m = 0;
        for (let i = 0; i < n; i++) if (rClean() < p.c) order[m++] = i;
        const sel = order.subarray(0, m);
        rClean.shuffle(sel);
        for (let q = 0; q < m; q++) {
          const i = sel[q]!;
          const d = adj.deg[i]!;
          if (d === 0) continue;
          const st = adj.start[i]!;
          let j = adj.targets[st]!;
          for (let k = st + 1; k < st + d; k++) {
            const t = adj.targets[k]!;
            if (s[t]! < s[j]!) j = t;
          }
          const floor = s[i]! - p.delta;
          if (!(s[j]! < floor)) continue;
          adj.removeEdge(i, j);
          for (let a = 0; a < p.maxDraws; a++) {
            const cand = rClean.int(n);
            if (cand === i || s[cand]! < floor || adj.hasEdge(i, cand)) continue;
            adj.addEdge(i, cand);
            break;
          }
        }
      },
    };
  },
});
