/**
 * Conversions between edge lists, the flat adjacency of the step loop, and graphology graphs.
 *
 * graphology (https://graphology.github.io) is used for building from files, export and one-off
 * algorithms; it costs ≈ 330 bytes per tie, so convert only when needed (docs/benchmark.md#performance-facts).
 * Ties carry their layer as an edge attribute `layer` = 'offline' | 'online' | 'both' (the codes
 * 1 | 2 | 3 of core/adjacency.ts); nodes are keyed by `keys[i]` (default `String(i)`).
 */
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE, type AdjacencyView } from '../core/adjacency.js';
import { PairTable } from './pair-table.js';
import type { EdgeList } from './types.js';

/** Node attribute columns: `attrs[name][i]` is node i's value (NaN and null are left out). */
export type NodeColumns = Record<string, ArrayLike<string | number | boolean | null>>;

export interface ToGraphologyOptions {
  /** Node keys, one per node (default: '0', '1', …). */
  keys?: ArrayLike<string>;
  /** Node attributes, one column per name. */
  nodes?: NodeColumns;
}

const LAYER_NAMES: Record<number, string> = {
  [LAYER_OFFLINE]: 'offline',
  [LAYER_ONLINE]: 'online',
  [LAYER_BOTH]: 'both',
};

/** 'offline' | 'online' | 'both' for a layer code, '' for others. */
export function layerName(code: number): string {
  return LAYER_NAMES[code] ?? '';
}

/** Layer code of a name ('offline', 'online', 'both', any case) or of a code 1–3; 0 if neither. */
export function layerCode(value: unknown): number {
  if (typeof value === 'number') return value === 1 || value === 2 || value === 3 ? value : 0;
  if (typeof value !== 'string') return 0;
  switch (value.trim().toLowerCase()) {
    case 'offline':
    case '1':
      return LAYER_OFFLINE;
    case 'online':
    case '2':
      return LAYER_ONLINE;
    case 'both':
    case '3':
      return LAYER_BOTH;
    default:
      return 0;
  }
}

/**
 * An undirected graphology graph of an edge list. Self-ties and repeated ties are skipped; edge
 * keys are the tie indices as strings, so the same list always gives the same file.
 */
export function edgeListToGraphology(el: EdgeList, attrs: ToGraphologyOptions = {}): UndirectedGraph {
  const graph = new UndirectedGraph();
  const keys = nodeKeys(el.n, attrs.keys);
  addNodes(graph, keys, attrs.nodes);
  const { src, dst, layer } = el;
  for (let e = 0; e < src.length; e++) {
    const a = keys[src[e]!]!;
    const b = keys[dst[e]!]!;
    if (a === undefined || b === undefined) {
      throw new RangeError(`graphs/convert: tie ${e} (${src[e]}–${dst[e]}) has a node outside 0..${el.n - 1}`);
    }
    if (a === b || graph.hasEdge(a, b)) continue;
    graph.addEdgeWithKey(String(e), a, b, layer ? { layer: layerName(layer[e]!) } : {});
  }
  return graph;
}

/**
 * The flat adjacency of the step loop as a graphology graph (for export or one-off algorithms),
 * with each tie's layer and the given node attribute columns.
 */
export function adjacencyToGraphology(adj: AdjacencyView, keys?: ArrayLike<string>, nodeAttrs?: NodeColumns): UndirectedGraph {
  const graph = new UndirectedGraph();
  const k = nodeKeys(adj.n, keys);
  addNodes(graph, k, nodeAttrs);
  let e = 0;
  for (let i = 0; i < adj.n; i++) {
    const s = adj.start[i]!;
    for (let slot = s; slot < s + adj.deg[i]!; slot++) {
      const j = adj.targets[slot]!;
      if (i < j) graph.addEdgeWithKey(String(e++), k[i]!, k[j]!, { layer: layerName(adj.layer[slot]!) });
    }
  }
  return graph;
}

/**
 * An edge list of any graphology graph, nodes numbered in graph order (`keys[i]` is node i's key).
 * Directed edges count as undirected ties, parallel edges are collapsed (their layers OR-ed),
 * self-loops are dropped. `el.layer` is present when some edge has a `layer` attribute
 * ('offline', 'online', 'both' or 1–3); edges without one then count as 'both'.
 */
export function graphologyToEdgeList(graph: AbstractGraph): { el: EdgeList; keys: string[] } {
  const keys = graph.nodes();
  const n = keys.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(keys[i]!, i);
  const seen = new PairTable(n, graph.size, true);
  const src = new Int32Array(graph.size);
  const dst = new Int32Array(graph.size);
  const layer = new Uint8Array(graph.size);
  let hasLayer = false;
  let m = 0;
  graph.forEachEdge((_edge, attr, s, t) => {
    const i = index.get(s)!;
    const j = index.get(t)!;
    if (i === j) return;
    let code = layerCode(attr.layer);
    if (code) hasLayer = true;
    else code = LAYER_BOTH;
    const at = seen.get(i, j);
    if (at >= 0) {
      layer[at]! |= code;
      return;
    }
    seen.add(i, j, m);
    src[m] = i;
    dst[m] = j;
    layer[m++] = code;
  });
  const el: EdgeList = { n, src: src.slice(0, m), dst: dst.slice(0, m) };
  if (hasLayer) el.layer = layer.slice(0, m);
  return { el, keys };
}

function nodeKeys(n: number, keys?: ArrayLike<string>): ArrayLike<string> {
  if (!keys) return Array.from({ length: n }, (_, i) => String(i));
  if (keys.length !== n) throw new RangeError(`graphs/convert: ${keys.length} node keys for ${n} nodes`);
  return keys;
}

function addNodes(graph: UndirectedGraph, keys: ArrayLike<string>, columns?: NodeColumns): void {
  const names = Object.keys(columns ?? {});
  for (const name of names) {
    if (columns![name]!.length !== keys.length) {
      throw new RangeError(`graphs/convert: node attribute '${name}' has ${columns![name]!.length} values for ${keys.length} nodes`);
    }
  }
  for (let i = 0; i < keys.length; i++) {
    const attr: Record<string, string | number | boolean> = {};
    for (const name of names) {
      const v = columns![name]![i];
      if (v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v))) attr[name] = v;
    }
    if (graph.hasNode(keys[i]!)) throw new RangeError(`graphs/convert: node key '${keys[i]}' appears twice`);
    graph.addNode(keys[i]!, attr);
  }
}
