/**
 * The graph-generator registry: the built-in models (src/scenario/graphs.ts: erdos-renyi,
 * watts-strogatz, barabasi-albert, sbm, households-only, file) and generators defined outside the
 * library (`defineGraph` + `registerGraph`, an experiment's `plugins: [...]`, or a module of a
 * scenario's `plugins:` list). A scenario's `graph.model` is looked up here; an outside model's
 * parameters are given in `graph.params` and checked against its table.
 */
import { UserError } from '../core/errors.js';
import type { ParamTable, ParamValues } from '../core/params.js';
import type { Rng } from '../core/rng.js';
import type { EdgeList } from './types.js';

/** What a generator may read besides its parameters: the population drawn before the ties. */
export interface GraphContext {
  /** Group of each agent (0 majority, 1 minority), drawn before the ties. */
  readonly group: Uint8Array;
  /** Household of each agent (household cliques are added after the generator, when `graph.households`). */
  readonly household: Int32Array;
  /** The scenario file, for messages. */
  readonly file?: string;
}

/** Ties as an `EdgeList` (typed arrays) or as pairs of agent ids `[[0, 1], [1, 2]]`. */
export type GraphEdges = EdgeList | readonly (readonly [number, number])[];

/** What `defineGraph` takes. */
export interface GraphDefinition<T extends ParamTable = ParamTable> {
  /** Id used as a scenario's `graph.model`, kebab-case (`ring-lattice`). */
  id: string;
  /** Short title, e.g. "Ring lattice". */
  title: string;
  /** The algorithm in words (shown by `scorelab list --graphs`, `describe` and the ODD protocol). */
  doc: string;
  /** Citation of the algorithm, when any. */
  reference?: string;
  /** Its parameters (num, prob … of src/core/params.ts); a scenario sets them in `graph.params`. */
  params: T;
  /**
   * The ties among agents 0 … n − 1, drawn from `rng` only (so a seed gives the same graph).
   * Undirected; a tie listed twice counts once; a self-tie or an id outside 0 … n − 1 is an error.
   */
  build(n: number, params: ParamValues<T>, rng: Rng, ctx: GraphContext): GraphEdges;
  /** Ties it makes for n agents (an upper estimate, for the memory check); default 5n. */
  expectedTies?(n: number, params: ParamValues<T>): number;
}

/** A graph generator made by `defineGraph`. */
export interface GraphSpec<T extends ParamTable = ParamTable> extends GraphDefinition<T> {
  readonly kind: 'graph';
  /**
   * Built-in models read their parameters from the scenario's `graph` fields (`graph.meanDegree`,
   * `graph.rewire` …) rather than `graph.params`; false for every generator defined outside.
   */
  readonly builtin: boolean;
}

const GRAPH_ID = /^[a-z][a-z0-9-]*$/;

/**
 * Makes a graph generator from a definition; register it with `registerGraph`, list it in an
 * experiment's `plugins`, or export it from a plug-in module.
 *
 *   export const ringLattice = defineGraph({
 *     id: 'ring-lattice', title: 'Ring lattice', doc: 'each agent tied to its k nearest on a ring',
 *     params: { k: num(4, { min: 2, max: 100, int: true, unit: 'ties per agent', doc: 'even degree' }) },
 *     build(n, p) { const ties: [number, number][] = []; … return ties; },
 *   });
 */
export function defineGraph<T extends ParamTable>(def: GraphDefinition<T>): GraphSpec<T> {
  if (!def || typeof def !== 'object') throw new UserError('defineGraph: expected { id, title, doc, params, build }');
  if (typeof def.id !== 'string' || !GRAPH_ID.test(def.id)) throw new UserError(`defineGraph: id '${String(def.id)}' must be kebab-case (a-z, 0-9, -)`);
  if (typeof def.build !== 'function') throw new UserError(`defineGraph: '${def.id}' needs build(n, params, rng, ctx)`);
  if (!def.params || typeof def.params !== 'object') throw new UserError(`defineGraph: '${def.id}' needs a params table ({} for none)`);
  return Object.freeze({ ...def, kind: 'graph' as const, builtin: false });
}

/** Whether a value is a graph generator made by `defineGraph` (how a plug-in module's exports are sorted). */
export function isGraphSpec(v: unknown): v is GraphSpec {
  return !!v && typeof v === 'object' && (v as GraphSpec).kind === 'graph' && typeof (v as GraphSpec).build === 'function';
}

const builtins = new Map<string, GraphSpec>();
const outside = new Map<string, GraphSpec>();

/** Adds a built-in model (src/scenario/graphs.ts); the same registry `registerGraph` fills. */
export function registerBuiltinGraph(spec: GraphDefinition<any>): void {
  builtins.set(spec.id, Object.freeze({ ...spec, kind: 'graph' as const, builtin: true }));
}

/** Adds a graph generator defined outside the library. Re-registering the same id replaces it. */
export function registerGraph(spec: GraphSpec<any>): void {
  if (!isGraphSpec(spec)) throw new UserError('registerGraph: expected a graph generator made by defineGraph (with id, params and build)');
  if (!GRAPH_ID.test(spec.id)) throw new UserError(`registerGraph: id '${spec.id}' must be kebab-case (a-z, 0-9, -)`);
  if (builtins.has(spec.id)) throw new UserError(`registerGraph: '${spec.id}' is a built-in graph model; choose another id`);
  outside.set(spec.id, spec);
}

/** Every graph model: the built-ins, then the registered ones. */
export function allGraphs(): GraphSpec[] {
  return [...builtins.values(), ...outside.values()];
}

/** The graph model with this id. */
export function findGraph(id: string): GraphSpec | undefined {
  return builtins.get(id) ?? outside.get(id);
}

/**
 * The ties a generator returned as an `EdgeList`: pairs converted, a repeated tie kept once; an id
 * outside 0 … n − 1, a non-integer id or a self-tie is a UserError naming the generator. In a
 * multigraph (`graph.multigraph: true`) self-ties and repeated ties are kept as the generator gave them.
 */
export function toEdgeList(id: string, n: number, edges: GraphEdges, multigraph = false): EdgeList {
  const isList = !Array.isArray(edges) && typeof edges === 'object' && edges !== null && 'src' in edges;
  const m = isList ? (edges as EdgeList).src.length : (edges as readonly (readonly [number, number])[]).length;
  const at = (e: number): [number, number] => (isList ? [(edges as EdgeList).src[e]!, (edges as EdgeList).dst[e]!] : [(edges as any)[e]?.[0], (edges as any)[e]?.[1]]);
  const src: number[] = [];
  const dst: number[] = [];
  const seen = new Set<number>();
  for (let e = 0; e < m; e++) {
    const [a, b] = at(e);
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= n || b >= n) {
      throw new UserError(`graph model '${id}': tie ${e} is (${a}, ${b}); expected two agent ids, integers in 0 … ${n - 1}`);
    }
    if (multigraph) {
      src.push(a);
      dst.push(b);
      continue;
    }
    if (a === b) throw new UserError(`graph model '${id}': tie ${e} is (${a}, ${b}), a self-tie; expected two different agents (or graph.multigraph: true)`);
    const lo = Math.min(a, b);
    const key = lo * n + Math.max(a, b);
    if (seen.has(key)) continue;
    seen.add(key);
    src.push(a);
    dst.push(b);
  }
  const el: EdgeList = { n, src: Int32Array.from(src), dst: Int32Array.from(dst) };
  if (isList && (edges as EdgeList).layer && src.length === m) el.layer = (edges as EdgeList).layer;
  return el;
}
