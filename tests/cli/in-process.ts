/**
 * Runs the CLI's `main()` in this process (no child process, no build needed) and captures what
 * it prints: the exit code it returns, stdout and stderr, the time it took, and whether it threw
 * (what bin/scorelab.js would report as an internal error with a stack trace).
 */
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface MainResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Set when main() threw instead of returning an exit code. */
  thrown: unknown;
}

export async function runMain(args: string[]): Promise<MainResult> {
  process.env.SCORELAB_NO_PROGRESS = '1';
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.map(String).join(' ')));
  const warn = vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void err.push(a.map(String).join(' ')));
  const t0 = performance.now();
  let code: number | null = null;
  let thrown: unknown = null;
  try {
    code = await main(args);
  } catch (e) {
    thrown = e;
  } finally {
    log.mockRestore();
    error.mockRestore();
    warn.mockRestore();
  }
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), ms: performance.now() - t0, thrown };
}

/** A stack trace in printed text (lines such as `    at foo (file.js:1:2)`). */
export const STACK_LINE = /\n\s+at [^\n]*[:(]/;
