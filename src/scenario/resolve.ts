/**
 * Resolves a checked scenario into a complete, JSON-serialisable description of a run: every
 * default filled in, every plug-in's parameters validated against its table. This resolved form is
 * what the manifest records and what `describe` prints.
 */
import { FAMILIES, type Family } from '../core/contracts.js';
import { didYouMean, UserError } from '../core/errors.js';
import { resolveParams } from '../core/params.js';
import { POPULATION_DEFAULTS, type PopulationParams } from '../core/populate.js';
import { DOMAINS, type Domain } from '../core/population.js';
import { DEFAULT_METRICS, metricById } from '../metrics/index.js';
import { allPlugins, findPlugin, SECTION } from './registry.js';
import { allGraphs, findGraph } from '../graphs/registry.js';
import type { GraphOrder } from '../graphs/relabel.js';
import './graphs.js'; // registers the built-in graph models
import { allMetrics } from '../metrics/registry.js';
import type { ScenarioInput } from './schema.js';

/** The `graph:` section of a resolved scenario. */
export interface GraphParams {
  /**
   * The generator: a built-in model ('erdos-renyi', 'watts-strogatz', 'barabasi-albert', 'sbm',
   * 'households-only', 'file') or one registered with `registerGraph` (src/graphs/registry.ts).
   */
  model: string;
  /**
   * Mean degree. For erdos-renyi it gives G(N, M) with M = round(N·k/2); with `p` it is derived,
   * the expected mean degree p(N − 1).
   */
  meanDegree: number;
  /** erdos-renyi only: G(N, p), each pair a tie with probability p (absent: G(N, M) from meanDegree). */
  p?: number;
  rewire: number;
  homophily: number;
  households: boolean;
  file: string | null;
  onlineOnlyShare: number;
  offlineOnlyShare: number;
  /** A generator defined outside the library only: its parameters, resolved against its table (absent for built-ins). */
  params?: Record<string, unknown>;
  /** Keep self-ties and repeated ties (absent or false: a simple graph). */
  multigraph?: boolean;
  /**
   * The agents' internal numbering (src/graphs/relabel.ts): absent (`as-built`, which resolves to
   * absent, so a scenario that names it resolves as one that does not) keeps the generator's;
   * `bfs` (breadth-first) or `rcm` (reverse Cuthill–McKee) renumber the agents at build time so
   * that tied agents get nearby indices, which speeds the neighbour passes on large graphs. Each
   * agent keeps its public id (the as-built number or the graph file's key) in every output, its
   * population draws and its ties; the step's per-agent draws are keyed by the internal index, so
   * a run with another order is a different, equally valid realisation, not the same numbers
   * (with the same order and seed, the same bit for bit).
   */
  order?: Exclude<GraphOrder, 'as-built'>;
}

export const GRAPH_DEFAULTS: GraphParams = {
  model: 'erdos-renyi',
  meanDegree: 10,
  rewire: 0.1,
  homophily: 0,
  households: true,
  file: null,
  onlineOnlyShare: 0,
  offlineOnlyShare: 0,
};

/**
 * The graph in words, saying which model draws it: for erdos-renyi, G(N, p) or G(N, M). `n` is the
 * number of agents. Household cliques are not included (callers add them).
 */
export function graphText(g: GraphParams, n: number): string {
  if (g.file) return `ties from ${g.file}`;
  const spec = findGraph(g.model);
  if (spec && !spec.builtin) {
    const ps = Object.entries(g.params ?? {}).map(([k, v]) => `${k} = ${JSON.stringify(v)}`);
    return `${g.model} graph (${spec.title}, a generator defined outside the library: ${spec.doc}${ps.length ? `; ${ps.join(', ')}` : ''})`;
  }
  if (g.model === 'erdos-renyi') {
    if (g.p !== undefined) return `erdos-renyi G(N, p) graph: each pair of agents a tie with probability p = ${g.p} (expected mean degree p(N − 1) = ${round4(g.meanDegree)})`;
    const m = Math.min(Math.round((n * g.meanDegree) / 2), (n * (n - 1)) / 2);
    return `erdos-renyi G(N, M) graph: M = round(N·k/2) = ${m} ties drawn uniformly among the pairs (mean degree ${g.meanDegree})`;
  }
  return `${g.model} graph, mean degree ${g.meanDegree}`;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Base probability that an act is observed, by domain. Not from a source: parameters to sweep.
 * Finance and consumption run through payment systems and are seen often; street offences less.
 */
export const DETECT_DEFAULTS: Record<Domain, number> = {
  finance: 0.9,
  law: 0.3,
  commerce: 0.4,
  speech: 0.5,
  civic: 0.5,
  consumption: 0.8,
};

/**
 * Evidence quality d′ by domain (sd units): how far a true record's evidence stands above a
 * mistaken one's (src/core/truth.ts). 1.5 everywhere is a modelling choice (an observation that
 * tells right from wrong about as well as a careful human check; Green & Swets 1966).
 */
export const EVIDENCE_QUALITY_DEFAULTS: Record<Domain, number> = {
  finance: 1.5,
  law: 1.5,
  commerce: 1.5,
  speech: 1.5,
  civic: 1.5,
  consumption: 1.5,
};

/** A scenario section of plug-ins: id to resolved parameters. */
export type PluginSection = Record<string, Record<string, unknown>>;

/** A scenario with every default filled in and every plug-in's parameters checked: what a run's manifest records. */
export interface ResolvedScenario {
  name: string;
  title: string;
  description: string;
  watch: string;
  /** File it came from, when any. */
  file: string | null;
  seed: number;
  steps: number;
  daysPerStep: number;
  population: PopulationParams;
  graph: GraphParams;
  detect: Record<Domain, number>;
  minorityDetectRatio: number;
  /** Evidence quality d′ of a record, by domain (src/core/truth.ts). */
  evidenceQuality: Record<Domain, number>;
  behaviour: PluginSection;
  observation: PluginSection;
  regimes: PluginSection;
  safeguards: PluginSection;
  adaptations: PluginSection;
  plugins: string[];
  primaryScore: string | null;
  metrics: string[];
  record: { every: number; params: Record<string, unknown> };
}

function section(input: ScenarioInput, family: Family, file: string | undefined): PluginSection {
  const name = SECTION[family];
  let raw = input[name];
  if (raw === undefined) raw = family === 'behaviour' ? { standard: {} } : family === 'regime' ? { baseline: {} } : {};
  const out: PluginSection = {};
  for (const [id, params] of Object.entries(raw)) {
    if (params === false) continue; // switched off (see pluginMap in ./schema.ts)
    const spec = findPlugin(id);
    if (!spec) {
      const ids = allPlugins().filter((p) => p.family === family).map((p) => p.id);
      throw new UserError(
        `${file ? file + ': ' : ''}${name}.${id}: unknown ${family} '${id}'${didYouMean(id, allPlugins().map((p) => p.id))}; known ${name}: ${ids.join(', ') || '(none)'}`,
        file,
        `${name}.${id}`,
      );
    }
    if (spec.family !== family) {
      throw new UserError(`${file ? file + ': ' : ''}${name}.${id}: '${id}' is a ${spec.family}; list it under '${SECTION[spec.family]}'`, file, `${name}.${id}`);
    }
    out[id] = resolveParams(spec.params, params === true || params === null || params === undefined ? {} : params, file, `${name}.${id}`) as Record<string, unknown>;
  }
  return out;
}

/** Resolves a checked scenario: fills defaults, checks plug-in and graph-generator parameters and metric ids. */
export function resolveScenario(input: ScenarioInput, file?: string): ResolvedScenario {
  const population: PopulationParams = {
    ...POPULATION_DEFAULTS,
    ...(input.population ?? {}),
    traits: { ...POPULATION_DEFAULTS.traits, ...(input.population?.traits ?? {}) },
  } as PopulationParams;
  const graph: GraphParams = { ...GRAPH_DEFAULTS, ...(input.graph ?? {}) } as GraphParams;
  if ((graph.order as GraphOrder | undefined) === 'as-built') delete graph.order; // the default: resolved as if not named
  if (graph.model === 'file' && !graph.file) {
    throw new UserError(`${file ? file + ': ' : ''}graph.file: expected a path to a graph file (model is 'file'), found nothing`, file, 'graph.file');
  }
  if (graph.file && graph.model !== 'file') graph.model = 'file';
  const gspec = findGraph(graph.model);
  if (!gspec) {
    const ids = allGraphs().map((x) => x.id);
    throw new UserError(`${file ? file + ': ' : ''}graph.model: unknown graph model '${graph.model}'${didYouMean(graph.model, ids)}; known: ${ids.join(', ')}${input.plugins?.length ? ' (a generator of a plug-in module is known once the module is loaded: --allow-plugins or --plugin FILE)' : ''}`, file, 'graph.model');
  }
  if (gspec.builtin) {
    if (input.graph?.params !== undefined) {
      const fields = Object.keys(gspec.params).map((k) => `graph.${k}`);
      throw new UserError(
        `${file ? file + ': ' : ''}graph.params: expected no graph.params with the built-in model ${graph.model} (it takes ${fields.join(', ') || 'no parameters'} as fields of graph), found ${JSON.stringify(input.graph.params)}`,
        file,
        'graph.params',
      );
    }
  } else graph.params = resolveParams(gspec.params, input.graph?.params ?? {}, file, 'graph.params') as Record<string, unknown>;
  if (input.graph?.p !== undefined) {
    const where = file ? file + ': ' : '';
    if (graph.model !== 'erdos-renyi') {
      throw new UserError(`${where}graph.p: expected only with model erdos-renyi (G(N, p)), found model ${graph.model}; ${graph.model} takes graph.meanDegree`, file, 'graph.p');
    }
    if (input.graph.meanDegree !== undefined) {
      throw new UserError(
        `${where}graph.p: expected either p (G(N, p): each pair a tie with probability p) or meanDegree (G(N, M): M = round(N·k/2) ties), found both (p ${input.graph.p}, meanDegree ${input.graph.meanDegree}); remove one`,
        file,
        'graph.p',
      );
    }
    graph.meanDegree = input.graph.p * Math.max(0, population.agents - 1);
  }
  if (graph.onlineOnlyShare + graph.offlineOnlyShare > 1) {
    throw new UserError(`${file ? file + ': ' : ''}graph.onlineOnlyShare: expected onlineOnlyShare + offlineOnlyShare ≤ 1, found ${graph.onlineOnlyShare + graph.offlineOnlyShare}`, file, 'graph.onlineOnlyShare');
  }
  let metrics: string[];
  if (input.metrics === 'all') metrics = allMetrics().map((m) => m.id);
  else metrics = input.metrics ?? DEFAULT_METRICS;
  metrics.forEach((id, k) => {
    if (!metricById(id)) {
      throw new UserError(
        `${file ? file + ': ' : ''}metrics.${k}: unknown metric '${id}'${didYouMean(id, allMetrics().map((m) => m.id))} (scorelab list --metrics)`,
        file,
        `metrics.${k}`,
      );
    }
  });
  const sections = Object.fromEntries(FAMILIES.map((f) => [SECTION[f], section(input, f, file)])) as Record<string, PluginSection>;
  return {
    name: input.name ?? (file ? file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '') : 'scenario'),
    title: input.title ?? input.name ?? '',
    description: input.description ?? '',
    watch: input.watch ?? '',
    file: file ?? null,
    seed: input.seed ?? 1,
    steps: input.steps ?? 100,
    daysPerStep: input.daysPerStep ?? 1,
    population,
    graph,
    detect: { ...DETECT_DEFAULTS, ...(input.detect ?? {}) } as Record<Domain, number>,
    minorityDetectRatio: input.minorityDetectRatio ?? 1,
    evidenceQuality: { ...EVIDENCE_QUALITY_DEFAULTS, ...(input.evidenceQuality ?? {}) } as Record<Domain, number>,
    behaviour: sections.behaviour!,
    observation: sections.observation!,
    regimes: sections.regimes!,
    safeguards: sections.safeguards!,
    adaptations: sections.adaptations!,
    plugins: input.plugins ?? [],
    primaryScore: input.primaryScore ?? null,
    metrics,
    record: { every: input.record?.every ?? 1, params: input.record?.params ?? {} },
  };
}

export { DOMAINS };
