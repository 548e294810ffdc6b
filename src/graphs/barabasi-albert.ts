/**
 * Barabási–Albert preferential attachment.
 *
 * Reference: A.-L. Barabási and R. Albert (1999), "Emergence of scaling in random networks",
 * Science 286, 509–512, doi:10.1126/science.286.5439.509. Implementation as in networkx's
 * `barabasi_albert_graph`: start from a star on nodes 0..m (centre 0); each new node s = m+1 ..
 * n−1 ties to m distinct earlier nodes drawn from the "repeated nodes" list, in which every node
 * appears once per tie it has, so a node is drawn with probability proportional to its degree.
 * Tie count m·(n − m); mean degree 2m(n − m)/n → 2m.
 */
import type { Rng } from '../core/rng.js';
import { checkInt } from './check.js';
import type { EdgeList } from './types.js';

/** `n` nodes, each new node attaching to `m` distinct existing nodes by degree. */
export function barabasiAlbert(n: number, m: number, rng: Rng): EdgeList {
  checkInt('barabasi-albert', 'n', n, 2, 2 ** 30);
  checkInt('barabasi-albert', 'm', m, 1, n - 1);
  const ties = m * (n - m);
  if (ties > 2 ** 30) throw new RangeError(`graphs/barabasi-albert: m·(n − m) = ${ties} ties is too many`);
  const src = new Int32Array(ties);
  const dst = new Int32Array(ties);
  const repeated = new Int32Array(2 * ties);
  let e = 0;
  let r = 0;
  for (let leaf = 1; leaf <= m; leaf++) {
    src[e] = 0;
    dst[e++] = leaf;
    repeated[r++] = 0;
    repeated[r++] = leaf;
  }
  const chosen = new Int32Array(n).fill(-1);
  for (let s = m + 1; s < n; s++) {
    const first = e;
    while (e - first < m) {
      const t = repeated[rng.int(r)]!;
      if (chosen[t] === s) continue;
      chosen[t] = s;
      src[e] = s;
      dst[e++] = t;
    }
    for (let x = first; x < e; x++) {
      repeated[r++] = dst[x]!;
      repeated[r++] = s;
    }
  }
  return { n, src, dst };
}
