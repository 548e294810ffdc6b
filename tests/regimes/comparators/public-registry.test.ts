/**
 * `public-registry`: exact tests on a 4-agent world — a conviction puts an offender on the public
 * registry (mistaken when the record was); deep debt or repeated defaults put a debtor on the
 * insolvency registry, removed after recovery; employers' income penalty; guards apply. Smoke run
 * of the preset.
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, DOMAIN_INDEX as D, defaults, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import { publicRegistry } from '../../../src/regimes/comparators/public-registry.js';
import { caseMistaken, driveStep, mistakenOn } from '../drive.js';

type Rec = [agent: number, domain: number, mistaken?: number];

function step(world: World, hooks: Hooks, recs: Rec[] = []) {
  driveStep(world, hooks, (r) => {
    for (const [a, d, m] of recs) r.push(a, d, ACT_VIOLATION, 3000, 0, (m ?? 0) === 1);
  });
}

function make(over: Partial<ParamValues<typeof publicRegistry.params>> = {}) {
  const world = new World(4, 1);
  world.pop.income.fill(100);
  world.pop.wealth.fill(10_000);
  const hooks = publicRegistry.create(world, { ...defaults(publicRegistry.params), convictionProb: 1, jobSearchesPerYear: 0, ...over });
  hooks.init?.();
  return { world, hooks, off: world.lists.get('offender-registry'), ins: world.lists.get('insolvency-registry') };
}

describe('public-registry', () => {
  it('publishes convictions for the term; mistaken records give mistaken entries; listed earn less', () => {
    const { world, hooks, off } = make({ offenderTermDays: 3, incomeMult: 0.8 });
    step(world, hooks, [[0, D.law], [1, D.law, 1], [2, D.commerce]]);
    expect([...off.on]).toEqual([1, 1, 0, 0]);
    expect([0, 1, 2, 3].map((i) => mistakenOn(world, off, i))).toEqual([0, 1, 0, 0]);
    expect(world.incomeMult[0]).toBeCloseTo(0.8, 6);
    expect(world.incomeMult[2]).toBe(1);
    step(world, hooks);
    step(world, hooks);
    step(world, hooks); // day 3: term over
    expect(off.count).toBe(0);
  });

  it('no conviction, no listing (convictionProb 0)', () => {
    const { world, hooks, off } = make({ convictionProb: 0 });
    step(world, hooks, [[0, D.law]]);
    expect(off.count).toBe(0);
  });

  it('lists the insolvent (deep debt) until recovery plus delistDays', () => {
    const { world, hooks, ins } = make({ insolvencyDays: 90, delistDays: 2 });
    world.pop.wealth[3] = -9_001; // below −90 days of income
    world.pop.wealth[2] = -8_999;
    step(world, hooks); // day 0
    expect([...ins.on]).toEqual([0, 0, 0, 1]);
    expect(mistakenOn(world, ins, 3)).toBe(0);
    world.pop.wealth[3] = 0;
    step(world, hooks); // day 1: due
    step(world, hooks); // day 2
    expect(ins.on[3]).toBe(1);
    step(world, hooks); // day 3: 2 days after due
    expect(ins.on[3]).toBe(0);
    expect(ins.window.delistDays).toBe(2);
  });

  it('lists repeated defaults; mistaken when the true ones fall short', () => {
    const { world, hooks, ins } = make({ defaultCount: 2 });
    step(world, hooks, [[0, D.finance], [1, D.finance]]);
    expect(ins.count).toBe(0);
    step(world, hooks, [[0, D.finance], [1, D.finance, 1]]);
    expect([...ins.on]).toEqual([1, 1, 0, 0]);
    expect([0, 1, 2, 3].map((i) => mistakenOn(world, ins, i))).toEqual([0, 1, 0, 0]);
  });

  it('goes through the guards: a blocked insolvency proposal waits for a new default', () => {
    const { world, hooks, ins } = make({ defaultCount: 1, windowDays: 365 });
    let allow = false;
    world.lists.addGuard('test', () => allow);
    step(world, hooks, [[0, D.finance]]);
    expect(ins.total.blocked).toBe(1);
    allow = true;
    step(world, hooks);
    expect(ins.on[0]).toBe(0); // not re-proposed on the same records
    step(world, hooks, [[0, D.finance]]);
    expect(ins.on[0]).toBe(1);
  });

  it('an entry removed by a safeguard is not re-proposed on the same records', () => {
    const { world, hooks, ins } = make({ defaultCount: 1 });
    step(world, hooks, [[0, D.finance, 1]]);
    expect(ins.on[0]).toBe(1);
    ins.markDue(0, world.day);
    ins.remove(0, world.day); // e.g. rectification of the mistaken record
    step(world, hooks);
    step(world, hooks);
    expect(ins.on[0]).toBe(0);
  });

  it('preset runs at tiny size', async () => {
    const r = await runScenario('public-registry', { agents: 300, steps: 20 });
    expect(r.rows.length).toBeGreaterThan(1);
  });
});
