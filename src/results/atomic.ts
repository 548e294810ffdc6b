/**
 * Atomic file writes: write a temporary file beside the target, flush it, then rename over the
 * target, so that a reader (or a run killed mid-write) never sees a half-written file. A write
 * that fails (a full disk, a quota, a read-only folder) removes its temporary file and throws a
 * `WriteFailure`: one line saying which file, why, and what to do (the CLI prints it, exit 1).
 *
 * Large outputs are written from chunks (`writeFileAtomicChunks`), so a table of millions of rows
 * is never one string; a file made while a run goes (its steps table) is written as `<path>.partial`
 * and renamed when complete (`PartialFile`), so a failed run leaves what it recorded.
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

/**
 * A file written while it is made (a run's rows appended as they are recorded), with the same
 * protocol as `writeFileAtomicChunks` but a temporary file that is kept when its maker fails:
 * `<path>.partial` is written first, `commit` renames it to `path` when it is complete, and a
 * run that throws (or is killed) leaves the .partial file holding everything appended so far.
 * Each append is written to the file at once (not buffered here), so it is on disk for a reader
 * and survives the process; it is flushed to the device (fsync) only at `commit`, as one fsync a
 * row would make a long run slow. A write the environment refuses throws a `WriteFailure` naming
 * the .partial file (kept); a failed `commit` removes it, as a failed atomic write removes its
 * temporary file.
 */
export class PartialFile {
  /** The file being written: `path` + '.partial'. */
  readonly partial: string;
  private fd: number | null;

  constructor(readonly path: string) {
    this.partial = `${path}.partial`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.fd = openSync(this.partial, 'w');
    } catch (e) {
      fail(this.partial, e);
    }
  }

  /** Appends text to the .partial file (written through to the file system before it returns). */
  append(text: string): void {
    if (this.fd === null) throw new Error(`atomic: ${this.partial} is closed`);
    try {
      const bytes = Buffer.from(text, 'utf8');
      let off = 0;
      while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    } catch (e) {
      fail(this.partial, e);
    }
  }

  /** Flushes the .partial file and renames it to `path` (counted as an atomic write by the injected faults). */
  commit(): void {
    if (this.fd === null) throw new Error(`atomic: ${this.partial} is closed`);
    let fd: number | null = this.fd;
    this.fd = null;
    try {
      injected(this.path);
      fsyncSync(fd);
      closeSync(fd);
      fd = null;
      renameSync(this.partial, this.path);
    } catch (e) {
      if (fd !== null) {
        try {
          closeSync(fd);
        } catch {
          /* already failing */
        }
      }
      rmSync(this.partial, { force: true });
      fail(this.path, e);
    }
  }

  /** Closes the .partial file and leaves it where it is (its maker failed); a no-op once closed. */
  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    closeSync(fd);
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
