/**
 * Predictive profiling's feedback loop (MODEL.md; Ensign et al., FAT* 2018): a model trained on
 * records, watching whom it predicts, "finds" more offences among those it watches than their
 * share of true offences — and without extra watching it does not.
 *
 * Setting: 5,000 agents, seed 1, 364 daily steps recorded every 28 days, no regime; the model
 * targets the top 5% by decayed record count every 30 days. Measured: the mean over rows after the
 * first quarter of profiled_record_share (share of law/commerce violation records falling on the
 * targets) and profiled_act_share (their share of true violations). Seed 1: boost 1 → 0.082 vs
 * 0.081 (ratio 1.01); boost 3 → 0.199 vs 0.077 (ratio 2.57). Tolerances: ratio within 0.2 of 1 at
 * boost 1; above 2 at boost 3; the true acts of the targets are not raised by watching (act share
 * at boost 3 below that at boost 1 + 0.02).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

async function shares(boost: number) {
  const { rows } = await runScenario({
    name: 'profiling-test',
    seed: 1,
    steps: 364,
    population: { agents: 5000 },
    graph: { model: 'erdos-renyi', meanDegree: 6 },
    observation: { 'predictive-profiling': { boost } },
    regimes: { baseline: {} },
    metrics: ['violation_rate'],
    record: { every: 28 },
  });
  const body = rows.slice(3);
  const m = (k: string) => body.reduce((s, r) => s + (r[k] as number), 0) / body.length;
  return { rec: m('profiled_record_share'), act: m('profiled_act_share') };
}

describe('predictive profiling feedback', () => {
  it('records concentrate on the watched beyond their share of true acts, only when watching is boosted', async () => {
    const flat = await shares(1);
    const boosted = await shares(3);
    expect(Math.abs(flat.rec / flat.act - 1)).toBeLessThan(0.2);
    expect(boosted.rec / boosted.act).toBeGreaterThan(2);
    expect(boosted.act).toBeLessThan(flat.act + 0.02);
  });
});
