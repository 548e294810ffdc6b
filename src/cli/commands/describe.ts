/**
 * `scorelab describe`: an ODD-style description (Grimm et al. 2020, "The ODD protocol for
 * describing agent-based models") of a scenario: purpose, entities, process by stage, and every
 * parameter with its value, default, unit and source.
 */
import { STAGES, type AnyPlugin } from '../../core/contracts.js';
import { POPULATION_DEFAULTS } from '../../core/populate.js';
import { metricById } from '../../metrics/index.js';
import { buildSimulation } from '../../scenario/build.js';
import { loadScenario } from '../../scenario/load.js';
import { findPlugin, SECTION } from '../../scenario/registry.js';
import { DETECT_DEFAULTS, EVIDENCE_QUALITY_DEFAULTS, GRAPH_DEFAULTS, graphText, type ResolvedScenario } from '../../scenario/resolve.js';
import { FAMILIES } from '../../core/contracts.js';
import { intFlag, parse } from '../args.js';
import { oddDocument, oddMarkdown, pluginParams } from '../../scenario/odd.js';

export const usage = `Usage: scorelab describe <scenario file or preset> [options]

Prints an ODD-style description: purpose, entities, the process stage by stage, and every
parameter with its value, default, unit and source.

describe never runs code from the scenario: the modules of its 'plugins:' list are not loaded
(there is no --allow-plugins here); it lists them and the mechanisms they would define. Name a
module with --plugin FILE to load it (you then run its code) and describe its mechanisms too.

Options:
  --odd             the full ODD protocol (Grimm et al. 2020) as Markdown, for a paper appendix
  --json            the description as JSON (with --odd: the ODD document as JSON)
  --set path=value  override any scenario field before describing it, e.g.
                    --set regimes.fico.approvalThreshold=650 (repeatable)
  --plugin FILE     load plug-ins from a .ts or .js module and describe them too (repeatable)
  --agents N        number of agents
  -h, --help        this help`;

/** The options describe accepts (each is listed in its usage; tests/cli/options.test.ts checks). */
export const OPTIONS = {
  json: { type: 'boolean' },
  odd: { type: 'boolean' },
  set: { type: 'string', multiple: true },
  plugin: { type: 'string', multiple: true },
  agents: { type: 'string' },
} as const;

export function describeScenario(s: ResolvedScenario, extra: AnyPlugin[] = []) {
  const tiny = structuredClone(s);
  tiny.population.agents = Math.min(s.population.agents, 60);
  const plugins = FAMILIES.flatMap((f) =>
    Object.entries(s[SECTION[f]]).map(([id, values]) => {
      const spec = extra.find((p) => p.id === id) ?? findPlugin(id)!;
      const params = pluginParams(spec, values);
      return { id, family: spec.family, title: spec.title, doc: spec.doc, sources: spec.sources, params };
    }),
  );
  let process: Record<string, string[]> = {};
  if (!s.graph.file) {
    const sim = buildSimulation(tiny, { plugins: extra });
    process = Object.fromEntries(STAGES.map((st) => [st, sim.instances.filter((i) => i.hooks[st]).map((i) => i.spec.id)]));
  }
  const world = [
    ...Object.entries(s.population).filter(([k]) => k !== 'traits').map(([k, v]) => ({ name: `population.${k}`, value: v, default: (POPULATION_DEFAULTS as any)[k] })),
    ...Object.entries(s.population.traits).map(([k, v]) => ({ name: `population.traits.${k}`, value: v, default: (POPULATION_DEFAULTS.traits as any)[k], unit: 'per day' })),
    ...Object.entries(s.graph).map(([k, v]) => ({ name: `graph.${k}`, value: v, default: (GRAPH_DEFAULTS as any)[k] ?? null })),
    ...Object.entries(s.detect).map(([k, v]) => ({ name: `detect.${k}`, value: v, default: (DETECT_DEFAULTS as any)[k], unit: 'probability' })),
    { name: 'minorityDetectRatio', value: s.minorityDetectRatio, default: 1 },
    ...Object.entries(s.evidenceQuality).map(([k, v]) => ({ name: `evidenceQuality.${k}`, value: v, default: (EVIDENCE_QUALITY_DEFAULTS as any)[k], unit: 'd′ (sd units)' })),
  ];
  return {
    name: s.name,
    title: s.title,
    purpose: s.description,
    watch: s.watch,
    run: { seed: s.seed, steps: s.steps, daysPerStep: s.daysPerStep, recordEvery: s.record.every },
    entities: {
      agents: `${s.population.agents} agents in two groups (minority share ${s.population.minorityShare}), households of mean size ${s.population.householdSize}`,
      graph: `${graphText(s.graph, s.population.agents)}${!s.graph.file && s.graph.households ? ', plus household cliques' : ''}`,
    },
    process,
    plugins,
    world,
    metrics: s.metrics.map((id) => ({ id, columns: metricById(id)?.columns ?? [], doc: metricById(id)?.doc ?? '' })),
  };
}

function show(v: unknown): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export async function describe(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, usage);
  if (values.help || positionals.length !== 1) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const loaded = await loadScenario(positionals[0]!, { set: values.set ?? [], pluginModules: values.plugin ?? [], agents: intFlag('agents', values.agents, 2), skipPlugins: true, checkMemory: false });
  // a scenario's own plug-in modules are code: describe lists them and never loads them
  if (loaded.notLoaded) {
    const nl = loaded.notLoaded;
    console.error(`scorelab describe: plug-in modules not loaded (describe never runs a scenario's code; load one with --plugin FILE): ${nl.modules.join(', ')}${nl.entries.length ? `; not described: ${nl.entries.join(', ')}` : ''}`);
  }
  if (values.odd) {
    const odd = oddDocument(loaded.scenario, { plugins: loaded.plugins, graph: loaded.graph });
    console.log(values.json ? JSON.stringify(odd, null, 2) : oddMarkdown(odd));
    return 0;
  }
  const d = describeScenario(loaded.scenario, loaded.plugins);
  if (values.json) {
    console.log(JSON.stringify(d, null, 2));
    return 0;
  }
  const out: string[] = [];
  out.push(`# ${d.title || d.name}`, '');
  out.push('## Overview', '', `Purpose: ${d.purpose || '(none given)'}`);
  if (d.watch) out.push('', `What to watch: ${d.watch}`);
  out.push('', `Entities: ${d.entities.agents}; ${d.entities.graph}.`);
  out.push(`Time: ${d.run.steps} steps of ${d.run.daysPerStep} day(s); seed ${d.run.seed}; metrics recorded every ${d.run.recordEvery} step(s).`, '');
  out.push('## Process (one step)', '');
  const core: Record<string, string> = {
    observe: 'core: each act is recorded with probability detect[domain, group] × watch',
    publish: 'core: listings whose notice period has ended take effect',
    sanction: 'core: income multipliers reset before sanctions apply',
    record: 'core: the chosen metrics',
  };
  for (const [st, ids] of Object.entries(d.process)) {
    const parts = [...(core[st] ? [`(${core[st]})`] : []), ...ids];
    out.push(`  ${st.padEnd(9)} ${parts.length ? parts.join(', ') : '—'}`);
  }
  out.push('', '## Mechanisms and parameters', '');
  for (const p of d.plugins) {
    out.push(`### ${p.id} (${p.family}) — ${p.title}`, '', p.doc, '');
    if (p.sources.length) out.push(`Sources: ${p.sources.join('; ')}`, '');
    for (const r of p.params) {
      const changed = show(r.value) !== show(r.default) ? ` (default ${show(r.default)})` : ' (default)';
      out.push(`  ${r.name} = ${show(r.value)}${r.unit ? ' ' + r.unit : ''}${changed} — ${r.doc}${r.source ? ` [${r.source}]` : ''}`);
    }
    out.push('');
  }
  out.push('## World', '');
  for (const r of d.world) out.push(`  ${r.name} = ${show(r.value)}${show(r.value) !== show(r.default) ? ` (default ${show(r.default)})` : ''}`);
  out.push('', '## Metrics recorded', '');
  for (const m of d.metrics) out.push(`  ${m.columns.join(', ')}`);
  console.log(out.join('\n'));
  return 0;
}
