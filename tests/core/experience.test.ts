/**
 * The experience channel's timing (src/core/experience.ts): a sanction reported during the adapt
 * stage comes after that step's readers (perceptions are updated at the start of the adapt stage),
 * so it is held and lived through in the next step, not dropped when the channel is cleared.
 *
 * 1. The channel alone: a report before the adapt stage is visible in its step; one made during
 *    the adapt stage is not, is visible after the next clear, and is gone after the one after.
 * 2. Through perception. A test regime `test-report` reports a (costless) law sanction for each
 *    recorded law violation, at its sanction stage or at its adapt stage; arm `off` reports
 *    nothing (the rule kept, the cause removed). World (seed 2): 1,000 agents, Erdős–Rényi mean
 *    degree 6, 60 weekly steps, detect law 0.5. Perceived certainty ĉ (law), mean at the end:
 *    measured 0.0198 with no reports, 0.1625 reported at the sanction stage, 0.1622 reported at the
 *    adapt stage (one step later; the last step's reports are still held at the end; before the
 *    reports were held, the adapt arm was the control's 0.0198). Costless
 *    sanctions do not deter, so all three arms have the same acts. Asserted: the adapt arm's ĉ is
 *    at least 0.05 above the control and within 2% of the sanction-stage arm; acts identical.
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, DOMAIN_INDEX, Experience, buildSimulation, defineRegime, oneOf, prepareScenario, registerPlugin } from '../../src/index.js';
import type { Perception } from '../../src/behaviour/perception.js';

const L = DOMAIN_INDEX.law;

describe('experience: reports of the adapt stage', () => {
  it('are held for the next step, then cleared', () => {
    const x = new Experience(3);
    x.clear();
    x.sanction(0, L, true);
    expect(x.sanctioned[0]).toBe(1 << L);
    x.beginAdapt();
    x.sanction(1, L);
    x.reward(2, DOMAIN_INDEX.civic);
    expect(x.sanctioned[1]).toBe(0);
    expect(x.rewarded[2]).toBe(0);
    expect(x.sanctions[L]).toBe(1);
    x.clear(); // next step
    expect(x.sanctioned[0]).toBe(0);
    expect(x.sanctioned[1]).toBe(1 << L);
    expect(x.rewarded[2]).toBe(1 << DOMAIN_INDEX.civic);
    expect(x.sanctions[L]).toBe(1);
    expect(x.published[L]).toBe(0);
    x.sanction(0, L); // before the adapt stage: this step
    expect(x.sanctions[L]).toBe(2);
    x.clear();
    expect(x.sanctioned[1]).toBe(0);
    expect(x.sanctioned[0]).toBe(0);
    expect(x.rewarded[2]).toBe(0);
    expect(x.sanctions[L]).toBe(0);
  });
});

const testReport = defineRegime({
  id: 'test-report',
  title: 'test: costless law sanctions reported at a chosen stage',
  summary: 'test only',
  doc: 'test only',
  sources: [],
  params: { stage: oneOf('sanction', ['sanction', 'adapt', 'off'] as const, { doc: 'stage at which the sanctions are reported' }) },
  create(world, p) {
    let held: number[] = [];
    const report = (agents: number[]) => {
      for (const i of agents) world.experience.sanction(i, L);
    };
    return {
      score() {
        held = [];
        const r = world.records;
        for (let k = 0; k < r.length; k++) if (r.domain[k] === L && r.kind[k] === ACT_VIOLATION) held.push(r.agent[k]!);
      },
      sanction() {
        if (p.stage === 'sanction') report(held);
      },
      adapt() {
        if (p.stage === 'adapt') report(held);
      },
    };
  },
});
registerPlugin(testReport);

async function run(stage: string) {
  const loaded = await prepareScenario(
    {
      seed: 2,
      steps: 60,
      daysPerStep: 7,
      population: { agents: 1000 },
      graph: { model: 'erdos-renyi', meanDegree: 6, households: false },
      detect: { law: 0.5 },
      regimes: { 'test-report': { stage } },
      metrics: ['violation_rate'],
      record: { every: 60 },
    },
    '(experience test)',
  );
  const sim = buildSimulation(loaded.scenario, { plugins: loaded.plugins });
  sim.init();
  let acts = 0;
  for (let s = 0; s < 60; s++) {
    sim.step();
    const a = sim.world.acts;
    for (let k = 0; k < a.length; k++) if (a.kind[k] === ACT_VIOLATION && a.domain[k] === L) acts++;
  }
  const per = sim.world.services.get('behaviour:perception') as Perception;
  let c = 0;
  for (let i = 0; i < sim.world.n; i++) c += per.certainty(sim.world, L, i) / sim.world.n;
  return { acts, c };
}

describe('experience: a sanction reported at the adapt stage is perceived', () => {
  it('in the next step, as much as one reported at the sanction stage (seeded, with control)', async () => {
    const off = await run('off');
    const atSanction = await run('sanction');
    const atAdapt = await run('adapt');
    if (process.env.SCORELAB_PRINT) console.log(JSON.stringify({ off, atSanction, atAdapt }));
    expect(atAdapt.c).toBeGreaterThan(off.c + 0.05);
    expect(Math.abs(atAdapt.c - atSanction.c)).toBeLessThan(0.02 * atSanction.c);
    expect(atAdapt.acts).toBe(off.acts);
    expect(atSanction.acts).toBe(off.acts);
  }, 60_000);
});
