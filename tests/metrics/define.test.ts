/**
 * Metrics defined outside the library: defineMetric + registerMetric put them in the same registry
 * as the built-ins, so a scenario records them by id; what a metric declares it needs from the
 * tie pass reaches the snapshot.
 */
import { describe, expect, it } from 'vitest';
import { allMetrics, defineMetric, METRICS, metricById, registerMetric, runScenario } from '../../src/index.js';

const agents = defineMetric({
  id: 'test_agents_twice',
  title: 'Twice the agents',
  unit: 'agents',
  doc: '2n',
  compute: (snap) => 2 * snap.n,
});
const pair = defineMetric({
  id: 'test_pair',
  title: 'Two columns',
  doc: 'n and the day',
  columns: ['test_pair_n', 'test_pair_day'],
  needs: ['groups'],
  compute: (snap) => ({ test_pair_n: snap.n, test_pair_day: snap.tieNeeds?.includes('groups') ? snap.day : null }),
});
registerMetric(agents);
registerMetric(pair);

describe('defineMetric / registerMetric', () => {
  it('fills columns and make; keeps title, unit and needs', () => {
    expect(agents.columns).toEqual(['test_agents_twice']);
    expect(agents.make()({ n: 5 } as never)).toEqual({ test_agents_twice: 10 });
    expect(pair.needs).toEqual(['groups']);
    expect(agents.unit).toBe('agents');
  });

  it('is found by id and by column, after the built-ins', () => {
    expect(metricById('test_agents_twice')).toBe(agents);
    expect(metricById('test_pair_day')).toBe(pair);
    expect(allMetrics().slice(0, METRICS.length)).toEqual(METRICS);
  });

  it('a scenario records it by id; its needs are on the snapshot', async () => {
    const r = await runScenario({ steps: 2, population: { agents: 12 }, metrics: ['tie_count', 'test_agents_twice', 'test_pair'] });
    const last = r.rows.at(-1)!;
    expect(last.test_agents_twice).toBe(24);
    expect(last.test_pair_n).toBe(12);
    expect(last.test_pair_day).toBe(2);
  });

  it('an unknown metric id: did-you-mean over built-in and registered metrics', async () => {
    await expect(runScenario({ steps: 1, population: { agents: 5 }, metrics: ['test_agents_twic'] })).rejects.toThrow(/unknown metric 'test_agents_twic' \(did you mean 'test_agents_twice'\?\)/);
  });

  it('refuses a built-in id, a column another metric writes, and a malformed definition', () => {
    expect(() => registerMetric(defineMetric({ id: 'mean_score', title: '', doc: '', compute: () => 0 }))).toThrow(/built-in metric id/);
    expect(() => registerMetric(defineMetric({ id: 'test_other', title: '', doc: '', columns: ['tie_count'], compute: () => ({}) }))).toThrow(/column 'tie_count', which metric 'tie_count' writes/);
    expect(() => defineMetric({ id: 'Bad-Id', title: '', doc: '', compute: () => 0 })).toThrow(/snake_case/);
    expect(() => defineMetric({ id: 'test_x', title: '', doc: '' })).toThrow(/exactly one of compute\(snap\) or make\(\)/);
  });
});
