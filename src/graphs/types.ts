/**
 * The edge list: the exchange format of the graph generators and graph files.
 *
 * Generators produce ties as two parallel typed arrays instead of a graphology graph, because
 * graphology costs ≈ 330 bytes per tie (≈ 3.3 GB at 10M ties, docs/benchmark.md#performance-facts) while an
 * edge list costs 8–9 bytes per tie. Feed it to `Adjacency.fromEdges(el.n, el.src, el.dst, el.layer)`
 * for the step loop, or to `edgeListToGraphology` (convert.ts) for export and one-off algorithms.
 */

/**
 * An undirected graph on the nodes `0 .. n-1`: tie `e` joins `src[e]` and `dst[e]`.
 *
 * Everything in `src/graphs/` produces *simple* edge lists: every tie appears once, in either
 * orientation (the order of `src[e]` and `dst[e]` carries no meaning), and there are no self-ties.
 * `layer[e]`, when present, is a layer code of `core/adjacency.ts` (`LAYER_OFFLINE` = 1,
 * `LAYER_ONLINE` = 2, `LAYER_BOTH` = 3); without it every tie counts as `LAYER_BOTH`, as in
 * `Adjacency.fromEdges`.
 */
export interface EdgeList {
  n: number;
  src: Int32Array;
  dst: Int32Array;
  layer?: Uint8Array;
}
