/**
 * `graph.order` (src/scenario/build.ts, src/graphs/relabel.ts): renumbering the agents for locality
 * keeps every public id, its population draws, its group and household and its ties; `as-built`
 * is the same run as no option, byte for byte; a bad value is refused naming file and field.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import type { Simulation } from '../../src/core/simulation.js';
import { readGraphFile } from '../../src/graphs/io.js';
import { bandwidth, isPermutation } from '../../src/graphs/relabel.js';
import { agentsArrowBytes, agentsCsvChunks, agentsTable, toCsv } from '../../src/results/tables.js';
import { writeNetwork } from '../../src/results/write-run.js';
import { buildSimulation, type LoadedGraph } from '../../src/scenario/build.js';
import { loadScenario, prepareScenario } from '../../src/scenario/load.js';
import { tmp } from '../helpers.js';

const dir = tmp('scorelab-order-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function build(preset: string, agents: number, steps: number, order?: string, set: string[] = []): Promise<Simulation> {
  const l = await loadScenario(preset, { agents, steps, set: [...set, ...(order ? [`graph.order=${order}`] : [])] });
  return buildSimulation(l.scenario, { graph: l.graph, plugins: l.plugins });
}

/** The ties of an exported network, by node key, as sorted "a-b" strings. */
function networkTies(sim: Simulation, name: string): string[] {
  const path = join(dir, `${name}.gexf`);
  writeNetwork(path, sim);
  const g = readGraphFile(path);
  const out: string[] = [];
  for (let e = 0; e < g.el.src.length; e++) {
    const a = g.keys[g.el.src[e]!]!, b = g.keys[g.el.dst[e]!]!;
    out.push(a < b ? `${a}-${b}` : `${b}-${a}`);
  }
  return out.sort();
}

const csv = (sim: Simulation) => [...agentsCsvChunks(sim, 128)].join('');
const column = (sim: Simulation, name: string) => Array.from(agentsTable(sim).array(name) as ArrayLike<unknown>);

describe('graph.order on a generated graph', () => {
  it('bench-friend-cleanup, 500 agents: public ids each once, in order; the same ties at step 0; lower bandwidth', async () => {
    const base = await build('bench-friend-cleanup', 500, 5);
    base.init();
    for (const order of ['bfs', 'rcm']) {
      const sim = await build('bench-friend-cleanup', 500, 5, order);
      sim.init();
      const ids = sim.world.publicIds!;
      expect(isPermutation(ids)).toBe(true);
      expect([...ids]).not.toEqual([...ids].sort((a, b) => a - b)); // renumbered, not the identity
      expect(networkTies(sim, order)).toEqual(networkTies(base, 'as-built'));
      const e = sim.world.adj.edges(), e0 = base.world.adj.edges();
      expect(bandwidth(e.src, e.dst)).toBeLessThan(bandwidth(e0.src, e0.dst)); // a random graph is an expander: lower, not low
      sim.run(5);
      // rows in public order: ids 0 … n − 1, each once
      expect(column(sim, 'id')).toEqual(Array.from({ length: 500 }, (_, i) => i));
      const text = csv(sim);
      expect(text.split('\n').slice(1, -1).map((l) => Number(l.split(',')[0]))).toEqual(Array.from({ length: 500 }, (_, i) => i));
      expect(text).toBe(toCsv(agentsTable(sim)));
      // the same order and seed: the same run, bit for bit
      const again = await build('bench-friend-cleanup', 500, 5, order);
      again.run(5);
      expect(csv(again)).toBe(text);
      expect(Buffer.from(agentsArrowBytes(again)).equals(Buffer.from(agentsArrowBytes(sim)))).toBe(true);
      expect(JSON.stringify(again.rows)).toBe(JSON.stringify(sim.rows));
    }
  });

  it('default preset (sbm, households): each public id keeps its group, household, population draws and ties', async () => {
    const base = await build('default', 1000, 3);
    const sim = await build('default', 1000, 3, 'rcm');
    expect(networkTies(sim, 'default-rcm')).toEqual(networkTies(base, 'default'));
    base.run(3);
    sim.run(3);
    for (const name of ['id', 'group', 'household', 'wealth_initial', 'trait_finance', 'trait_speech', 'knowledge', 'risk']) {
      expect(column(sim, name), name).toEqual(column(base, name));
    }
    // households stay whole: the internal members of each household share its id
    const h = sim.world.households();
    expect(h.start[h.start.length - 1]).toBe(1000);
  });

  it('as-built is the run without the option, byte for byte, and resolves to the same scenario', async () => {
    const none = await loadScenario('bench-friend-cleanup', { agents: 300, steps: 4 });
    const named = await loadScenario('bench-friend-cleanup', { agents: 300, steps: 4, set: ['graph.order=as-built'] });
    expect(named.scenario.graph).toEqual(none.scenario.graph);
    expect('order' in named.scenario.graph).toBe(false);
    const a = buildSimulation(none.scenario), b = buildSimulation(named.scenario);
    a.run(4);
    b.run(4);
    expect(b.world.publicIds).toBeNull();
    expect(csv(b)).toBe(csv(a));
    expect(Buffer.from(agentsArrowBytes(b)).equals(Buffer.from(agentsArrowBytes(a)))).toBe(true);
    expect(JSON.stringify(b.rows)).toBe(JSON.stringify(a.rows));
  });
});

describe('graph.order on a graph file', () => {
  it('keys and the file’s groups follow their agents; the loaded graph is left as it was', async () => {
    // a graph file with a group attribute: the network of a small sbm run
    const src = await build('default', 400, 0);
    const file = join(dir, 'groups.gexf');
    writeNetwork(file, src);
    const raw = (order?: string) => ({ steps: 2, graph: { file, households: false, ...(order ? { order } : {}) }, regimes: { fico: {} }, metrics: ['mean_score', 'tie_count'] });
    const loaded = await prepareScenario(raw('bfs'), join(dir, 'file.yaml'));
    const graph = loaded.graph as LoadedGraph;
    const before = { src: graph.el.src.slice(), dst: graph.el.dst.slice(), keys: [...graph.keys] };
    const sim = buildSimulation(loaded.scenario, { graph });
    expect([...graph.el.src]).toEqual([...before.src]);
    expect([...graph.el.dst]).toEqual([...before.dst]);
    expect(graph.keys).toEqual(before.keys);
    const base = await prepareScenario(raw(), join(dir, 'file.yaml'));
    const asBuilt = buildSimulation(base.scenario, { graph: base.graph });
    expect(networkTies(sim, 'file-bfs')).toEqual(networkTies(asBuilt, 'file-as-built'));
    sim.run(2);
    asBuilt.run(2);
    expect(column(sim, 'id')).toEqual(column(asBuilt, 'id')); // the file's keys, in the file's order
    expect(column(sim, 'group')).toEqual(column(asBuilt, 'group'));
    expect(new Set(column(sim, 'group'))).toEqual(new Set([0, 1]));
  });
});

describe('graph.order is checked', () => {
  it('a bad value names the file, the field, what was expected and what was found', async () => {
    const bad = prepareScenario({ graph: { order: 'random' } }, 'bad.yaml');
    await expect(bad).rejects.toThrow(UserError);
    await expect(prepareScenario({ graph: { order: 'random' } }, 'bad.yaml')).rejects.toThrow('bad.yaml: graph.order: expected one of "as-built", "bfs", "rcm", found "random"');
    await expect(prepareScenario({ graph: { order: 3 } }, 'bad.yaml')).rejects.toThrow(/bad\.yaml: graph\.order: expected one of .*, found 3/);
  });

  it('the ODD states the renumbering and documents the field', async () => {
    const { oddDocument } = await import('../../src/scenario/odd.js');
    const l = await loadScenario('bench-friend-cleanup', { agents: 100, steps: 1, set: ['graph.order=bfs'] });
    const doc = oddDocument(l.scenario);
    expect(doc.initialization.text).toMatch(/renumbered .*graph\.order: bfs.*equally valid realisation/);
    const row = doc.initialization.parameters.find((p) => p.name === 'graph.order')!;
    expect(row.value).toBe('bfs');
    expect(row.doc).toMatch(/Cuthill–McKee/);
    const plain = await loadScenario('bench-friend-cleanup', { agents: 100, steps: 1 });
    expect(oddDocument(plain.scenario).initialization.text).not.toMatch(/renumbered/);
  });
});
