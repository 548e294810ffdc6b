/**
 * Watts–Strogatz small-world graph: a ring lattice whose ties are rewired with probability p.
 *
 * Reference: D. J. Watts and S. H. Strogatz (1998), "Collective dynamics of 'small-world'
 * networks", Nature 393, 440–442, doi:10.1038/30918. The rewiring order follows networkx's
 * `watts_strogatz_graph`: for each distance d = 1 .. k/2, for each node u, the tie u–(u+d mod n)
 * is, with probability p, replaced by u–w with w drawn uniformly among the nodes that are not u
 * and not yet tied to u (u is skipped if it is already tied to every other node). The tie count
 * stays n·k/2, so the mean degree stays exactly k.
 */
import type { Rng } from '../core/rng.js';
import { checkInt, checkReal } from './check.js';
import { PairTable } from './pair-table.js';
import type { EdgeList } from './types.js';

/** Ring of `n` nodes each tied to its `k` nearest neighbours (k even), rewired with probability `p`. */
export function wattsStrogatz(n: number, k: number, p: number, rng: Rng): EdgeList {
  checkInt('watts-strogatz', 'n', n, 1, 2 ** 30);
  checkInt('watts-strogatz', 'k', k, 0, n - 1);
  if (k % 2 !== 0) throw new RangeError(`graphs/watts-strogatz: k must be even, got ${k}`);
  checkReal('watts-strogatz', 'p', p, 0, 1);
  const half = k / 2;
  const m = n * half;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const ties = new PairTable(n, m);
  for (let d = 1; d <= half; d++) {
    for (let u = 0; u < n; u++) {
      const e = (d - 1) * n + u;
      src[e] = u;
      dst[e] = (u + d) % n;
      ties.add(u, dst[e]!);
    }
  }
  if (p === 0) return { n, src, dst };
  const deg = new Int32Array(n).fill(k);
  for (let e = 0; e < m; e++) {
    if (!(rng() < p)) continue;
    const u = src[e]!;
    if (deg[u]! >= n - 1) continue;
    let w = rng.int(n);
    while (w === u || ties.has(u, w)) w = rng.int(n);
    const v = dst[e]!;
    ties.delete(u, v);
    ties.add(u, w);
    deg[v]!--;
    deg[w]!++;
    dst[e] = w;
  }
  return { n, src, dst };
}
