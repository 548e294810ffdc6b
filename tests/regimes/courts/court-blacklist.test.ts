/**
 * court-blacklist: exact tests on tiny hand-driven worlds (a default → judgment → grace → listing,
 * with and without notice; payment → removal after delistDays; repeat listing term; mistaken
 * records), the delisting invariant, the seeded emergence test 2 of issue 3 (stickiness and
 * mean_days_to_delist) and a smoke test of the preset.
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, DOMAIN_INDEX, defaults, findPlugin, runScenario, World, type Hooks } from '../../../src/index.js';
import { mistakenOn } from '../drive.js';
import { everyDomain } from '../../safeguards/evidence-world.js';

const spec = findPlugin('court-blacklist')!;
const F = DOMAIN_INDEX.finance;

/** A world of n agents, each alone in its household, income 10 per day, wealth 1000. */
function tiny(n: number): World {
  const w = new World(n, 1);
  for (let i = 0; i < n; i++) {
    w.pop.household[i] = i;
    w.pop.income[i] = 10;
    w.pop.wealth[i] = 1000;
  }
  return w;
}

function court(w: World, over: Record<string, unknown>): Hooks {
  const h = spec.create(w, { ...defaults(spec.params), ...over });
  h.init?.();
  return h;
}

/** Runs one day (step of 1 day) through the stages the regime uses; `defaults` = [agent, size, mistaken]. */
function day(w: World, h: Hooks, d: number, records: [number, number, number][] = []): void {
  w.day = d;
  w.step = d;
  w.records.clear();
  for (const [i, size, m] of records) w.records.push(i, F, ACT_VIOLATION, size, 0, m === 1);
  h.score?.();
  w.lists.settle(d);
  h.publish?.();
  w.incomeMult.fill(1);
  h.sanction?.();
}

/** A court that finds for every claim (courtBias 100 at independence 0): the listing rules alone. */
/** A record hook's output, read as the simulation does (ground truth open). */
function rec(w: World, h: Hooks) {
  w.cases.open = true;
  try {
    return h.record!();
  } finally {
    w.cases.open = false;
  }
}

const base = { judgmentDays: 10, graceDays: 5, noticeRate: 0, payRate: 0, listedPayRate: 0, stickiness: 0, courtIndependence: 0, courtBias: 100 };

describe('court-blacklist on tiny worlds', () => {
  it('lists a person able to pay after judgment + grace, without notice', () => {
    const w = tiny(4);
    const h = court(w, base);
    const list = w.lists.get('court-blacklist');
    day(w, h, 0, [[0, 300, 0]]);
    for (let d = 1; d < 15; d++) {
      day(w, h, d);
      expect(list.on[0], `day ${d}`).toBe(0);
    }
    expect(w.pop.column('court_owed')![0]).toBe(300);
    day(w, h, 15);
    expect(list.on[0]).toBe(1);
    expect(list.since[0]).toBe(15);
    expect(list.until[0]).toBe(15 + 730);
    expect(list.notice[0]).toBe(0);
    expect(mistakenOn(w, list, 0)).toBe(0);
    expect(list.count).toBe(1);
    expect(rec(w, h)).toMatchObject({ court_listed: 1, court_published: 1, court_mistaken: 0, court_obligations: 1 });
  });

  it('does not list a person unable to pay unless requireAbility is off', () => {
    const w = tiny(2);
    w.pop.wealth[0] = 100;
    w.pop.wealth[1] = 100;
    const h = court(w, base);
    const list = w.lists.get('court-blacklist');
    day(w, h, 0, [[0, 300, 0]]);
    for (let d = 1; d <= 40; d++) day(w, h, d);
    expect(list.on[0]).toBe(0);
    const w2 = tiny(2);
    w2.pop.wealth[0] = 100;
    const h2 = court(w2, { ...base, requireAbility: false });
    day(w2, h2, 0, [[0, 300, 0]]);
    for (let d = 1; d <= 15; d++) day(w2, h2, d);
    expect(w2.lists.get('court-blacklist').on[0]).toBe(1);
  });

  it('with notice, the listing takes effect noticeDays after the proposal', () => {
    const w = tiny(1);
    const h = court(w, { ...base, noticeRate: 1, noticeDays: 3 });
    const list = w.lists.get('court-blacklist');
    day(w, h, 0, [[0, 300, 0]]);
    for (let d = 1; d <= 17; d++) {
      day(w, h, d);
      expect(list.on[0], `day ${d}`).toBe(0);
    }
    day(w, h, 18);
    expect(list.on[0]).toBe(1);
    expect(list.since[0]).toBe(18);
    expect(list.notice[0]).toBe(1);
    expect(list.window.withoutNotice).toBe(0);
  });

  it('paying during the notice period withdraws the listing (stillDue)', () => {
    const w = tiny(1);
    w.pop.wealth[0] = 0;
    const h = court(w, { ...base, noticeRate: 1, noticeDays: 3, requireAbility: false, payRate: 1000 });
    const list = w.lists.get('court-blacklist');
    day(w, h, 0, [[0, 300, 0]]);
    for (let d = 1; d <= 15; d++) day(w, h, d); // proposed on day 15 (cannot pay: wealth 0)
    expect(list.on[0]).toBe(0);
    w.pop.wealth[0] = 1000;
    day(w, h, 16); // pays (probability 1 − e^−1000)
    expect(w.pop.wealth[0]).toBe(700);
    for (let d = 17; d <= 20; d++) day(w, h, d);
    expect(list.on[0]).toBe(0);
    expect(list.total.withdrawn).toBe(1);
    expect(list.total.listings).toBe(0);
  });

  it('a listed person who pays is removed exactly delistDays later when stickiness is 0', () => {
    const w = tiny(1);
    w.pop.wealth[0] = 100;
    const h = court(w, { ...base, requireAbility: false, listedPayRate: 1000 });
    const list = w.lists.get('court-blacklist');
    day(w, h, 0, [[0, 300, 0]]);
    for (let d = 1; d <= 15; d++) day(w, h, d);
    expect(list.on[0]).toBe(1);
    for (let d = 16; d <= 19; d++) day(w, h, d);
    w.pop.wealth[0] = 1000;
    day(w, h, 20); // pays: due from day 20
    expect(list.dueSince[0]).toBe(20);
    for (let d = 21; d <= 24; d++) {
      day(w, h, d);
      expect(list.on[0], `day ${d}`).toBe(1);
    }
    day(w, h, 25);
    expect(list.on[0]).toBe(0);
    expect(list.window.delistDays).toBe(5);
    expect(list.window.delistCount).toBe(1);
    expect(rec(w, h)).toMatchObject({ court_complied: 1, court_removed: 1, court_obligations: 0 });
  });

  it('a repeat listing has the longer term', () => {
    const w = tiny(1);
    const h = court(w, { ...base, termDays: 20, repeatExtraDays: 30 });
    const list = w.lists.get('court-blacklist');
    day(w, h, 0, [[0, 300, 0]]);
    for (let d = 1; d <= 15; d++) day(w, h, d);
    expect(list.until[0]).toBe(35);
    for (let d = 16; d <= 35; d++) day(w, h, d);
    expect(list.on[0]).toBe(0); // term over on day 35; still owing: new grace period
    for (let d = 36; d <= 40; d++) day(w, h, d);
    expect(list.on[0]).toBe(1);
    expect(list.since[0]).toBe(40);
    expect(list.until[0]).toBe(40 + 50);
    expect(list.times[0]).toBe(2);
  });

  it('after another plug-in erases the entry (expiry) a new listing needs a new grace period; an order that found it wrong annuls it', () => {
    const w = tiny(2);
    const h = court(w, base);
    const list = w.lists.get('court-blacklist');
    day(w, h, 0, [[0, 300, 0], [1, 300, 1]]);
    for (let d = 1; d <= 15; d++) day(w, h, d);
    list.remove(0, 15); // erased by a safeguard at the publish stage of day 15
    list.remove(1, 15, true); // removed by an order that found the entry wrong (appeal, correction, audit)
    for (let d = 16; d <= 20; d++) {
      day(w, h, d);
      expect(list.on[0], `day ${d}`).toBe(0);
    }
    day(w, h, 21);
    expect(list.on[0]).toBe(1); // grace 5 days from day 16, when the removal was seen
    expect(list.on[1]).toBe(0); // the obligation behind the cleared entry was annulled
    expect(w.pop.column('court_owed')![1]).toBe(0);
  });

  it('an obligation resting on a mistaken record gives a mistaken listing', () => {
    const w = tiny(2);
    const h = court(w, base);
    const list = w.lists.get('court-blacklist');
    day(w, h, 0, [[0, 300, 1], [1, 300, 0]]);
    for (let d = 1; d <= 15; d++) day(w, h, d);
    expect(mistakenOn(w, list, 0)).toBe(1);
    expect(mistakenOn(w, list, 1)).toBe(0);
    expect(rec(w, h)).toMatchObject({ court_mistaken: 1, court_listed: 2 });
  });

  it('blocks tickets of the listed at the calibrated rates (many agents, long run)', () => {
    const n = 400;
    const w = tiny(n);
    const h = court(w, { ...base, graceDays: 0, judgmentDays: 0 });
    day(w, h, 0, Array.from({ length: n }, (_, i) => [i, 300, 0] as [number, number, number]));
    expect(w.lists.get('court-blacklist').count).toBe(n);
    for (let d = 1; d <= 365; d++) day(w, h, d);
    // expected 0.66 flights and 0.146 trains per listed person-year: 264 and 58 (Poisson; ±4 sd)
    const f = w.stats.extra.get('blocked_flights')!;
    const t = w.stats.extra.get('blocked_trains')!;
    expect(Math.abs(f - 264)).toBeLessThan(4 * Math.sqrt(264));
    expect(Math.abs(t - 58)).toBeLessThan(4 * Math.sqrt(58));
  });
});

describe('delisting invariant', () => {
  /**
   * 300 agents listed on day 0 (unable to pay), all able and paying from day 21; returns the days
   * from payment to removal recorded for each removal (removals of one step share their due day).
   */
  function delays(stickiness: number, daysPerStep: number): number[] {
    const n = 300;
    const w = new World(n, 7, daysPerStep);
    for (let i = 0; i < n; i++) {
      w.pop.household[i] = i;
      w.pop.income[i] = 10;
      w.pop.wealth[i] = 100;
    }
    const h = court(w, { ...base, graceDays: 0, judgmentDays: 0, requireAbility: false, listedPayRate: 1000, stickiness });
    const list = w.lists.get('court-blacklist');
    const out: number[] = [];
    for (let s = 0; list.count > 0 || s === 0; s++) {
      const d = s * daysPerStep;
      if (d >= 21) w.pop.wealth.fill(1000);
      const days0 = list.window.delistDays;
      const count0 = list.window.delistCount;
      w.step = s;
      w.day = d;
      w.records.clear();
      if (s === 0) for (let i = 0; i < n; i++) w.records.push(i, F, ACT_VIOLATION, 300);
      h.score!();
      w.lists.settle(d);
      const c = list.window.delistCount - count0;
      for (let k = 0; k < c; k++) out.push((list.window.delistDays - days0) / c);
      expect(s).toBeLessThan(2000);
    }
    expect(out.length).toBe(n);
    return out;
  }

  it('with stickiness 0 every payer is removed after exactly delistDays; with stickiness > 0 never sooner, some later', () => {
    for (const dps of [1, 7]) {
      expect(delays(0, dps).every((x) => x === 5)).toBe(true);
      const sticky = delays(0.5, dps);
      expect(sticky.every((x) => x >= 5)).toBe(true);
      expect(sticky.filter((x) => x > 5).length).toBeGreaterThan(100); // expected ≈ 150 of 300
    }
  });
});

describe('emergence 2: sticky delisting', () => {
  // Seeded, same seed with stickiness 0.8 vs 0: N = 3000 agents, 365 daily steps, a poorer and more
  // default-prone world than the preset, listed agents pay at 0.01/day so that removals are many.
  // Recording only at the end makes the window the whole run, so mean_days_to_delist is the mean
  // over all removals after payment. Expected: exactly 5 with stickiness 0 (removal at the deadline);
  // 5 + 0.8/0.2 = 9 with stickiness 0.8 (a geometric number of failed daily checks). Tolerance: > 7,
  // more than 2 sd of the mean below 9 with ≥ 30 removals (measured: see the report in the commit).
  async function meanDays(stickiness: number) {
    const r = await runScenario({
      seed: 5,
      steps: 365,
      population: { agents: 3000, wealthMedian: 10000, traits: { finance: 0.001 } },
      graph: { model: 'erdos-renyi', meanDegree: 6 },
      regimes: { 'court-blacklist': { stickiness, listedPayRate: 0.01, courtIndependence: 0, courtBias: 100 } },
      metrics: ['mean_days_to_delist'],
      record: { every: 1000 },
    });
    const last = r.rows[r.rows.length - 1]!;
    return { days: last.mean_days_to_delist as number, removed: r.world.lists.get('court-blacklist').total.removals };
  }

  it('mean_days_to_delist exceeds delistDays only when stickiness > 0', async () => {
    const off = await meanDays(0);
    const on = await meanDays(0.8);
    expect(off.removed).toBeGreaterThanOrEqual(30);
    expect(on.removed).toBeGreaterThanOrEqual(30);
    expect(off.days).toBeLessThanOrEqual(5);
    expect(on.days).toBeGreaterThan(7);
  });
});

describe('court-blacklist preset', () => {
  it('runs at tiny size', async () => {
    const r = await runScenario('court-blacklist', { agents: 300, steps: 30 });
    expect(r.rows.length).toBeGreaterThan(1);
    expect(r.columns).toContain('court_listed');
  });
});

describe('the court judges on the evidence', () => {
  // Seeded, same seed (1): 2,000 agents, 150 daily steps, finance propensity 0.002 per day and
  // misidentification in finance (0.0005 per majority member per day, 10× for the minority), the
  // evidence quality d′ of every observation set in the scenario (`evidenceQuality`). Counted over the
  // run: wrongful judgments (for the claim on a mistaken record) and dismissed true claims.
  // Control: a court that finds for every claim (independence 0, bias 100) — its wrongful judgments
  // are all mistaken suits, the same at d′ 1 and 3, and it dismisses nothing.
  // Measured (wrongful judgments ÷ mistaken suits / dismissed ÷ true suits): d′ 1 0.579 / 0.042,
  // d′ 3 0.116 / 0.022; 1 judge per 1,000 0.349 / 0.046 vs 0.001 per 1,000 (overloaded) 0.437 / 0.059;
  // independence 0 0.537 / 0.020, independence 1 0.156 / 0.220; control 1 / 0 at every d′.
  // Tolerances: about half the measured differences.
  async function judged(court: Record<string, unknown>, q: number) {
    const r = await runScenario({
      seed: 1,
      steps: 150,
      population: { agents: 2000, traits: { finance: 0.002 } },
      graph: { model: 'erdos-renyi', meanDegree: 4 },
      observation: { misidentification: { domain: 'finance', baseRate: 0.0005, falseMatchRatio: 10 } },
      evidenceQuality: everyDomain(q),
      regimes: { 'court-blacklist': court },
      metrics: ['wrongful_listed_share'],
      record: { every: 5 },
    });
    const sum = (c: string) => r.rows.reduce((a, row) => a + ((row[c] as number) ?? 0), 0);
    const suits = sum('court_suits'), dismissed = sum('court_dismissed'), dismissedWrong = sum('court_dismissed_mistaken');
    const wrongful = sum('court_wrongful_judgments');
    return { suits, wrongful, wrongSuits: wrongful + dismissedWrong, trueDismissed: dismissed - dismissedWrong };
  }

  it('wrongful judgments and dismissed true claims move with evidence quality, caseload and independence', async () => {
    const stamp = { courtIndependence: 0, courtBias: 100 };
    const c1 = await judged(stamp, 1), c3 = await judged(stamp, 3);
    const q1 = await judged({}, 1), q3 = await judged({}, 3);
    const staffed = await judged({ judgesPer1000: 1 }, 1.5), overloaded = await judged({ judgesPer1000: 0.001 }, 1.5);
    const dep = await judged({ courtIndependence: 0 }, 1.5), ind = await judged({ courtIndependence: 1 }, 1.5);
    const share = (x: { wrongful: number; wrongSuits: number }) => x.wrongful / x.wrongSuits;
    const tshare = (x: { trueDismissed: number; suits: number; wrongSuits: number }) => x.trueDismissed / (x.suits - x.wrongSuits);
    const f = (x: Parameters<typeof share>[0] & Parameters<typeof tshare>[0]) => `${share(x).toFixed(3)}/${tshare(x).toFixed(3)}`;
    console.log(`court (wrongful share of mistaken suits / dismissed share of true suits): stamp ${f(c1)} q1 ${f(q1)} q3 ${f(q3)} staffed ${f(staffed)} overloaded ${f(overloaded)} dependent ${f(dep)} independent ${f(ind)}`);
    expect(c1.wrongful).toBe(c1.wrongSuits); // the control finds for every claim …
    expect(c3.wrongful).toBe(c1.wrongful); // … whatever the evidence
    expect(c1.trueDismissed).toBe(0);
    expect(c1.wrongSuits).toBeGreaterThan(100);
    expect(share(q1) - share(q3)).toBeGreaterThan(0.15);
    expect(tshare(q1) - tshare(q3)).toBeGreaterThan(0.01);
    expect(share(overloaded) - share(staffed)).toBeGreaterThan(0.05);
    expect(share(dep) - share(ind)).toBeGreaterThan(0.15);
    expect(tshare(ind) - tshare(dep)).toBeGreaterThan(0.05);
  }, 60_000);
});
