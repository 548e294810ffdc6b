/**
 * `score_sd`, `ties_dropped` and `ties_made` on tiny hand-computed worlds (docs/metrics.md), and the
 * identity tie_count(now) = tie_count(previous record) + ties_made − ties_dropped on seeded runs of
 * the benchmark model (friend-cleanup) and of social cleanup (which also changes layers of kept ties).
 */
import { describe, expect, it } from 'vitest';
import { Adjacency, LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../../src/core/adjacency.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { runScenario } from '../../src/index.js';
import { scoreSd } from '../../src/metrics/score-sd.js';
import { tiesDropped } from '../../src/metrics/ties-dropped.js';
import { tiesMade } from '../../src/metrics/ties-made.js';
import { fakeSnap, f32 } from './fake.js';

/** A snapshot of `adj` at `step` (the rest from a fake world). */
const at = (adj: Adjacency, step: number): Snapshot => ({ ...fakeSnap({ n: adj.n, step, day: step }), adj });

describe('score_sd', () => {
  it('is the population standard deviation (divisor n): [2, 4, 4, 4, 5, 5, 7, 9] → 2', () => {
    const f = scoreSd.make();
    expect(f(fakeSnap({ n: 8, score: [2, 4, 4, 4, 5, 5, 7, 9] }))).toEqual({ score_sd: 2 });
    expect(f(fakeSnap({ n: 3, score: [600, 700, 800] })).score_sd).toBe(Math.sqrt(20000 / 3));
    expect(f(fakeSnap({ n: 2, score: [0.25, 0.25] })).score_sd).toBe(0);
  });

  it('reads Float32 scores exactly and is null without a score or agents', () => {
    const s = { ...fakeSnap({ n: 4 }), score: f32([1, 1, 3, 3]) };
    expect(scoreSd.make()(s).score_sd).toBe(1);
    expect(scoreSd.make()(fakeSnap({ n: 4 })).score_sd).toBeNull();
    expect(scoreSd.make()(fakeSnap({ n: 0, score: [] })).score_sd).toBeNull();
  });
});

describe('ties_dropped and ties_made', () => {
  it('count the changes since the previous record on a square 0–1–2–3–0', () => {
    const adj = Adjacency.fromEdges(4, [0, 1, 2, 3], [1, 2, 3, 0]);
    const drop = tiesDropped.make(), made = tiesMade.make();
    const rec = (step: number) => ({ ...drop(at(adj, step)), ...made(at(adj, step)), tie_count: adj.edgeCount });
    // the built network is not turnover
    expect(rec(0)).toEqual({ ties_dropped: 0, ties_made: 0, tie_count: 4 });
    expect(adj.removeEdge(0, 1)).toBe(true);
    expect(adj.removeEdge(1, 2)).toBe(true);
    expect(adj.removeEdge(1, 2)).toBe(false); // no tie: nothing dropped
    expect(adj.addEdge(0, 2)).toBe(true);
    expect(adj.addEdge(2, 0)).toBe(false); // exists: nothing made
    expect(adj.addEdge(3, 3)).toBe(false); // self-tie: nothing made
    expect(rec(1)).toEqual({ ties_dropped: 2, ties_made: 1, tie_count: 3 });
    // nothing happened since the previous record
    expect(rec(2)).toEqual({ ties_dropped: 0, ties_made: 0, tie_count: 3 });
    // a layer change of a kept tie is neither; setLayer(…, 0) drops the tie; dropped and made again counts both
    expect(adj.setLayer(2, 3, LAYER_OFFLINE)).toBe(true);
    expect(adj.setLayer(2, 3, LAYER_BOTH)).toBe(true);
    expect(adj.setLayer(3, 0, 0)).toBe(true);
    expect(adj.removeEdge(0, 2)).toBe(true);
    expect(adj.addEdge(0, 2, LAYER_ONLINE)).toBe(true);
    expect(rec(3)).toEqual({ ties_dropped: 2, ties_made: 1, tie_count: 2 });
  });

  it('start again from the build for another network, and each run keeps its own window', () => {
    const a = Adjacency.fromEdges(3, [0, 1], [1, 2]);
    const drop = tiesDropped.make();
    expect(drop(at(a, 0)).ties_dropped).toBe(0);
    a.removeEdge(0, 1);
    const b = Adjacency.fromEdges(3, [0], [1]);
    b.removeEdge(0, 1);
    b.addEdge(1, 2);
    b.removeEdge(1, 2);
    expect(drop(at(b, 0)).ties_dropped).toBe(2); // b's own changes since its build
    const other = tiesDropped.make();
    expect(other(at(a, 1)).ties_dropped).toBe(1);
    expect(drop(at(a, 1)).ties_dropped).toBe(1); // a is not b: counted from a's build
  });

  for (const [name, scenario] of [
    [
      'friend-cleanup',
      { seed: 3, steps: 12, population: { agents: 400, householdSize: 1 }, graph: { model: 'erdos-renyi', meanDegree: 8, households: false }, behaviour: {}, regimes: { 'friend-cleanup': { c: 0.2 } } },
    ],
    [
      'social cleanup (layer changes)',
      { seed: 5, steps: 12, population: { agents: 400 }, graph: { model: 'sbm', meanDegree: 8, homophily: 0.5, onlineOnlyShare: 0.5 }, regimes: { sesame: {} }, adaptations: { cleanup: { rate: 0.2, aware: 'all', coupling: 0.3 } } },
    ],
  ] as const) {
    it(`add up to the change of tie_count between records (${name}, recorded every 3 steps)`, async () => {
      const { rows } = await runScenario({ ...scenario, metrics: ['tie_count', 'ties_dropped', 'ties_made'], record: { every: 3 } });
      expect(rows.length).toBe(5);
      expect(rows[0]).toMatchObject({ ties_dropped: 0, ties_made: 0 });
      let dropped = 0;
      for (let r = 1; r < rows.length; r++) {
        const a = rows[r - 1]!, b = rows[r]!;
        expect(b.tie_count, `step ${b.step}`).toBe((a.tie_count as number) + (b.ties_made as number) - (b.ties_dropped as number));
        dropped += b.ties_dropped as number;
      }
      expect(dropped).toBeGreaterThan(0); // the mechanism dropped ties: the identity is not 0 = 0
    });
  }
});
