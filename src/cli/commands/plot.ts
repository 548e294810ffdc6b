/** `scorelab plot`: the declared figures of an experiment, drawn from its results folder. */
import { relative } from 'node:path';
import { plotExperiment } from '../../plots/plot.js';
import { parse } from '../args.js';

export const usage = `Usage: scorelab plot <results folder> [--only id,…] [--experiment FILE]

Draws every figure the experiment declares (figures: in its file; recorded in plan.json) from the
folder's tables — points.csv (means and 95 % intervals per design point), effects.csv (paired
differences from the control) — and, for distributions and network pictures, from a re-run of
replicate 0 of the chosen point with the sweep's own seed (checked against the sweep's record).
Writes figures/<id>.vl.json (vega-lite spec), figures/<id>.svg and figures/<id>.png.

Options:
  --only ids         only these figures (comma-separated ids)
  --experiment FILE  the experiment file, when it is no longer where plan.json says
  --quiet            no summary
  -h, --help         this help

Exit status: 0 every figure drawn; 1 some could not be drawn (each is named with its reason);
2 bad input.`;

function shown(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

export async function plot(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { only: { type: 'string' }, experiment: { type: 'string' }, quiet: { type: 'boolean' } }, usage);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`scorelab plot: expected one results folder, found ${positionals.length}\n\n${usage}`);
    return 2;
  }
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const r = await plotExperiment(positionals[0]!, { only, experiment: values.experiment });
  for (const f of r.failed) console.error(`scorelab plot: figure '${f.id}' (${f.kind}) not drawn: ${f.error}`);
  if (!values.quiet) {
    if (!r.figures.length && !r.failed.length) console.log(`scorelab plot: the experiment declares no figures (figures: in its file)`);
    for (const f of r.figures) {
      console.log(`${f.id} (${f.kind}): ${shown(f.files[2]!)} (${f.seconds.toFixed(2)} s)${f.reproduction?.some((x) => x.reproduced === false) ? ' — its re-run did NOT reproduce the sweep' : ''}`);
    }
    if (r.figures.length) console.log(`figures in ${shown(r.dir)}/ (.vl.json, .svg, .png)`);
  }
  return r.failed.length ? 1 : 0;
}
