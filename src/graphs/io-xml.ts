/**
 * GEXF and GraphML graph files, parsed with graphology-gexf / graphology-graphml and
 * @xmldom/xmldom's strict DOMParser; see `readGraphFile` in io.ts.
 */
import { DOMParser } from '@xmldom/xmldom';
import { MultiGraph } from 'graphology';
import createGexfParser from 'graphology-gexf/common/parser.js';
import createGraphmlParser from 'graphology-graphml/common/parser.js';
import type { AbstractGraph } from 'graphology-types';
import { UserError } from '../core/errors.js';
import { graphologyToEdgeList } from './convert.js';
import type { GraphFile } from './io.js';
import { errMessage, readFile, stripBom } from './io-common.js';

const ROOT: Record<'gexf' | 'graphml', string> = { gexf: 'gexf', graphml: 'graphml' };

export function readXmlGraph(path: string, format: 'gexf' | 'graphml'): GraphFile {
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
  if (format === 'graphml' && doc.getElementsByTagName('hyperedge').length) {
    const k = doc.getElementsByTagName('hyperedge').length;
    throw new UserError(`graph file ${path}: expected ties between two nodes (<edge>), found ${k} <hyperedge> element(s), which scorelab cannot represent; replace each by the ties it stands for`, path);
  }
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
