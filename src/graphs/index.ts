/**
 * Graph generators and graph files (floor 2).
 *
 * Generators take an `Rng` and return a simple undirected `EdgeList` (typed arrays, ≈ 8 bytes per
 * tie); build the step loop's `Adjacency.fromEdges(el.n, el.src, el.dst, el.layer)` from it, or
 * convert to graphology for files and one-off algorithms. To add a generator: one file with a
 * header naming the algorithm and its reference, a function `(…params, rng) => EdgeList`, and a
 * line here.
 *
 * Browser-safe: graph files (`readGraphFile`, `writeGexf`) need node:fs and live in `./io.js`,
 * which is not re-exported here; import them from there.
 */
export type { EdgeList } from './types.js';
export { erdosRenyiGNM } from './erdos-renyi.js';
export { wattsStrogatz } from './watts-strogatz.js';
export { barabasiAlbert } from './barabasi-albert.js';
export { stochasticBlockModel, sbmProbabilities, type SbmProbabilities } from './sbm.js';
export { assignHouseholds, householdCliques } from './households.js';
export { mergeEdgeLists, withLayer } from './merge.js';
export {
  adjacencyToGraphology,
  edgeListToGraphology,
  graphologyToEdgeList,
  layerCode,
  layerName,
  type NodeColumns,
  type ToGraphologyOptions,
} from './convert.js';
export { PairTable } from './pair-table.js';
