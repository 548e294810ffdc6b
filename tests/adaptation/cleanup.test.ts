/**
 * `cleanup` on tiny hand-built worlds: which tie goes, what happens to its layers, where the new
 * tie lands. Scores are given on a 0–1 primary score, so normalised scores equal them.
 */
import { describe, expect, it } from 'vitest';
import { LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../../src/index.js';
import { cleanup } from '../../src/adaptation/cleanup.js';
import { make, setScore, tinyWorld } from './helpers.js';

// star: agent 0 (0.9) with neighbours 1 (0.2), 2 (0.85), 3 (0.5)
const STAR = [0.9, 0.2, 0.85, 0.5];

describe('cleanup', () => {
  it('drops only the worst online neighbour below own score − threshold (online-only tie goes)', () => {
    const w = tinyWorld(4, [[0, 1, LAYER_ONLINE], [0, 2, LAYER_ONLINE], [0, 3, LAYER_ONLINE]]);
    setScore(w, STAR);
    const h = make(cleanup, w, { rate: 1, look: 'score', draws: 0 });
    h.adapt!();
    expect(w.adj.hasEdge(0, 1)).toBe(false); // 0.2 < 0.9 − 0.1, the worst
    expect(w.adj.layerOf(0, 3)).toBe(LAYER_ONLINE); // 0.5 fails too, but one tie per review
    expect(w.adj.layerOf(0, 2)).toBe(LAYER_ONLINE);
    expect(w.adj.edgeCount).toBe(2);
    expect(h.record!()).toEqual({ cleanup_dropped: 1, cleanup_offline_dropped: 0, cleanup_new: 0 });
  });

  it('a tie of both layers loses its online bit (coupling 0) or goes entirely (coupling 1)', () => {
    for (const [coupling, expected] of [[0, LAYER_OFFLINE], [1, 0]] as const) {
      const w = tinyWorld(4, [[0, 1, LAYER_BOTH], [0, 2], [0, 3]]);
      setScore(w, STAR);
      make(cleanup, w, { rate: 1, look: 'score', draws: 0, coupling }).adapt!();
      expect(w.adj.layerOf(0, 1)).toBe(expected);
    }
  });

  it('never reviews offline-only ties; a second step takes the next worst online tie', () => {
    const w = tinyWorld(4, [[0, 1, LAYER_OFFLINE], [0, 2, LAYER_ONLINE], [0, 3, LAYER_BOTH]]);
    setScore(w, STAR);
    const h = make(cleanup, w, { rate: 1, look: 'score', draws: 0 });
    h.adapt!();
    expect(w.adj.layerOf(0, 1)).toBe(LAYER_OFFLINE);
    expect(w.adj.layerOf(0, 3)).toBe(LAYER_OFFLINE); // 0.5 < 0.8: online bit dropped
    h.adapt!();
    expect(w.adj.layerOf(0, 2)).toBe(LAYER_ONLINE); // 0.85 ≥ 0.8: kept
  });

  it("look 'listed' drops a listed neighbour whatever the scores; 'score' ignores lists; 'both' takes the listed first", () => {
    const run = (look: string) => {
      const w = tinyWorld(4, [[0, 1, LAYER_ONLINE], [0, 2, LAYER_ONLINE], [0, 3, LAYER_ONLINE]]);
      setScore(w, STAR);
      w.lists.get('court', 'black').add(2, 0, 100, -1, true);
      make(cleanup, w, { rate: 1, look, draws: 0 }).adapt!();
      return [1, 2, 3].filter((j) => !w.adj.hasEdge(0, j));
    };
    expect(run('listed')).toEqual([2]);
    expect(run('score')).toEqual([1]);
    expect(run('both')).toEqual([2]);
  });

  it("compare 'absolute' drops below a fixed floor", () => {
    // floor 0.6 for everyone: 0 (0.9) drops 3 (0.5); 3 would keep 0; 2 (0.85) drops 1 (0.2); 1 keeps 2
    const w = tinyWorld(4, [[0, 3, LAYER_ONLINE], [1, 2, LAYER_ONLINE]]);
    setScore(w, STAR);
    make(cleanup, w, { rate: 1, look: 'score', compare: 'absolute', threshold: 0.6, draws: 0 }).adapt!();
    expect(w.adj.hasEdge(0, 3)).toBe(false); // 0 sees 0.5 < 0.6
    expect(w.adj.hasEdge(1, 2)).toBe(false); // 2 sees 0.2 < 0.6 (a gap rule with 0.1 would also drop it)
    const w2 = tinyWorld(4, [[2, 3, LAYER_ONLINE]]);
    setScore(w2, STAR);
    make(cleanup, w2, { rate: 1, look: 'score', compare: 'absolute', threshold: 0.4, draws: 0 }).adapt!();
    expect(w2.adj.hasEdge(2, 3)).toBe(true); // 0.5 ≥ 0.4, though 0.5 < 0.85 − 0.1 under the gap rule
  });

  it('seeks a new online tie to an agent it would keep; an offline tie gains its online bit', () => {
    // agents: 0 (0.9) – 1 (0.2) online; candidates passing 0's test (≥ 0.8): 2 (0.85), 4 (0.95)
    const scores = [0.9, 0.2, 0.85, 0.5, 0.95, 0.1];
    for (let seed = 0; seed < 20; seed++) {
      const w = tinyWorld(6, [[0, 1, LAYER_ONLINE], [0, 4, LAYER_OFFLINE]], `seek${seed}`);
      setScore(w, scores);
      const h = make(cleanup, w, { rate: 1, look: 'score', draws: 200 });
      h.adapt!();
      expect(w.adj.hasEdge(0, 1)).toBe(false);
      const l2 = w.adj.layerOf(0, 2);
      const l4 = w.adj.layerOf(0, 4);
      // exactly one of: a new online tie to 2, or the offline tie to 4 became both
      expect((l2 === LAYER_ONLINE && l4 === LAYER_OFFLINE) || (l2 === 0 && l4 === LAYER_BOTH)).toBe(true);
      for (const j of [3, 5]) expect(w.adj.hasEdge(0, j)).toBe(false);
      w.adj.validate();
    }
  });

  it('non-members of a voluntary scheme that owns the primary score are unscored: not dropped, not sought', () => {
    const w = tinyWorld(6, [[0, 1, LAYER_ONLINE], [0, 3, LAYER_ONLINE]]);
    setScore(w, [0.9, 0.2, 0.85, 0.5, 0.95, 0.1]); // owner 'test'
    const joined = Uint8Array.from([1, 0, 1, 1, 0, 1]);
    w.services.set('voluntary:test', { id: 'test', joined, expectedBenefit: () => 0, cost: 0 });
    make(cleanup, w, { rate: 1, look: 'score', draws: 500 }).adapt!();
    expect(w.adj.hasEdge(0, 1)).toBe(true); // 1 is a non-member shown at 0.2: not judged
    expect(w.adj.hasEdge(0, 3)).toBe(false); // 3 is a member at 0.5 < 0.8
    expect(w.adj.layerOf(0, 2)).toBe(LAYER_ONLINE); // the only scored member ≥ 0.8 (4 is not a member)
    expect(w.adj.hasEdge(0, 4)).toBe(false);
  });

  it('does nothing without a score or lists, or at rate 0', () => {
    const w = tinyWorld(4, [[0, 1, LAYER_ONLINE]]);
    make(cleanup, w, { rate: 1 }).adapt!();
    expect(w.adj.edgeCount).toBe(1);
    setScore(w, STAR);
    make(cleanup, w, { rate: 0 }).adapt!();
    expect(w.adj.edgeCount).toBe(1);
  });

  it('keeps the adjacency valid and the tie count nearly constant on a random world (seeded)', () => {
    const n = 400;
    const ties: [number, number, number][] = [];
    let x = 12345;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let e = 0; e < 2000; e++) ties.push([Math.floor(rnd() * n), Math.floor(rnd() * n), 1 + Math.floor(rnd() * 3)]);
    const w = tinyWorld(n, ties, 'random');
    setScore(w, Array.from({ length: n }, () => rnd()));
    const before = w.adj.edgeCount;
    const h = make(cleanup, w, { rate: 0.2, look: 'score', coupling: 0.5 });
    for (let s = 0; s < 30; s++) h.adapt!();
    w.adj.validate();
    const row = h.record!() as Record<string, number>;
    expect(row.cleanup_dropped).toBeGreaterThan(100);
    // ties lost = drops that went entirely (online-only or coupled) − new ties; ≤ drops
    expect(w.adj.edgeCount).toBeLessThanOrEqual(before + row.cleanup_new!);
    expect(w.adj.edgeCount).toBeGreaterThan(before - row.cleanup_dropped!);
  });
});
