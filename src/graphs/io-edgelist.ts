/**
 * Edge-list graph files (CSV, TSV, TXT): one tie per line; see `readGraphFile` in io.ts.
 */
import { LAYER_BOTH } from '../core/adjacency.js';
import { UserError } from '../core/errors.js';
import { layerCode } from './convert.js';
import { MAX_PAIR_NODES, PairTable } from './pair-table.js';
import type { EdgeList } from './types.js';
import type { GraphFile } from './io.js';
import { quote, readFile } from './io-common.js';

export type Delimiter = ',' | '\t' | 'auto' | 'space';

const FIRST_NAMES = new Set(['source', 'src', 'from', 'node1', 'node_1', 'u', 'i', 'ego', 'id1', 'id_1', 'source_id', 'sourceid', 'sender', 'head']);
const SECOND_NAMES = new Set(['target', 'dst', 'to', 'node2', 'node_2', 'v', 'j', 'alter', 'id2', 'id_2', 'target_id', 'targetid', 'receiver', 'tail']);
const DELIMITER_NAMES: Record<Exclude<Delimiter, 'auto'>, string> = { ',': 'a comma', '\t': 'a tab', space: 'spaces' };
/** Lines are decoded in chunks of about this many bytes, so files past V8's string limit still load. */
const CHUNK = 1 << 25;

export function readEdgeListFile(path: string, delimiter: Delimiter): GraphFile {
  const buf = readFile(path);
  const index = new Map<string, number>();
  const keys: string[] = [];
  const idOf = (key: string): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = keys.length;
      index.set(key, i);
      keys.push(key);
    }
    return i;
  };
  let src: Int32Array = new Int32Array(1024);
  let dst: Int32Array = new Int32Array(1024);
  let layer: Uint8Array = new Uint8Array(1024);
  let m = 0;
  let seen = new PairTable(1 << 20, 1024, true);
  let selfTies = 0;
  let duplicates = 0;
  let lineNo = 0;
  let sawLine = false;
  let layerCol = -1; // column of the layer, once known
  let delim: Delimiter = delimiter;

  const handle = (raw: string): void => {
    lineNo++;
    const line = raw.trim();
    if (line === '' || line[0] === '#' || line[0] === '%') return;
    if (delim === 'auto') delim = line.includes('\t') ? '\t' : line.includes(',') ? ',' : 'space';
    const cells = splitCells(line, delim);
    if (!sawLine) {
      sawLine = true;
      const lower = cells.map((c) => c.toLowerCase());
      if ((FIRST_NAMES.has(lower[0]!) && SECOND_NAMES.has(lower[1] ?? '')) || lower.includes('layer')) {
        layerCol = lower.indexOf('layer');
        return;
      }
      if (cells.length >= 3 && layerCode(cells[2]) && isNaN(Number(cells[2]))) layerCol = 2;
    }
    if (cells.length < 2 || cells[0] === '' || cells[1] === '') {
      throw new UserError(
        `graph file ${path} line ${lineNo}: expected two node ids separated by ${DELIMITER_NAMES[delim as Exclude<Delimiter, 'auto'>]}, found ${quote(line)}`,
        path,
      );
    }
    let code = LAYER_BOTH;
    if (layerCol >= 0) {
      const cell = cells[layerCol] ?? '';
      if (cell !== '') {
        code = layerCode(cell);
        if (!code) {
          throw new UserError(
            `graph file ${path} line ${lineNo}: expected the layer 'online', 'offline' or 'both' in column ${layerCol + 1}, found ${quote(cell)}`,
            path,
          );
        }
      }
    }
    const i = idOf(cells[0]!);
    const j = idOf(cells[1]!);
    if (i === j) {
      selfTies++;
      return;
    }
    if (keys.length > seen.n) seen = regrow(seen, keys.length, src, dst, m);
    const at = seen.get(i, j);
    if (at >= 0) {
      layer[at]! |= code;
      duplicates++;
      return;
    }
    if (m === src.length) {
      src = grow32(src);
      dst = grow32(dst);
      const l = new Uint8Array(layer.length * 2);
      l.set(layer);
      layer = l;
    }
    seen.add(i, j, m);
    src[m] = i;
    dst[m] = j;
    layer[m++] = code;
  };

  // split the bytes into lines, decoding about CHUNK bytes at a time at a line break
  let start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  while (start < buf.length) {
    let end = Math.min(buf.length, start + CHUNK);
    if (end < buf.length) {
      const nl = buf.indexOf(10, end);
      end = nl < 0 ? buf.length : nl + 1;
    }
    const text = buf.toString('utf8', start, end);
    let a = 0;
    while (a < text.length) {
      let b = text.indexOf('\n', a);
      if (b < 0) b = text.length;
      handle(text.slice(a, b));
      a = b + 1;
    }
    start = end;
  }

  if (m === 0 && selfTies === 0) {
    const found = !sawLine ? (lineNo === 0 ? 'an empty file' : 'only comments and blank lines') : 'only a header line';
    throw new UserError(`graph file ${path}: expected at least one tie (two node ids per line), found ${found}`, path);
  }
  const el: EdgeList = { n: keys.length, src: src.slice(0, m), dst: dst.slice(0, m) };
  if (layerCol >= 0) el.layer = layer.slice(0, m);
  return { el, keys, nodeAttributes: {}, dropped: { selfTies, duplicates } };
}

/** Splits a line into trimmed cells; CSV cells may be "quoted" (with "" for a quote). */
function splitCells(line: string, delim: Delimiter): string[] {
  if (delim === 'space') return line.split(/\s+/);
  if (!line.includes('"')) return line.split(delim).map((c) => c.trim());
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    if (quoted) {
      if (c === '"' && line[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delim) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(quoted ? cell : cell.trim());
  return cells;
}

/** The pair table keys on i·n + j, so it is rebuilt for a larger n when new nodes outgrow it. */
function regrow(old: PairTable, nodes: number, src: Int32Array, dst: Int32Array, m: number): PairTable {
  const t = new PairTable(Math.min(MAX_PAIR_NODES, Math.max(nodes * 2, old.n * 2)), Math.max(m * 2, 1024), true);
  for (let e = 0; e < m; e++) t.add(src[e]!, dst[e]!, e);
  return t;
}

function grow32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

