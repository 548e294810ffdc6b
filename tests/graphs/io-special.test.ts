/**
 * Graph files that are not what they seem (issue 13): a FIFO (reading would block), a link to a
 * device such as /dev/zero (reading would never end), a folder, and GraphML hyperedges (which
 * scorelab cannot represent) are refused with a UserError naming the file, without reading them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readGraphFile } from '../../src/graphs/io.js';

const dir = mkdtempSync(join(tmpdir(), 'scorelab-graph-special-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HOSTILE = join(import.meta.dirname, '..', 'fixtures', 'scenarios', 'hostile');

function refusal(path: string): string {
  try {
    readGraphFile(path);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error(`${path} was read`);
}

describe('special files as graph files', () => {
  it('a FIFO, a link to /dev/zero and a folder are refused at once', () => {
    const t0 = Date.now();
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    expect(refusal(join(dir, 'pipe.csv'))).toMatch(/pipe\.csv: expected a regular file, found a FIFO \(named pipe\)/);
    if (existsSync('/dev/zero')) {
      symlinkSync('/dev/zero', join(dir, 'zero.gexf'));
      expect(refusal(join(dir, 'zero.gexf'))).toMatch(/zero\.gexf: expected a regular file, found a device/);
    }
    mkdirSync(join(dir, 'folder.graphml'));
    expect(refusal(join(dir, 'folder.graphml'))).toMatch(/folder\.graphml: expected a regular file, found a folder/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('GraphML hyperedges are refused; a one-node file reads as one node (the scenario refuses it)', () => {
    expect(refusal(join(HOSTILE, 'hyperedge.graphml'))).toMatch(/expected ties between two nodes \(<edge>\), found 1 <hyperedge> element/);
    expect(readGraphFile(join(HOSTILE, 'one-node.graphml')).keys).toEqual(['only']);
    expect(readGraphFile(join(HOSTILE, 'small.csv')).el.src.length).toBe(5);
  });
});
