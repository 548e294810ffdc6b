/**
 * A Slurm job-array script for a sharded sweep (`scorelab slurm`). Task i of the array runs
 *
 *   npx --no-install scorelab sweep <experiment> --shard i/N --resume --out <out>/shard-i
 *
 * in the folder the script was made in. `--requeue` lets Slurm restart a task after a node failure
 * or preemption, and `--resume` makes the restarted task keep the runs its shard had finished.
 * When every task is done, `scorelab merge <out>/shard-* --out <out>` writes the tables of the
 * whole sweep. The script has no timestamps: the same inputs give the same script.
 */
export interface SlurmOptions {
  /** Absolute path of the experiment file. */
  experiment: string;
  experimentId: string;
  shards: number;
  /** Absolute output folder; shards go to <out>/shard-<i>, logs to <out>/logs. */
  out: string;
  /** Folder the tasks run in (where scorelab is installed). */
  cwd: string;
  partition?: string;
  /** Slurm time limit per task, e.g. 02:00:00. */
  time?: string;
  cpus: number;
  /** At most this many tasks at once (`--array=0-(N-1)%M`). */
  maxParallel?: number;
  /** Extra sweep flags (--replicates, --agents, --steps, --timeout), already validated. */
  sweepFlags: string[];
  runs: number;
  /** Folder of the node binary that made the script, put first on PATH. */
  nodeBin: string;
}

/** Single-quotes a word for bash. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A Slurm job-array script that runs one shard of a sweep per task. */
export function slurmScript(o: SlurmOptions): string {
  const q = shellQuote;
  const shard = `${o.out}/shard-`;
  const array = `0-${o.shards - 1}${o.maxParallel ? `%${o.maxParallel}` : ''}`;
  const merge = `npx --no-install scorelab merge ${q(o.out)}/shard-* --out ${q(o.out)}`;
  const lines = [
    '#!/bin/bash',
    `# scorelab sweep of experiment '${o.experimentId}' as a Slurm job array: ${o.runs} runs in ${o.shards} shard(s).`,
    '#',
    `# Submit:  sbatch ${q(o.out)}/sweep.sbatch        (prints the job id)`,
    '# Watch:   squeue -j <job id>',
    '# Merge, once every task has finished:',
    `#          cd ${q(o.cwd)} && ${merge}`,
    '# A task that Slurm requeues, or that you submit again, resumes its shard (--resume): runs it',
    '# has finished are kept. To redo one shard: sbatch --array=<i> this script.',
    `#SBATCH --job-name=scorelab-${o.experimentId}`,
    `#SBATCH --array=${array}`,
    '#SBATCH --requeue',
    '#SBATCH --open-mode=append',
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${o.cpus}`,
    `#SBATCH --output=${o.out}/logs/shard-%a.log`,
    ...(o.partition ? [`#SBATCH --partition=${o.partition}`] : []),
    ...(o.time ? [`#SBATCH --time=${o.time}`] : []),
    'set -euo pipefail',
    `cd ${q(o.cwd)}`,
    `export PATH=${q(o.nodeBin)}:"$PATH"   # the node that made this script (harmless where node is on PATH)`,
    'export SCORELAB_NO_PROGRESS=1',
    `echo "scorelab shard \${SLURM_ARRAY_TASK_ID}/${o.shards} of ${o.experimentId} on $(hostname), restart count \${SLURM_RESTART_COUNT:-0}"`,
    [
      'exec npx --no-install scorelab sweep',
      q(o.experiment),
      `--shard "\${SLURM_ARRAY_TASK_ID}/${o.shards}"`,
      '--resume',
      `--out ${q(shard)}"\${SLURM_ARRAY_TASK_ID}"`,
      `--workers "\${SLURM_CPUS_PER_TASK:-${o.cpus}}"`,
      ...o.sweepFlags.map(q),
    ].join(' '),
  ];
  return lines.join('\n') + '\n';
}
