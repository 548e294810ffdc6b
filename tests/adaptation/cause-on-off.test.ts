/**
 * Two adaptations whose effect had no seeded test with its cause switched off: `opt-in` and
 * `appealing`. Same seed in every arm; each control keeps the rule and removes the cause.
 *
 * 1. opt-in (cause: what joining brings). Sesame with `opt-in`, 2,000 agents, Erdős–Rényi mean
 *    degree 6, 180 daily steps, seed 1. Measured optin_share at the end: 0.667 with Sesame's
 *    thresholds (550, 650, 750: members above them get benefits); 0.0075 when the thresholds are
 *    out of reach (948, 949, 950: joining brings nothing, only its cost; the few who join are
 *    taste shocks). Asserted: > 0.5 with benefits, < 0.05 without.
 * 2. appealing (cause: a listed person who knows of the listing, can afford it and can show
 *    something decides to appeal). The listing world of tests/safeguards/evidence-world.ts
 *    (misidentification → risk-list, 2,000 agents, 150 daily steps, seed 1) with `notice` (people
 *    learn of their listing) and `appeals`, whose filing is the adaptation's decision. Measured:
 *    mean wrongful_listed_share 0.0352 with appealing, 0.0398 when nobody holds exculpatory
 *    evidence worth bringing (contestAt 100: the rule kept, the cause removed) — 170 appeals filed
 *    and 44 won against 0 and 0; mean appeal_intent_share 0.021 against 0. Asserted: the
 *    control files nothing; wrongful listings at least 5% lower with the cause on.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('opt-in: joining follows what joining brings', () => {
  it('many join when members get benefits; almost nobody when the thresholds are out of reach (seeded, with control)', async () => {
    const share = async (thresholds?: number[]) => {
      const r = await runScenario({
        seed: 1,
        steps: 180,
        population: { agents: 2000 },
        graph: { model: 'erdos-renyi', meanDegree: 6 },
        regimes: { sesame: thresholds ? { thresholds } : {} },
        adaptations: { 'opt-in': {} },
        metrics: ['mean_score'],
        record: { every: 30 },
      });
      return r.rows.at(-1)!.optin_share as number;
    };
    const on = await share();
    const off = await share([948, 949, 950]);
    if (process.env.SCORELAB_PRINT) console.log(JSON.stringify({ on, off }));
    expect(on).toBeGreaterThan(0.5);
    expect(off).toBeLessThan(0.05);
  }, 60_000);
});

describe('appealing: appeals come from people who can show something', () => {
  it('cuts wrongful listings; with nothing to show nobody appeals (seeded, with control)', async () => {
    const run = async (appealing: Record<string, unknown>) => {
      const r = await runScenario({
        seed: 1,
        steps: 150,
        population: { agents: 2000, traits: { law: 0.006 } },
        graph: { model: 'erdos-renyi', meanDegree: 4 },
        observation: { misidentification: { baseRate: 0.0005, falseMatchRatio: 10 } },
        regimes: { 'risk-list': { windowDays: 90, termDays: 90 } },
        safeguards: { appeals: {}, notice: {} },
        adaptations: { appealing },
        metrics: ['wrongful_listed_share', 'listed_share'],
        record: { every: 5 },
      });
      const rows = r.rows.slice(1);
      const sum = (k: string) => rows.reduce((a, x) => a + ((x[k] as number) ?? 0), 0);
      return { wrongful: mean(rows.map((x) => x.wrongful_listed_share as number)), intent: mean(rows.map((x) => (x.appeal_intent_share as number) ?? 0)), filed: sum('appeals_filed'), won: sum('appeals_won') };
    };
    const on = await run({});
    const off = await run({ contestAt: 100 });
    if (process.env.SCORELAB_PRINT) console.log(JSON.stringify({ on, off }));
    expect(off.filed).toBe(0);
    expect(off.intent).toBe(0);
    expect(on.filed).toBeGreaterThan(50);
    expect(on.won).toBeGreaterThan(0);
    expect(on.wrongful).toBeLessThan(0.95 * off.wrongful);
  }, 60_000);
});
