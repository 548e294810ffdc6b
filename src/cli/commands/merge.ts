/** `scorelab merge`: shards of a sweep → the tables of the whole sweep. */
import { relative } from 'node:path';
import { mergeShards } from '../../experiment/merge.js';
import { parse } from '../args.js';
import { renderAfter } from './sweep.js';

export const usage = `Usage: scorelab merge <shard folder>… --out DIR

Combines the folders written by \`scorelab sweep <experiment> --shard i/N --out …\` into DIR, with
the same runs.csv, steps.csv, steps.arrow, failures.csv, sensitivity.csv and manifest.json as an
unsharded sweep (byte for byte). Refuses folders of different experiments, of different
definitions of one experiment or of different scorelab versions, shards given twice or
overlapping, and missing or unfinished shards (it says which, and how to finish them).

Options:
  --out DIR     folder for the merged sweep (required; not one of the shard folders)
  --no-render   no figures and report (otherwise drawn as at the end of a sweep)
  --quiet       no summary
  -h, --help    this help

Exit status: 0 merged, every run finished; 1 merged, some runs had failed (see failures.csv);
2 bad input.`;

export async function merge(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, quiet: { type: 'boolean' }, 'no-render': { type: 'boolean' } }, usage);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!positionals.length || !values.out) {
    console.error(`scorelab merge: expected shard folders and --out DIR\n\n${usage}`);
    return 2;
  }
  const r = mergeShards(positionals, values.out, { onWarning: (m) => console.error(`scorelab merge: warning: ${m}`) });
  if (!values.quiet) {
    const rel = relative(process.cwd(), r.dir);
    const failed = r.failed ? `, ${r.failed} failed (see failures.csv)` : '';
    console.log(`scorelab merge ${r.plan.experiment.id}: ${r.shards.length} folder(s), ${r.completed} of ${r.planned} runs finished${failed}`);
    console.log(`results in ${rel && !rel.startsWith('..') ? rel : r.dir}/ (${r.files.join(', ')})`);
  }
  if (r.completed > 0 && !values['no-render']) await renderAfter(r.dir, Boolean(values.quiet), 'merge');
  return r.failed ? 1 : 0;
}
