/**
 * The deciders of the safeguards (src/safeguards/util.ts): a Decider weighs the evidence of a case,
 * never its label; a Contest is the person's side. Exact tests and seeded checks on hand-made cases.
 *
 * Cases: 4,000 true (evidence 1.5 + z) and 4,000 mistaken (evidence z) law records, defense
 * q_d·[mistaken] + z′ with q_d = 1, z from a seeded test stream. The error rates of an ideal observer
 * with d′² = q_f² + q_l² (+ q_d² with an answer) and criterion λ are Φ((λ + D²/2)/D) for a mistaken
 * case upheld … (see util.ts); the test checks the implementation against them (3 sd ≈ 0.022).
 * Controls: a decider that does not look (diligence 0) decides every case the same under any
 * caseload; with bias 0 independence changes nothing; in both, the same settings with the cause
 * present change decisions (asserted, so the control can fail).
 */
import { describe, expect, it } from 'vitest';
import { DOMAIN_INDEX } from '../../src/core/population.js';
import { makeRng } from '../../src/core/rng.js';
import { normalCdf } from '../../src/core/truth.js';
import { World } from '../../src/core/world.js';
import { Contest, Decider, type DeciderSettings } from '../../src/safeguards/util.js';

const L = DOMAIN_INDEX.law;
const M = 4000;
function world(): { w: World; ids: number[]; wrong: boolean[] } {
  const w = new World(2 * M, 3);
  const r = makeRng('decider-test');
  const ids: number[] = [], wrong: boolean[] = [];
  for (let k = 0; k < 2 * M; k++) {
    const m = k % 2 === 1;
    ids.push(w.cases.make((m ? 0 : 1.5) + r.normal(), (m ? 1 : 0) + r.normal(), m, L, 1));
    wrong.push(m);
  }
  return { w, ids, wrong };
}
const S: DeciderSettings = { diligence: 1, casesPerDay: 10, staffPer1000: 1, independence: 0.5, bias: 2, standard: 0 };
/** Decisions (1 = upheld) for every case; the agent key of case k is k. */
const decide = (w: World, d: Decider, ids: number[], answered = false) => ids.map((c, k) => (d.upholds(c, k, 0, 0, answered) ? 1 : 0));

describe('Decider', () => {
  it('error rates both ways are those of an ideal observer of the evidence', () => {
    const { w, ids, wrong } = world();
    for (const answered of [false, true]) {
      const d = new Decider(w, 'test', S);
      const up = decide(w, d, ids, answered);
      const D = Math.sqrt(1.5 ** 2 + 1 + (answered ? 1 : 0));
      const lam = -1;
      let upWrong = 0, struckTrue = 0;
      for (let k = 0; k < ids.length; k++) {
        if (wrong[k]) upWrong += up[k]!;
        else struckTrue += 1 - up[k]!;
      }
      expect(Math.abs(upWrong / M - (1 - normalCdf((lam + D * D / 2) / D)))).toBeLessThan(0.022);
      expect(Math.abs(struckTrue / M - normalCdf((lam - D * D / 2) / D))).toBeLessThan(0.022);
    }
  });

  it('better evidence lowers both error rates', () => {
    const errs = (q: number) => {
      const w = new World(2 * M, 3);
      w.evidenceQuality.fill(q);
      const r = makeRng('decider-q');
      let err = [0, 0];
      const d = new Decider(w, 'test', S);
      for (let k = 0; k < 2 * M; k++) {
        const m = k % 2 === 1;
        const c = w.cases.make((m ? 0 : q) + r.normal(), r.normal(), m, L, 1);
        const up = d.upholds(c, k, 0, 0, false);
        if (m && up) err[0]!++;
        if (!m && !up) err[1]!++;
      }
      return err;
    };
    const lo = errs(0.5), hi = errs(2.5);
    expect(hi[0]).toBeLessThan(lo[0]! * 0.7);
    expect(hi[1]).toBeLessThan(lo[1]! * 0.7);
  });

  it('caseload: over capacity each case gets less time and d′ falls as √(time share); without an own look caseload changes nothing (control)', () => {
    const { w, ids } = world();
    const d = new Decider(w, 'test', S);
    expect(d.capacityPerDay).toBe(80); // 10 cases × 1 staff per 1,000 × 8,000 agents
    expect(d.load(80, 1)).toBe(1);
    expect(d.load(320, 1)).toBe(0.25);
    expect(d.lookQuality).toBe(0.5);
    const fresh = (s: DeciderSettings, load: number) => {
      const x = new Decider(w, 'test', s);
      x.load(load, 1);
      return decide(w, x, ids);
    };
    expect(fresh(S, 1e6)).not.toEqual(fresh(S, 1)); // the cause present: caseload changes decisions
    const blind = { ...S, diligence: 0 };
    expect(fresh(blind, 1e6)).toEqual(fresh(blind, 1)); // control: no own look, caseload irrelevant
  });

  it('arrive(): the time share of a step comes from the previous step’s cases per day', () => {
    const w = new World(1000, 1, 2);
    const d = new Decider(w, 'test', { ...S, casesPerDay: 5 }); // capacity 5 per day
    w.step = 0;
    for (let k = 0; k < 40; k++) d.arrive();
    expect(d.timeShare).toBe(1);
    w.step = 1;
    d.arrive(); // 40 cases in a 2-day step: 20 per day
    expect(d.timeShare).toBe(0.25);
    w.step = 3; // a step without cases in between: no load
    d.arrive();
    expect(d.timeShare).toBe(1);
  });

  it('independence moves the criterion: a dependent decider upholds more; with bias 0 it changes nothing (control)', () => {
    const { w, ids } = world();
    const run = (s: DeciderSettings) => decide(w, new Decider(w, 'test', s), ids);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(run({ ...S, independence: 0 }))).toBeGreaterThan(sum(run({ ...S, independence: 1 })) + 500);
    expect(run({ ...S, bias: 0, independence: 0 })).toEqual(run({ ...S, bias: 0, independence: 1 }));
  });

  it('decisions are keyed draws: the order in which cases are decided does not matter', () => {
    const { w, ids } = world();
    const fwd = decide(w, new Decider(w, 'test', S), ids);
    const d = new Decider(w, 'test', S);
    const back: number[] = new Array(ids.length);
    for (let k = ids.length - 1; k >= 0; k--) back[k] = d.upholds(ids[k]!, k, 0, 0, false) ? 1 : 0;
    expect(back).toEqual(fwd);
  });
});

describe('Contest (the person)', () => {
  it('knows of a listing from notice, a published list they follow, or a loss; affords; can show', () => {
    const w = new World(6, 1);
    const l = w.lists.get('court', 'black');
    const strong = w.cases.make(0, 2, true, L), weak = w.cases.make(0, -1, true, L);
    for (let i = 0; i < 5; i++) l.add(i, 0, 100, i === 4 ? weak : strong, i === 0);
    w.pop.income.fill(10);
    w.pop.wealth.fill(1000);
    w.pop.wealth[3] = 50;
    w.experience.opportunitiesLost[2] = 1;
    const p = new Contest(w, { rate: 1, costDays: 10, contestAt: 0.5 });
    expect([0, 1, 2, 3, 4].map((i) => p.knowsOf(l, i))).toEqual([true, false, true, false, false]);
    w.experience.opportunitiesLost[2] = 0;
    expect(p.knowsOf(l, 2)).toBe(true); // remembered for this listing
    l.published = true;
    w.pop.knowledge[1] = 1;
    expect(p.knowsOf(l, 1)).toBe(true);
    expect([p.affords(0), p.affords(3)]).toEqual([true, false]);
    expect([p.canShow(strong), p.canShow(weak)]).toEqual([true, false]);
    w.pop.knowledge[4] = 1;
    expect([0, 1, 2, 3, 4].map((i) => p.willing(l, i))).toEqual([true, true, true, false, false]);
  });
});
