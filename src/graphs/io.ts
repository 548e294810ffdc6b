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
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import gexf from 'graphology-gexf';
import type { AbstractGraph } from 'graphology-types';
import { UserError } from '../core/errors.js';
import type { EdgeList } from './types.js';
import { readEdgeListFile } from './io-edgelist.js';
import { readXmlGraph } from './io-xml.js';
import { fsReason } from './io-common.js';

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
