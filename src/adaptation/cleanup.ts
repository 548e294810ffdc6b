/**
 * `cleanup` — "online social cleanup": agents drop online ties to listed or low-scored people and
 * seek ties to better-scored ones; the cut spills into offline life with probability `coupling`.
 *
 * Each step of Δ days, every agent reviews its online ties with probability 1 − (1 − rate)^Δ;
 * the reviewing agents act one at a time in a random order, each seeing the ties as they are at
 * its turn (as in BENCHMARK.md's friend-cleanup). Agent i looks at its worst online neighbour j
 * (a listed one first when it looks at lists, else the lowest normalised primary score
 * ŝ = (s − min)/(max − min)) and drops the tie when j fails i's test:
 *   - look 'listed': j is on any blacklist (world.lists.black());
 *   - look 'score':  ŝⱼ < ŝᵢ − threshold (compare 'gap') or ŝⱼ < threshold (compare 'absolute');
 *   - look 'both':   either.
 * Dropping acts on the online layer: an online-only tie (code 2) goes; a tie of both layers
 * (code 3) loses its online bit and stays as an offline tie (code 1), except that with
 * probability `coupling` its offline part is dropped too. Offline-only ties are never reviewed.
 * After a drop, i seeks a new tie: up to `draws` uniform draws of an agent l ≠ i that passes
 * i's test (one it would keep: not listed / not below the threshold; scored, when it looks at
 * scores) and is not already an online neighbour; the new tie is online (an existing offline tie
 * gains its online bit). When the primary score belongs to a voluntary scheme (world.services
 * 'voluntary:<owner>'), its non-members are unscored: never dropped for their score, never sought,
 * and, having no score of their own, they drop nobody on a score gap.
 *
 * No empirical rate is known (CALIBRATION.md, "Social cleanup"): `rate` is a swept parameter.
 * Sources: Wei, Yildirim, Van den Bulte & Dellarocas, Marketing Science 35(2) (2016) — when scores
 * use network data, people prune ties and focus on similar partners; Fu, Hauert, Nowak & Wang,
 * Phys. Rev. E 78:026117 (2008) — partner choice by reputation.
 */
import { LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../core/adjacency.js';
import { defineAdaptation } from '../core/contracts.js';
import { num, oneOf, prob } from '../core/params.js';
import { normalisedScore, perStep, scoredMask } from './util.js';

export const cleanup = defineAdaptation({
  id: 'cleanup',
  title: 'Online social cleanup (dropping listed and low-scored friends)',
  summary: 'agents drop online ties to listed or low-scored neighbours, seek better-scored ones; spills offline by coupling',
  doc:
    'Now and then each person reviews their online friends and drops the worst one if that friend is on a blacklist ' +
    'or scores too far below them (which signal they look at is a parameter), then tries to befriend someone they ' +
    'would keep. Cutting an online tie also cuts the offline part of the relationship with probability coupling. ' +
    'New ties are online ties.',
  sources: [
    'CALIBRATION.md "Social cleanup": no empirical rate, a swept parameter',
    'Wei, Yildirim, Van den Bulte & Dellarocas, Marketing Science 35(2) (2016)',
    'Fu, Hauert, Nowak & Wang, Phys. Rev. E 78:026117 (2008)',
    'BENCHMARK.md friend-cleanup (worst-neighbour rule, up to k draws)',
  ],
  params: {
    rate: prob(0.01, { unit: 'probability per day', doc: 'probability per day that an agent reviews its online ties', source: 'swept (CALIBRATION.md: no empirical rate)' }),
    threshold: num(0.1, { min: 0, max: 1, unit: 'normalised score', doc: "a neighbour is dropped below own score − threshold ('gap') or below threshold ('absolute')" }),
    compare: oneOf('gap', ['gap', 'absolute'] as const, { doc: "'gap': relative to own score; 'absolute': a fixed floor" }),
    look: oneOf('both', ['score', 'listed', 'both'] as const, { doc: 'signal looked at: the primary score, blacklist membership, or either' }),
    coupling: prob(0, { doc: 'probability that dropping the online part of a tie also drops its offline part' }),
    draws: num(10, { min: 0, int: true, unit: 'draws', doc: 'attempts to find a new (online) tie after a drop', source: 'BENCHMARK.md (10 draws)' }),
  },
  columns: ['cleanup_dropped', 'cleanup_offline_dropped', 'cleanup_new'],
  create(world, p) {
    const n = world.n;
    const score = new Float64Array(n);
    const listed = new Uint8Array(n);
    const order = new Int32Array(n);
    const rSel = world.rng('adaptation:cleanup');
    const rCouple = world.rng('adaptation:cleanup:coupling');
    let dropped = 0;
    let offlineDropped = 0;
    let made = 0;
    return {
      adapt() {
        const ps = perStep(p.rate, world.daysPerStep);
        if (ps <= 0) return;
        const useScore = p.look !== 'listed' && normalisedScore(world, score);
        const useList = p.look !== 'score' && world.lists.black().length > 0;
        if (!useScore && !useList) return;
        if (useList) world.lists.anyBlack(listed);
        const gap = p.compare === 'gap';
        const th = p.threshold;
        // non-members of a voluntary scheme that owns the primary score are unscored
        const scored = useScore ? scoredMask(world) : null;
        const hasScore = (i: number) => useScore && (!scored || scored[i] === 1);
        // ŝ below which agent i drops a neighbour (−∞ when it has no score to compare with)
        const floorOf = (i: number) => (!useScore ? -Infinity : !gap ? th : hasScore(i) ? score[i]! - th : -Infinity);
        const fails = (j: number, floor: number) => (useList && listed[j] === 1) || (hasScore(j) && score[j]! < floor);
        let m = 0;
        for (let i = 0; i < n; i++) if (rSel() < ps) order[m++] = i;
        const sel = order.subarray(0, m);
        rSel.shuffle(sel);
        const adj = world.adj;
        for (let q = 0; q < m; q++) {
          const i = sel[q]!;
          const floor = floorOf(i);
          // worst online neighbour: listed first (when looked at), then the lowest score
          let j = -1;
          let worst = Infinity;
          const st = adj.start[i]!;
          const end = st + adj.deg[i]!;
          for (let k = st; k < end; k++) {
            if ((adj.layer[k]! & LAYER_ONLINE) === 0) continue;
            const t = adj.targets[k]!;
            const key = useList && listed[t] ? -Infinity : hasScore(t) ? score[t]! : Infinity;
            if (key < worst || j < 0) {
              worst = key;
              j = t;
            }
          }
          if (j < 0 || !fails(j, floor)) continue;
          const both = adj.layerOf(i, j) === LAYER_BOTH;
          if (both && !(rCouple() < p.coupling)) adj.setLayer(i, j, LAYER_OFFLINE);
          else {
            if (both) offlineDropped++;
            adj.removeEdge(i, j);
          }
          dropped++;
          for (let a = 0; a < p.draws; a++) {
            const l = rSel.int(n);
            if (l === i || fails(l, floor) || (useScore && !hasScore(l))) continue;
            const code = adj.layerOf(i, l);
            if (code & LAYER_ONLINE) continue;
            if (code === LAYER_OFFLINE) adj.setLayer(i, l, LAYER_BOTH);
            else adj.addEdge(i, l, LAYER_ONLINE);
            made++;
            break;
          }
        }
      },
      record() {
        const row = { cleanup_dropped: dropped, cleanup_offline_dropped: offlineDropped, cleanup_new: made };
        dropped = offlineDropped = made = 0;
        return row;
      },
    };
  },
});
