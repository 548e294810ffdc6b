/**
 * Exact tests of the perception update and the response factors (src/behaviour/perception.ts) on
 * a tiny hand-computed world: 3 agents, ties 0–1 and 0–2, weekly steps, memoryDays = 7/ln 2 so that
 * the forgetting factor γ is exactly 1/2, publicity 3 (other parameters at their defaults: w₀ = 2,
 * c₀ = 0.05 for those who do not know the rules, w_S = 1, ω_v = 1, κ = 1, a = 1, b = 0.5, S_ref = 30).
 * Agent 0 knows the rules (detect law 0.4, watch 1) and violates in law; agent 1 is sanctioned for
 * law (published) and loses half its income (3.5 days of income in the week); agent 2 is rewarded
 * and gains 20% of income plus a benefit. All expected values are worked out by hand in the comments;
 * tolerance 1e-6 (the chances per step are stored as 32-bit floats).
 */
import { describe, expect, it } from 'vitest';
import { DOMAIN_INDEX, World, defaults } from '../../src/index.js';
import { Perception, perceptionParams, rewardFactor, violationFactor, type PerceptionParams } from '../../src/behaviour/perception.js';

const L = DOMAIN_INDEX.law;
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6);

function tiny() {
  const w = new World(3, 1, 7);
  w.adj.addEdge(0, 1);
  w.adj.addEdge(0, 2);
  w.pop.knowledge[0] = 1;
  w.detect[L * 2] = 0.4;
  const p = { ...defaults(perceptionParams()), memoryDays: 7 / Math.LN2, publicity: 3 } as PerceptionParams;
  const per = new Perception(3, p);
  for (let i = 0; i < 3; i++) per.goodChance[i] = 0.5;
  per.chance[L * 3 + 0] = 0.1;
  per.chance[L * 3 + 1] = 0.2;
  per.chance[L * 3 + 2] = 0.2;
  return { w, p, per };
}

describe('perception on a tiny world', () => {
  it('folds own, neighbours’ and published sanctions into certainty and severity', () => {
    const { w, p, per } = tiny();
    // step 1
    per.acted[L * 3 + 0] = 1;
    per.goodActed[2] = 1;
    w.experience.clear();
    w.experience.sanction(1, L, true);
    w.experience.reward(2, DOMAIN_INDEX.civic);
    w.incomeMult[1] = 0.5;
    w.incomeMult[2] = 1.2;
    w.benefit[2] = 1;
    w.experience.settle(w.incomeMult, w.lostOpportunity, 7);
    per.update(w, [L]);
    // agent 0: A = ω_v·1 (neighbour 1) + ω_p·(1/3) = 2; T = 1 (own act) + 2·0.1 + 3·0.1 = 1.5
    // ĉ = (2·0.4 + 2)/(2 + 1.5) = 0.8; N = 1, L = 3.5 (neighbour 1's loss, all put down to law) → Ŝ = 3.5/2
    close(per.certainty(w, L, 0), 0.8);
    close(per.severity(L, 0), 1.75);
    // agent 1: A = 1 (own) + 1 (published) = 2; T = 0.2 + 0.6 = 0.8; prior 0.05 → ĉ = 2.1/2.8 = 0.75; Ŝ = 3.5/2
    close(per.certainty(w, L, 1), 0.75);
    close(per.severity(L, 1), 1.75);
    // agent 2: A = 1 (published); T = 0.8 → ĉ = 1.1/2.8; saw no sanction's cost → Ŝ = 0 → m = 1
    close(per.certainty(w, L, 2), 1.1 / 2.8);
    expect(per.severity(L, 2)).toBe(0);
    // m = 1/(1 + 0.8·√(1.75/30))
    close(violationFactor(per.certainty(w, L, 0), per.severity(L, 0), p), 1 / (1 + 0.8 * Math.sqrt(1.75 / 30)));
    expect(violationFactor(per.certainty(w, L, 2), per.severity(L, 2), p)).toBe(1);
    // rewards: agent 2 gained (1.2 − 1)·7 + 1 (benefit) = 2.4 days; R_A = 1, R_T = 1 + 1·0.5 → r̂ = 1/3.5, V̂ = 2.4/2
    close(per.rewardChance(2), 1 / 3.5);
    close(per.rewardValue(2), 1.2);
    // agent 0 saw neighbour 2's reward: r̂ = 1/(2 + 2·0.5) = 1/3, V̂ = 1.2; g = 1 + (1/3)·√(1.2/30)
    close(per.rewardChance(0), 1 / 3);
    close(rewardFactor(per.rewardChance(0), per.rewardValue(0), p), 1 + (1 / 3) * Math.sqrt(1.2 / 30));
    expect(per.rewardChance(1)).toBe(0);

    // step 2: nothing new happens, agent 1's income cut goes on
    per.acted.fill(0);
    per.goodActed.fill(0);
    w.experience.clear();
    w.benefit.fill(0);
    w.incomeMult.fill(1);
    w.incomeMult[1] = 0.5;
    w.experience.settle(w.incomeMult, w.lostOpportunity, 7);
    per.update(w, [L]);
    // agent 0: A = 2/2 = 1; T = 1.5/2 + 0.2 + 0.3 = 1.25 → ĉ = 1.8/3.25; N = 0.5, L = 3.5/2 + 3.5 → Ŝ = 5.25/1.5
    close(per.certainty(w, L, 0), 1.8 / 3.25);
    close(per.severity(L, 0), 3.5);
    // agent 1 (own loss still put down to its law sanction, O = 0.5): N = 0.5, L = 1.75 + 3.5 → Ŝ = 3.5
    close(per.severity(L, 1), 3.5);
  });

  it('the factors: 1 without a sanction cost or without certainty; doubling certainty deters more than doubling severity', () => {
    const p = defaults(perceptionParams()) as PerceptionParams;
    expect(violationFactor(0.5, 0, p)).toBe(1);
    expect(violationFactor(0, 30, p)).toBe(1);
    expect(rewardFactor(0.5, 0, p)).toBe(1);
    close(violationFactor(0.5, 30, p), 1 / 1.5);
    const base = violationFactor(0.2, 15, p);
    const c2 = violationFactor(0.4, 15, p);
    const s2 = violationFactor(0.2, 30, p);
    close(c2, 1 / (1 + 0.4 * Math.sqrt(0.5)));
    close(s2, 1 / (1 + 0.2));
    expect(c2).toBeLessThan(s2);
    expect(s2).toBeLessThan(base);
  });
});
