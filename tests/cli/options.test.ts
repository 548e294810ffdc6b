/** Unknown flags get "did you mean" (src/cli/args.ts); describe --help lists every option it accepts. */
import { describe, expect, it } from 'vitest';
import { OPTIONS as DESCRIBE_OPTIONS, usage as describeUsage } from '../../src/cli/commands/describe.js';
import { runMain } from './in-process.js';

describe('unknown option', () => {
  it("run --seeds: names the flag and the closest one, exit 2", async () => {
    const r = await runMain(['run', 'default', '--seeds', '3']);
    expect(r.thrown).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("scorelab run: unknown option '--seeds'; did you mean '--seed'?");
  });

  it.each([
    [['sweep', 'cleanup-dose', '--worker', '2'], "scorelab sweep: unknown option '--worker'; did you mean '--workers'?"],
    [['describe', 'default', '--jsn'], "scorelab describe: unknown option '--jsn'; did you mean '--json'?"],
    [['slurm', 'cleanup-dose', '--shard', '4'], "scorelab slurm: unknown option '--shard'; did you mean '--shards'?"],
  ])('%j', async (args, line) => {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(line);
  });

  it('a one-letter flag gets the list, not a guess', async () => {
    const r = await runMain(['describe', 'default', '-x']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("scorelab describe: unknown option '-x' (accepted: --help, --json, --odd, --set, --plugin, --agents)");
  });

  it('a flag close to none lists the accepted ones instead', async () => {
    const r = await runMain(['describe', 'default', '--zzzzzzzzzz']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("scorelab describe: unknown option '--zzzzzzzzzz' (accepted: --help, --json, --odd, --set, --plugin, --agents)");
  });
});

describe('describe --help', () => {
  it('lists every option describe accepts', async () => {
    const r = await runMain(['describe', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(describeUsage);
    const listed = [...describeUsage.matchAll(/^  (?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...Object.keys(DESCRIBE_OPTIONS).map((k) => `--${k}`), '--help'].sort());
  });
});
