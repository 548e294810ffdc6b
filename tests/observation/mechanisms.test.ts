/**
 * Exact tests of the observation mechanisms on tiny hand-built worlds: each plug-in is created with
 * its defaults (plus overrides) and its hooks are driven by hand; random draws are replayed from the
 * same named stream (`Streams`), so every expected value is computed, not sampled.
 */
import { describe, expect, it } from 'vitest';
import { caseMistaken, recordRow } from '../regimes/drive.js';
import { Adjacency } from '../../src/core/adjacency.js';
import { ACT_VIOLATION } from '../../src/core/events.js';
import { defaults, resolveParams } from '../../src/core/params.js';
import { POLICY } from '../../src/core/policy.js';
import { DOMAIN_INDEX } from '../../src/core/population.js';
import { Streams } from '../../src/core/rng.js';
import { World } from '../../src/core/world.js';
import { misidentification } from '../../src/observation/misidentification.js';
import { predictiveProfiling } from '../../src/observation/predictive-profiling.js';
import { surveillance } from '../../src/observation/surveillance.js';
import { findPlugin } from '../../src/index.js';

const L = DOMAIN_INDEX.law;
const F = DOMAIN_INDEX.finance;

describe('registry', () => {
  it('every observation id is registered', () => {
    for (const id of ['surveillance', 'misidentification', 'predictive-profiling']) expect(findPlugin(id)?.family).toBe('observation');
  });
});

describe('surveillance', () => {
  it('sets minority detection = min(1, majority × ratio) in the chosen domains only', () => {
    const w = new World(4, 1);
    w.detect[L * 2] = 0.3;
    w.detect[F * 2] = 0.9;
    w.detect[F * 2 + 1] = 0.9;
    surveillance.create(w, { ...defaults(surveillance.params), ratio: 3, domains: ['law', 'finance'] });
    expect(w.detect[L * 2 + 1]).toBeCloseTo(0.9, 12);
    expect(w.detect[F * 2 + 1]).toBe(1); // capped
    expect(w.detect[L * 2]).toBeCloseTo(0.3, 12); // majority unchanged
    const c = DOMAIN_INDEX.commerce;
    expect(w.detect[c * 2 + 1]).toBe(0.5); // untouched domain keeps the world's value
  });

  it('ratio 1 makes the groups equal; the domain list parses names, strings and all', () => {
    const w = new World(2, 1);
    w.detect[L * 2 + 1] = 0.9;
    surveillance.create(w, { ...defaults(surveillance.params), ratio: 1 });
    expect(w.detect[L * 2 + 1]).toBe(w.detect[L * 2]);
    expect(resolveParams(surveillance.params, { domains: 'law, speech' }, undefined, 'observation.surveillance').domains).toEqual(['law', 'speech']);
    expect(resolveParams(surveillance.params, { domains: ['all'] }, undefined, 'x').domains).toHaveLength(6);
    expect(() => resolveParams(surveillance.params, { domains: ['lawn'] }, undefined, 'observation.surveillance')).toThrow(/domains/);
  });
});

describe('misidentification', () => {
  it('adds mistaken law records at baseRate (majority) and baseRate × ratio (minority), replayed draw by draw', () => {
    const w = new World(2, 7);
    w.pop.group[1] = 1;
    const h = misidentification.create(w, { ...defaults(misidentification.params), baseRate: 0.1, falseMatchRatio: 5 });
    const replay = new Streams(7).keyed('observation:misidentification');
    const p = [1 - Math.exp(-0.1), 1 - Math.exp(-0.5)];
    let expected = 0;
    for (let s = 0; s < 50; s++) {
      w.records.clear();
      w.day = s;
      h.observe!();
      const hit = [replay.u(0, s, 0) < p[0]!, replay.u(1, s, 0) < p[1]!];
      const got = [...w.records.agent.subarray(0, w.records.length)];
      expect(got).toEqual([0, 1].filter((i) => hit[i]));
      for (let k = 0; k < w.records.length; k++) {
        expect(caseMistaken(w, w.records.cause(k))).toBe(true);
        expect(w.records.domain[k]).toBe(L);
        expect(w.records.kind[k]).toBe(ACT_VIOLATION);
        expect(w.records.size[k]).toBe(1);
      }
      expected += w.records.length;
    }
    expect(recordRow(w, h)).toEqual({ false_matches: expected });
    expect(recordRow(w, h)).toEqual({ false_matches: 0 });
  });

  it('scales with watch (watch 0: never matched) and uses income-sized records in finance', () => {
    const w = new World(3, 1, 2);
    w.watch[0] = 0;
    w.pop.income.fill(10);
    const h = misidentification.create(w, { ...defaults(misidentification.params), baseRate: 1, domain: 'finance', sizeDays: 30 });
    h.observe!();
    // rate 1/day over 2 days: p = 1 − e⁻² for agents 1 and 2; agent 0 never
    expect([...w.records.agent.subarray(0, w.records.length)].includes(0)).toBe(false);
    for (let k = 0; k < w.records.length; k++) expect(w.records.size[k]).toBe(300);
    const w2 = new World(3, 1);
    w2.watch[0] = 0;
    const h2 = misidentification.create(w2, { ...defaults(misidentification.params), baseRate: 1, scaleWithWatch: false, falseMatchRatio: 1 });
    for (let s = 0; s < 20; s++) {
      w2.day = s;
      h2.observe!();
    }
    expect([...w2.records.agent.subarray(0, w2.records.length)].includes(0)).toBe(true);
  });

  it('scaleWithSurveillance multiplies the minority rate by its detection intensity', () => {
    const w = new World(2, 3);
    w.pop.group[1] = 1;
    w.detect[L * 2] = 0.2;
    w.detect[L * 2 + 1] = 0.6;
    const h = misidentification.create(w, { ...defaults(misidentification.params), baseRate: 0.05, falseMatchRatio: 2, scaleWithSurveillance: true });
    const replay = new Streams(3).keyed('observation:misidentification');
    for (let s = 0; s < 30; s++) {
      w.records.clear();
      w.day = s;
      h.observe!();
      const hit1 = replay.u(1, s, 0) < 1 - Math.exp(-0.05 * 2 * 3);
      expect([...w.records.agent.subarray(0, w.records.length)].includes(1)).toBe(hit1);
    }
  });
});

describe('predictive-profiling', () => {
  function world(n: number) {
    const w = new World(n, 1);
    return w;
  }
  const push = (w: World, agent: number, times: number, domain = L) => {
    for (let t = 0; t < times; t++) w.records.push(agent, domain, ACT_VIOLATION, 1);
  };

  it('targets the top targetShare by record count at retraining, and only agents with records', () => {
    const w = world(10);
    const h = profilingHooks(w, { retrainDays: 1, targetShare: 0.2, boost: 4 });
    push(w, 3, 3);
    push(w, 5, 2);
    push(w, 7, 1);
    push(w, 8, 5, DOMAIN_INDEX.finance); // not a training domain by default
    h.score!();
    expect([...w.watch]).toEqual([1, 1, 1, 4, 1, 4, 1, 1, 1, 1]);
    // records are attributed to the targets at the time they are counted (none before the first retraining)
    expect(recordRow(w, h)).toEqual({ profiled_share: 0.2, profiled_minority_share: 0, profiled_record_share: 0, profiled_act_share: null, profiled_retained: null });
    // next step: one record on target 3 and one on agent 1; true acts: 1 by agent 3, 3 by agent 1
    w.records.clear();
    w.day = 1;
    push(w, 3, 1);
    push(w, 1, 1);
    w.acts.push(3, L, ACT_VIOLATION, 1);
    for (let k = 0; k < 3; k++) w.acts.push(1, L, ACT_VIOLATION, 1);
    h.score!(); // retrains again: counts 3 → 4, 5 → 2, 7 → 1, 1 → 1: targets 3 and 5 again
    expect(w.watch[3]).toBe(4);
    expect(w.watch[5]).toBe(4);
    expect(recordRow(w, h)).toEqual({ profiled_share: 0.2, profiled_minority_share: 0, profiled_record_share: 0.5, profiled_act_share: 0.25, profiled_retained: 1 });
    // a world with fewer recorded agents than the target share: only those with records
    const w2 = world(100);
    const h2 = profilingHooks(w2, { retrainDays: 1, targetShare: 0.5, boost: 2 });
    push(w2, 42, 1);
    h2.score!();
    let targeted = 0;
    for (let i = 0; i < 100; i++) targeted += w2.watch[i] === 2 ? 1 : 0;
    expect(targeted).toBe(1);
    expect(w2.watch[42]).toBe(2);
  });

  it('retrains only every retrainDays; counts decay with memoryDays', () => {
    const w = world(4);
    const h = profilingHooks(w, { retrainDays: 3, targetShare: 0.25, boost: 5, memoryDays: 10 });
    const count = w.pop.column('profiling_records')!;
    push(w, 2, 1);
    h.score!(); // end of day 1: no retraining yet
    expect(w.watch[2]).toBe(1);
    w.day = 1;
    w.records.clear();
    h.score!(); // end of day 2
    expect(count[2]).toBeCloseTo(Math.exp(-0.1), 12);
    w.day = 2;
    h.score!(); // end of day 3: retrain
    expect(w.watch[2]).toBe(5);
    expect(count[2]).toBeCloseTo(Math.exp(-0.2), 12);
  });

  it("neighbours' records count with neighbourWeight, unless data-limits forbid friends' data", () => {
    const run = (friendsAllowed: boolean) => {
      const w = world(5);
      // star: 0 — 1, 0 — 2; agents 1 and 2 have records; 0 has none; agent 4 has one record
      w.adj = Adjacency.fromEdges(5, Int32Array.from([0, 0]), Int32Array.from([1, 2]));
      if (!friendsAllowed) w.policy.set(POLICY.dataFriends, false);
      const h = profilingHooks(w, { retrainDays: 1, targetShare: 0.2, boost: 3, neighbourWeight: 10 });
      push(w, 1, 1);
      push(w, 2, 1);
      push(w, 4, 1);
      h.score!();
      return [...w.watch];
    };
    // score of 0 = 0 + 10 · mean(1, 1) = 10 beats 1 + 10·0 = 1 for agents 1, 2 (and 4, whose neighbours have none)
    expect(run(true)).toEqual([3, 1, 1, 1, 1]);
    // without friends' data only own records count: one of 1, 2, 4 (tie broken at random), never 0
    const w = run(false);
    expect(w[0]).toBe(1);
    expect(w.filter((x) => x === 3)).toHaveLength(1);
  });

  function profilingHooks(w: World, over: Partial<ReturnType<typeof defaults<typeof predictiveProfiling.params>>>) {
    return predictiveProfiling.create(w, { ...defaults(predictiveProfiling.params), ...over });
  }
});
