/**
 * Emergence tests 1 and 2 (issue 5): social cleanup under Sesame Credit with friend effects.
 *
 * World: 2,000 agents, SBM (mean degree 10, homophily 0.5) plus household cliques, 100 daily steps,
 * seed 7; `sesame` with friendWeight 0.3 and everyone a member (joinShare 1, so the score, not
 * membership, drives who is dropped); `cleanup` rate 0.05/day, look 'score', threshold 0.05.
 *
 * 1. Friendships online only (graph.onlineOnlyShare 1; households stay offline). With cleanup on,
 *    score_assortativity and stratum_modularity rise and cross_stratum_tie_share falls over the run;
 *    with cleanup off (same seed) they stay put. Measured: on 0.043 → 0.389, 0.006 → 0.119,
 *    0.794 → 0.649; off 0.043 → 0.039, 0.006 → 0.006, 0.794 → 0.795. Tolerances: on, a rise of at
 *    least 0.15 / 0.05 and a fall of at least 0.05; off, changes within ±0.02 / ±0.01 / ±0.01.
 * 2. Friendships of both layers (onlineOnlyShare 0): dropping the online part spills into the
 *    offline part with probability `coupling`. With coupling 0.5 the offline cross-stratum share
 *    (cross_stratum_tie_share_offline) falls (measured 0.794 → 0.762), with coupling 0 it does not
 *    (0.794 → 0.796, as the control without cleanup, 0.795). Tolerances: a fall of at least 0.02
 *    with coupling, within ±0.01 of the control without.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

type Row = Record<string, number | null>;

async function run(cleanup: Record<string, unknown> | null, onlineOnlyShare: number) {
  const r = await runScenario({
    seed: 7,
    steps: 100,
    population: { agents: 2000 },
    graph: { model: 'sbm', meanDegree: 10, homophily: 0.5, households: true, onlineOnlyShare },
    regimes: { sesame: { friendWeight: 0.3, joinShare: 1 } },
    adaptations: cleanup ? { cleanup: { rate: 0.05, look: 'score', threshold: 0.05, ...cleanup } } : {},
    metrics: ['score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share', 'tie_count'],
    record: { every: 50 },
  });
  const rows = r.rows as Row[];
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return (k: string) => ({ start: first[k]!, end: last[k]!, change: last[k]! - first[k]! });
}

describe('emergence: social cleanup', () => {
  it('1. segregates the network by score with cleanup on, not with it off', async () => {
    const on = await run({}, 1);
    const off = await run(null, 1);
    expect(on('score_assortativity').change).toBeGreaterThan(0.15);
    expect(on('stratum_modularity').change).toBeGreaterThan(0.05);
    expect(on('cross_stratum_tie_share').change).toBeLessThan(-0.05);
    expect(Math.abs(off('score_assortativity').change)).toBeLessThan(0.02);
    expect(Math.abs(off('stratum_modularity').change)).toBeLessThan(0.01);
    expect(Math.abs(off('cross_stratum_tie_share').change)).toBeLessThan(0.01);
  });

  it('2. offline cross-stratum ties fall with coupling > 0, not with coupling 0', async () => {
    const coupled = await run({ coupling: 0.5 }, 0);
    const uncoupled = await run({ coupling: 0 }, 0);
    const off = await run(null, 0);
    const k = 'cross_stratum_tie_share_offline';
    expect(coupled(k).change).toBeLessThan(-0.02);
    expect(Math.abs(uncoupled(k).end - off(k).end)).toBeLessThan(0.01);
    expect(Math.abs(uncoupled(k).change)).toBeLessThan(0.01);
    // the online layer is cleaned in both cases
    expect(uncoupled('cross_stratum_tie_share_online').change).toBeLessThan(-0.05);
  });
});
