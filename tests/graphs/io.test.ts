import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../../src/core/adjacency.js';
import { UserError } from '../../src/core/errors.js';
import { makeRng } from '../../src/core/rng.js';
import { edgeListToGraphology } from '../../src/graphs/convert.js';
import { erdosRenyiGNM } from '../../src/graphs/erdos-renyi.js';
import { readGraphFile, writeGexf } from '../../src/graphs/io.js';
import { expectSimple, tieSet } from './helpers.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'graphs');
const fx = (name: string) => join(FIX, name);
const tmp = mkdtempSync(join(tmpdir(), 'scorelab-graphs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The UserError thrown by reading `path`; fails if none. */
function userError(path: string): UserError {
  try {
    readGraphFile(path);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).file).toBe(path);
    expect((err as UserError).message).toContain(path);
    return err as UserError;
  }
  throw new Error(`no error reading ${path}`);
}

describe('readGraphFile: edge lists', () => {
  it('reads a CSV with header and comments; drops self-ties, merges repeats', () => {
    const g = readGraphFile(fx('simple.csv'));
    expect(g.keys).toEqual(['alice', 'bob', 'carol', 'dave', 'erin']);
    expect(tieSet(g.el, g.keys)).toEqual(['alice-bob', 'alice-carol', 'bob-carol', 'carol-erin']);
    expect(g.el.n).toBe(5); // dave only has a self-tie but is still a node
    expect(g.el.layer).toBeUndefined();
    expect(g.dropped).toEqual({ selfTies: 1, duplicates: 1 });
    expect(g.nodeAttributes).toEqual({});
    expectSimple(g.el);
  });

  it('reads a TSV without header (extra columns ignored) and a space-separated TXT', () => {
    const t = readGraphFile(fx('plain.tsv'));
    expect(t.keys).toEqual(['1', '2', '3', '4']);
    expect(tieSet(t.el, t.keys)).toEqual(['1-2', '2-3', '3-4']);
    const s = readGraphFile(fx('spaces.txt'));
    expect(tieSet(s.el, s.keys)).toEqual(['10-20', '10-30', '20-30']);
  });

  it('reads a layer column, with or without a header (repeats OR-ed, blank = both)', () => {
    const g = readGraphFile(fx('layers.csv'));
    expect(tieSet(g.el, g.keys)).toEqual(['a-b', 'a-c', 'b-c']);
    expect([...g.el.layer!]).toEqual([LAYER_BOTH, LAYER_OFFLINE, LAYER_BOTH]);
    const h = readGraphFile(fx('layers-noheader.csv'));
    expect(h.keys).toEqual(['x', 'y', 'z']);
    expect([...h.el.layer!]).toEqual([LAYER_ONLINE, LAYER_BOTH]);
  });

  it('reads quoted CSV cells', () => {
    const g = readGraphFile(fx('quoted.csv'));
    expect(g.keys).toEqual(['Smith, Ann', 'Lee, Bo', 'Kim']);
  });

  it('names the file and line of a bad row', () => {
    expect(userError(fx('one-column.csv')).message).toBe(
      `graph file ${fx('one-column.csv')} line 3: expected two node ids separated by a comma, found 'a'`,
    );
    expect(userError(fx('bad-layer.csv')).message).toMatch(/line 3: expected the layer 'online', 'offline' or 'both' in column 3, found 'sometimes'/);
  });

  it('rejects empty, header-only and comment-only files', () => {
    expect(userError(fx('empty.csv')).message).toMatch(/expected at least one tie .*found an empty file/);
    expect(userError(fx('header-only.csv')).message).toMatch(/found only a header line/);
    expect(userError(fx('comments-only.txt')).message).toMatch(/found only comments and blank lines/);
  });

  it('rejects missing files, folders and unknown extensions', () => {
    expect(userError(fx('no-such-file.csv')).message).toMatch(/expected a readable file, found no such file or folder/);
    mkdirSync(join(tmp, 'folder.csv'));
    expect(userError(join(tmp, 'folder.csv')).message).toMatch(/expected a regular file, found a folder/);
    expect(userError(fx('wrong.ext')).message).toMatch(/expected one of the extensions .csv, .tsv, .txt, .gexf, .graphml, found '.ext'/);
  });
});

describe('readGraphFile: GEXF and GraphML', () => {
  it('reads GEXF nodes, attributes, ties and edge layers', () => {
    const g = readGraphFile(fx('small.gexf'));
    expect(g.keys).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(tieSet(g.el, g.keys)).toEqual(['n1-n2', 'n1-n3', 'n2-n3']);
    // n1–n2 is offline and online (a repeated edge), n2–n3 online, n3–n1 has no layer: both
    const layerOf = (a: string, b: string) => {
      for (let e = 0; e < g.el.src.length; e++) {
        const s = g.keys[g.el.src[e]!];
        const t = g.keys[g.el.dst[e]!];
        if ((s === a && t === b) || (s === b && t === a)) return g.el.layer![e];
      }
      return -1;
    };
    expect(layerOf('n1', 'n2')).toBe(LAYER_BOTH);
    expect(layerOf('n2', 'n3')).toBe(LAYER_ONLINE);
    expect(layerOf('n1', 'n3')).toBe(LAYER_BOTH);
    expect(g.dropped).toEqual({ selfTies: 1, duplicates: 1 });
    expect(g.nodeAttributes.score).toEqual([0.25, 0.75, NaN, NaN]);
    expect(g.nodeAttributes.group).toEqual([0, 1, 1, NaN]);
    expect(g.nodeAttributes.listed).toEqual([1, 0, NaN, NaN]);
    expect(g.nodeAttributes.label).toEqual(['One', 'Two', 'Three', 'Alone']);
  });

  it('reads GraphML (directed edges count as ties)', () => {
    const g = readGraphFile(fx('small.graphml'));
    expect(g.keys).toEqual(['a', 'b', 'c']);
    expect(tieSet(g.el, g.keys)).toEqual(['a-b', 'a-c', 'b-c']);
    expect(g.nodeAttributes.score).toEqual([0.5, 0.1, NaN]);
    expect(g.nodeAttributes.group).toEqual([0, 1, 1]);
  });

  it('names the file for malformed or invalid XML graphs', () => {
    expect(userError(fx('malformed.gexf')).message).toMatch(/expected well-formed XML, found an error: .*line \d+/);
    expect(userError(fx('malformed.graphml')).message).toMatch(/expected well-formed XML/);
    expect(userError(fx('missing-node.gexf')).message).toMatch(/edge 2's target to be a declared <node>, found 'zed'/);
    expect(userError(fx('not-a-graph.gexf')).message).toMatch(/expected a GEXF document with a <gexf> root element, found <html>/);
    expect(userError(fx('duplicate-node.graphml')).message).toMatch(/expected unique node ids, found 'a' twice/);
    expect(userError(fx('no-graph.graphml')).message).toMatch(/expected a <graph> element/);
  });
});

describe('writeGexf', () => {
  it('writes a GEXF that reads back with the same ties and attributes', () => {
    const el = erdosRenyiGNM(200, 600, makeRng('gexf'));
    el.layer = Uint8Array.from({ length: 600 }, (_, e) => 1 + (e % 3));
    const rng = makeRng('attrs');
    const score = Float64Array.from({ length: 200 }, () => rng());
    const group = Uint8Array.from({ length: 200 }, (_, i) => i % 2);
    const listed = Array.from({ length: 200 }, (_, i) => i % 7 === 0);
    const keys = Array.from({ length: 200 }, (_, i) => `agent-${i}`);
    const path = join(tmp, 'out.gexf');
    writeGexf(path, edgeListToGraphology(el, { keys, nodes: { score, group, listed } }));
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('<gexf version="1.2"');
    expect(text).toMatch(/title="score" type="double"/);
    expect(text).toMatch(/title="group" type="integer"/);
    expect(text).toMatch(/title="listed" type="boolean"/);

    const back = readGraphFile(path);
    expect(back.keys).toEqual(keys);
    expect(tieSet(back.el, back.keys)).toEqual(tieSet(el, keys));
    expect([...back.el.layer!]).toEqual([...el.layer]);
    expect(back.nodeAttributes.score).toEqual([...score]);
    expect(back.nodeAttributes.group).toEqual([...group]);
    expect(back.nodeAttributes.listed).toEqual(listed.map(Number));
  });

  it('reports an unwritable path as a UserError naming it', () => {
    const path = join(tmp, 'no-such-folder', 'x.gexf');
    const g = edgeListToGraphology({ n: 2, src: Int32Array.from([0]), dst: Int32Array.from([1]) });
    expect(() => writeGexf(path, g)).toThrow(UserError);
    expect(() => writeGexf(path, g)).toThrow(`graph file ${path}: cannot write the file (no such file or folder)`);
  });
});
