/**
 * Build identity: the world a scenario builds (ties in order, layers, every population column) is
 * pinned by SHA-256 hashes computed before the build path was optimised (issue 14). A faster
 * generator, merge or populate must reproduce these bit for bit: same draws, same order.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareScenario } from '../../src/scenario/load.js';
import { buildSimulation } from '../../src/scenario/build.js';
import { makeRng } from '../../src/core/rng.js';
import { erdosRenyiGNM, erdosRenyiGNP } from '../../src/graphs/erdos-renyi.js';
import { householdCliques, mergeEdgeLists, withLayer } from '../../src/graphs/index.js';
import { LAYER_ONLINE } from '../../src/core/adjacency.js';

type Bytes = { buffer: ArrayBufferLike; byteOffset: number; byteLength: number };
const sha = (...arrays: Bytes[]): string => {
  const h = createHash('sha256');
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex').slice(0, 16);
};

/** Hashes of a built world: adjacency (start, deg, targets, layer) and every population column. */
export async function worldHashes(agents: number, graph: Record<string, unknown>, seed: number, population: Record<string, unknown> = {}): Promise<Record<string, string>> {
  const raw = { seed, steps: 1, population: { agents, ...population }, graph, behaviour: {}, regimes: {}, metrics: [] };
  const { scenario } = await prepareScenario(raw, '(identity)', { checkMemory: false });
  const sim = buildSimulation(scenario);
  const w = sim.world;
  const a = w.adj;
  const out: Record<string, string> = {};
  // the live part of each node's block, in order
  const t = new Int32Array(a.edgeCount * 2);
  const l = new Uint8Array(a.edgeCount * 2);
  let k = 0;
  for (let i = 0; i < w.n; i++) {
    for (let p = a.start[i]!; p < a.start[i]! + a.deg[i]!; p++, k++) {
      t[k] = a.targets[p]!;
      l[k] = a.layer[p]!;
    }
  }
  out.adj = sha(a.deg, t.subarray(0, k), l.subarray(0, k));
  for (const [name, col] of [...w.pop.columns].sort(([x], [y]) => (x < y ? -1 : 1))) out[name] = sha(col);
  return out;
}

const GRAPHS: [string, number, Record<string, unknown>, Record<string, unknown>][] = [
  ['er-10k', 10_000, { model: 'erdos-renyi', meanDegree: 10, households: false }, { householdSize: 1 }],
  ['er-100k', 100_000, { model: 'erdos-renyi', meanDegree: 10, households: false }, { householdSize: 1 }],
  ['er-hh-10k', 10_000, { model: 'erdos-renyi', meanDegree: 8, households: true }, {}],
  ['er-dense-300', 300, { model: 'erdos-renyi', meanDegree: 250, households: true }, {}],
  ['gnp-10k', 10_000, { model: 'erdos-renyi', p: 0.001, households: true, onlineOnlyShare: 0.3, offlineOnlyShare: 0.2 }, {}],
  ['ws-10k', 10_000, { model: 'watts-strogatz', meanDegree: 10, rewire: 0.1, households: true }, {}],
  ['ba-10k', 10_000, { model: 'barabasi-albert', meanDegree: 10, households: true }, {}],
  ['sbm-10k', 10_000, { model: 'sbm', meanDegree: 10, homophily: 0.5, households: true }, { minorityWealthRatio: 0.6 }],
  ['er-hh-100k', 100_000, { model: 'erdos-renyi', meanDegree: 10, households: true }, { householdSize: 3.2 }],
];

const EXPECTED: Record<string, Record<string, string>> = {
  "er-10k/1": {"adj":"ecbcdc0b994de5ce","acted_window":"95b532cc4381affd","approval":"d3ea4947d6270713","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"b8dd2d9a9f485871","group":"94a3aaaca13ed2c1","household":"9140e019602b8628","income":"d304c0a6f7e99668","income_mult":"c29707cc9550b230","knowledge":"d5071487a2094794","lost_opportunities":"e7e2dcff542de953","risk":"085800e5e00210ac","trait":"83c492618a6d4d6c","watch":"c29707cc9550b230","wealth":"5251de4331ae4ef3","wealth_initial":"5251de4331ae4ef3","wrong_record_window":"95b532cc4381affd"},
  "er-10k/7": {"adj":"2416a654ebf2a6cb","acted_window":"95b532cc4381affd","approval":"f084fc13ca79aaf6","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"9559afed3ab3c6cd","group":"de5b5e78fdbe103b","household":"9140e019602b8628","income":"5030f94cfa264231","income_mult":"c29707cc9550b230","knowledge":"096daac0b95f2868","lost_opportunities":"e7e2dcff542de953","risk":"6c4411bd49371314","trait":"5871a5fb106c6542","watch":"c29707cc9550b230","wealth":"15f9b9e1c80c814c","wealth_initial":"15f9b9e1c80c814c","wrong_record_window":"95b532cc4381affd"},
  "er-100k/1": {"adj":"28b4a55c0fc33cf5","acted_window":"9192c25b734fcbad","approval":"215f83835e8acccf","benefit":"9192c25b734fcbad","benefit_eligible":"9192c25b734fcbad","censor":"946cc2661d32ad83","dissent":"9ffcd0602ba7ad59","group":"ceb354badf42d94b","household":"20ff50e632cc5753","income":"c16905780e768cce","income_mult":"4b9ec50c10c8498f","knowledge":"b011c7ae7c29b49e","lost_opportunities":"946cc2661d32ad83","risk":"ec133333a725d666","trait":"2f2d89626450962b","watch":"4b9ec50c10c8498f","wealth":"0fa1de289a66e35a","wealth_initial":"0fa1de289a66e35a","wrong_record_window":"9192c25b734fcbad"},
  "er-100k/7": {"adj":"346e76220dd3506a","acted_window":"9192c25b734fcbad","approval":"840d846adf038571","benefit":"9192c25b734fcbad","benefit_eligible":"9192c25b734fcbad","censor":"946cc2661d32ad83","dissent":"0b1e3c212c8e579a","group":"664482e0fef17612","household":"20ff50e632cc5753","income":"eab30c971065a78a","income_mult":"4b9ec50c10c8498f","knowledge":"b1f3786282743497","lost_opportunities":"946cc2661d32ad83","risk":"4909e8b60f3c59d0","trait":"c726b3c89afc8c6b","watch":"4b9ec50c10c8498f","wealth":"b32d876147afd6aa","wealth_initial":"b32d876147afd6aa","wrong_record_window":"9192c25b734fcbad"},
  "er-hh-10k/1": {"adj":"77ab885746cb26a5","acted_window":"95b532cc4381affd","approval":"d3ea4947d6270713","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"b8dd2d9a9f485871","group":"551ffaa0f6ef06a0","household":"bc1f2b498c024bfc","income":"d304c0a6f7e99668","income_mult":"c29707cc9550b230","knowledge":"d5071487a2094794","lost_opportunities":"e7e2dcff542de953","risk":"085800e5e00210ac","trait":"83c492618a6d4d6c","watch":"c29707cc9550b230","wealth":"5251de4331ae4ef3","wealth_initial":"5251de4331ae4ef3","wrong_record_window":"95b532cc4381affd"},
  "er-hh-10k/7": {"adj":"8f8a064433748c7d","acted_window":"95b532cc4381affd","approval":"f084fc13ca79aaf6","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"9559afed3ab3c6cd","group":"9cd33bd0a8cd7be8","household":"1d08d188b8f0f7c7","income":"5030f94cfa264231","income_mult":"c29707cc9550b230","knowledge":"096daac0b95f2868","lost_opportunities":"e7e2dcff542de953","risk":"6c4411bd49371314","trait":"5871a5fb106c6542","watch":"c29707cc9550b230","wealth":"15f9b9e1c80c814c","wealth_initial":"15f9b9e1c80c814c","wrong_record_window":"95b532cc4381affd"},
  "er-dense-300/1": {"adj":"0588ebb1096ea17a","acted_window":"d13d4a8b3b8add19","approval":"c32d6ca7b7be1374","benefit":"d13d4a8b3b8add19","benefit_eligible":"d13d4a8b3b8add19","censor":"655a3ef0465a9f30","dissent":"4749c5d71a18725e","group":"9c3766fc5a7c3474","household":"28f759e020113cef","income":"c16017bdeaadde13","income_mult":"9daebe2966c6a806","knowledge":"312f6af42d05154b","lost_opportunities":"655a3ef0465a9f30","risk":"b432336fe3bd00fa","trait":"aa11fa7614956249","watch":"9daebe2966c6a806","wealth":"fb1554c94166ea07","wealth_initial":"fb1554c94166ea07","wrong_record_window":"d13d4a8b3b8add19"},
  "er-dense-300/7": {"adj":"4cf8383497b52da0","acted_window":"d13d4a8b3b8add19","approval":"78d20c7294947410","benefit":"d13d4a8b3b8add19","benefit_eligible":"d13d4a8b3b8add19","censor":"655a3ef0465a9f30","dissent":"0ad0e42924d1836a","group":"65be80e2e3471786","household":"a137f5cd588a45c9","income":"f71b6c6d2e11a0c6","income_mult":"9daebe2966c6a806","knowledge":"989edbf4c3bedbd2","lost_opportunities":"655a3ef0465a9f30","risk":"bfb166d850167070","trait":"b9cc83637353ff51","watch":"9daebe2966c6a806","wealth":"0abb345da22bcf8f","wealth_initial":"0abb345da22bcf8f","wrong_record_window":"d13d4a8b3b8add19"},
  "gnp-10k/1": {"adj":"a00f2db8925662d7","acted_window":"95b532cc4381affd","approval":"d3ea4947d6270713","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"b8dd2d9a9f485871","group":"551ffaa0f6ef06a0","household":"bc1f2b498c024bfc","income":"d304c0a6f7e99668","income_mult":"c29707cc9550b230","knowledge":"d5071487a2094794","lost_opportunities":"e7e2dcff542de953","risk":"085800e5e00210ac","trait":"83c492618a6d4d6c","watch":"c29707cc9550b230","wealth":"5251de4331ae4ef3","wealth_initial":"5251de4331ae4ef3","wrong_record_window":"95b532cc4381affd"},
  "gnp-10k/7": {"adj":"1a312aed40d1e22e","acted_window":"95b532cc4381affd","approval":"f084fc13ca79aaf6","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"9559afed3ab3c6cd","group":"9cd33bd0a8cd7be8","household":"1d08d188b8f0f7c7","income":"5030f94cfa264231","income_mult":"c29707cc9550b230","knowledge":"096daac0b95f2868","lost_opportunities":"e7e2dcff542de953","risk":"6c4411bd49371314","trait":"5871a5fb106c6542","watch":"c29707cc9550b230","wealth":"15f9b9e1c80c814c","wealth_initial":"15f9b9e1c80c814c","wrong_record_window":"95b532cc4381affd"},
  "ws-10k/1": {"adj":"f23b2acb3d8f491d","acted_window":"95b532cc4381affd","approval":"d3ea4947d6270713","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"b8dd2d9a9f485871","group":"551ffaa0f6ef06a0","household":"bc1f2b498c024bfc","income":"d304c0a6f7e99668","income_mult":"c29707cc9550b230","knowledge":"d5071487a2094794","lost_opportunities":"e7e2dcff542de953","risk":"085800e5e00210ac","trait":"83c492618a6d4d6c","watch":"c29707cc9550b230","wealth":"5251de4331ae4ef3","wealth_initial":"5251de4331ae4ef3","wrong_record_window":"95b532cc4381affd"},
  "ws-10k/7": {"adj":"3c44c368fbdeebf1","acted_window":"95b532cc4381affd","approval":"f084fc13ca79aaf6","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"9559afed3ab3c6cd","group":"9cd33bd0a8cd7be8","household":"1d08d188b8f0f7c7","income":"5030f94cfa264231","income_mult":"c29707cc9550b230","knowledge":"096daac0b95f2868","lost_opportunities":"e7e2dcff542de953","risk":"6c4411bd49371314","trait":"5871a5fb106c6542","watch":"c29707cc9550b230","wealth":"15f9b9e1c80c814c","wealth_initial":"15f9b9e1c80c814c","wrong_record_window":"95b532cc4381affd"},
  "ba-10k/1": {"adj":"5115edb6c3a7593f","acted_window":"95b532cc4381affd","approval":"d3ea4947d6270713","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"b8dd2d9a9f485871","group":"551ffaa0f6ef06a0","household":"bc1f2b498c024bfc","income":"d304c0a6f7e99668","income_mult":"c29707cc9550b230","knowledge":"d5071487a2094794","lost_opportunities":"e7e2dcff542de953","risk":"085800e5e00210ac","trait":"83c492618a6d4d6c","watch":"c29707cc9550b230","wealth":"5251de4331ae4ef3","wealth_initial":"5251de4331ae4ef3","wrong_record_window":"95b532cc4381affd"},
  "ba-10k/7": {"adj":"33b69e74b0763acc","acted_window":"95b532cc4381affd","approval":"f084fc13ca79aaf6","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"9559afed3ab3c6cd","group":"9cd33bd0a8cd7be8","household":"1d08d188b8f0f7c7","income":"5030f94cfa264231","income_mult":"c29707cc9550b230","knowledge":"096daac0b95f2868","lost_opportunities":"e7e2dcff542de953","risk":"6c4411bd49371314","trait":"5871a5fb106c6542","watch":"c29707cc9550b230","wealth":"15f9b9e1c80c814c","wealth_initial":"15f9b9e1c80c814c","wrong_record_window":"95b532cc4381affd"},
  "sbm-10k/1": {"adj":"dc37692608af5a21","acted_window":"95b532cc4381affd","approval":"d3ea4947d6270713","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"b8dd2d9a9f485871","group":"551ffaa0f6ef06a0","household":"bc1f2b498c024bfc","income":"9098cc4cd229cbbf","income_mult":"c29707cc9550b230","knowledge":"d5071487a2094794","lost_opportunities":"e7e2dcff542de953","risk":"085800e5e00210ac","trait":"83c492618a6d4d6c","watch":"c29707cc9550b230","wealth":"1cf85d99413465db","wealth_initial":"1cf85d99413465db","wrong_record_window":"95b532cc4381affd"},
  "sbm-10k/7": {"adj":"221aaedf41294e82","acted_window":"95b532cc4381affd","approval":"f084fc13ca79aaf6","benefit":"95b532cc4381affd","benefit_eligible":"95b532cc4381affd","censor":"e7e2dcff542de953","dissent":"9559afed3ab3c6cd","group":"9cd33bd0a8cd7be8","household":"1d08d188b8f0f7c7","income":"3a39619735f3d2b3","income_mult":"c29707cc9550b230","knowledge":"096daac0b95f2868","lost_opportunities":"e7e2dcff542de953","risk":"6c4411bd49371314","trait":"5871a5fb106c6542","watch":"c29707cc9550b230","wealth":"35a79a19a42e7b5e","wealth_initial":"35a79a19a42e7b5e","wrong_record_window":"95b532cc4381affd"},
  "er-hh-100k/1": {"adj":"2fbf5f98c695f193","acted_window":"9192c25b734fcbad","approval":"215f83835e8acccf","benefit":"9192c25b734fcbad","benefit_eligible":"9192c25b734fcbad","censor":"946cc2661d32ad83","dissent":"9ffcd0602ba7ad59","group":"7bb4010527f97f25","household":"751b3026e2ed67bd","income":"c16905780e768cce","income_mult":"4b9ec50c10c8498f","knowledge":"b011c7ae7c29b49e","lost_opportunities":"946cc2661d32ad83","risk":"ec133333a725d666","trait":"2f2d89626450962b","watch":"4b9ec50c10c8498f","wealth":"0fa1de289a66e35a","wealth_initial":"0fa1de289a66e35a","wrong_record_window":"9192c25b734fcbad"},
  "er-hh-100k/7": {"adj":"641a3a0e7744aeec","acted_window":"9192c25b734fcbad","approval":"840d846adf038571","benefit":"9192c25b734fcbad","benefit_eligible":"9192c25b734fcbad","censor":"946cc2661d32ad83","dissent":"0b1e3c212c8e579a","group":"774afcb2f7a9fc18","household":"6f78049335aa4798","income":"eab30c971065a78a","income_mult":"4b9ec50c10c8498f","knowledge":"b1f3786282743497","lost_opportunities":"946cc2661d32ad83","risk":"4909e8b60f3c59d0","trait":"c726b3c89afc8c6b","watch":"4b9ec50c10c8498f","wealth":"b32d876147afd6aa","wealth_initial":"b32d876147afd6aa","wrong_record_window":"9192c25b734fcbad"},
  "generators": {"gnm-1000-400000":"492242c4776dae73","gnm-50000-250000":"a29cd7e3ee35f665","gnm-200000-1000000":"10b2cc6b6de9a69a","gnp":"59825c6bbc9f0338","cliques":"7c45ac4240ceb4e5","merge":"7e75c95adc80152c"},
};

describe('build identity (hashes pinned before the build was optimised)', () => {
  for (const [name, n, graph, population] of GRAPHS) {
    for (const seed of [1, 7]) {
      it(`${name} seed ${seed}`, async () => {
        const got = await worldHashes(n, graph, seed, population);
        if (process.env.PRINT_HASHES) console.log(`HASH ${name}/${seed} ${JSON.stringify(got)}`);
        expect(got).toEqual(EXPECTED[`${name}/${seed}`]);
      }, 60_000);
    }
  }

  it('generators and merge alone', () => {
    const out: Record<string, string> = {};
    for (const [n, m] of [[1000, 400_000], [50_000, 250_000], [200_000, 1_000_000]] as const) {
      const el = erdosRenyiGNM(n, m, makeRng(`gnm-${n}-${m}`));
      out[`gnm-${n}-${m}`] = sha(el.src, el.dst);
    }
    const p = erdosRenyiGNP(20_000, 0.0005, makeRng('gnp'));
    out.gnp = sha(p.src, p.dst);
    const hh = new Int32Array(30_000);
    const r = makeRng('hh');
    for (let i = 0, h = 0; i < hh.length; h++) for (let s = 1 + r.poisson(2); s > 0 && i < hh.length; s--) hh[i++] = h;
    const cl = householdCliques(hh);
    out.cliques = sha(cl.src, cl.dst, cl.layer!);
    const g = erdosRenyiGNM(30_000, 150_000, makeRng('merge'));
    const mg = mergeEdgeLists(30_000, withLayer(g, LAYER_ONLINE), cl, { n: 30_000, src: cl.dst, dst: cl.src });
    out.merge = sha(mg.src, mg.dst, mg.layer!);
    if (process.env.PRINT_HASHES) console.log(`HASH generators ${JSON.stringify(out)}`);
    expect(out).toEqual(EXPECTED.generators);
  });
});
