/**
 * Household cliques: the offline layer of ties.
 *
 * Household sizes follow the usual "1 + Poisson(mean − 1)" shifted Poisson of epidemic network
 * models (e.g. F. Ball, D. Mollison and G. Scalia-Tomba (1997), "Epidemics with two levels of
 * mixing", Ann. Appl. Probab. 7, 46–89, doi:10.1214/aoap/1034625252): every agent lives with
 * everyone else in its household, so the household is a clique of offline ties (layer code
 * `LAYER_OFFLINE`). `mergeEdgeLists` (merge.ts) joins it with an online friendship graph.
 */
import { LAYER_OFFLINE } from '../core/adjacency.js';
import type { Rng } from '../core/rng.js';
import { checkInt, checkReal } from './check.js';
import type { EdgeList } from './types.js';

/**
 * Household ids for `n` agents: households of size 1 + Poisson(meanSize − 1) filled with
 * consecutive agents (ids 0, 0, 1, 2, 2, 2, …); the last household is cut at n.
 */
export function assignHouseholds(n: number, meanSize: number, rng: Rng): Int32Array {
  checkInt('households', 'n', n, 0);
  checkReal('households', 'meanSize', meanSize, 1, 1e6);
  const household = new Int32Array(n);
  let h = 0;
  for (let i = 0; i < n; h++) {
    const end = Math.min(n, i + 1 + rng.poisson(meanSize - 1));
    for (; i < end; i++) household[i] = h;
  }
  return household;
}

/**
 * Ties between all members of each household, with layer `LAYER_OFFLINE`. `household[i]` is agent
 * i's household id; a negative id means agent i lives alone. Members need not be consecutive.
 * Cost Σ size², so keep households small.
 */
export function householdCliques(household: Int32Array): EdgeList {
  const n = household.length;
  let max = -1;
  for (let i = 0; i < n; i++) if (household[i]! > max) max = household[i]!;
  // dense ids: count members per id, or compress sparse ids through a map
  let ids = household;
  let groups = max + 1;
  if (max > 4 * n + 16) {
    const map = new Map<number, number>();
    ids = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const h = household[i]!;
      if (h < 0) {
        ids[i] = -1;
        continue;
      }
      let c = map.get(h);
      if (c === undefined) map.set(h, (c = map.size));
      ids[i] = c;
    }
    groups = map.size;
  }
  const first = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) if (ids[i]! >= 0) first[ids[i]! + 1]!++;
  let ties = 0;
  for (let g = 0; g < groups; g++) {
    const s = first[g + 1]!;
    ties += (s * (s - 1)) / 2;
    first[g + 1] = first[g]! + s;
  }
  const members = new Int32Array(first[groups]!);
  const fill = first.slice(0, groups);
  for (let i = 0; i < n; i++) if (ids[i]! >= 0) members[fill[ids[i]!]!++] = i;
  const src = new Int32Array(ties);
  const dst = new Int32Array(ties);
  let e = 0;
  for (let g = 0; g < groups; g++) {
    for (let a = first[g]!; a < first[g + 1]!; a++) {
      for (let b = a + 1; b < first[g + 1]!; b++) {
        src[e] = members[a]!;
        dst[e++] = members[b]!;
      }
    }
  }
  return { n, src, dst, layer: new Uint8Array(ties).fill(LAYER_OFFLINE) };
}
