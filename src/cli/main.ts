/**
 * The `scorelab` command line. Each command lives in src/cli/commands/; a user mistake (a
 * `UserError`) prints one clear message and exits with code 2, never a stack trace.
 */
import { PluginError, UserError } from '../core/errors.js';
import { environmentMessage } from './args.js';
import { describe } from './commands/describe.js';
import { init } from './commands/init.js';
import { list } from './commands/list.js';
import { merge } from './commands/merge.js';
import { plot } from './commands/plot.js';
import { report } from './commands/report.js';
import { run } from './commands/run.js';
import { serve } from './commands/serve.js';
import { slurm } from './commands/slurm.js';
import { sweep } from './commands/sweep.js';
import { verify } from './commands/verify.js';

type Command = { summary: string; run: (argv: string[]) => Promise<number> };

export const COMMANDS: Record<string, Command> = {
  run: { summary: 'run one scenario (file or preset) and write its tables and manifest', run },
  list: { summary: 'list preset scenarios (--regimes: every plug-in; --metrics: every metric)', run: list },
  describe: { summary: 'ODD-style description of a scenario with every parameter', run: describe },
  sweep: { summary: 'run an experiment (design × replicates) on worker threads; resumable, shardable', run: sweep },
  merge: { summary: 'combine the shard folders of a sweep into the tables of the whole sweep', run: merge },
  slurm: { summary: 'write a Slurm job-array script that runs a sweep in shards', run: slurm },
  plot: { summary: "draw an experiment's declared figures from its results folder (SVG, PNG, vega-lite spec)", run: plot },
  report: { summary: 'write one self-contained HTML report of a results folder', run: report },
  verify: { summary: "re-run a sample of a sweep's runs and check they reproduce byte for byte", run: verify },
  serve: { summary: 'serve the classroom page (pick a preset, move a slider, press Run) on this machine; offline', run: serve },
  init: { summary: 'write a ready project of your own (regime, scenario, experiment, test) into a new folder', run: init },
};

export function registerCommand(name: string, cmd: Command): void {
  COMMANDS[name] = cmd;
}

function help(): string {
  const w = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'scorelab — agent-based simulation of scoring systems on social graphs',
    '',
    'Usage: scorelab <command> [options]   (scorelab <command> --help for details)',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(w)}  ${c.summary}`),
    '',
    'Quick start: scorelab list; scorelab run default; scorelab describe default',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.log(help());
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-v') {
    const { scorelabVersion } = await import('../results/manifest.js');
    console.log(scorelabVersion());
    return 0;
  }
  const c = COMMANDS[cmd];
  if (!c) {
    const { didYouMean } = await import('../core/errors.js');
    console.error(`scorelab: unknown command '${cmd}'${didYouMean(cmd, Object.keys(COMMANDS))}\n\n${help()}`);
    return 2;
  }
  try {
    return await c.run(rest);
  } catch (e) {
    if (e instanceof UserError) {
      console.error(`scorelab ${cmd}: ${e.message}`);
      return 2;
    }
    // a bug in a user's plug-in: name it, its hook, file and line (the stack with SCORELAB_DEBUG=1)
    if (e instanceof PluginError) {
      console.error(`scorelab ${cmd}: ${e.message}`);
      if (process.env.SCORELAB_DEBUG && e.cause instanceof Error) console.error(e.cause.stack);
      return 1;
    }
    // a full disk, a refused write, no memory: one line with what to do (src/cli/args.ts)
    const fault = environmentMessage(e, cmd === 'sweep' ? 'finish with the same command and --resume' : 'run the command again');
    if (fault) {
      console.error(`scorelab ${cmd}: ${fault}`);
      return 1;
    }
    throw e;
  }
}
