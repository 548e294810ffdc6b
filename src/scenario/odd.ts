/**
 * The ODD protocol of a scenario, generated: V. Grimm, S. F. Railsback, C. E. Vincenot, U. Berger,
 * C. Gallagher, D. L. DeAngelis, B. Edmonds, J. Ge, J. Giske, J. Groeneveld, A. S. A. Johnston,
 * A. Milles, J. Nabe-Nielsen, J. G. Polhill, V. Radchuk, M.-S. Rohwäder, R. A. Stillman,
 * J. C. Thiele and D. Ayllón (2020), "The ODD protocol for describing agent-based and other
 * simulation models: a second update to improve clarity, replication, and structural realism",
 * Journal of Artificial Societies and Social Simulation 23(2):7, doi:10.18564/jasss.4259.
 *
 * `oddDocument(scenario, opts)` builds the seven sections (1 purpose and patterns; 2 entities, state
 * variables and scales; 3 process overview and scheduling; 4 the eleven design concepts;
 * 5 initialization; 6 input data; 7 submodels) from the resolved scenario, a tiny build of its world
 * (which plug-in hooks which stage, which agent columns exist) and the plug-ins' own documentation
 * (title, doc, sources, parameter tables, columns). `oddMarkdown(doc)` writes it as Markdown for a
 * paper appendix; the document itself is plain JSON.
 *
 * Nothing is invented: where a plug-in does not give a piece of ODD information (its equations, a
 * source, a unit), the output says so, and `doc.gaps` lists what each plug-in lacks. A plug-in may
 * give its equations as an optional `equations: string[]` (or `odd: { equations }`) member of its
 * spec, read here without a change to the plug-in contract. World parameters (population, graph, detection,
 * time, recording) carry a unit, a default and a source from `WORLD_PARAMS`.
 *
 * The parts live in ./odd/: model.ts (sections, concepts and the document's types), world-params.ts
 * (WORLD_PARAMS, worldParams), plugin-params.ts (pluginParams, shared with `scorelab describe`) and
 * markdown.ts (oddMarkdown); this file builds the document and exports all of them.
 */
import { STAGES, FAMILIES, type AnyPlugin, type Family } from '../core/contracts.js';
import { metricById } from '../metrics/index.js';
import { buildSimulation, type LoadedGraph } from './build.js';
import { UserError } from '../core/errors.js';
import { findPlugin, SECTION } from './registry.js';
import { graphText, type ResolvedScenario } from './resolve.js';
import { ODD_CONCEPTS, ODD_REFERENCE, ODD_SECTIONS, type OddConceptKey, type OddDocument, type OddInfo, type OddStateVariable, type OddSubmodel } from './odd/model.js';
import { pluginParams } from './odd/plugin-params.js';
import { worldParams } from './odd/world-params.js';

export {
  ODD_CONCEPTS,
  ODD_REFERENCE,
  ODD_SECTIONS,
  type OddConceptKey,
  type OddDocument,
  type OddInfo,
  type OddParam,
  type OddSectionKey,
  type OddStateVariable,
  type OddSubmodel,
} from './odd/model.js';
export { WORLD_PARAMS, worldParams } from './odd/world-params.js';
export { oddMarkdown } from './odd/markdown.js';
export { pluginParams } from './odd/plugin-params.js';

const CORE_STAGE: Record<string, string[]> = {
  behave: ['the step’s act and record buffers, experience, benefit and eligibility flags are cleared'],
  observe: ['each act becomes a record with probability detect[domain, group] × watch[agent] (keyed draw)'],
  publish: ['listings whose notice period has ended take effect'],
  sanction: ['income multipliers reset to 1 before the sanctions; afterwards the step’s experience (sanctions, rewards, lost income and opportunities) is settled'],
  adapt: ['afterwards step += 1 and day += daysPerStep'],
  record: ['at every K-th step and the last: the chosen metrics, then the plug-ins’ own columns'],
};

/** Equations a plug-in gives: an `equations` member, or `odd.equations` (neither is part of the contract yet). */
function pluginEquations(spec: AnyPlugin): string[] | undefined {
  const s = spec as AnyPlugin & { odd?: OddInfo; equations?: unknown };
  const eq = Array.isArray(s.equations) ? s.equations : s.odd?.equations;
  return eq?.filter((e): e is string => typeof e === 'string');
}

function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'number')) || (!!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'number'));
}

/** Options of `oddDocument`: extra plug-ins and a graph read from a file. */
export interface OddOptions {
  /** Plug-ins from outside the library (a scenario's `plugins:`, `--plugin`). */
  plugins?: AnyPlugin[];
  /** The graph read from `graph.file`, when the scenario has one. */
  graph?: LoadedGraph;
}

/** The full ODD protocol of a resolved scenario, as a JSON-serialisable document. */
export function oddDocument(s: ResolvedScenario, opts: OddOptions = {}): OddDocument {
  const extra = opts.plugins ?? [];
  const specOf = (id: string) => extra.find((p) => p.id === id) ?? findPlugin(id);
  const active = FAMILIES.flatMap((f) => Object.entries(s[SECTION[f]] ?? {}).map(([id, values]) => ({ id, family: f, values, spec: specOf(id) })));

  // a tiny build: which plug-in hooks which stage, and the agent columns that exist
  const tiny = structuredClone(s);
  tiny.population.agents = Math.min(s.population.agents, 60);
  let stageOf = new Map<string, string[]>();
  let columns: OddStateVariable[] = [];
  let built = false;
  if (!s.graph.file || opts.graph) {
    let sim;
    try {
      sim = buildSimulation(opts.graph ? s : tiny, { plugins: extra, graph: opts.graph });
    } catch (e) {
      // a 60-agent world can miss what the full one has (an sbm graph needs both groups): build it whole
      if (!(e instanceof UserError) || opts.graph) throw e;
      sim = buildSimulation(s, { plugins: extra });
    }
    built = true;
    stageOf = new Map(sim.instances.map((i) => [i.spec.id, [...(i.hooks.init ? ['init'] : []), ...STAGES.filter((st) => i.hooks[st]), ...(i.hooks.finish ? ['finish'] : [])]]));
    columns = [...sim.world.pop.info.values()].map((c) => ({ name: c.name, type: c.kind, owner: c.owner, doc: c.doc }));
  }

  const submodels: OddSubmodel[] = active.map(({ id, family, values, spec }) => {
    if (!spec) return { id, family, title: '(unknown plug-in)', stages: [], description: '', equations: null, sources: [], params: [], agentColumns: [], stepColumns: [], lacks: ['everything: the plug-in was not found'] };
    const params = pluginParams(spec, values);
    const eq = pluginEquations(spec);
    const lacks: string[] = [];
    if (!eq?.length) lacks.push('equations');
    if (!spec.sources?.length) lacks.push('sources');
    if (!spec.doc) lacks.push('description');
    const noUnit = params.filter((p) => isNumeric(p.default) && !p.unit).map((p) => p.name);
    if (noUnit.length) lacks.push(`unit of ${noUnit.join(', ')}`);
    const noSource = params.filter((p) => !p.source).map((p) => p.name);
    if (noSource.length) lacks.push(`source of ${noSource.join(', ')}`);
    return {
      id,
      family,
      title: spec.title,
      stages: stageOf.get(id) ?? [],
      description: spec.doc,
      equations: eq?.length ? [...eq] : null,
      sources: [...(spec.sources ?? [])],
      params,
      agentColumns: columns.filter((c) => c.owner === id).map((c) => c.name),
      stepColumns: [...(spec.columns ?? [])],
      lacks,
    };
  });

  const core: OddSubmodel = {
    id: 'core',
    family: 'core',
    title: 'The core: detection of acts, settling of listings, income multipliers, recording',
    stages: ['behave', 'observe', 'publish', 'sanction', 'record'],
    description:
      'Acts are made by the behaviour plug-ins; the core turns each act into a record when it is observed, and only records reach the regimes. ' +
      'Before the publish stage it settles listings whose notice period has ended; before the sanction stage it resets every income multiplier to 1, so that sanctioning regimes multiply it; ' +
      'after the sanction stage it settles the step’s experience (who was sanctioned or rewarded, income and opportunities lost), which the perceptions of the behaviour model read.',
    equations: [
      'P(act k of agent i in domain d becomes a record) = detect[d, g_i] · watch_i, drawn as keyed u(i, day, 4d + kind, ordinal) < P',
      'detect[d, majority] = detect.d;  detect[d, minority] = min(1, detect.d · minorityDetectRatio)',
      'incomeMult_i ← 1 at the start of the sanction stage; each sanctioning regime multiplies it',
    ],
    sources: ['docs/model.md#observe', 'docs/model.md#sanction'],
    params: [],
    agentColumns: columns.filter((c) => c.owner === 'core').map((c) => c.name),
    stepColumns: ['step', 'day', 'seed'],
    lacks: [],
  };

  const ids = (fam: Family) => active.filter((a) => a.family === fam).map((a) => a.id);
  const titled = (fam: Family) => active.filter((a) => a.family === fam).map((a) => `${a.id} (${a.spec?.summary ?? a.spec?.title ?? ''})`);
  const metricCols = s.metrics.flatMap((m) => metricById(m)?.columns ?? [m]);
  const hasStandard = active.some((a) => a.id === 'standard');
  const list = (xs: string[], none: string) => (xs.length ? xs.join('; ') : none);

  const concepts: Record<OddConceptKey, string> = {
    basicPrinciples:
      'Each mechanism is a claim of the source (an article on the human-rights implications of scoring systems) turned into a rule that can be switched on, off or tuned, so that a claimed outcome either emerges in a measured experiment or does not (docs/model.md#emergence-not-assertion). ' +
      'Every decider sees only what it could see: records and their evidence, never whether a record is mistaken (docs/model.md#decisions-on-evidence). ' +
      `Mechanisms in this scenario — behaviour: ${list(ids('behaviour'), 'none')}; observation: ${list(ids('observation'), 'none')}; regimes: ${list(ids('regime'), 'none')}; safeguards: ${list(ids('safeguard'), 'none')}; adaptations: ${list(ids('adaptation'), 'none')}. ` +
      'The theories each rests on are the sources of its submodel (section 7).',
    emergence:
      `No rule sets the recorded outcomes (${metricCols.join(', ')}); they result from the interplay of the mechanisms above on the social graph. ` +
      'A mechanism’s effect is read against a control run with the mechanism off and the same seed (docs/model.md#emergence-not-assertion).',
    adaptation: ids('adaptation').length
      ? `Agents adapt through the adaptation plug-ins: ${titled('adaptation').join('; ')}. Their rules are in section 7.`
      : 'No adaptation plug-in is active: agents do not drop or seek ties, self-censor, game, opt in or out, or appeal in response to the regimes.' +
        (hasStandard ? ' Their acts still respond to perceived sanctions and rewards through the behaviour model (see Learning).' : ''),
    objectives:
      'Agents maximise no explicit objective function. They adapt for the motives the source gives (docs/model.md#motives-not-rates): a rule in section 7 states what an agent does when its motive is present, and an effect without its cause is not written in.',
    learning: hasStandard
      ? 'The standard behaviour model keeps, for each agent, a perceived certainty that a violation is sanctioned and a perceived severity (and the same for rewards), updated at the adapt stage from the agent’s own acts and sanctions, its neighbours’ sanctions and published sanctions; agents who know the rules start from the true rate of observation (standard behaviour, section 7). Decision rules themselves do not change.'
      : `The behaviour plug-ins of this scenario (${list(ids('behaviour'), 'none')}) state no learning; decision rules do not change.`,
    prediction:
      'Agents make no explicit forecasts; their perceptions (see Learning) are estimates of the present rules.' +
      (active.some((a) => a.id === 'predictive-profiling') ? ' The predictive-profiling observation plug-in predicts who will offend from records and watches them more (section 7).' : ' No institution in this scenario predicts future conduct.'),
    sensing:
      'Institutions sense acts only as records (section 3, observe), with the detection probabilities of section 5. Agents sense what the experience channel gives them: their own sanctions and rewards, their neighbours’ and published sanctions. ' +
      'Deciders (reviewers, courts, officials) sense a case’s records and evidence and the person’s answer; whether a record is mistaken is ground truth, readable only by the metrics (docs/model.md#decisions-on-evidence).',
    interaction:
      `Agents interact through the social graph (${s.graph.file ? `ties from ${s.graph.file}` : s.graph.model === 'erdos-renyi' || s.graph.params ? graphText(s.graph, s.population.agents) : `${s.graph.model}, mean degree ${s.graph.meanDegree}`}${s.graph.households ? ', plus household cliques' : ''}): scores that read neighbours’ scores, neighbours’ sanctions as vicarious experience, and ties dropped or made by adaptation plug-ins. ` +
      'They interact indirectly through institutions: lists and scores published to others, guards of safeguards that block or delay listings, and policies that safeguards set and regimes honour.',
    stochasticity:
      `All randomness comes from named streams forked from the seed (${s.seed}): the graph, households, traits, and each plug-in’s own. Per-agent draws are keyed by (agent, day, purpose), so switching one mechanism changes only the draws it must (common random numbers; docs/model.md#common-random-numbers). ` +
      'Random elements: the graph, group membership by household, wealth, income and propensities, whether an agent acts in a step (probability 1 − exp(−rate·Δ)), whether an act is observed, and the plug-ins’ draws stated in section 7.',
    collectives:
      `Households (mean size ${s.population.householdSize}; all members share a group${s.graph.households ? '; a household is a clique of offline ties' : ''}) and the two groups (minority share ${s.population.minorityShare}). ` +
      'Association sanctions, where active, reach household members. Lists and score strata are categories the metrics read, not collectives with behaviour of their own.',
    observation:
      `At step 0, every ${s.record.every} step(s) and at the last step the run records ${metricCols.length} column(s) to steps.csv (${metricCols.join(', ')}), plus the plug-ins’ own columns; agents.csv holds every agent’s final state; manifest.json the resolved parameters, seed and version. Metric formulas: docs/metrics.md.`,
  };

  const params = worldParams(s);
  const stages = STAGES.map((st) => ({ stage: st, core: CORE_STAGE[st] ?? [], plugins: active.filter((a) => (stageOf.get(a.id) ?? []).includes(st)).map((a) => a.id) }));
  const gaps = submodels.filter((m) => m.lacks.length).map((m) => ({ plugin: m.id, lacks: m.lacks }));
  const days = s.steps * s.daysPerStep;

  return {
    protocol: { name: 'ODD', version: '2020', reference: ODD_REFERENCE },
    scenario: { name: s.name, title: s.title, file: s.file ? shownPath(s.file) : s.file },
    sections: ODD_SECTIONS.map((x, i) => ({ number: i + 1, key: x.key, title: x.title })),
    purposeAndPatterns: {
      purpose: s.description || '(the scenario gives no description)',
      patterns: s.watch ? [s.watch] : ['(the scenario names no pattern to watch; the outcomes are those listed under Observation)'],
    },
    entities: {
      entities: [
        { name: 'agents', description: `${s.population.agents} persons in two groups (minority share ${s.population.minorityShare}), living in households of mean size ${s.population.householdSize}` },
        { name: 'ties', description: s.graph.file ? `undirected ties read from ${s.graph.file}` : `undirected ties of ${s.graph.params ? `the ${graphText(s.graph, s.population.agents)}` : s.graph.model === 'erdos-renyi' ? `an ${graphText(s.graph, s.population.agents)}` : `a ${s.graph.model} graph with mean degree ${s.graph.meanDegree}`}${s.graph.households ? ', plus household cliques' : ''}; each tie is online, offline or both, and ties can be dropped and made during a run` },
        { name: 'institutions', description: `the plug-ins of section 7: ${list(active.filter((a) => a.family !== 'behaviour').map((a) => a.id), 'none')}` },
      ],
      stateVariables: built ? columns : [],
      scales: {
        temporal: `one step = ${s.daysPerStep} day(s); ${s.steps} steps = ${days} days (≈ ${(days / 365).toFixed(2)} years)`,
        spatial: 'no physical space: agents are placed only by their ties (a network)',
      },
    },
    process: {
      overview: 'Each step runs seven stages in order; at each, the core does its part and then every plug-in that hooks the stage runs.',
      stages,
      scheduling:
        'Stages run in the order behave → observe → score → publish → sanction → adapt → record. Within a stage, plug-ins run by family (behaviour, observation, regime, safeguard, adaptation) and then in the order the scenario lists them; each sees what the plug-ins before it wrote. How a plug-in updates its agents within its turn (synchronously or in a random order) is stated in its submodel. Time advances by daysPerStep days after the adapt stage.',
    },
    designConcepts: ODD_CONCEPTS.map((c) => ({ key: c.key, title: c.title, text: concepts[c.key] })),
    initialization: {
      text:
        (s.graph.file ? `The agents and ties are those of ${s.graph.file}; ` : 'The population and the ties are drawn from the seed: ') +
        (s.population.standard === false
          ? 'the standard population is left out (population.standard: false): no households, wealth, income, propensities or knowledge; agents have only their ids, a group where the graph file gives one, and the columns the plug-ins add. '
          : 'households of size 1 + Poisson(mean − 1) with one group each; lognormal wealth and income potential (correlated logs); lognormal propensities by domain around the means; risk attitude uniform; knowledge of the rules with probability knowledgeShare; approval ≈ N(approval, 0.15) clipped to [0, 1]. ') +
        (s.graph.order
          ? `The agents are then renumbered inside the run (graph.order: ${s.graph.order}, ${s.graph.order === 'rcm' ? 'reverse Cuthill–McKee' : 'breadth-first'}) so that tied agents have nearby indices; each keeps its public id, its attributes and its ties, but the per-agent draws of the steps are keyed by the internal index, so the run is a different, equally valid realisation of the as-built one. `
          : '') +
        `Then every plug-in is created and its init hook runs (${list(active.filter((a) => (stageOf.get(a.id) ?? []).includes('init')).map((a) => a.id), 'none has one')}), and step 0 is recorded. The parameters below fix the initial state; the same seed gives the same world.`,
      parameters: params,
    },
    inputData: {
      text: s.graph.file
        ? `The network is read from ${s.graph.file}; no other external data drive the run (no time series).`
        : 'None: no external data drive the run (no time series, no network file).' + (s.plugins.length ? ` Plug-in modules: ${s.plugins.join(', ')}.` : ''),
    },
    submodels: [core, ...submodels],
    metrics: s.metrics.map((id) => {
      const m = metricById(id);
      return { id, columns: m?.columns ?? [id], doc: m?.doc ?? '(unknown metric)', reference: m?.reference ?? '' };
    }),
    gaps,
  };
}

/** A file as the document names it: relative to the working folder when inside it (no machine's folders in a report). */
function shownPath(file: string): string {
  if (typeof process === 'undefined' || !process.cwd || !file.startsWith('/')) return file;
  const cwd = process.cwd().replace(/\/+$/, '') + '/';
  return file.startsWith(cwd) ? file.slice(cwd.length) : file;
}
