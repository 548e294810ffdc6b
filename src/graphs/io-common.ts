/** Small helpers shared by the graph-file readers: reading, error text. */
import { closeSync, fstatSync, openSync, readSync, constants as FS } from 'node:fs';
import { UserError } from '../core/errors.js';

/** Largest graph file read (bytes): a text form of about 50M ties, under V8's longest string. */
export const MAX_GRAPH_FILE_BYTES = 512 * 1024 * 1024 - 64;

/**
 * Reads a regular file of at most MAX_GRAPH_FILE_BYTES. A FIFO, a device such as /dev/zero (also
 * behind a link) or a folder is refused without reading a byte: a FIFO would block and a device
 * would never end. The file is opened non-blocking and checked through its descriptor, so a
 * FIFO is not waited on and the file checked is the file read.
 */
export function readFile(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, FS.O_RDONLY | (FS.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new UserError(`graph file ${path}: expected a readable file, found ${fsReason(err)}`, path);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const what = st.isFIFO() ? 'a FIFO (named pipe)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isDirectory() ? 'a folder' : st.isSocket() ? 'a socket' : 'not a regular file';
      throw new UserError(`graph file ${path}: expected a regular file, found ${what}`, path);
    }
    if (st.size > MAX_GRAPH_FILE_BYTES) {
      throw new UserError(`graph file ${path}: expected a file of at most ${MAX_GRAPH_FILE_BYTES} bytes, found ${st.size} bytes`, path);
    }
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const k = readSync(fd, buf, got, st.size - got, null);
      if (k === 0) break;
      got += k;
    }
    return got === st.size ? buf : buf.subarray(0, got);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`graph file ${path}: expected a readable file, found ${fsReason(err)}`, path);
  } finally {
    closeSync(fd);
  }
}

export function fsReason(err: unknown): string {
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'a folder';
    case 'EACCES':
    case 'EPERM':
      return 'no permission';
    default:
      return code ? `error ${code}: ${errMessage(err)}` : errMessage(err);
  }
}

export function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export function quote(s: string): string {
  return `'${s.length > 60 ? s.slice(0, 57) + '...' : s}'`;
}
