/**
 * `redlist`: exact selection on a 4-agent world (merit order, clean record, blacklist bar,
 * noise share), benefits and term, the invariant "never more new honours than slots per period"
 * on a seeded run, and a smoke run of the preset.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, tmp } from '../../helpers.js';
import { ACT_GOOD, ACT_VIOLATION, DOMAIN_INDEX as D, buildSimulation, defaults, prepareScenario, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import { redlist } from '../../../src/regimes/national/redlist.js';
import { driveStep } from '../drive.js';

type Rec = [agent: number, domain: number, kind: number];

function step(world: World, hooks: Hooks, recs: Rec[] = []) {
  driveStep(world, hooks, (r) => {
    for (const [a, d, k] of recs) r.push(a, d, k, 1);
  });
}

/** 4 agents, slots 500 per 1,000 → 2 honours per period of 2 days, term 3 days. */
function make(over: Partial<ParamValues<typeof redlist.params>> = {}) {
  const world = new World(4, 1);
  const hooks = redlist.create(world, { ...defaults(redlist.params), slots: 500, periodDays: 2, termDays: 3, opacity: 0, ...over });
  hooks.init?.();
  return { world, hooks, list: world.lists.get('redlist', 'red') };
}

const deeds: Rec[] = [
  [0, D.civic, ACT_GOOD],
  [0, D.civic, ACT_GOOD],
  [1, D.civic, ACT_GOOD],
  [2, D.civic, ACT_GOOD],
  [2, D.civic, ACT_GOOD],
  [2, D.civic, ACT_GOOD],
  [2, D.law, ACT_VIOLATION], // most good deeds, but not a clean record
];

describe('redlist', () => {
  it('opacity 0: honours the most good deeds among clean records, at the end of the period', () => {
    const { world, hooks, list } = make();
    step(world, hooks, deeds); // day 0
    expect(list.count).toBe(0);
    step(world, hooks); // day 1
    expect(list.count).toBe(0);
    step(world, hooks); // day 2: selection
    expect([...list.on]).toEqual([1, 1, 0, 0]);
    expect([...world.benefit]).toEqual([1, 1, 0, 0]);
    expect([...world.benefitEligible]).toEqual([1, 1, 1, 1]);
    expect(world.incomeMult[0]).toBeCloseTo(1.02, 6);
    expect(world.incomeMult[2]).toBe(1);
    expect(list.kind).toBe('red');
    step(world, hooks); // day 3
    step(world, hooks); // day 4: new period, no merit left (counters reset), no new honours
    expect(list.count).toBe(2);
    step(world, hooks); // day 5: term of 3 days from day 2 ends
    expect(list.count).toBe(0);
  });

  it('blacklisted people are not honoured', () => {
    const { world, hooks, list } = make();
    world.lists.get('court', 'black').add(0, 0, Infinity, -1, true);
    step(world, hooks, deeds);
    step(world, hooks);
    step(world, hooks);
    expect([...list.on]).toEqual([0, 1, 0, 0]);
  });

  it('opacity 0.5: one slot by merit, one by noise', () => {
    const { world, hooks, list } = make({ opacity: 0.5 });
    step(world, hooks, deeds);
    step(world, hooks);
    step(world, hooks);
    expect(list.count).toBe(2);
    expect(list.on[0]).toBe(1);
    const merit = world.pop.column('redlist_merit') as Uint8Array;
    expect(merit[0]).toBe(1);
    const other = [1, 2, 3].find((i) => list.on[i])!;
    expect(merit[other]).toBe(0);
  });

  it('invariant: new honours per period never exceed the slots (seeded run)', async () => {
    const loaded = await prepareScenario(
      {
        seed: 2,
        steps: 200,
        population: { agents: 1000, traits: { civic: 0.02 } },
        graph: { model: 'erdos-renyi', meanDegree: 4 },
        regimes: { redlist: { slots: 7, periodDays: 10, termDays: 25, opacity: 0.3 } },
        metrics: ['redlisted_share'],
      },
      '(test)',
    );
    const sim = buildSimulation(loaded.scenario);
    sim.init();
    const list = sim.world.lists.get('redlist', 'red');
    let periods = 0, last = 0, maxCount = 0;
    for (let t = 0; t < 200; t++) {
      sim.step();
      const added = list.total.listings - last;
      last = list.total.listings;
      expect(added).toBeLessThanOrEqual(7);
      if (added > 0) periods++;
      maxCount = Math.max(maxCount, list.count);
    }
    expect(periods).toBe(19); // a selection every 10 days: days 10, 20, …, 190
    expect(list.total.listings).toBe(19 * 7);
    expect(maxCount).toBeLessThanOrEqual(3 * 7); // at most three periods' honours overlap (term 25 days)
  });

  it('preset runs at tiny size', async () => {
    const r = await runScenario('redlist', { agents: 1000, steps: 100 });
    const last = r.rows.at(-1)!;
    expect(last.redlisted_share).toBeCloseTo(0.005, 6); // one selection (day 90) of 5 per 1,000
  });
  it('CLI: runs and describes the preset by name (needs npm run build)', () => {
    const out = tmp();
    const r = cli(['run', 'redlist', '--agents', '300', '--steps', '20', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'steps.csv')).length).toBeGreaterThan(1);
    const d = cli(['describe', 'redlist']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toContain('redlist');
  });
});
