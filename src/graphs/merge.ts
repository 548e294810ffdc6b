/**
 * Union of edge lists into one multi-layer list (e.g. online friendships + household cliques).
 *
 * Layer codes are those of `core/adjacency.ts`, bit 1 = offline, bit 2 = online: a tie found in
 * several lists gets the OR of their codes, so a friend who is also a household member is tied in
 * both layers (docs/model.md#adapt, "social cleanup" spills from online into offline life).
 */
import { LAYER_BOTH } from '../core/adjacency.js';
import { checkInt } from './check.js';
import { EdgeBuffer } from './edge-buffer.js';
import { PairTable } from './pair-table.js';
import type { EdgeList } from './types.js';

/** A copy of `el`'s ties with every layer code set to `code` (e.g. `LAYER_ONLINE` for friendships). */
export function withLayer(el: EdgeList, code: number): EdgeList {
  return { n: el.n, src: el.src, dst: el.dst, layer: new Uint8Array(el.src.length).fill(code) };
}

/**
 * The union of several edge lists on `n` nodes: self-ties dropped, a tie present in several
 * lists (or twice in one) kept once, at its first position, with the OR of its layer codes. A
 * list without `layer` counts as `LAYER_BOTH`, as in `Adjacency.fromEdges`; give it a code first
 * with `withLayer`. The result always has `layer`.
 */
export function mergeEdgeLists(n: number, ...lists: EdgeList[]): EdgeList {
  checkInt('merge', 'n', n, 0);
  let total = 0;
  for (const el of lists) total += el.src.length;
  const index = new PairTable(n, total, true);
  const out = new EdgeBuffer(total, true);
  for (let l = 0; l < lists.length; l++) {
    const { src, dst, layer } = lists[l]!;
    for (let e = 0; e < src.length; e++) {
      const i = src[e]!;
      const j = dst[e]!;
      if (!(i >= 0 && i < n && j >= 0 && j < n)) {
        throw new RangeError(`graphs/merge: list ${l} tie ${e} (${i}–${j}) has a node outside 0..${n - 1}`);
      }
      if (i === j) continue;
      const code = layer ? layer[e]! : LAYER_BOTH;
      const at = index.get(i, j);
      if (at >= 0) out.layer![at]! |= code;
      else {
        index.add(i, j, out.length);
        out.push(i, j, code);
      }
    }
  }
  return out.toEdgeList(n);
}
