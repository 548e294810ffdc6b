/** `scorelab report`: one self-contained HTML page for a sweep's results folder. */
import { relative } from 'node:path';
import { writeReport } from '../../report/report.js';
import { parse } from '../args.js';

export const usage = `Usage: scorelab report <results folder> [--experiment FILE]

Writes report.html into the folder: one page that needs no network (figures inline as SVG,
styles inline, no scripts) with the question, the claim it tests (quote, source, page), the
mechanism and the control, the expected directions against what effects.csv found (as found,
including effects that did not appear), the figures with captions (draw them first with
scorelab plot), the effects table with 95 % intervals, the parameter table, the ODD description
of the base scenario and the manifest (version, commit, seeds rule, timings).

Options:
  --experiment FILE  the experiment file, when it is no longer where plan.json says
  --quiet            no summary
  -h, --help         this help

Exit status: 0 written; 2 bad input.`;

export async function report(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { experiment: { type: 'string' }, quiet: { type: 'boolean' } }, usage);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`scorelab report: expected one results folder, found ${positionals.length}\n\n${usage}`);
    return 2;
  }
  const r = await writeReport(positionals[0]!, { experiment: values.experiment });
  if (r.missingFigures.length) console.error(`scorelab report: figure(s) ${r.missingFigures.join(', ')} not drawn yet (scorelab plot ${positionals[0]})`);
  if (!values.quiet) {
    const rel = relative(process.cwd(), r.file);
    console.log(`report in ${rel && !rel.startsWith('..') ? rel : r.file}`);
  }
  return 0;
}
