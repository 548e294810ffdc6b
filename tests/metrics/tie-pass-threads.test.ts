/**
 * The tie pass with the run's threads (src/metrics/tie-pass.ts byteKeyPass: the per-agent packed
 * counts of kernel K_TIE_BYTE_COUNTS, the neighbour sums of src/core/neighbour-sums.ts, added up in
 * agent order; on one thread the fused loop on a miss of the kept sums, the kernel on a hit) gives
 * the pass without threads its totals bit for bit — with mixed layer codes and with every code 3
 * (not read), an agent of degree ≥ 256 (counted field by field), agents without ties, with and
 * without node values, values on a Float32 grid — on one, two and three threads (the workers run
 * dist/: `npm run build`).
 */
import { describe, expect, it } from 'vitest';
import { Adjacency, LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../../src/core/adjacency.js';
import { makeRng } from '../../src/core/rng.js';
import { attachParallel } from '../../src/core/threads.js';
import { tiePass } from '../../src/metrics/tie-pass.js';

function world(mixed = true) {
  const n = 3000;
  const r = makeRng('tie-pass-threads');
  const src: number[] = [], dst: number[] = [], lay: number[] = [];
  const codes = [LAYER_BOTH, LAYER_ONLINE, LAYER_OFFLINE];
  for (let e = 0; e < 12000; e++) {
    src.push(r.int(n - 10)), dst.push(r.int(n - 10)), lay.push(mixed ? codes[r.int(3)]! : LAYER_BOTH);
  }
  for (let j = 1; j < 400; j++) (src.push(0), dst.push(j), lay.push(LAYER_BOTH)); // a hub of degree ≥ 256
  const adj = Adjacency.fromEdges(n, src, dst, lay); // the last 10 agents have no ties
  const labels = Uint8Array.from({ length: n }, () => r.int(5));
  const groups = Uint8Array.from({ length: n }, () => r.int(2));
  const v = Float64Array.from({ length: n }, () => r.normal());
  return { adj, labels, groups, v };
}

describe('tie pass on threads', () => {
  it('gives the totals of the pass without threads, bit for bit, on one, two and three threads', () => {
    for (const mixed of [true, false]) {
      const { adj, labels, groups, v } = world(mixed);
      expect(adj.endsNotBoth === 0).toBe(!mixed);
      const grid = Float64Array.from(v, (x) => Math.round(x * 64) / 64); // exactly Float32: the fused loop reads a Float32 copy
      for (const x of [v, grid, null]) {
        const plain = tiePass(adj, labels, 5, groups, 2, x);
        for (const threads of [1, 2, 3]) {
          const par = attachParallel({}, threads);
          try {
            // twice: the second finds the neighbour sums kept (then only the counts are taken)
            for (let k = 0; k < 2; k++) {
              const t = tiePass(adj, labels, 5, groups, 2, x, par);
              expect(t).toEqual(plain);
              expect(Object.is(t.xsums?.[3], plain.xsums?.[3])).toBe(true);
            }
          } finally {
            par.close();
          }
        }
      }
    }
    const { adj, labels, groups, v } = world();
    expect(tiePass(adj, labels, 5, groups, 2, v).xsums).not.toBeNull();
  });
});
