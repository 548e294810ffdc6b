/**
 * Provenance of a run: scorelab version, git commit (where there is one), seed, the fully
 * resolved parameters, start and end time, Node version and platform.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../scenario/load.js';

export function scorelabVersion(): string {
  try {
    return JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'package.json'), 'utf8')).version as string;
  } catch {
    return 'unknown';
  }
}

const commits = new Map<string, string | null>();

/** The commit, asked of git once per folder and process (two git commands cost ~100 ms). */
export function gitCommit(cwd = PACKAGE_ROOT): string | null {
  if (!commits.has(cwd)) commits.set(cwd, askGit(cwd));
  return commits.get(cwd)!;
}

/** Commit of the scorelab checkout, with '+dirty' when it has uncommitted changes; null outside git. */
function askGit(cwd: string): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}

export interface Provenance {
  scorelab: string;
  commit: string | null;
  node: string;
  platform: string;
}

export function provenance(): Provenance {
  return { scorelab: scorelabVersion(), commit: gitCommit(), node: process.version, platform: `${process.platform}-${process.arch}` };
}
