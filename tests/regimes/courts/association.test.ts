/**
 * Association sanctions (src/regimes/courts/association.ts, option of court-blacklist and
 * joint-punishment): exact tests on a tiny world, the seeded emergence test 4 of issue 3 and a smoke
 * test of the association-sanctions preset.
 */
import { describe, expect, it } from 'vitest';
import { defaults, findPlugin, runScenario, World, type Hooks } from '../../../src/index.js';

/** Households: {0, 1, 2}, {3, 4}, {5}. Income 100. */
function tiny(): World {
  const w = new World(6, 1);
  [0, 0, 0, 1, 1, 2].forEach((h, i) => {
    w.pop.household[i] = h;
    w.pop.income[i] = 100;
  });
  return w;
}

function create(id: string, w: World, over: Record<string, unknown>): Hooks {
  const spec = findPlugin(id)!;
  const h = spec.create(w, { ...defaults(spec.params), ...over });
  h.init?.();
  return h;
}

describe('association sanctions on a tiny world', () => {
  it('household members of a listed person, not the person, lose admissions and income potential', () => {
    const w = tiny();
    // admissionRate so high that every member faces a decision each step; strength 1: always denied
    const h = create('joint-punishment', w, { association: true, admissionRate: 1e6, schoolingPenalty: 0.1 });
    w.lists.get('x', 'black').add(0, 0, 100, -1, false);
    w.lists.get('x', 'black').add(5, 0, 100, -1, false);
    w.step = 0;
    h.sanction!();
    expect(Array.from(w.lostOpportunity)).toEqual([0, 1, 1, 0, 0, 0]);
    expect(Array.from(w.pop.income)).toEqual([100, 90, 90, 100, 100, 100]);
    expect(h.record!()).toMatchObject({ school_admissions_denied: 1 + 1 });
    w.step = 1;
    h.sanction!();
    expect(Array.from(w.lostOpportunity)).toEqual([0, 2, 2, 0, 0, 0]);
    expect(w.pop.income[1]).toBeCloseTo(81, 9);
  });

  it('two listed members sanction each other; court and joint punishment together deny once per step', () => {
    const w = tiny();
    const hj = create('joint-punishment', w, { association: true, admissionRate: 1e6 });
    const hc = create('court-blacklist', w, { association: true, admissionRate: 1e6 });
    const court = w.lists.get('court-blacklist', 'black');
    court.add(3, 0, 100, -1, false);
    court.add(4, 0, 100, -1, false);
    w.step = 0;
    hc.sanction!();
    hj.sanction!();
    expect(Array.from(w.lostOpportunity)).toEqual([0, 0, 0, 1, 1, 0]);
  });

  it('is off by default, and strength 0 denies nothing', () => {
    const w = tiny();
    const h = create('joint-punishment', w, { admissionRate: 1e6 });
    w.lists.get('x', 'black').add(0, 0, 100, -1, false);
    w.step = 0;
    h.sanction!();
    const h2 = create('court-blacklist', w, { association: true, associationStrength: 0, admissionRate: 1e6 });
    w.lists.get('court-blacklist', 'black').add(0, 0, 100, -1, false);
    h2.sanction!();
    expect(Array.from(w.lostOpportunity)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('emergence 4: association sanctions reach the household', () => {
  // Seeded, same seed (2), association on vs off (court-blacklist + joint-punishment in both), in a
  // world where something else also takes opportunities from people who were never listed:
  // uk-scoring's employers turn down applicants with a low score. 10,000 agents, one year in weekly
  // steps, finance propensity 0.0005/day for more listings, admissionRate 0.5 per member-year so
  // that every quintile sees admission decisions. Among agents never listed themselves, within
  // initial-wealth quintiles: mean lost opportunities of members of households with an ever-listed
  // member minus those of members of other households (the gap). The effect of association is the
  // gap with it on minus the gap with it off (members of listed households lose some opportunities
  // to low scores either way). Control (the rule kept, the cause removed): households of one person
  // (householdSize 1), so nobody shares a household with a listed person: no admission denied and
  // no member of a listed household; opportunities are still lost to uk-scoring.
  // Measured (seed 2), members / others by quintile: on 0.167/0.028, 0.138/0.014, 0.205/0.008,
  // 0.183/0.007, 0.130/0.002 (115–146 members each); off 0.029/0.028, 0.041/0.014, 0.021/0.008,
  // 0/0.007, 0/0.002; effect 0.138, 0.097, 0.184, 0.183, 0.130; 99 admissions denied; control 0
  // denied, others 0.029 … 0.001. Asserted: effect > 0.05 in every quintile; others lose some in
  // both arms (the comparison is not against an empty baseline); control: no denial, no member.
  async function run(association: boolean, householdSize?: number) {
    const r = await runScenario({
      seed: 2,
      steps: 52,
      daysPerStep: 7,
      population: { agents: 10000, traits: { finance: 0.0005 }, ...(householdSize ? { householdSize } : {}) },
      graph: { model: 'sbm', meanDegree: 10, homophily: 0.5 },
      regimes: { 'court-blacklist': {}, 'joint-punishment': { association, admissionRate: 0.5 }, 'uk-scoring': {} },
      metrics: ['household_spillover'],
      record: { every: 1 },
    });
    const w = r.world;
    const n = w.n;
    const ever = w.lists.get('court-blacklist').ever;
    const hh = w.pop.household;
    const listedHh = new Set<number>();
    for (let i = 0; i < n; i++) if (ever[i]) listedHh.add(hh[i]!);
    const w0 = w.pop.column('wealth_initial') as Float64Array;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => w0[a]! - w0[b]!);
    const rows: { member: number; other: number; members: number }[] = [];
    for (let q = 0; q < 5; q++) {
      let sm = 0, cm = 0, so = 0, co = 0;
      for (let k = (q * n) / 5; k < ((q + 1) * n) / 5; k++) {
        const i = order[k]!;
        if (ever[i]) continue;
        if (listedHh.has(hh[i]!)) (sm += w.lostOpportunity[i]!), cm++;
        else (so += w.lostOpportunity[i]!), co++;
      }
      rows.push({ member: cm ? sm / cm : 0, other: so / co, members: cm });
    }
    const denied = r.rows.reduce((a, x) => a + ((x.school_admissions_denied as number) ?? 0), 0);
    return { rows, denied };
  }

  it('members of listed households lose opportunities beyond what members of other households of the same wealth lose (seeded, with control)', async () => {
    const on = await run(true);
    const off = await run(false);
    const single = await run(true, 1);
    if (process.env.SCORELAB_PRINT) console.log(JSON.stringify({ on, off, single }));
    let othersLose = 0;
    for (let q = 0; q < 5; q++) {
      const a = on.rows[q]!, b = off.rows[q]!;
      expect(a.members).toBeGreaterThan(30);
      expect(a.members).toBe(b.members); // the same listings: association does not feed back within a year here
      expect(a.member - a.other - (b.member - b.other)).toBeGreaterThan(0.05);
      othersLose += a.other + b.other;
    }
    expect(othersLose).toBeGreaterThan(0.05);
    expect(on.denied).toBeGreaterThan(0);
    expect(off.denied).toBe(0);
    expect(single.denied).toBe(0);
    expect(single.rows.every((q) => q.members === 0)).toBe(true);
    expect(single.rows[0]!.other).toBeGreaterThan(0);
  }, 60_000);
});

describe('association-sanctions preset', () => {
  it('runs at tiny size', async () => {
    const r = await runScenario('association-sanctions', { agents: 300, steps: 30 });
    expect(r.columns).toContain('school_admissions_denied');
  });
});
