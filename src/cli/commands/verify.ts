/** `scorelab verify`: re-run runs of a committed sweep and check they reproduce byte for byte. */
import { verifySweep } from '../../report/verify.js';
import { intFlag, parse } from '../args.js';

export const usage = `Usage: scorelab verify <results folder> [--all] [--sample N] [--seed S] [--experiment FILE]

Re-runs a deterministic sample of the sweep's runs (3 by default) from plan.json and the
experiment file, and checks that each run's recorded rows and summary equal the committed ones
byte for byte: runs/<run_id>.json when the folder has it, else the run's rows of steps.csv and its
row of runs.csv, compared as the CSV text the sweep writes. For a run that differs it names the
run, the step, the column and the two values. Refuses a folder whose definition no longer matches
the experiment file, and says which part changed.

Options:
  --all              every committed run instead of a sample
  --sample N         runs in the sample (default 3)
  --seed S           seed of the sample (default 0; the same seed picks the same runs)
  --experiment FILE  the experiment file, when it is no longer where plan.json says
  --quiet            only differences
  -h, --help         this help

Exit status: 0 every run checked reproduces; 1 some differ; 2 bad input (no sweep folder, a
changed definition, no experiment file).`;

export async function verify(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { all: { type: 'boolean' }, sample: { type: 'string' }, seed: { type: 'string' }, experiment: { type: 'string' }, quiet: { type: 'boolean' } },
    usage,
  );
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`scorelab verify: expected one results folder, found ${positionals.length}\n\n${usage}`);
    return 2;
  }
  const quiet = Boolean(values.quiet);
  const r = await verifySweep(positionals[0]!, {
    all: Boolean(values.all),
    sample: intFlag('sample', values.sample, 1),
    seed: intFlag('seed', values.seed, 0),
    experiment: values.experiment,
    onRun: (line, c) => {
      if (c.difference || c.against === 'none') console.error(line);
      else if (!quiet) console.log(line);
    },
    onWarning: (m) => console.error(`scorelab verify: warning: ${m}`),
  });
  const n = r.checked.length;
  if (r.differ) console.error(`scorelab verify: ${r.differ} of ${n} run(s) checked do not reproduce`);
  else if (!quiet) console.log(`scorelab verify: ${n} of ${r.committed} committed run(s) checked; all reproduce byte for byte`);
  return r.differ ? 1 : 0;
}
