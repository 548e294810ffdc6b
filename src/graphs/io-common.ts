/** Small helpers shared by the graph-file readers: reading, error text. */
import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';

export function readFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new UserError(`graph file ${path}: expected a readable file, found ${fsReason(err)}`, path);
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
