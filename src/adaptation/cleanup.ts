/**
 * `cleanup` — "online social cleanup" for a reason: people drop an online friend when the tie
 * costs them score and benefits, and seek friends whose ties raise their score. The motive comes
 * from the scoring regimes that read friends' data (src/core/friend-effect.ts, services
 * 'friend-effect:<id>'); where no score reads friends, or data-limits bar friends' data, nobody has a
 * reason to cut a tie and this mechanism does nothing. The cut spills into offline life with
 * probability `coupling`.
 *
 * Each step of Δ days, every agent reviews its online ties with probability 1 − (1 − rate)^Δ (a
 * keyed draw); the reviewing agents act one at a time in an order set by keyed draws, each seeing
 * the ties as they are at its turn (as in the benchmark's friend-cleanup).
 *
 * Motive (score-driven cleanup). For each friend effect e that agent i is scored by (weight() > 0),
 * with range [minₑ, maxₑ] and benefit thresholds Tₑ, and each online neighbour j of i:
 *   gainᵢⱼ = Σₑ πₑ,ᵢⱼ · (sₑ(i without j) − sₑ(i now)) / (maxₑ − minₑ),
 * where sₑ(·) is the regime's own formula (for Sesame: its friend term is the mean of joined
 * friends' scores) and πₑ,ᵢⱼ = 1 when cutting the online part of the tie stops e from reading it,
 * or `coupling` when e also reads the offline part that may survive (then the gain is expected).
 * j crosses a threshold when, for some e with π = 1, i passes more thresholds of Tₑ without j
 * than now. Agent i drops the neighbour j with the largest gain (a crossing first) when it crosses
 * a threshold or gainᵢⱼ > `minGain` (the value, in normalised score, that a person puts on keeping
 * a friendship). Only agents who know how the score works act on this: by default those with
 * `pop.knowledge` = 1, or everyone when the rules are published (POLICY.transparent); `aware`
 * 'all' lets everyone act (a modelling choice to isolate the mechanism). Why knowledge gates it:
 * the gain exists only for someone who knows that friends' scores enter their own.
 * After such a drop, i seeks a replacement: up to `draws` keyed uniform draws of an agent l ≠ i
 * that is not an online neighbour; it takes the first whose tie would raise its own score
 * (Σₑ (sₑ(i with l) − sₑ(i now)) > 0, now after the drop). The new tie is online (an existing
 * offline tie gains its online bit).
 *
 * Stigma (status homophily), a separate mechanism, off by default (`stigma` 'off'): agents who
 * dislike being seen with listed or low-scored people, whatever that does to their own score.
 * When the motive did not drop a tie, i looks at its worst online neighbour j (a listed one first
 * when it looks at lists, else the lowest normalised primary score ŝ = (s − min)/(max − min)) and
 * drops it when j is on a blacklist ('listed', 'both') or ŝⱼ < ŝᵢ − stigmaGap ('score', 'both');
 * then seeks, by up to `draws` draws, someone it would keep (not listed, not below the gap; scored,
 * when it looks at scores). No regime in scorelab penalises a person for a listed online friend
 * (association sanctions reach household members), so dropping listed friends has no score motive.
 * When the primary score belongs to a voluntary scheme, its non-members are unscored (never
 * dropped for their score, never sought, and they drop nobody on a score gap).
 *
 * Tie layers: an online-only tie (code 2) goes; a tie of both layers (code 3) loses its online bit
 * and stays as an offline tie (code 1), except that with probability `coupling` its offline part is
 * dropped too. Offline-only ties are never reviewed.
 *
 * No empirical rate is known: `rate` is a swept parameter; `minGain`, `aware` and the replacement
 * rule are modelling choices. Sources: Wei, Yildirim, Van den Bulte & Dellarocas, "Credit Scoring
 * with Social Network Data", Marketing Science 35(2) (2016) — when scores use network data, people
 * prune ties to protect their score and focus on similar partners, and the network fragments;
 * Fu, Hauert, Nowak & Wang, Phys. Rev. E 78:026117 (2008) — partner choice by reputation.
 */
import { LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../core/adjacency.js';
import { defineAdaptation } from '../core/contracts.js';
import { friendEffects, type FriendEffect } from '../core/friend-effect.js';
import { num, oneOf, prob } from '../core/params.js';
import { POLICY, policyOf } from '../core/policy.js';
import { normalisedScore, scoredMask } from './util.js';
import { chanceOverDays } from '../core/rates.js';

// purposes of the keyed draws
const REVIEW = 1, ORDER = 2, COUPLE = 3, SEEK = 4;

function tiers(t: readonly number[], s: number): number {
  let k = 0;
  for (const x of t) if (s >= x) k++;
  return k;
}

export const cleanup = defineAdaptation({
  id: 'cleanup',
  title: 'Online social cleanup (dropping friends who cost one score and benefits)',
  summary: 'agents drop online ties that lower their own score (where a score reads friends), seek ties that raise it; stigma dropping optional; spills offline by coupling',
  doc:
    'Now and then each person reviews their online friends. Where a score counts one’s friends, someone who knows ' +
    'this drops the friend whose tie costs the most score, if the gain is worth more than the friendship or lifts ' +
    'them over a benefit threshold, and then befriends someone whose tie raises their score. Where no score reads ' +
    'friends, nobody has a reason to do this. Optionally (off by default) people also shun listed or low-scored ' +
    'friends for their own sake (stigma). Cutting an online tie also cuts the offline part of the relationship with ' +
    'probability coupling. New ties are online ties.',
  sources: [
    'no empirical rate is known: a swept parameter',
    'Wei, Yildirim, Van den Bulte & Dellarocas, Marketing Science 35(2) (2016): people prune ties when scores use network data',
    'Fu, Hauert, Nowak & Wang, Phys. Rev. E 78:026117 (2008): partner choice by reputation',
    'the benchmark friend-cleanup (worst-neighbour rule, up to k draws)',
  ],
  params: {
    rate: prob(0.01, { unit: 'probability per day', doc: 'probability per day that an agent reviews its online ties', source: 'swept (no empirical rate)' }),
    minGain: num(0.002, { min: 0, max: 1, unit: 'normalised score', doc: 'gain in one’s own score (share of the score range) that outweighs keeping a friendship; crossing a benefit threshold always does', source: 'modelling choice' }),
    aware: oneOf('knowledge', ['knowledge', 'all'] as const, { doc: "who acts on the score motive: 'knowledge' — those who know the rules (pop.knowledge), everyone when POLICY.transparent; 'all' — everyone", source: 'modelling choice' }),
    stigma: oneOf('off', ['off', 'score', 'listed', 'both'] as const, { doc: "stigma (status homophily), a separate mechanism: also drop a friend who is listed ('listed'), scores stigmaGap below one ('score'), or either ('both'), whatever it does to one’s own score", source: 'modelling choice, off by default' }),
    stigmaGap: num(0.1, { min: 0, max: 1, unit: 'normalised score', doc: 'stigma: a neighbour is shunned below own normalised primary score − stigmaGap' }),
    coupling: prob(0, { doc: 'probability that dropping the online part of a tie also drops its offline part' }),
    draws: num(10, { min: 0, int: true, unit: 'draws', doc: 'attempts to find a new (online) tie after a drop', source: 'the benchmark friend-cleanup (10 draws)' }),
  },
  columns: ['cleanup_dropped', 'cleanup_stigma_dropped', 'cleanup_offline_dropped', 'cleanup_new'],
  create(world, p) {
    const n = world.n;
    const score = new Float64Array(n);
    const listed = new Uint8Array(n);
    const key = world.keyed('adaptation:cleanup');
    const nowBuf: number[] = [];
    let dropped = 0;
    let stigmaDropped = 0;
    let offlineDropped = 0;
    let made = 0;
    return {
      adapt() {
        const ps = chanceOverDays(p.rate, world.daysPerStep);
        if (ps <= 0) return;
        const day = world.day;
        const effects: FriendEffect[] = friendEffects(world).filter((e) => e.weight() > 0);
        const stigmaScore = (p.stigma === 'score' || p.stigma === 'both') && normalisedScore(world, score);
        const stigmaList = (p.stigma === 'listed' || p.stigma === 'both') && world.lists.black().length > 0;
        if (effects.length === 0 && !stigmaScore && !stigmaList) return;
        if (stigmaList) world.lists.anyBlack(listed);
        const everyone = p.aware === 'all' || policyOf<boolean>(world, POLICY.transparent, false);
        const knows = world.pop.knowledge;
        // stigma: non-members of a voluntary scheme that owns the primary score are unscored
        const scored = stigmaScore ? scoredMask(world) : null;
        const hasScore = (i: number) => stigmaScore && (!scored || scored[i] === 1);
        const floorOf = (i: number) => (hasScore(i) ? score[i]! - p.stigmaGap : -Infinity);
        const shuns = (j: number, floor: number) => (stigmaList && listed[j] === 1) || (hasScore(j) && score[j]! < floor);
        // reviewers, in an order set by keyed draws
        const sel: number[] = [];
        for (let i = 0; i < n; i++) if (key.u(i, day, REVIEW) < ps) sel.push(i);
        const pri = new Map(sel.map((i) => [i, key.u(i, day, ORDER)]));
        sel.sort((a, b) => pri.get(a)! - pri.get(b)! || a - b);
        const adj = world.adj;
        const drop = (i: number, j: number) => {
          const both = adj.layerOf(i, j) === LAYER_BOTH;
          if (both && !key.chance(p.coupling, i, day, COUPLE)) adj.setLayer(i, j, LAYER_OFFLINE);
          else {
            if (both) offlineDropped++;
            adj.removeEdge(i, j);
          }
          dropped++;
        };
        const link = (i: number, l: number) => {
          const code = adj.layerOf(i, l);
          if (code === LAYER_OFFLINE) adj.setLayer(i, l, LAYER_BOTH);
          else adj.addEdge(i, l, LAYER_ONLINE);
          made++;
        };
        const seek = (i: number, wants: (l: number) => boolean) => {
          for (let a = 0; a < p.draws; a++) {
            const l = key.int(n, i, day, SEEK, a);
            if (l === i || (adj.layerOf(i, l) & LAYER_ONLINE) !== 0 || !wants(l)) continue;
            link(i, l);
            return;
          }
        };
        // l accepts a new tie to i unless, knowing the rules, it would drop it at once: the tie would
        // cost l more than minGain of its own score or take it below a benefit threshold
        const consents = (l: number, i: number) => {
          if (!(everyone || knows[l] === 1)) return true;
          let loss = 0;
          for (const fx of effects) {
            if (!fx.scored(l)) continue;
            const now = fx.scoreNow(l);
            const withI = fx.scoreWith(l, i);
            if (withI === now) continue;
            if (tiers(fx.thresholds, withI) < tiers(fx.thresholds, now)) return false;
            loss += (now - withI) / (fx.max - fx.min);
          }
          return loss <= p.minGain;
        };
        for (const i of sel) {
          // --- motive: what each online tie costs i in its own score and benefits
          const mine = effects.filter((e) => e.scored(i));
          if (mine.length > 0 && (everyone || knows[i] === 1)) {
            for (let e = 0; e < mine.length; e++) nowBuf[e] = mine[e]!.scoreNow(i);
            let best = -1, bestGain = -Infinity, bestCross = false;
            const st = adj.start[i]!;
            for (let k = st, end = st + adj.deg[i]!; k < end; k++) {
              const code = adj.layer[k]!;
              if ((code & LAYER_ONLINE) === 0) continue;
              const j = adj.targets[k]!;
              let gain = 0, cross = false;
              for (let e = 0; e < mine.length; e++) {
                const fx = mine[e]!;
                const now = nowBuf[e]!;
                const after = fx.scoreWithout(i, j);
                if (after === now) continue;
                const stillRead = (code & ~LAYER_ONLINE & fx.layers) !== 0; // the offline part may survive and is read
                gain += ((stillRead ? p.coupling : 1) * (after - now)) / (fx.max - fx.min);
                if (!stillRead && tiers(fx.thresholds, after) > tiers(fx.thresholds, now)) cross = true;
              }
              if ((cross && !bestCross) || (cross === bestCross && gain > bestGain)) {
                best = j;
                bestGain = gain;
                bestCross = cross;
              }
            }
            if (best >= 0 && (bestCross || bestGain > p.minGain)) {
              drop(i, best);
              for (let e = 0; e < mine.length; e++) nowBuf[e] = mine[e]!.scoreNow(i);
              seek(i, (l) => {
                let g = 0;
                for (let e = 0; e < mine.length; e++) g += (mine[e]!.scoreWith(i, l) - nowBuf[e]!) / (mine[e]!.max - mine[e]!.min);
                return g > 0 && consents(l, i);
              });
              continue;
            }
          }
          // --- stigma (off by default): the worst online neighbour, listed first, then the lowest score
          if (!stigmaScore && !stigmaList) continue;
          const floor = floorOf(i);
          let j = -1;
          let worst = Infinity;
          const st = adj.start[i]!;
          for (let k = st, end = st + adj.deg[i]!; k < end; k++) {
            if ((adj.layer[k]! & LAYER_ONLINE) === 0) continue;
            const t = adj.targets[k]!;
            const v = stigmaList && listed[t] ? -Infinity : hasScore(t) ? score[t]! : Infinity;
            if (v < worst || j < 0) {
              worst = v;
              j = t;
            }
          }
          if (j < 0 || !shuns(j, floor)) continue;
          drop(i, j);
          stigmaDropped++;
          seek(i, (l) => !shuns(l, floor) && (!stigmaScore || hasScore(l)));
        }
      },
      record() {
        const row = { cleanup_dropped: dropped, cleanup_stigma_dropped: stigmaDropped, cleanup_offline_dropped: offlineDropped, cleanup_new: made };
        dropped = stigmaDropped = offlineDropped = made = 0;
        return row;
      },
    };
  },
});
