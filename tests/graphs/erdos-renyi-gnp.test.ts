/**
 * erdos-renyi G(N, p) beside G(N, M): the generator (simple ties, ordered like G(N, M), mean degree
 * p(N − 1) over seeds), the scenario field `graph.p` (G(N, p) drawn from the graph stream; p with
 * meanDegree, or p with another model, is a clear error) and describe / ODD saying which model it is.
 */
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/core/rng.js';
import { erdosRenyiGNP } from '../../src/graphs/erdos-renyi.js';
import { describeScenario } from '../../src/cli/commands/describe.js';
import { oddDocument, oddMarkdown } from '../../src/scenario/odd.js';
import { buildSimulation } from '../../src/scenario/build.js';
import { prepareScenario } from '../../src/scenario/load.js';
import { expectSimple } from './helpers.js';

const WHERE = 'inline.yaml';
const scenario = (graph: Record<string, unknown>, agents = 400) => ({ name: 'gnp', steps: 1, population: { agents, householdSize: 1 }, graph: { households: false, ...graph }, behaviour: {}, metrics: ['tie_count'] });

describe('erdosRenyiGNP', () => {
  it('gives simple ties, src < dst, ordered by src; p = 0 none, p = 1 every pair', () => {
    for (const [n, p] of [[1000, 0.01], [300, 0.5], [50, 0.9], [2, 0.5], [1, 0.5], [0, 0.3]] as const) {
      const el = erdosRenyiGNP(n, p, makeRng(`gnp-${n}-${p}`));
      expect(el.n).toBe(n);
      expectSimple(el);
      for (let e = 0; e < el.src.length; e++) {
        expect(el.src[e]! < el.dst[e]! && (e === 0 || el.src[e - 1]! <= el.src[e]!)).toBe(true);
      }
    }
    expect(erdosRenyiGNP(100, 0, makeRng('none')).src.length).toBe(0);
    expect(erdosRenyiGNP(40, 1, makeRng('all')).src.length).toBe((40 * 39) / 2);
    const a = erdosRenyiGNP(500, 0.02, makeRng('s'));
    const b = erdosRenyiGNP(500, 0.02, makeRng('s'));
    expect([...a.src, ...a.dst]).toEqual([...b.src, ...b.dst]);
  });

  it('mean degree is p(N − 1) over seeds (tolerances in sd of the binomial tie count)', () => {
    // N = 2000, p = 0.005: ties ~ Binomial(1,999,000, p), mean 9995, sd ≈ 99.7, so a graph's mean
    // degree 2M/N has sd ≈ 0.0997 around p(N − 1) = 9.995. Each of 20 seeds within 5 sd (0.5);
    // their mean (sd ≈ 0.0223) within 5 sd (0.112).
    const n = 2000;
    const p = 0.005;
    const means: number[] = [];
    for (let s = 0; s < 20; s++) {
      const el = erdosRenyiGNP(n, p, makeRng(`gnp-mean-${s}`));
      const k = (2 * el.src.length) / n;
      expect(Math.abs(k - p * (n - 1))).toBeLessThan(0.5);
      means.push(k);
    }
    const avg = means.reduce((x, y) => x + y, 0) / means.length;
    expect(Math.abs(avg - p * (n - 1))).toBeLessThan(0.112);
    // the tie counts vary (a G(N, M) graph would give the same count every seed)
    expect(new Set(means).size).toBeGreaterThan(10);
  });

  it('each pair is a tie with probability p (4.5 sd)', () => {
    // 6 nodes, 15 pairs, p = 0.3, 4000 graphs: a pair's count ~ Binomial(4000, 0.3), sd ≈ 29
    const count = new Map<string, number>();
    for (let s = 0; s < 4000; s++) {
      const el = erdosRenyiGNP(6, 0.3, makeRng(`pairs-${s}`));
      for (let e = 0; e < el.src.length; e++) count.set(`${el.src[e]}-${el.dst[e]}`, (count.get(`${el.src[e]}-${el.dst[e]}`) ?? 0) + 1);
    }
    expect(count.size).toBe(15);
    for (const c of count.values()) expect(Math.abs(c - 1200)).toBeLessThan(4.5 * Math.sqrt(4000 * 0.3 * 0.7));
  });
});

describe('graph.p in a scenario', () => {
  it('draws G(N, p) from the graph stream; meanDegree keeps G(N, M)', async () => {
    const gnp = await prepareScenario(scenario({ model: 'erdos-renyi', p: 0.025 }), WHERE);
    expect(gnp.scenario.graph.p).toBe(0.025);
    expect(gnp.scenario.graph.meanDegree).toBeCloseTo(0.025 * 399, 10);
    const ties = (seed: number) => buildSimulation({ ...gnp.scenario, seed }).world.adj.edgeCount;
    // expected 0.025 · 79,800 = 1995 ties, sd ≈ 44: within 5 sd, and not the same count every seed
    const counts = [1, 2, 3].map(ties);
    for (const c of counts) expect(Math.abs(c - 1995)).toBeLessThan(5 * 44);
    expect(new Set(counts).size).toBeGreaterThan(1);
    expect(ties(1)).toBe(counts[0]);
    const gnm = await prepareScenario(scenario({ model: 'erdos-renyi', meanDegree: 10 }), WHERE);
    expect(gnm.scenario.graph.p).toBeUndefined();
    expect(buildSimulation(gnm.scenario).world.adj.edgeCount).toBe(2000);
  });

  it('p with meanDegree, or with another model, is a clear error naming the field', async () => {
    await expect(prepareScenario(scenario({ model: 'erdos-renyi', p: 0.01, meanDegree: 4 }), WHERE)).rejects.toThrow(
      /^inline\.yaml: graph\.p: expected either p \(G\(N, p\): each pair a tie with probability p\) or meanDegree \(G\(N, M\): M = round\(N·k\/2\) ties\), found both \(p 0\.01, meanDegree 4\); remove one$/,
    );
    await expect(prepareScenario(scenario({ model: 'sbm', p: 0.01 }), WHERE)).rejects.toThrow(/^inline\.yaml: graph\.p: expected only with model erdos-renyi \(G\(N, p\)\), found model sbm/);
    await expect(prepareScenario(scenario({ p: 1.5 }), WHERE)).rejects.toThrow(/graph\.p/);
  });

  it('describe and the ODD document say which model draws the graph', async () => {
    const gnp = await prepareScenario(scenario({ model: 'erdos-renyi', p: 0.025 }), WHERE);
    expect(describeScenario(gnp.scenario).entities.graph).toBe('erdos-renyi G(N, p) graph: each pair of agents a tie with probability p = 0.025 (expected mean degree p(N − 1) = 9.975)');
    const gnm = await prepareScenario(scenario({ model: 'erdos-renyi', meanDegree: 10 }), WHERE);
    expect(describeScenario(gnm.scenario).entities.graph).toBe('erdos-renyi G(N, M) graph: M = round(N·k/2) = 2000 ties drawn uniformly among the pairs (mean degree 10)');
    const odd = oddDocument(gnp.scenario, { plugins: gnp.plugins });
    const p = odd.initialization.parameters.find((r) => r.name === 'graph.p')!;
    expect(p.value).toBe(0.025);
    expect(p.unit).toBe('probability per pair of agents');
    expect(p.source).toMatch(/Gilbert/);
    expect(oddMarkdown(odd)).toContain('G(N, p)');
    expect(oddMarkdown(oddDocument(gnm.scenario, { plugins: gnm.plugins }))).toContain('G(N, M)');
  });
});
