/**
 * Atomic file writes: write a temporary file beside the target, flush it, then rename over the
 * target, so that a reader (or a run killed mid-write) never sees a half-written file. A write
 * that fails (a full disk, a quota, a read-only folder) removes its temporary file and throws a
 * `WriteFailure`: one line saying which file, why, and what to do (the CLI prints it, exit 1).
 *
 * Large outputs are written from chunks (`writeFileAtomicChunks`), so a table of millions of rows
 * is never one string.
 *
 * Tests inject a full disk: `SCORELAB_FAULT_ENOSPC_AFTER=N` in the environment (read by every
 * thread when it loads this module), or `injectWriteFault(N)` in-process, makes every write after
 * the first N successful atomic writes of this thread fail with ENOSPC.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

let counter = 0;

/** Error codes of a file system that cannot take a write, and what the user can do. */
const ENV_FAULTS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'an input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EFBIG: 'the file is too large for this file system',
};

/** A write the environment refused (not the user's input): printed as one line, exit code 1. */
export class WriteFailure extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot write ${path}: ${ENV_FAULTS[code] ?? code} (${code})`);
    this.name = 'WriteFailure';
  }
}

/** True for an error that comes from the environment (a full disk …) rather than from scorelab. */
export function isEnvironmentFault(e: unknown): e is WriteFailure | NodeJS.ErrnoException {
  if (e instanceof WriteFailure) return true;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in ENV_FAULTS;
}

/** One line for an environment fault: the file, the reason, what to do. */
export function environmentFaultLine(e: unknown, remedy: string): string {
  const err = e as NodeJS.ErrnoException;
  const base = e instanceof WriteFailure ? e.message : `${err.path ? `cannot write ${err.path}: ` : ''}${ENV_FAULTS[err.code!] ?? err.code} (${err.code})`;
  const fix = err.code === 'ENOSPC' || err.code === 'EDQUOT' ? `free some disk space (or choose another --out), then ${remedy}` : `fix the folder's permissions or choose another --out, then ${remedy}`;
  return `${base}; ${fix}`;
}

let faultAfter: number | null = (() => {
  const v = typeof process !== 'undefined' ? process.env.SCORELAB_FAULT_ENOSPC_AFTER : undefined;
  return v !== undefined && v !== '' && Number.isInteger(Number(v)) ? Number(v) : null;
})();

/** Makes every atomic write after the next `n` fail with ENOSPC (null: no fault). For tests. */
export function injectWriteFault(n: number | null): void {
  faultAfter = n;
}

function injected(path: string): void {
  if (faultAfter === null) return;
  if (faultAfter > 0) {
    faultAfter--;
    return;
  }
  const e = new Error(`ENOSPC: no space left on device, write '${path}'`) as NodeJS.ErrnoException;
  e.code = 'ENOSPC';
  e.path = path;
  throw e;
}

function fail(path: string, e: unknown): never {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && code in ENV_FAULTS) throw new WriteFailure(path, code);
  throw e;
}

/** Writes `chunks` to `path` atomically; the temporary file is removed when anything fails. */
export function writeFileAtomicChunks(path: string, chunks: Iterable<string | Uint8Array>): void {
  const tmp = `${path}.tmp-${process.pid}-${counter++}`;
  let fd: number | null = null;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(tmp, 'w');
    for (const c of chunks) {
      if (typeof c === 'string') writeSync(fd, c);
      else {
        let off = 0;
        while (off < c.length) off += writeSync(fd, c, off, c.length - off);
      }
    }
    injected(path);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    rmSync(tmp, { force: true });
    fail(path, e);
  }
}

/** Writes a file atomically (a temporary file renamed), so a reader never sees half a file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFileAtomicChunks(path, [data]);
}

/** The same protocol without blocking the thread (the fsync overlaps other work). */
export async function writeFileAtomicAsync(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${counter++}`;
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      injected(path);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    fail(path, e);
  }
}
