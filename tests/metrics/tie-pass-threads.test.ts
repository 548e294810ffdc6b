/**
 * The tie pass on the run's threads (src/metrics/tie-pass.ts threadedByteKeys: the per-agent
 * packed counts of kernel K_TIE_BYTE_COUNTS, the neighbour sums of src/core/neighbour-sums.ts,
 * added up in agent order) gives the one-loop pass's totals bit for bit — with mixed layer codes,
 * an agent of degree ≥ 256 (counted field by field), agents without ties, with and without node
 * values — on a pool of two and of three threads (the workers run dist/: `npm run build`; one
 * thread runs the fused loop itself).
 */
import { describe, expect, it } from 'vitest';
import { Adjacency, LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../../src/core/adjacency.js';
import { makeRng } from '../../src/core/rng.js';
import { attachParallel } from '../../src/core/threads.js';
import { tiePass } from '../../src/metrics/tie-pass.js';

function world() {
  const n = 3000;
  const r = makeRng('tie-pass-threads');
  const src: number[] = [], dst: number[] = [], lay: number[] = [];
  const codes = [LAYER_BOTH, LAYER_ONLINE, LAYER_OFFLINE];
  for (let e = 0; e < 12000; e++) {
    src.push(r.int(n - 10)), dst.push(r.int(n - 10)), lay.push(codes[r.int(3)]!);
  }
  for (let j = 1; j < 400; j++) (src.push(0), dst.push(j), lay.push(LAYER_BOTH)); // a hub of degree ≥ 256
  const adj = Adjacency.fromEdges(n, src, dst, lay); // the last 10 agents have no ties
  const labels = Uint8Array.from({ length: n }, () => r.int(5));
  const groups = Uint8Array.from({ length: n }, () => r.int(2));
  const v = Float64Array.from({ length: n }, () => r.normal());
  return { adj, labels, groups, v };
}

describe('tie pass on threads', () => {
  it('gives the totals of the one-loop pass, bit for bit, on two and three threads', () => {
    const { adj, labels, groups, v } = world();
    for (const x of [v, null]) {
      const plain = tiePass(adj, labels, 5, groups, 2, x);
      for (const threads of [2, 3]) {
        const par = attachParallel({}, threads);
        try {
          const t = tiePass(adj, labels, 5, groups, 2, x, par);
          expect(t).toEqual(plain);
          expect(Object.is(t.xsums?.[3], plain.xsums?.[3])).toBe(true);
        } finally {
          par.close();
        }
      }
    }
    expect(tiePass(adj, labels, 5, groups, 2, v).xsums).not.toBeNull();
  });
});
