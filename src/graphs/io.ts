/**
 * Graph files: read edge lists (CSV, TSV, TXT), GEXF and GraphML; write GEXF for Gephi.
 *
 * The only module of src/graphs that touches the file system, so the generators stay
 * browser-safe. Every problem with a user's file is a `UserError` that names the file (and the
 * line, for edge lists) and says what was expected and what was found.
 *
 * Formats: GEXF 1.2 / 1.3 (https://gexf.net/schema.html), GraphML
 * (http://graphml.graphdrawing.org/specification.html), both through graphology-gexf and
 * graphology-graphml with @xmldom/xmldom's DOMParser in strict mode (their node entry points
 * bundle a lenient copy that only logs malformed XML). Edge lists: one tie per line, the first two
 * columns are the endpoints; see `readGraphFile`.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { MultiGraph } from 'graphology';
import gexf from 'graphology-gexf';
import createGexfParser from 'graphology-gexf/common/parser.js';
import createGraphmlParser from 'graphology-graphml/common/parser.js';
import type { AbstractGraph } from 'graphology-types';
import { LAYER_BOTH } from '../core/adjacency.js';
import { UserError } from '../core/errors.js';
import { graphologyToEdgeList, layerCode } from './convert.js';
import { MAX_PAIR_NODES, PairTable } from './pair-table.js';
import type { EdgeList } from './types.js';

/** A graph read from a file. */
export interface GraphFile {
  /** The ties, on nodes numbered 0 .. n−1; `layer` when the file gives layers. */
  el: EdgeList;
  /** `keys[i]` is node i's id in the file (order of first appearance / declaration). */
  keys: string[];
  /** Node attributes (GEXF, GraphML), one column per name aligned with `keys`: numbers when every
   *  value is a number or boolean (true = 1; missing = NaN), strings otherwise (missing = ''). */
  nodeAttributes: Record<string, (string | number)[]>;
  /** Self-ties dropped and repeated ties merged (repeats have their layers OR-ed). */
  dropped: { selfTies: number; duplicates: number };
}

export const GRAPH_FILE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.gexf', '.graphml'] as const;

/**
 * Reads a graph file, choosing the format by extension:
 * - `.csv` (comma), `.tsv` (tab), `.txt` (tab, comma or spaces, whichever the first tie uses):
 *   one tie per line, the first two columns are node ids, further columns are ignored except a
 *   `layer` column ('online', 'offline' or 'both'). Lines starting with `#` or `%` and blank lines
 *   are skipped. The first line is a header when its first two cells are names such as
 *   `source,target`, `from,to`, `u,v`, or when one cell is `layer`; without a header, a third
 *   column holding a layer name is read as the layer. CSV cells may be double-quoted.
 * - `.gexf` and `.graphml`: nodes, ties (directed ones count as undirected) and node attributes;
 *   an edge attribute `layer` is read as the tie's layer.
 * Nodes that appear only in a header or without ties exist only in GEXF/GraphML files.
 */
export function readGraphFile(path: string): GraphFile {
  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.csv':
      return readEdgeListFile(path, ',');
    case '.tsv':
      return readEdgeListFile(path, '\t');
    case '.txt':
      return readEdgeListFile(path, 'auto');
    case '.gexf':
      return readXmlGraph(path, 'gexf');
    case '.graphml':
      return readXmlGraph(path, 'graphml');
    default:
      throw new UserError(
        `graph file ${path}: expected one of the extensions ${GRAPH_FILE_EXTENSIONS.join(', ')}, found ${ext ? `'${ext}'` : 'none'}`,
        path,
      );
  }
}

/**
 * Writes a graphology graph as GEXF 1.2, which Gephi opens: node attributes become GEXF
 * attributes with inferred types (integer, double, boolean, string); attributes named `label`,
 * `x`, `y`, `size`, `color` become Gephi's label and visual settings. NaN and null values are
 * left out. The file is written to `path.tmp-<pid>` and renamed, so readers never see half a file.
 */
export function writeGexf(path: string, graph: AbstractGraph): void {
  const text = gexf.write(graph, { version: '1.2' });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UserError(`graph file ${path}: cannot write the file (${fsReason(err)})`, path);
  }
}

// ---------------------------------------------------------------------------------------------
// edge lists

type Delimiter = ',' | '\t' | 'auto' | 'space';

const FIRST_NAMES = new Set(['source', 'src', 'from', 'node1', 'node_1', 'u', 'i', 'ego', 'id1', 'id_1', 'source_id', 'sourceid', 'sender', 'head']);
const SECOND_NAMES = new Set(['target', 'dst', 'to', 'node2', 'node_2', 'v', 'j', 'alter', 'id2', 'id_2', 'target_id', 'targetid', 'receiver', 'tail']);
const DELIMITER_NAMES: Record<Exclude<Delimiter, 'auto'>, string> = { ',': 'a comma', '\t': 'a tab', space: 'spaces' };
/** Lines are decoded in chunks of about this many bytes, so files past V8's string limit still load. */
const CHUNK = 1 << 25;

function readEdgeListFile(path: string, delimiter: Delimiter): GraphFile {
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

// ---------------------------------------------------------------------------------------------
// GEXF and GraphML

const ROOT: Record<'gexf' | 'graphml', string> = { gexf: 'gexf', graphml: 'graphml' };

function readXmlGraph(path: string, format: 'gexf' | 'graphml'): GraphFile {
  const text = stripBom(readFile(path).toString('utf8'));
  const FORMAT = format === 'gexf' ? 'GEXF' : 'GraphML';
  if (text.trim() === '') throw new UserError(`graph file ${path}: expected a ${FORMAT} document, found an empty file`, path);
  let problem = '';
  const parser = new DOMParser({
    onError: (level, message, context) => {
      if (level === 'warning') return;
      const loc = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
      problem = `${message}${loc?.lineNumber ? ` at line ${loc.lineNumber}, column ${loc.columnNumber}` : ''}`;
      throw new Error(problem);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'application/xml') as unknown as Document;
  } catch (err) {
    throw new UserError(`graph file ${path}: expected well-formed XML, found an error: ${problem || errMessage(err)}`, path);
  }
  const root = doc.documentElement;
  const rootName = root ? (root.localName ?? root.nodeName) : '';
  if (rootName !== ROOT[format]) {
    throw new UserError(`graph file ${path}: expected a ${FORMAT} document with a <${ROOT[format]}> root element, found <${rootName}>`, path);
  }
  if (!doc.getElementsByTagName('graph')[0]) {
    throw new UserError(`graph file ${path}: expected a <graph> element inside <${ROOT[format]}>, found none`, path);
  }
  checkIds(path, doc);
  const create = format === 'gexf' ? createGexfParser : createGraphmlParser;
  let graph: AbstractGraph;
  try {
    const parse = create(DOMParser, (doc as object).constructor);
    graph = parse(MultiGraph, doc, format === 'gexf' ? { allowUndeclaredAttributes: true } : {});
  } catch (err) {
    const why = errMessage(err).replace(/^graphology-\w+\/\w+:\s*/, '');
    throw new UserError(`graph file ${path}: expected a valid ${FORMAT} graph, found a problem: ${why}`, path);
  }
  const { el, keys } = graphologyToEdgeList(graph);
  if (keys.length === 0) throw new UserError(`graph file ${path}: expected at least one <node>, found none`, path);
  let selfTies = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    if (s === t) selfTies++;
  });
  return {
    el,
    keys,
    nodeAttributes: nodeColumns(graph, keys),
    dropped: { selfTies, duplicates: graph.size - selfTies - el.src.length },
  };
}

/** Node ids present and unique; every edge has a source and a target among them. */
function checkIds(path: string, doc: Document): void {
  const nodes = doc.getElementsByTagName('node');
  const ids = new Set<string>();
  for (let k = 0; k < nodes.length; k++) {
    const id = nodes[k]!.getAttribute('id');
    if (id === null || id === '') throw new UserError(`graph file ${path}: expected an id on every <node>, found node ${k + 1} without one`, path);
    if (ids.has(id)) throw new UserError(`graph file ${path}: expected unique node ids, found '${id}' twice`, path);
    ids.add(id);
  }
  const edges = doc.getElementsByTagName('edge');
  for (let k = 0; k < edges.length; k++) {
    for (const end of ['source', 'target']) {
      const id = edges[k]!.getAttribute(end);
      if (id === null || id === '') {
        throw new UserError(`graph file ${path}: expected a ${end} on every <edge>, found edge ${k + 1} without one`, path);
      }
      if (!ids.has(id)) {
        throw new UserError(`graph file ${path}: expected edge ${k + 1}'s ${end} to be a declared <node>, found '${id}', which is not declared`, path);
      }
    }
  }
}

function nodeColumns(graph: AbstractGraph, keys: string[]): Record<string, (string | number)[]> {
  const names = new Set<string>();
  graph.forEachNode((_k, attr) => {
    for (const name of Object.keys(attr)) names.add(name);
  });
  const out: Record<string, (string | number)[]> = {};
  for (const name of names) {
    let numeric = true;
    const raw = keys.map((k) => {
      const v: unknown = graph.getNodeAttribute(k, name);
      if (v !== undefined && v !== null && typeof v !== 'number' && typeof v !== 'boolean') numeric = false;
      return v;
    });
    out[name] = raw.map((v) => {
      if (v === undefined || v === null) return numeric ? NaN : '';
      if (typeof v === 'boolean') return numeric ? Number(v) : String(v);
      if (typeof v === 'number') return numeric ? v : String(v);
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// helpers

function readFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new UserError(`graph file ${path}: expected a readable file, found ${fsReason(err)}`, path);
  }
}

function fsReason(err: unknown): string {
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

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function quote(s: string): string {
  return `'${s.length > 60 ? s.slice(0, 57) + '...' : s}'`;
}
