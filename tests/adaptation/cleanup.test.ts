/**
 * `cleanup` on tiny hand-built worlds. The motive comes from a friend effect
 * (src/core/friend-effect.ts); the tests register a linear one on a 0–1 score,
 *   sᵢ = (1 − w)·ownᵢ + w·(mean of ownⱼ over i's neighbours on the layers read, or 0.5 without any),
 * so every gain is hand-computable, and one run uses the real `sesame` regime. Controls: the same
 * world with the friend weight 0, with data-limits barring friends' data, with an agent who does not
 * know the rules, and with the gain just under `minGain`. The stigma mechanism (off by default) keeps
 * the old shunning rule, tested on its own.
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, DOMAIN_INDEX as D, defaults, LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE, World, type Hooks } from '../../src/index.js';
import { cleanup } from '../../src/adaptation/cleanup.js';
import { friendEffectKey, type FriendEffect } from '../../src/core/friend-effect.js';
import { POLICY } from '../../src/core/policy.js';
import { sesame } from '../../src/regimes/commercial/sesame.js';
import { make, setScore, tinyWorld } from './helpers.js';

/** Registers the linear friend effect described above on world w. */
function linearEffect(w: World, own: number[], weight: number, o: { thresholds?: number[]; layers?: number; scored?: (i: number) => boolean } = {}): FriendEffect {
  const layers = o.layers ?? LAYER_ONLINE;
  const s = (i: number, drop: number, add: number) => {
    const { start, deg, targets, layer } = w.adj;
    let sum = 0, m = 0;
    for (let k = start[i]!; k < start[i]! + deg[i]!; k++) {
      const j = targets[k]!;
      if (j === drop || j === add || (layer[k]! & layers) === 0) continue;
      sum += own[j]!;
      m++;
    }
    if (add >= 0) (sum += own[add]!), m++;
    return (1 - weight) * own[i]! + weight * (m ? sum / m : 0.5);
  };
  const fx: FriendEffect = {
    owner: 'test', column: 'score_test', min: 0, max: 1, layers,
    weight: () => weight,
    scoreNow: (i) => s(i, -1, -1),
    scoreWithout: (i, j) => s(i, j, -1),
    scoreWith: (i, l) => s(i, -1, l),
    thresholds: o.thresholds ?? [],
    scored: o.scored ?? (() => true),
  };
  w.services.set(friendEffectKey('test'), fx);
  return fx;
}

// star: agent 0 (own 0.9) with online neighbours 1 (0.2), 2 (0.85), 3 (0.5); weight 0.5:
// s₀ = 0.45 + 0.5·mean = 0.70833; without 1: 0.7875 (gain 0.07917); without 3: gain 0.00417; without 2: a loss
const OWN = [0.9, 0.2, 0.85, 0.5];
const star = (layer = LAYER_ONLINE) => tinyWorld(4, [[0, 1, layer], [0, 2, LAYER_ONLINE], [0, 3, LAYER_ONLINE]]);
const GAIN1 = 0.5 * ((0.85 + 0.5) / 2 - (0.2 + 0.85 + 0.5) / 3);
const ALL = { rate: 1, draws: 0, aware: 'all' };

describe('cleanup: dropping for a reason', () => {
  it('drops the online neighbour whose tie costs most, when the gain exceeds minGain (exact); one tie per review', () => {
    const w = star();
    const fx = linearEffect(w, OWN, 0.5);
    expect(fx.scoreWithout(0, 1) - fx.scoreNow(0)).toBeCloseTo(GAIN1, 12);
    const h = make(cleanup, w, ALL);
    h.adapt!();
    expect(w.adj.hasEdge(0, 1)).toBe(false);
    expect(w.adj.layerOf(0, 2)).toBe(LAYER_ONLINE);
    expect(w.adj.layerOf(0, 3)).toBe(LAYER_ONLINE); // dropping 3 would gain 0.004 > minGain too, but one tie per review
    expect(h.record!()).toEqual({ cleanup_dropped: 1, cleanup_stigma_dropped: 0, cleanup_offline_dropped: 0, cleanup_new: 0 });
  });

  it('keeps the tie when the gain is just under minGain; drops it just over (exact)', () => {
    for (const [minGain, kept] of [[GAIN1 + 1e-6, true], [GAIN1 - 1e-6, false]] as const) {
      const w = star();
      linearEffect(w, OWN, 0.5);
      make(cleanup, w, { ...ALL, minGain }).adapt!();
      expect(w.adj.hasEdge(0, 1)).toBe(kept);
    }
  });

  it('a gain under minGain that lifts one over a benefit threshold is enough', () => {
    for (const [thresholds, kept] of [[[0.75], false], [[0.8], true]] as const) {
      const w = star();
      linearEffect(w, OWN, 0.5, { thresholds: [...thresholds] }); // 0.708 now, 0.7875 without 1
      make(cleanup, w, { ...ALL, minGain: 0.5 }).adapt!();
      expect(w.adj.hasEdge(0, 1)).toBe(kept);
    }
  });

  it('control: no motive, no cleanup — friend weight 0, no friend effect at all, or an unscored agent', () => {
    const cases: ((w: World) => void)[] = [(w) => linearEffect(w, OWN, 0), () => {}, (w) => linearEffect(w, OWN, 0.5, { scored: (i) => i !== 0 })];
    for (const setup of cases) {
      const w = star();
      setup(w);
      setScore(w, OWN); // a primary score alone is no reason
      const h = make(cleanup, w, { ...ALL, minGain: 0 });
      for (let t = 0; t < 5; t++) h.adapt!();
      expect(w.adj.edgeCount).toBe(3);
      expect((h.record!() as Record<string, number>).cleanup_dropped).toBe(0);
    }
  });

  it("aware 'knowledge': only those who know the rules act on the motive, everyone under POLICY.transparent", () => {
    const run = (knows: number, transparent: boolean) => {
      const w = star();
      w.pop.knowledge.fill(0);
      w.pop.knowledge[0] = knows;
      if (transparent) w.policy.set(POLICY.transparent, true);
      linearEffect(w, OWN, 0.5);
      make(cleanup, w, { rate: 1, draws: 0 }).adapt!(); // default aware 'knowledge'
      return w.adj.hasEdge(0, 1);
    };
    expect(run(0, false)).toBe(true);
    expect(run(1, false)).toBe(false);
    expect(run(0, true)).toBe(false);
  });

  it('a tie of both layers loses its online bit (coupling 0) or goes (coupling 1); a score that also reads offline ties gives only coupling × the gain', () => {
    for (const [coupling, expected] of [[0, LAYER_OFFLINE], [1, 0]] as const) {
      const w = star(LAYER_BOTH);
      linearEffect(w, OWN, 0.5); // reads online ties: cutting the online bit removes 1 from the score
      make(cleanup, w, { ...ALL, coupling }).adapt!();
      expect(w.adj.layerOf(0, 1)).toBe(expected);
    }
    // reads every layer: with coupling 0 the offline tie survives and is read, so there is no gain
    // (the next best, dropping 3 — online only — gains 0.004 > minGain); with coupling 1 the full gain
    for (const [coupling, gone] of [[0, 3], [1, 1]] as const) {
      const w = star(LAYER_BOTH);
      linearEffect(w, OWN, 0.5, { layers: LAYER_BOTH });
      make(cleanup, w, { ...ALL, coupling }).adapt!();
      expect([1, 2, 3].filter((j) => !w.adj.hasEdge(0, j))).toEqual([gone]);
    }
  });

  it('seeks a replacement whose tie raises its score, and who consents (the tie costs them ≤ minGain)', () => {
    // 0 (0.9) – 1 (0.2) online; 2 (0.95) – 5 (0.92) online; 3 (0.3) and 4 (0.85) alone.
    // After the drop 0 has no friends (friend term 0.5): 2, 4, 5 would raise its score, 3 would not;
    // 2 and 5 refuse (0 lowers their friends' mean: a loss of 0.005 / 0.0125 > 0.002); 4 accepts.
    const own = [0.9, 0.2, 0.95, 0.3, 0.85, 0.92];
    let found = 0;
    for (let seed = 0; seed < 10; seed++) {
      const w = tinyWorld(6, [[0, 1, LAYER_ONLINE], [2, 5, LAYER_ONLINE], [0, 4, LAYER_OFFLINE]], `seek${seed}`);
      linearEffect(w, own, 0.5);
      const h = make(cleanup, w, { ...ALL, draws: 200 });
      h.adapt!();
      expect(w.adj.hasEdge(0, 1)).toBe(false);
      for (const j of [2, 3, 5]) expect(w.adj.hasEdge(0, j)).toBe(false);
      expect(w.adj.layerOf(0, 4)).toBe(LAYER_BOTH); // the offline tie to 4 gained its online bit
      found += (h.record!() as Record<string, number>).cleanup_new!;
      w.adj.validate();
    }
    expect(found).toBe(10);
  });

  it('with the real sesame regime: a member drops the friend with defaults when friends count, not at friendWeight 0 or under data-limits', () => {
    const run = (friendWeight: number, friendsData: boolean) => {
      const w = new World(3, 1);
      w.pop.wealth.fill(50000);
      w.pop.income.fill(100);
      w.adj.addEdge(0, 1, LAYER_ONLINE);
      w.adj.addEdge(0, 2, LAYER_ONLINE);
      if (!friendsData) w.policy.set(POLICY.dataFriends, false);
      const hooks: Hooks[] = [
        sesame.create(w, { ...defaults(sesame.params), joinShare: 1, priorHistory: false, friendWeight }),
        make(cleanup, w, { ...ALL }),
      ];
      hooks[0]!.init!();
      for (let t = 0; t < 3; t++) {
        w.records.clear();
        if (t === 0) for (let k = 0; k < 3; k++) w.records.push(1, D.finance, ACT_VIOLATION, 1);
        hooks[0]!.score!();
        if (t === 2) hooks[1]!.adapt!();
        w.step++;
        w.day++;
      }
      return [w.adj.hasEdge(0, 1), w.adj.hasEdge(0, 2)];
    };
    // (whether 2 keeps 0 depends on 0's score against the neutral friend term 0.5 of the friendless)
    expect(run(0.3, true)[0]).toBe(false);
    expect(run(0.05, true)[0]).toBe(false); // a 5% weight still moves 0 by > minGain here
    expect(run(0, true)).toEqual([true, true]);
    expect(run(0.3, false)).toEqual([true, true]);
  });

  it('keeps the adjacency valid and the tie count nearly constant on a random world (seeded)', () => {
    const n = 400;
    const ties: [number, number, number][] = [];
    let x = 12345;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let e = 0; e < 2000; e++) ties.push([Math.floor(rnd() * n), Math.floor(rnd() * n), 1 + Math.floor(rnd() * 3)]);
    const w = tinyWorld(n, ties, 'random');
    linearEffect(w, Array.from({ length: n }, () => rnd()), 0.5);
    const before = w.adj.edgeCount;
    const h = make(cleanup, w, { rate: 0.2, aware: 'all', coupling: 0.5 });
    for (let s = 0; s < 30; s++) {
      h.adapt!();
      w.day++;
    }
    w.adj.validate();
    const row = h.record!() as Record<string, number>;
    expect(row.cleanup_dropped).toBeGreaterThan(100);
    expect(row.cleanup_stigma_dropped).toBe(0);
    expect(w.adj.edgeCount).toBeLessThanOrEqual(before + row.cleanup_new!);
    expect(w.adj.edgeCount).toBeGreaterThan(before - row.cleanup_dropped!);
  });
});

describe('cleanup: stigma (status homophily), a separate mechanism, off by default', () => {
  const STAR = [0.9, 0.2, 0.85, 0.5];
  it('off by default: a listed or low-scored friend is kept when no score reads friends', () => {
    const w = star();
    setScore(w, STAR);
    w.lists.get('court', 'black').add(2, 0, 100, -1, true);
    make(cleanup, w, { rate: 1, draws: 0 }).adapt!();
    expect(w.adj.edgeCount).toBe(3);
  });

  it("'listed' drops a listed neighbour whatever the scores; 'score' the lowest below own − stigmaGap; 'both' the listed first", () => {
    const run = (stigma: string) => {
      const w = star();
      setScore(w, STAR);
      w.lists.get('court', 'black').add(2, 0, 100, -1, true);
      const h = make(cleanup, w, { rate: 1, stigma, draws: 0 });
      h.adapt!();
      expect((h.record!() as Record<string, number>).cleanup_stigma_dropped).toBe(1);
      return [1, 2, 3].filter((j) => !w.adj.hasEdge(0, j));
    };
    expect(run('listed')).toEqual([2]);
    expect(run('score')).toEqual([1]);
    expect(run('both')).toEqual([2]);
  });

  it('seeks someone it would keep; non-members of a voluntary scheme are unscored: not shunned, not sought', () => {
    const w = tinyWorld(6, [[0, 1, LAYER_ONLINE], [0, 3, LAYER_ONLINE]]);
    setScore(w, [0.9, 0.2, 0.85, 0.5, 0.95, 0.1]); // owner 'test'
    w.services.set('voluntary:test', { id: 'test', joined: Uint8Array.from([1, 0, 1, 1, 0, 1]), expectedBenefit: () => 0, cost: 0 });
    make(cleanup, w, { rate: 1, stigma: 'score', draws: 500 }).adapt!();
    expect(w.adj.hasEdge(0, 1)).toBe(true); // 1 is a non-member shown at 0.2: not judged
    expect(w.adj.hasEdge(0, 3)).toBe(false); // 3 is a member at 0.5 < 0.8
    expect(w.adj.layerOf(0, 2)).toBe(LAYER_ONLINE); // the only scored member ≥ 0.8 (4 is not a member)
    expect(w.adj.hasEdge(0, 4)).toBe(false);
  });
});
