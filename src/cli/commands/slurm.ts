/** `scorelab slurm`: a ready sbatch job-array script that runs a sweep in shards. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { loadExperiment } from '../../experiment/load.js';
import { makePlan } from '../../experiment/plan.js';
import { slurmScript } from '../../experiment/slurm.js';
import { writeFileAtomic } from '../../results/atomic.js';
import { intFlag, parse } from '../args.js';

export const usage = `Usage: scorelab slurm <experiment file or name> --shards N [options]

Writes a Slurm job-array script (default <out>/sweep.sbatch) whose task i runs
  npx --no-install scorelab sweep <experiment> --shard i/N --resume --out <out>/shard-i
in this folder, with --requeue: a requeued task resumes its shard without redoing finished runs.
Submit it with sbatch; when every task has finished, merge the shards:
  scorelab merge <out>/shard-* --out <out>
The experiment is loaded and checked here first, so mistakes show before anything is queued.

Options:
  --shards N        number of array tasks (required)
  --out DIR         folder for shards, logs and the merged tables (default: results/<experiment id>)
  --partition P     Slurm partition
  --time T          time limit per task, e.g. 02:00:00
  --cpus C          CPUs (and worker threads) per task (default 1)
  --max-parallel M  at most M tasks at once
  --script FILE     where to write the script (default: <out>/sweep.sbatch)
  --replicates N, --agents N, --steps N, --timeout S   passed to every sweep task
  --set path=value  passed to every sweep task (repeatable; see scorelab sweep --help)
  -h, --help        this help`;

export async function slurm(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      shards: { type: 'string' },
      out: { type: 'string' },
      partition: { type: 'string' },
      time: { type: 'string' },
      cpus: { type: 'string' },
      'max-parallel': { type: 'string' },
      script: { type: 'string' },
      replicates: { type: 'string' },
      agents: { type: 'string' },
      steps: { type: 'string' },
      timeout: { type: 'string' },
      set: { type: 'string', multiple: true },
    },
    usage,
  );
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`scorelab slurm: expected one experiment file or name, found ${positionals.length}\n\n${usage}`);
    return 2;
  }
  if (values.shards === undefined) throw new UserError(`--shards: required (the number of array tasks)\n\n${usage}`, undefined, '--shards');
  const shards = intFlag('shards', values.shards, 1)!;
  const cpus = intFlag('cpus', values.cpus, 1) ?? 1;
  const maxParallel = intFlag('max-parallel', values['max-parallel'], 1);
  const replicates = intFlag('replicates', values.replicates, 1);
  const agents = intFlag('agents', values.agents, 2);
  const steps = intFlag('steps', values.steps);
  if (values.timeout !== undefined && !(Number(values.timeout) > 0)) {
    throw new UserError(`--timeout: expected a number of seconds > 0, found ${JSON.stringify(values.timeout)}`, undefined, '--timeout');
  }
  for (const f of ['partition', 'time'] as const) {
    const v = values[f];
    if (v !== undefined && !/^[A-Za-z0-9_:.,+-]+$/.test(v)) throw new UserError(`--${f}: unexpected characters in ${JSON.stringify(v)}`, undefined, `--${f}`);
  }
  const exp = await loadExperiment(positionals[0]!);
  const plan = await makePlan(exp, { replicates, agents, steps, set: values.set });
  if (shards > plan.runs.length) throw new UserError(`--shards: ${shards} shards for ${plan.runs.length} runs leaves shards empty; use at most ${plan.runs.length}`, undefined, '--shards');
  const out = resolve(values.out ?? `results/${plan.experiment.id}`);
  const flags: string[] = [];
  if (replicates !== undefined) flags.push('--replicates', String(replicates));
  if (agents !== undefined) flags.push('--agents', String(agents));
  if (steps !== undefined) flags.push('--steps', String(steps));
  if (values.timeout !== undefined) flags.push('--timeout', values.timeout);
  for (const s of values.set ?? []) flags.push('--set', s);
  const text = slurmScript({
    experiment: exp.file!,
    experimentId: plan.experiment.id,
    shards,
    out,
    cwd: process.cwd(),
    partition: values.partition,
    time: values.time,
    cpus,
    maxParallel,
    sweepFlags: flags,
    runs: plan.runs.length,
    nodeBin: dirname(process.execPath),
  });
  const script = resolve(values.script ?? `${out}/sweep.sbatch`);
  mkdirSync(resolve(out, 'logs'), { recursive: true });
  writeFileAtomic(script, text);
  console.log(`wrote ${script}: ${plan.runs.length} runs of '${plan.experiment.id}' in ${shards} array task(s)`);
  console.log(`submit:  sbatch ${script}`);
  console.log(`merge:   npx scorelab merge ${out}/shard-* --out ${out}   (when every task has finished)`);
  return 0;
}
