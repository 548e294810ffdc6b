/**
 * Population options, off by default: `population.standard: false` (no economy: agents have ids,
 * the graph's group and the plug-ins' columns; metrics that need wealth are refused by name) and
 * `population.scorePrecision: float32` (score columns in 32 bits).
 */
import { describe, expect, it } from 'vitest';
import { defineRegime } from '../../src/core/contracts.js';
import { UserError } from '../../src/core/errors.js';
import { agentsTable, toCsv } from '../../src/results/tables.js';
import { buildSimulation } from '../../src/scenario/build.js';
import { prepareScenario } from '../../src/scenario/load.js';
import { findPlugin, registerPlugin } from '../../src/scenario/registry.js';
import { runScenario } from '../../src/index.js';

/** A voter model: each step every agent takes the opinion of a random neighbour (synchronously). */
const voter = defineRegime({
  id: 'voter-test',
  title: 'Voter model (test)',
  summary: 'copy a random neighbour',
  doc: 'Each step every agent copies the opinion of a uniformly drawn neighbour.',
  sources: ['Holley & Liggett 1975'],
  params: {},
  create(world) {
    const n = world.n;
    const op = world.pop.addColumn('opinion', 'u8', 'voter-test', 'opinion 0/1');
    const next = new Uint8Array(n);
    const r = world.rng('regime:voter-test');
    return {
      init() {
        for (let i = 0; i < n; i++) op[i] = r() < 0.5 ? 1 : 0;
      },
      adapt() {
        const { start, deg, targets } = world.adj;
        for (let i = 0; i < n; i++) next[i] = deg[i]! ? op[targets[start[i]! + r.int(deg[i]!)]!]! : op[i]!;
        op.set(next);
      },
    };
  },
});

const voterScenario = (population: Record<string, unknown>, metrics: string[] = ['tie_count']) => ({
  seed: 3,
  steps: 5,
  population: { agents: 200, ...population },
  graph: { model: 'erdos-renyi', meanDegree: 4 },
  behaviour: {},
  regimes: { 'voter-test': {} },
  metrics,
});

if (!findPlugin('voter-test')) registerPlugin(voter);

async function build(raw: Record<string, unknown>) {
  const { scenario } = await prepareScenario(raw, '(test)');
  return buildSimulation(scenario, { plugins: [voter] });
}

describe('population.standard: false', () => {
  it('a voter-like run: agents.csv holds the ids and the plug-in columns only', async () => {
    const sim = await build(voterScenario({ standard: false }));
    sim.run(5);
    const t = agentsTable(sim);
    expect(t.columnNames()).toEqual(['id', 'opinion']);
    expect(toCsv(t).split('\n')[0]).toBe('id,opinion');
    expect(sim.world.pop.standard).toBe(false);
    // no household ties (there are no households): the graph is the ER graph alone
    expect(sim.world.adj.edgeCount).toBe(400);
    expect(sim.rows.length).toBe(6);
  });

  it('the default keeps the standard population', async () => {
    const sim = await build(voterScenario({}));
    const names = agentsTable(sim).columnNames();
    expect(names).toContain('wealth');
    expect(names).toContain('opinion');
    expect(names).toContain('degree');
  });

  it('refuses a metric that needs wealth, naming the metric and the option', async () => {
    await expect(build(voterScenario({ standard: false }, ['gini_wealth']))).rejects.toThrow(UserError);
    await expect(build(voterScenario({ standard: false }, ['gini_wealth']))).rejects.toThrow(/'gini_wealth' cannot be recorded with population.standard: false/);
  });

  it('refuses the standard behaviour', async () => {
    const raw = { ...voterScenario({ standard: false }), behaviour: { standard: {} } };
    await expect(build(raw)).rejects.toThrow(/population.standard: false/);
  });
});

describe('population.scorePrecision: float32', () => {
  it('stores the score in 32 bits; the run stays close to the 64-bit one', async () => {
    const raw = (p?: string) => ({
      seed: 5,
      steps: 20,
      population: { agents: 500, householdSize: 1, ...(p ? { scorePrecision: p } : {}) },
      graph: { model: 'erdos-renyi', meanDegree: 8, households: false },
      behaviour: {},
      regimes: { 'friend-cleanup': {} },
      metrics: ['mean_score', 'score_sd', 'tie_count'],
    });
    const a = await runScenario(raw());
    const b = await runScenario(raw('float32'));
    expect(a.world.pop.column('score_friend')).toBeInstanceOf(Float64Array);
    expect(b.world.pop.column('score_friend')).toBeInstanceOf(Float32Array);
    expect(b.world.pop.info.get('score_friend')!.kind).toBe('f32');
    for (let k = 0; k < a.rows.length; k++) {
      expect(Math.abs((a.rows[k]!.mean_score as number) - (b.rows[k]!.mean_score as number))).toBeLessThan(1e-3);
    }
  });
});
