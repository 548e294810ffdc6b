/**
 * `risk-list`: exact tests on a 4-agent world — a single mistaken law record lists a person with the
 * default threshold; the threshold and window count records; the term ends a listing; listings go
 * through the guards (blocked ones are not re-proposed without a new record; delayed ones are
 * re-checked with stillDue); listed people's trips are blocked. Plus a smoke run of the preset.
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, DOMAIN_INDEX as D, defaults, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import { POLICY } from '../../../src/core/policy.js';
import { riskList } from '../../../src/regimes/comparators/risk-list.js';
import { caseMistaken, driveStep, mistakenOn } from '../drive.js';

type Rec = [agent: number, mistaken?: number];

function step(world: World, hooks: Hooks, recs: Rec[] = []) {
  driveStep(world, hooks, (r) => {
    for (const [a, m] of recs) r.push(a, D.law, ACT_VIOLATION, 1, 0, (m ?? 0) === 1);
  });
}

function make(over: Partial<ParamValues<typeof riskList.params>> = {}) {
  const world = new World(4, 1);
  const hooks = riskList.create(world, { ...defaults(riskList.params), tripsPerYear: 0, ...over });
  hooks.init?.();
  return { world, hooks, list: world.lists.get('risk-list') };
}

describe('risk-list', () => {
  it('lists on a single record with the defaults, mistaken when the record was', () => {
    const { world, hooks, list } = make();
    step(world, hooks, [[2, 1], [3, 0]]);
    expect([...list.on]).toEqual([0, 0, 1, 1]);
    expect(mistakenOn(world, list, 2)).toBe(1);
    expect(mistakenOn(world, list, 3)).toBe(0);
    expect(list.notice[2]).toBe(0);
    expect(list.until[2]).toBe(365);
  });

  it('counts records in the window against the threshold; mistaken = true records fall short', () => {
    const { world, hooks, list } = make({ threshold: 2, windowDays: 10 });
    step(world, hooks, [[0, 0], [1, 0]]); // day 0
    expect(list.count).toBe(0);
    for (let d = 1; d < 5; d++) step(world, hooks);
    step(world, hooks, [[0, 1]]); // day 5: 1 true + 1 mistaken within 10 days
    expect(list.on[0]).toBe(1);
    expect(mistakenOn(world, list, 0)).toBe(1);
    for (let d = 6; d < 12; d++) step(world, hooks);
    step(world, hooks, [[1, 0]]); // day 12: the day-0 record has lapsed
    expect(list.on[1]).toBe(0);
  });

  it('ends the listing at the end of its term, or earlier under the expiry policy', () => {
    const a = make({ termDays: 3 });
    step(a.world, a.hooks, [[0]]);
    step(a.world, a.hooks);
    step(a.world, a.hooks);
    expect(a.list.on[0]).toBe(1);
    step(a.world, a.hooks); // day 3
    expect(a.list.on[0]).toBe(0);
    const b = make();
    b.world.policy.set(POLICY.expiryDays, 2);
    step(b.world, b.hooks, [[0]]);
    expect(b.list.until[0]).toBe(2);
  });

  it('respects the guards: a blocked proposal is not repeated without a new record', () => {
    const { world, hooks, list } = make();
    world.lists.addGuard('review', (p) => !caseMistaken(world, p.cause));
    step(world, hooks, [[1, 1]]);
    step(world, hooks);
    step(world, hooks);
    expect(list.on[1]).toBe(0);
    expect(list.total.blocked).toBe(1);
    step(world, hooks, [[1, 0]]); // a new, true record: proposed again and listed
    expect(list.on[1]).toBe(1);
    expect(mistakenOn(world, list, 1)).toBe(0); // one true record meets the threshold
  });

  it('a delayed listing (notice) takes effect when due, or is withdrawn when the records lapsed', () => {
    const { world, hooks, list } = make({ windowDays: 3 });
    world.lists.addGuard('notice', (p) => {
      p.notice = true;
      p.effectiveDay = p.day + (p.agent === 0 ? 2 : 5);
      return true;
    });
    step(world, hooks, [[0], [1]]);
    expect(list.count).toBe(0);
    expect(world.lists.isPending(list, 0)).toBe(true);
    step(world, hooks);
    step(world, hooks); // day 2: agent 0 due, record still in the window
    expect(list.on[0]).toBe(1);
    expect(list.notice[0]).toBe(1);
    for (let d = 3; d <= 5; d++) step(world, hooks); // day 5: agent 1's record lapsed on day 3
    expect(list.on[1]).toBe(0);
    expect(list.total.withdrawn).toBe(1);
  });

  it('removes a listing marked due (proven wrong) after delistDays', () => {
    const { world, hooks, list } = make({ delistDays: 2 });
    step(world, hooks, [[0, 1]]);
    list.markDue(0, world.day); // day 1
    step(world, hooks); // day 1
    step(world, hooks); // day 2
    expect(list.on[0]).toBe(1);
    step(world, hooks); // day 3: 2 days after due
    expect(list.on[0]).toBe(0);
    expect(list.window.delistDays).toBe(2);
    expect(list.total.removals).toBe(1);
  });

  it('blocks the trips of listed people (lost opportunity), lets others travel', () => {
    const { world, hooks } = make({ tripsPerYear: 1e6 });
    step(world, hooks, [[2, 1]]);
    expect([...world.benefitEligible]).toEqual([1, 1, 1, 1]);
    expect([...world.benefit]).toEqual([1, 1, 0, 1]);
    expect(world.lostOpportunity[2]).toBe(1);
    expect(world.stats.extra.get('blocked_trips')).toBe(1);
  });

  it('preset runs at tiny size; without misidentification no listing is wrongful', async () => {
    const r = await runScenario('risk-list', { agents: 300, steps: 60 });
    expect(r.rows.length).toBeGreaterThan(1);
    const list = r.world.lists.get('risk-list');
    expect(list.total.listings).toBeGreaterThan(0); // the preset lists people within 60 days
    expect(list.total.wrongful).toBe(0);
    const last = r.rows[r.rows.length - 1]!;
    expect(last.wrongful_listed_share).toBe(0);
  });
});
