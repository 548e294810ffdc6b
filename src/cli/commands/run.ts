/** `scorelab run`: one scenario, one seed → steps/agents tables, Arrow copies, manifest, summary. */
import { resolve } from 'node:path';
import type { Row } from '../../core/contracts.js';
import { writeNetwork, writeRun } from '../../results/write-run.js';
import { buildSimulation } from '../../scenario/build.js';
import { loadScenario } from '../../scenario/load.js';
import { intFlag, parse } from '../args.js';
import { progress } from '../progress.js';

export const usage = `Usage: scorelab run <scenario file or preset> [options]

Runs one scenario and writes steps.csv, agents.csv, steps.arrow, agents.arrow, figure.svg and
figure.png (every recorded metric over time) and manifest.json.

Options:
  --seed N          root seed (default: the scenario's)
  --steps N         number of steps
  --agents N        number of agents
  --set path=value  override any scenario field, e.g. --set regimes.fico.approvalThreshold=650 (repeatable)
  --plugin FILE     load plug-ins (regimes, safeguards …) from a .ts or .js module (repeatable)
  --gexf            also write the final network as network.gexf (opens in Gephi)
  --out DIR         output folder (default: results/runs/<scenario>-seed<seed>)
  --quiet           no summary
  -h, --help        this help`;

function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(4);
}

/** One-screen summary: first and last recorded values of each column. */
export function summary(rows: Row[], columns: string[]): string {
  const first = rows[0] ?? {};
  const last = rows[rows.length - 1] ?? {};
  const cols = columns.filter((c) => !['step', 'day', 'seed'].includes(c));
  const w = Math.max(...cols.map((c) => c.length), 6);
  const lines = [`${'metric'.padEnd(w)}  ${'start'.padStart(12)}  ${'end'.padStart(12)}`];
  for (const c of cols) lines.push(`${c.padEnd(w)}  ${fmt(first[c] as number).padStart(12)}  ${fmt(last[c] as number).padStart(12)}`);
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      seed: { type: 'string' },
      steps: { type: 'string' },
      agents: { type: 'string' },
      set: { type: 'string', multiple: true },
      plugin: { type: 'string', multiple: true },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      gexf: { type: 'boolean' },
    },
    usage,
  );
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`scorelab run: expected one scenario file or preset name, found ${positionals.length}\n\n${usage}`);
    return 2;
  }
  const loaded = await loadScenario(positionals[0]!, {
    seed: intFlag('seed', values.seed),
    steps: intFlag('steps', values.steps),
    agents: intFlag('agents', values.agents, 2),
    set: values.set ?? [],
    pluginModules: values.plugin ?? [],
  });
  const s = loaded.scenario;
  const out = resolve(values.out ?? `results/runs/${s.name}-seed${s.seed}`);
  const started = new Date();
  const sim = buildSimulation(s, { graph: loaded.graph, plugins: loaded.plugins });
  const bar = progress(`${s.name}`);
  sim.run(s.steps, (d, t) => bar.update(d, t));
  bar.stop();
  const files = await writeRun(out, sim, s, started, new Date());
  if (values.gexf) writeNetwork(resolve(out, 'network.gexf'), sim);
  if (!values.quiet) {
    const secs = ((Date.now() - started.getTime()) / 1000).toFixed(1);
    console.log(`scorelab run ${s.name}: ${sim.world.n} agents, ${sim.world.adj.edgeCount} ties, ${s.steps} steps, seed ${s.seed} (${secs} s)`);
    console.log(summary(sim.rows, sim.columns));
    console.log(`\nresults in ${files.dir}/ (steps.csv, agents.csv, steps.arrow, agents.arrow, figure.png, manifest.json)`);
  }
  return 0;
}
