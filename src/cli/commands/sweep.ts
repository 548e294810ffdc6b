/** `scorelab sweep`: every run of an experiment on a worker pool; resumable, shardable. */
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { UserError } from '../../core/errors.js';
import { parseShard, type Shard } from '../../experiment/plan.js';
import { runSweep } from '../../experiment/sweep.js';
import { intFlag, parse } from '../args.js';
import { progress } from '../progress.js';

export const usage = `Usage: scorelab sweep <experiment file or name> [options]

Runs every run of an experiment (design points × replicates) on worker threads and writes to
results/<experiment id>/ (or --out):
  runs.csv         one row per run: run_id, point, replicate, seed, parameters, summary metrics
  steps.csv        long form: one row per run and recorded step (also steps.arrow, Arrow IPC)
  failures.csv     runs that threw or timed out: run_id, parameters, seed, reason, error
  sensitivity.csv  Sobol indices or Morris effects per summary metric (sobol and morris designs)
  manifest.json    experiment, scorelab version and commit, definition hash, design, seeds rule
Each run is saved in runs/<run_id>.json the moment it finishes: a sweep stopped at any moment
loses only the runs in flight, and --resume finishes it without redoing a run. The tables do not
depend on the number of workers or on interruptions. An experiment is a file (experiments/*.ts
exporting defineExperiment({...})) or the name of one in experiments/.

Options:
  --workers N      worker threads (default: available cores, here ${availableParallelism()})
  --resume         finish the sweep in the output folder (or start it if there is none)
  --replace        like --resume, but an earlier sweep of another definition in the folder is deleted first
  --shard i/N      run only shard i of N: the runs whose canonical index mod N is i
                   (combine shards with scorelab merge; on a cluster see scorelab slurm)
  --out DIR        output folder (default: results/<experiment id>)
  --timeout S      per-run time limit in seconds; a run past it is stopped and recorded as failed
  --quick          the experiment's quick form (its smaller sizes; default folder results/<id>-quick)
  --replicates N   runs per parameter point (overrides the experiment's replicates)
  --agents N       agents per run
  --steps N        steps per run
  --set path=value hold a scenario field at a value in every run, e.g.
                   --set regimes.fico.approvalThreshold=650 (repeatable; after the experiment's own
                   set, before the design's values; part of the definition, so --resume refuses a
                   folder swept with other --set values)
  --no-render      no figures and report at the end (draw them later: scorelab plot, scorelab report)
  --quiet          no summary
  -h, --help       this help

When the whole sweep is done (not a shard), the experiment's figures are drawn into figures/ and
report.html is written (scorelab plot and scorelab report); a figure that cannot be drawn is a
warning and the tables stay as they are.

Exit status: 0 every run finished; 1 some runs failed (see failures.csv); 2 bad input;
130 interrupted (resume with --resume).`;

/** Figures and report of a finished folder (sweep and merge); never throws. */
export async function renderAfter(dir: string, quiet: boolean, cmd: string): Promise<void> {
  try {
    const { renderExperiment } = await import('../../report/render.js');
    const r = await renderExperiment(dir);
    for (const w of r.warnings) console.error(`scorelab ${cmd}: warning: ${w}`);
    if (!quiet) {
      if (r.plot.figures.length) console.log(`figures in ${shown(r.plot.dir)}/ (${r.plot.figures.map((f) => f.id).join(', ')})`);
      console.log(`report in ${shown(r.report.file)}`);
    }
  } catch (e) {
    console.error(`scorelab ${cmd}: warning: figures and report not written: ${(e as Error).message?.split('\n')[0] ?? String(e)} (the tables are complete; try scorelab plot and scorelab report)`);
  }
}

function shown(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

export async function sweep(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      workers: { type: 'string' },
      resume: { type: 'boolean' },
      replace: { type: 'boolean' },
      shard: { type: 'string' },
      out: { type: 'string' },
      timeout: { type: 'string' },
      replicates: { type: 'string' },
      agents: { type: 'string' },
      steps: { type: 'string' },
      set: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      quick: { type: 'boolean' },
      'no-render': { type: 'boolean' },
    },
    usage,
  );
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`scorelab sweep: expected one experiment file or name, found ${positionals.length}\n\n${usage}`);
    return 2;
  }
  const workers = intFlag('workers', values.workers, 1);
  const shard: Shard | null = values.shard !== undefined ? parseShard(values.shard) : null;
  let timeout: number | undefined;
  if (values.timeout !== undefined) {
    timeout = Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0) {
      throw new UserError(`--timeout: expected a number of seconds > 0, found ${JSON.stringify(values.timeout)}`, undefined, '--timeout');
    }
  }
  const quiet = Boolean(values.quiet);
  const ctrl = new AbortController();
  const onSignal = () => ctrl.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let bar: ReturnType<typeof progress> | null = null;
  try {
    const r = await runSweep(positionals[0]!, {
      workers: workers ?? availableParallelism(),
      resume: Boolean(values.resume),
      replace: Boolean(values.replace),
      shard,
      out: values.out,
      timeout,
      replicates: intFlag('replicates', values.replicates, 1),
      agents: intFlag('agents', values.agents, 2),
      steps: intFlag('steps', values.steps),
      set: values.set,
      quick: Boolean(values.quick),
      signal: ctrl.signal,
      onStart: ({ plan, dir, total, reused, todo, threads }) => {
        bar = progress(`sweep ${plan.experiment.id}${shard ? ` ${shard.index}/${shard.count}` : ''}`);
        if (quiet) return;
        const sh = shard ? ` (shard ${shard.index}/${shard.count})` : '';
        const already = reused ? `, ${reused} already done` : '';
        console.log(`scorelab sweep ${plan.experiment.id}${sh}: ${total} runs (${plan.points.length} points × ${plan.settings.replicates} replicates)${already}; running ${todo} on ${threads} worker(s) → ${shown(dir)}/`);
      },
      onProgress: (p) => bar?.update(p.done, p.total),
      onFailure: (f) => {
        const params = Object.entries(f.point).map(([k, v]) => `${k}=${v}`).join(' ');
        console.error(`scorelab sweep: run ${f.runId} (${params}, replicate ${f.replicate}, seed ${f.seed}) failed: ${f.error}`);
      },
      onWarning: (m) => console.error(`scorelab sweep: ${m}`),
    });
    (bar as ReturnType<typeof progress> | null)?.stop();
    if (r.interrupted) {
      console.error(`scorelab sweep: interrupted; ${r.completed} of ${r.planned} runs are saved in ${shown(r.dir)}/runs/; finish with the same command and --resume`);
      return 130;
    }
    if (!quiet) {
      const failed = r.failed ? `, ${r.failed} failed (see failures.csv)` : '';
      console.log(`${r.completed} of ${r.planned} runs finished${failed} in ${r.seconds.toFixed(1)} s`);
      console.log(`results in ${shown(r.dir)}/ (${r.files.join(', ')})`);
    }
    // a whole sweep's figures and report; a failure to draw is a warning (the tables are written)
    if (!shard && r.completed > 0 && !values['no-render']) await renderAfter(r.dir, quiet, 'sweep');
    return r.failed || r.missing ? 1 : 0;
  } finally {
    (bar as ReturnType<typeof progress> | null)?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
