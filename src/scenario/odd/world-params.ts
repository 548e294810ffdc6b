/**
 * The world parameters of the ODD (population, graph, detection, time, recording; src/scenario/odd.ts):
 * unit, meaning and source of each in `WORLD_PARAMS`, and `worldParams(scenario)`, their rows with
 * value and default.
 */
import { resolveScenario, type ResolvedScenario } from '../resolve.js';
import type { OddParam } from './model.js';
import { findGraph } from '../../graphs/registry.js';

interface WorldParamDoc {
  unit: string;
  doc: string;
  source: string;
}

const D = {
  model: 'docs/model.md#entities',
  defaults: 'docs/calibration.md#world-defaults',
  emergence: 'docs/model.md#emergence-not-assertion',
  time: 'docs/model.md#time',
};
const NOT_FROM_SOURCE = `modelling assumption, not from a source: a parameter to sweep (${D.defaults})`;

/** Unit, meaning and source of every world parameter; keys are paths in the resolved scenario. */
export const WORLD_PARAMS: Record<string, WorldParamDoc> = {
  seed: { unit: 'integer', doc: 'seed of every random stream of the run', source: 'run setting (docs/model.md#common-random-numbers)' },
  steps: { unit: 'steps', doc: 'number of steps the run lasts', source: `run setting (${D.time})` },
  daysPerStep: { unit: 'days per step', doc: 'length of one step', source: `run setting; rules are stated in days and converted (${D.time})` },
  'population.agents': { unit: 'agents', doc: 'number of agents (from the graph file when there is one)', source: 'run setting (scale)' },
  'population.standard': { unit: 'true/false', doc: 'false: no standard population (no households, groups, wealth, income, traits): agents have ids, a group only from a graph file, and plug-in columns (classic models that need no economy)', source: 'modelling choice of the scenario (docs/benchmark.md#a-population-without-the-economy)' },
  'population.scorePrecision': { unit: 'float64 | float32', doc: 'storage of the primary score: float32 halves its memory at large populations; its measured effect on outcomes is in docs/benchmark.md', source: 'run setting (docs/benchmark.md#float32-scores)' },
  'graph.order': { unit: 'as-built | bfs | rcm', doc: 'internal numbering of the agents: as built (default), or renumbered at build time so that tied agents get nearby indices (bfs: breadth-first; rcm: reverse Cuthill–McKee), which speeds the neighbour passes on large graphs. Public ids, the population and the ties per public id are unchanged; the per-agent draws of the steps are keyed by the internal index, so another order gives a different, equally valid realisation (the same order and seed reproduce it bit for bit)', source: 'run setting; Cuthill & McKee, Proc. 24th ACM national conference (1969) (docs/benchmark.md#locality-graphorder)' },
  'graph.multigraph': { unit: 'true/false', doc: 'true: keep self-ties and repeated ties (voter and rewiring models); false: a simple graph', source: 'modelling choice of the scenario (docs/benchmark.md#multigraphs)' },
  'population.minorityShare': { unit: 'share of agents', doc: 'share of households in the minority group', source: NOT_FROM_SOURCE },
  'population.wealthMedian': { unit: 'currency units', doc: 'median initial wealth (lognormal)', source: NOT_FROM_SOURCE },
  'population.wealthSigma': { unit: 'sd of log wealth', doc: 'spread of initial wealth', source: NOT_FROM_SOURCE },
  'population.minorityWealthRatio': { unit: 'ratio', doc: 'minority median wealth and income ÷ majority median (1 = equal)', source: `modelling choice: equal by default so that any disparity emerges (${D.emergence})` },
  'population.incomeMedian': { unit: 'currency units per day', doc: 'median income potential (lognormal)', source: NOT_FROM_SOURCE },
  'population.incomeSigma': { unit: 'sd of log income', doc: 'spread of income potential', source: NOT_FROM_SOURCE },
  'population.incomeWealthCorrelation': { unit: 'correlation', doc: 'correlation of log income with log wealth', source: NOT_FROM_SOURCE },
  'population.householdSize': { unit: 'persons', doc: 'mean household size; sizes are 1 + Poisson(mean − 1)', source: `shifted Poisson as in Ball, Mollison & Scalia-Tomba, Ann. Appl. Probab. 7:46–89 (1997); the mean: ${NOT_FROM_SOURCE}` },
  'population.traits': { unit: 'acts per agent per day', doc: 'mean propensity by domain (violations; civic = good deeds; speech = dissent)', source: NOT_FROM_SOURCE },
  'population.traitSigma': { unit: 'sd of log propensity', doc: 'lognormal spread of individual propensities around the mean', source: NOT_FROM_SOURCE },
  'population.knowledgeShare': { unit: 'share of agents', doc: 'share of agents who know the rules', source: 'MERICS (2020): only 11% of people in pilot areas knew of their local scheme [S] (docs/calibration.md#public-opinion)' },
  'population.approval': { unit: 'approval in [0, 1]', doc: 'mean initial approval of the system', source: 'Kostka (2019): about 80% approve [S] (docs/calibration.md#public-opinion)' },
  'graph.model': { unit: 'generator', doc: 'tie generator: erdos-renyi (G(N, M) from meanDegree, or G(N, p) with graph.p), watts-strogatz, barabasi-albert, sbm, households-only or file; or a generator registered with registerGraph (its parameters in graph.params)', source: `modelling choice (${D.model})` },
  'graph.meanDegree': { unit: 'ties per agent', doc: 'mean number of social ties (before household ties); for erdos-renyi G(N, M) with M = round(N·k/2); with graph.p the expected mean degree p(N − 1)', source: NOT_FROM_SOURCE },
  'graph.p': { unit: 'probability per pair of agents', doc: 'erdos-renyi only, instead of meanDegree: G(N, p), each pair a tie independently with probability p (default: absent, G(N, M))', source: 'Gilbert, Ann. Math. Statist. 30:1141 (1959); sampled by geometric skips, Batagelj & Brandes, Phys. Rev. E 71:036113 (2005); the value: ' + NOT_FROM_SOURCE },
  'graph.rewire': { unit: 'probability', doc: 'Watts–Strogatz rewiring probability', source: 'Watts & Strogatz, Nature 393:440 (1998); the value: ' + NOT_FROM_SOURCE },
  'graph.homophily': { unit: 'share in [0, 1)', doc: 'stochastic block model: how far within-group ties exceed random mixing', source: 'Holland, Laskey & Leinhardt, Social Networks 5:109 (1983); the value: ' + NOT_FROM_SOURCE },
  'graph.households': { unit: 'on/off', doc: 'add a clique of offline ties within each household', source: `modelling choice (${D.model})` },
  'graph.file': { unit: 'path', doc: 'network file (edge list CSV, GEXF, GraphML) that replaces the generator', source: 'user data' },
  'graph.onlineOnlyShare': { unit: 'share of ties', doc: 'share of social ties that exist online only', source: NOT_FROM_SOURCE },
  'graph.offlineOnlyShare': { unit: 'share of ties', doc: 'share of social ties that exist offline only', source: NOT_FROM_SOURCE },
  detect: { unit: 'probability per act', doc: 'base probability that an act in a domain becomes a record', source: NOT_FROM_SOURCE },
  minorityDetectRatio: { unit: 'ratio', doc: 'minority detection probability ÷ majority (differential surveillance; capped at probability 1)', source: 'docs/model.md#differential-surveillance; the value: ' + NOT_FROM_SOURCE },
  evidenceQuality: { unit: 'd′ (sd units)', doc: 'evidence quality of a record by domain: a true record’s evidence is d′ + z, a mistaken one’s z (z ~ N(0, 1)); deciders (reviewers, adjudicators, courts, officials) weigh it and never see the truth', source: 'signal detection: Green & Swets, Signal Detection Theory and Psychophysics (1966); the value 1.5: ' + NOT_FROM_SOURCE },
  primaryScore: { unit: 'column', doc: 'score column the metrics read (null: the first scoring regime)', source: 'run setting' },
  metrics: { unit: 'metric ids', doc: 'metrics recorded (docs/metrics.md)', source: 'run setting' },
  'record.every': { unit: 'steps', doc: 'record the metrics every K steps (and at the last step)', source: 'run setting' },
  'record.params': { unit: 'by metric', doc: 'parameters of metrics (e.g. score_esteban_ray.alpha)', source: 'docs/metrics.md' },
  plugins: { unit: 'module paths', doc: 'plug-in modules loaded from outside the library', source: 'run setting' },
};

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** World parameters of a resolved scenario, each with value, default, unit, doc and source. */
export function worldParams(s: ResolvedScenario): OddParam[] {
  const base = resolveScenario({});
  const rows: OddParam[] = [];
  const add = (name: string, value: unknown, docKey = name) => {
    const d = WORLD_PARAMS[docKey];
    rows.push({
      name,
      value,
      default: get(base, name) ?? null,
      unit: d?.unit ?? '',
      doc: d?.doc ?? '(not documented)',
      source: d?.source ?? '',
    });
  };
  for (const k of ['seed', 'steps', 'daysPerStep']) add(k, get(s, k));
  for (const [k, v] of Object.entries(s.population ?? {})) {
    if (k === 'traits' && v && typeof v === 'object') for (const [d, x] of Object.entries(v)) add(`population.traits.${d}`, x, 'population.traits');
    else add(`population.${k}`, v);
  }
  for (const [k, v] of Object.entries(s.graph ?? {})) {
    if (k !== 'params' || !v || typeof v !== 'object') add(`graph.${k}`, v);
    else {
      // a generator defined outside the library: its own table says unit, meaning and source
      const table = findGraph(s.graph.model)?.params ?? {};
      for (const [p, x] of Object.entries(v)) {
        const d = table[p];
        rows.push({ name: `graph.params.${p}`, value: x, default: d?.default ?? null, unit: d?.unit ?? '', doc: d?.doc ?? '(not documented)', source: d?.source ?? `graph generator '${s.graph.model}' (defined outside the library)` });
      }
    }
  }
  for (const [d, v] of Object.entries(s.detect ?? {})) add(`detect.${d}`, v, 'detect');
  add('minorityDetectRatio', s.minorityDetectRatio);
  for (const [d, v] of Object.entries(s.evidenceQuality ?? {})) add(`evidenceQuality.${d}`, v, 'evidenceQuality');
  add('primaryScore', s.primaryScore);
  add('metrics', s.metrics);
  add('record.every', s.record.every);
  add('record.params', s.record.params);
  add('plugins', s.plugins);
  return rows;
}
