/**
 * `scorelab list`: presets, one line each; `--regimes`: every plug-in by id, grouped by family;
 * `--metrics` and `--graphs`: every metric and graph model, built-in and defined outside (--plugin).
 */
import { FAMILIES } from '../../core/contracts.js';
import { allGraphs } from '../../graphs/registry.js';
import { allMetrics, isBuiltinMetric } from '../../metrics/registry.js';
import '../../scenario/graphs.js'; // registers the built-in graph models
import { listPresets } from '../../scenario/load.js';
import { pluginsOf, SECTION } from '../../scenario/registry.js';
import { parse } from '../args.js';

export const usage = `Usage: scorelab list [--regimes] [--metrics] [--graphs] [--plugin FILE]

Lists the preset scenarios (run one with: scorelab run <name>).
  --regimes      every plug-in by id — regimes, observation mechanisms, safeguards, adaptations, behaviour — by family
  --metrics      every metric column, with its formula and reference
  --graphs       every graph model (graph.model), with its parameters
  --plugin FILE  also list the plug-ins, metrics and graph models of a module
  -h, --help     this help`;

export async function list(argv: string[]): Promise<number> {
  const { values } = parse(argv, { regimes: { type: 'boolean' }, metrics: { type: 'boolean' }, graphs: { type: 'boolean' }, plugin: { type: 'string', multiple: true } }, usage);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.plugin?.length) {
    const { loadPluginModule } = await import('../../scenario/load.js');
    for (const p of values.plugin) await loadPluginModule(p);
  }
  if (values.regimes) {
    for (const f of [...FAMILIES.filter((x) => x !== 'behaviour'), 'behaviour' as const]) {
      const ps = pluginsOf(f);
      console.log(`${SECTION[f]} (${ps.length})`);
      const w = Math.max(0, ...ps.map((p) => p.id.length));
      for (const p of ps) console.log(`  ${p.id.padEnd(w)}  ${p.summary}`);
      console.log('');
    }
    return 0;
  }
  if (values.metrics) {
    for (const m of allMetrics()) {
      const unit = (m as { unit?: string }).unit;
      const outside = isBuiltinMetric(m.id) ? '' : '  (defined outside the library)';
      console.log(`${m.columns.join(', ')}  —  ${m.doc.split('\n')[0]}${unit ? ` [${unit}]` : ''}${m.reference ? `  [${m.reference}]` : ''}${outside}`);
    }
    return 0;
  }
  if (values.graphs) {
    const gs = allGraphs();
    const w = Math.max(0, ...gs.map((g) => g.id.length));
    for (const g of gs) {
      const ps = Object.keys(g.params).map((k) => (g.builtin ? `graph.${k}` : `graph.params.${k}`));
      console.log(`${g.id.padEnd(w)}  ${g.title} — ${g.doc}${ps.length ? `; parameters: ${ps.join(', ')}` : ''}${g.builtin ? '' : '  (defined outside the library)'}`);
    }
    return 0;
  }
  const presets = listPresets();
  const w = Math.max(0, ...presets.map((p) => p.name.length));
  for (const p of presets) console.log(`${p.name.padEnd(w)}  ${p.title || p.description.split('\n')[0]}`);
  return 0;
}
