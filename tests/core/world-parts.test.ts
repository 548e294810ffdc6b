/**
 * The world's named parts are the world's own state seen through documented types: no copy, so a
 * plug-in written with the flat names and one written with the parts see and change the same thing.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency, World, type WorldEconomy, type WorldTime } from '../../src/index.js';

describe('the parts of the world', () => {
  it('are the same objects as the flat fields', () => {
    const w = new World(4, 1, 7);
    expect(w.people).toBe(w.pop);
    expect(w.ties).toBe(w.adj);
    expect(w.observed.records).toBe(w.records);
    expect(w.observed.watch).toBe(w.watch);
    expect(w.observed.detect).toBe(w.detect);
    expect(w.observed.evidenceQuality).toBe(w.evidenceQuality);
    expect(w.truth.acts).toBe(w.acts);
    expect(w.truth.cases).toBe(w.cases);
    expect(w.economy.incomeMult).toBe(w.incomeMult);
    expect(w.economy.benefit).toBe(w.benefit);
    expect(w.economy.benefitEligible).toBe(w.benefitEligible);
    expect(w.economy.lostOpportunity).toBe(w.lostOpportunity);
    expect(w.conduct.propensityMult).toBe(w.propensityMult);
    expect(w.conduct.censor).toBe(w.censor);
    expect(w.channels.policy).toBe(w.policy);
    expect(w.channels.services).toBe(w.services);
    expect(w.channels.stats).toBe(w.stats);
  });

  it('follow the world: time advances, a replaced adjacency is the new ties, a write through a part is the write', () => {
    const w = new World(3, 1, 2);
    const time: WorldTime = w.time;
    expect([time.n, time.step, time.day, time.daysPerStep]).toEqual([3, 0, 0, 2]);
    w.step++;
    w.day += w.daysPerStep;
    expect([time.step, time.day]).toEqual([1, 2]);
    w.adj = Adjacency.fromEdges(3, [0], [1]);
    expect(w.ties).toBe(w.adj);
    expect(w.ties.hasEdge(0, 1)).toBe(true);
    const economy: WorldEconomy = w.economy;
    economy.incomeMult[2]! *= 0.5;
    expect(w.incomeMult[2]).toBe(0.5);
    w.people.wealth[1] = 9;
    expect(w.pop.wealth[1]).toBe(9);
  });

  it('random and scores are the world methods', () => {
    const w = new World(2, 5);
    expect(w.random.rng('x')()).toBe(new World(2, 5).rng('x')());
    w.people.addColumn('s', 'f64', 'me', 'a score');
    w.scores.offerPrimaryScore('s', 0, 1, 'me');
    expect(w.scores.primary?.column).toBe('s');
    expect(w.scores.primaryScore()).toBe(w.pop.column('s'));
  });

  it('time is read-only to the type checker (npm run typecheck fails if a write below compiles)', () => {
    const w = new World(2, 1);
    const before = w.economy.incomeMult;
    // never called: these writes are for the type checker, which must refuse each of them
    const forbidden = () => {
      // @ts-expect-error WorldTime.day is readonly: only the core advances time
      w.time.day = 3;
      // @ts-expect-error WorldEconomy.incomeMult cannot be replaced (multiply its entries)
      w.economy.incomeMult = new Float32Array(2);
    };
    void forbidden;
    expect(w.time.day).toBe(0);
    expect(w.economy.incomeMult).toBe(before);
  });
});
