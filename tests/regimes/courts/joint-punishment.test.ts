/**
 * joint-punishment: exact tests on a tiny world (income cut, proportionality cap, benefits, travel
 * deduplication), the seeded emergence test 1 of issue 3 and a smoke test of the preset.
 */
import { describe, expect, it } from 'vitest';
import { defaults, findPlugin, runScenario, World, type Hooks } from '../../../src/index.js';
import { POLICY } from '../../../src/core/policy.js';

const spec = findPlugin('joint-punishment')!;

function tiny(n: number): World {
  const w = new World(n, 1);
  for (let i = 0; i < n; i++) {
    w.pop.household[i] = i;
    w.pop.income[i] = 10;
  }
  return w;
}

function jp(w: World, over: Record<string, unknown> = {}): Hooks {
  const h = spec.create(w, { ...defaults(spec.params), ...over });
  h.init?.();
  return h;
}

function sanction(w: World, h: Hooks, step = 0): void {
  w.step = step;
  w.day = step;
  w.incomeMult.fill(1);
  h.sanction!();
}

describe('joint-punishment on a tiny world', () => {
  it('cuts the income of anyone on any blacklist by 1 − Π(1 − b·cut), nobody else', () => {
    const w = tiny(4);
    const h = jp(w, { breadth: 0.5 });
    w.lists.get('a', 'black').add(0, 0, 100, -1, false);
    w.lists.get('b', 'black').add(1, 0, 100, -1, false);
    w.lists.get('honours', 'red').add(2, 0, 100, -1, false);
    sanction(w, h);
    const keep = (1 - 0.05) * (1 - 0.01) * (1 - 0.01) * (1 - 0.025);
    expect(w.incomeMult[0]).toBeCloseTo(keep, 6);
    expect(w.incomeMult[1]).toBeCloseTo(keep, 6);
    expect(w.incomeMult[2]).toBe(1);
    expect(w.incomeMult[3]).toBe(1);
    expect(h.record!()).toMatchObject({ jp_sanctioned: 2 });
  });

  it('honours the proportionality cap: cut ≤ cap × severity (list severity column, else 1 per list)', () => {
    const w = tiny(3);
    w.policy.set(POLICY.sanctionCap, 0.02);
    const sev = w.pop.addColumn('severity_court_blacklist', 'f32', 'test', '', false);
    sev[0] = 2;
    const h = jp(w);
    w.lists.get('court-blacklist', 'black').add(0, 0, 100, -1, false);
    w.lists.get('other', 'black').add(1, 0, 100, -1, false);
    sanction(w, h);
    expect(w.incomeMult[0]).toBeCloseTo(1 - 0.04, 6);
    expect(w.incomeMult[1]).toBeCloseTo(1 - 0.02, 6);
  });

  it('withdraws benefits of the listed (breadth 1) but keeps them eligible', () => {
    const w = tiny(2);
    const h = jp(w);
    w.lists.get('x', 'black').add(0, 0, 100, -1, false);
    w.benefit.fill(1);
    w.benefitEligible.fill(1);
    sanction(w, h);
    expect([w.benefit[0], w.benefit[1]]).toEqual([0, 1]);
    expect(w.benefitEligible[0]).toBe(1);
    expect(h.record!()).toMatchObject({ jp_benefits_denied: 1 });
    const w2 = tiny(2);
    const h2 = jp(w2, { denyBenefits: false });
    w2.lists.get('x', 'black').add(0, 0, 100, -1, false);
    w2.benefit.fill(1);
    sanction(w2, h2);
    expect(w2.benefit[0]).toBe(1);
  });

  it('breadth 0 sanctions nothing', () => {
    const w = tiny(200);
    const h = jp(w, { breadth: 0 });
    const l = w.lists.get('x', 'black');
    for (let i = 0; i < 200; i++) l.add(i, 0, 1000, -1, false);
    for (let s = 0; s < 365; s++) sanction(w, h, s);
    expect(w.incomeMult.every((x) => x === 1)).toBe(true);
    expect(w.stats.extra.get('blocked_flights') ?? 0).toBe(0);
  });

  it('an agent banned by the court and by joint punishment has its trips drawn once per step', () => {
    const court = findPlugin('court-blacklist')!;
    const run = (withJp: boolean) => {
      const w = tiny(500);
      const hc = court.create(w, defaults(court.params));
      const hj = withJp ? jp(w) : null;
      const l = w.lists.get('court-blacklist', 'black');
      for (let i = 0; i < 500; i++) l.add(i, 0, 10_000, -1, false);
      for (let s = 0; s < 365; s++) {
        w.step = s;
        w.day = s;
        hc.publish!();
        w.incomeMult.fill(1);
        hj?.sanction!();
      }
      return w.stats.extra.get('blocked_flights')!;
    };
    expect(run(true)).toBe(run(false));
  });
});

describe('emergence 1: joint punishment impoverishes the listed and keeps the bottom at the bottom', () => {
  // Seeded, same seed with joint-punishment on vs off (court-blacklist in both). World: 20,000 agents,
  // 2 years in weekly steps; defaults driven mostly by financial stress (stressGain 20, base finance
  // propensity 0.0003/day, wealth median 100 days of income); listing as practised, whether or not the
  // person can pay (requireAbility false); every default observed (detect finance 1) so that both runs
  // see the same records and the court's per-agent draws pair the runs exactly.
  // "Poorer than never-listed agents of the same initial wealth": within each initial-wealth quintile,
  // gap = mean wealth change of never-listed − that of ever-listed. Stress is measured in days of
  // income, so at equal wealth the listed tend to have higher incomes and save more: in the control
  // the gap is not positive in every quintile (seed 1: −148, −212, −84, −404, 302). Asserted: joint
  // punishment widens the gap in every quintile (seeds 1–6: by +2,379 … +4,468, all positive), and
  // with it the gap pooled over quintiles is positive (seeds 1–6: 3,472 … 3,853).
  // bottom_persistence: in this economy a sanction cuts only the saved share of income (standard
  // behaviour), and pushing listed agents into the bottom decile displaces others, so the effect is
  // small: −0.00015 … +0.00230 on seeds 1–6 at 20,000 agents (five positive, seed 2 negative),
  // +0.0003 … +0.0041 on seeds 1–12 at 10,000 (all positive). Tolerance: strictly higher on seed 1
  // (measured +0.00085). Re-measured after blocked tickets became lost opportunities (seed 1 at
  // 20,000 was +0.00090 just before).
  async function run(withJp: boolean) {
    const regimes: Record<string, unknown> = { 'court-blacklist': { requireAbility: false } };
    if (withJp) regimes['joint-punishment'] = {};
    const r = await runScenario({
      seed: 1,
      steps: 104,
      daysPerStep: 7,
      population: { agents: 20000, wealthMedian: 10000, traits: { finance: 0.0003 } },
      graph: { model: 'sbm', meanDegree: 10, homophily: 0.5 },
      detect: { finance: 1 },
      behaviour: { standard: { stressGain: 20 } },
      regimes,
      metrics: ['bottom_persistence', 'gini_wealth'],
      record: { every: 1 },
    });
    const w = r.world;
    const n = w.n;
    const w0 = w.pop.column('wealth_initial') as Float64Array;
    const ever = w.lists.get('court-blacklist').ever;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => w0[a]! - w0[b]!);
    const gaps: number[] = [];
    let pooled = 0;
    for (let q = 0; q < 5; q++) {
      let se = 0, ce = 0, sn = 0, cn = 0;
      for (let k = (q * n) / 5; k < ((q + 1) * n) / 5; k++) {
        const i = order[k]!;
        const dw = w.pop.wealth[i]! - w0[i]!;
        if (ever[i]) (se += dw), ce++;
        else (sn += dw), cn++;
      }
      gaps.push(sn / cn - se / ce);
      pooled += (sn / cn - se / ce) / 5;
    }
    return { bp: r.rows[r.rows.length - 1]!.bottom_persistence as number, gaps, pooled };
  }

  it('ever-listed end poorer than never-listed of the same initial wealth; bottom_persistence rises', async () => {
    const off = await run(false);
    const on = await run(true);
    for (let q = 0; q < 5; q++) expect(on.gaps[q]!).toBeGreaterThan(off.gaps[q]! + 100);
    expect(on.pooled).toBeGreaterThan(0);
    expect(on.bp).toBeGreaterThan(off.bp);
  });
});

describe('joint-punishment preset', () => {
  it('runs at tiny size', async () => {
    const r = await runScenario('joint-punishment', { agents: 300, steps: 30 });
    expect(r.columns).toContain('jp_sanctioned');
  });
});
