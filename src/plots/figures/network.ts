/**
 * The network figure (src/plots/figures.ts): the ties among a deterministic sample of agents at the
 * start and the end of replicate 0, laid out with ForceAtlas2 (graphology).
 */
import { UndirectedGraph } from 'graphology';
import * as fa2 from 'graphology-layout-forceatlas2';
import { circular } from 'graphology-layout';
import type { FigureSpec } from '../../experiment/define.js';
import { type AgentState, rerunAgents } from '../agents.js';
import { fmt } from '../labels.js';
import { labelKeys, type SweepFolder } from '../sweep-data.js';
import { type BuiltFigure, FigureError, type Panel, pointText } from './shared.js';
import { OKABE_ITO, top } from './vega.js';
import { needExperiment, pointsWhere, reproduction } from './rerun.js';

// a CommonJS module: its default export is the layout function with `assign` and `inferSettings`
type ForceAtlas2 = {
  assign(g: UndirectedGraph, o: { iterations: number; settings?: Record<string, unknown> }): void;
  inferSettings(g: UndirectedGraph): Record<string, unknown>;
};
const forceAtlas2 = ((fa2 as unknown as { default?: unknown }).default ?? fa2) as ForceAtlas2;

/** Agents shown in a network picture: breadth-first from the lowest agent id, neighbours in id order. */
export function networkSample(s: AgentState, k: number): number[] {
  const n = s.n;
  const seen = new Uint8Array(n);
  const out: number[] = [];
  for (let root = 0; root < n && out.length < k; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    const queue = [root];
    for (let q = 0; q < queue.length && out.length < k; q++) {
      const i = queue[q]!;
      out.push(i);
      const nb = Array.from(s.targets.subarray(s.start[i]!, s.start[i]! + s.deg[i]!)).sort((a, b) => a - b);
      for (const j of nb) {
        if (!seen[j]) {
          seen[j] = 1;
          queue.push(j);
        }
      }
    }
  }
  return out.sort((a, b) => a - b);
}

function layout(s: AgentState, nodes: number[]): { pos: Map<number, [number, number]>; edges: [number, number][] } {
  const g = new UndirectedGraph();
  const inSample = new Set(nodes);
  for (const i of nodes) g.addNode(String(i));
  const edges: [number, number][] = [];
  for (const i of nodes) {
    for (let e = s.start[i]!; e < s.start[i]! + s.deg[i]!; e++) {
      const j = s.targets[e]!;
      if (j > i && inSample.has(j)) {
        g.addEdge(String(i), String(j));
        edges.push([i, j]);
      }
    }
  }
  circular.assign(g);
  forceAtlas2.assign(g, { iterations: 150, settings: { ...forceAtlas2.inferSettings(g), gravity: 1.5, barnesHutOptimize: false } });
  const pos = new Map<number, [number, number]>();
  g.forEachNode((key: string, a: Record<string, unknown>) => pos.set(Number(key), [a.x as number, a.y as number]));
  return { pos, edges };
}

export async function network(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'network' }>): Promise<BuiltFigure> {
  const exp = await needExperiment(f, fig);
  const pi = pointsWhere(f, fig, fig.where)[0]!;
  const r = await rerunAgents(f, exp, pi);
  const k = Math.min(fig.agents ?? 300, r.before.n);
  const nodes = networkSample(r.before, k);
  const hasScore = r.before.columns.has('score');
  const colorBy = fig.colorBy ?? (hasScore ? 'score' : 'group');
  if (colorBy === 'score' && !hasScore) throw new FigureError(`figure '${fig.id}': colorBy 'score': no regime of this run keeps a score; use 'group' or 'listed'`);
  const panels: Panel[] = [];
  let listedShown = 0;
  for (const [when, s] of [['start', r.before], ['end', r.after]] as const) {
    const { pos, edges } = layout(s, nodes);
    const score = s.columns.get('score');
    const listed = s.columns.get('listed')!;
    const group = s.columns.get('group')!;
    const nodeValues = nodes.map((i) => ({
      x: pos.get(i)![0],
      y: pos.get(i)![1],
      score: score ? score[i]! : null,
      group: group[i] ? 'minority' : 'majority',
      listed: listed[i] ? 'on a blacklist' : 'not listed',
      mark: listed[i] ? 1 : 0,
    }));
    if (when === 'end') listedShown = nodeValues.filter((v) => v.mark).length;
    const edgeValues = edges.map(([i, j]) => ({ x: pos.get(i)![0], y: pos.get(i)![1], x2: pos.get(j)![0], y2: pos.get(j)![1] }));
    const axis = { field: 'x', type: 'quantitative', axis: null, scale: { zero: false, nice: false } };
    const yAxis = { field: 'y', type: 'quantitative', axis: null, scale: { zero: false, nice: false } };
    const color =
      colorBy === 'score'
        ? { field: 'score', type: 'quantitative', title: 'score', scale: { scheme: 'viridis', domain: s.scoreRange ?? undefined } }
        : colorBy === 'group'
          ? { field: 'group', type: 'nominal', title: 'group', scale: { domain: ['majority', 'minority'], range: [OKABE_ITO[0], OKABE_ITO[1]] } }
          : { field: 'listed', type: 'nominal', title: 'listing', scale: { domain: ['not listed', 'on a blacklist'], range: ['#9a9a9a', OKABE_ITO[5]] } };
    panels.push({
      width: 320,
      height: 320,
      title: { text: `${when}: day ${fmt(s.day, ',~f')}, ${fmt(edges.length, ',d')} ties among the agents shown`, fontSize: 12, fontWeight: 'normal' },
      layer: [
        { data: { values: edgeValues }, mark: { type: 'rule', color: '#888', opacity: 0.35, strokeWidth: 0.6 }, encoding: { x: axis, y: yAxis, x2: { field: 'x2' }, y2: { field: 'y2' } } },
        { data: { values: nodeValues }, mark: { type: 'circle', size: 34, opacity: 0.95, stroke: 'white', strokeWidth: 0.4 }, encoding: { x: axis, y: yAxis, color } },
        {
          data: { values: nodeValues },
          transform: [{ filter: 'datum.mark == 1' }],
          mark: { type: 'point', shape: 'circle', size: 110, filled: false, stroke: 'black', strokeWidth: 1.4 },
          encoding: { x: axis, y: yAxis },
        },
      ],
      view: { stroke: null },
    });
  }
  const point = pointText(f.plan.points[pi]!, labelKeys(f.plan));
  const spec = top(fig, `The network${point ? ` at ${point}` : ''}, start and end`, {
    hconcat: panels,
    resolve: { scale: { color: 'shared', x: 'independent', y: 'independent' } },
  });
  const colorText = colorBy === 'score' ? 'score (viridis: dark low, yellow high)' : colorBy === 'group' ? 'group' : 'listing';
  return {
    spec,
    caption:
      (fig.caption ? `${fig.caption} ` : '') +
      `${k} of ${fmt(r.before.n, ',d')} agents (breadth-first from agent 0), the ties among them at the start and the end of replicate 0, laid out with ForceAtlas2; colour: ${colorText}; black rings: on a blacklist (${listedShown} at the end). ${r.note}`,
    notes: [],
    reproduction: reproduction([r]),
  };
}
