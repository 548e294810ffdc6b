import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { Adjacency, LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../../src/core/adjacency.js';
import { makeRng } from '../../src/core/rng.js';
import { adjacencyToGraphology, edgeListToGraphology, graphologyToEdgeList } from '../../src/graphs/convert.js';
import { erdosRenyiGNM } from '../../src/graphs/erdos-renyi.js';
import { tieSet } from './helpers.js';

describe('edge list ⇄ graphology', () => {
  it('round-trips ties, node order and layers', () => {
    const el = erdosRenyiGNM(300, 900, makeRng('conv'));
    el.layer = Uint8Array.from({ length: 900 }, (_, e) => 1 + (e % 3));
    const g = edgeListToGraphology(el);
    expect(g.order).toBe(300);
    expect(g.size).toBe(900);
    expect(g.type).toBe('undirected');
    const back = graphologyToEdgeList(g);
    expect(back.keys).toEqual(Array.from({ length: 300 }, (_, i) => String(i)));
    expect(back.el.n).toBe(300);
    expect([...back.el.src]).toEqual([...el.src]);
    expect([...back.el.dst]).toEqual([...el.dst]);
    expect([...back.el.layer!]).toEqual([...el.layer]);
  });

  it('uses the given keys and node attributes (NaN / null left out)', () => {
    const el = { n: 3, src: Int32Array.from([0, 1]), dst: Int32Array.from([1, 2]) };
    const g = edgeListToGraphology(el, {
      keys: ['a', 'b', 'c'],
      nodes: { score: Float64Array.from([0.5, NaN, 1]), name: ['x', null, 'z'] },
    });
    expect(g.getNodeAttributes('a')).toEqual({ score: 0.5, name: 'x' });
    expect(g.getNodeAttributes('b')).toEqual({});
    expect(g.hasEdge('b', 'c')).toBe(true);
    expect(g.getEdgeAttributes('b', 'c')).toEqual({});
  });

  it('collapses parallel and directed edges (layers OR-ed) and drops self-loops', () => {
    const g = new MultiDirectedGraph();
    for (const k of ['p', 'q', 'r']) g.addNode(k);
    g.addEdge('p', 'q', { layer: 'online' });
    g.addEdge('q', 'p', { layer: 'offline' });
    g.addEdge('q', 'r');
    g.addEdge('r', 'r', { layer: 'online' });
    const { el, keys } = graphologyToEdgeList(g);
    expect(keys).toEqual(['p', 'q', 'r']);
    expect(tieSet(el, keys)).toEqual(['p-q', 'q-r']);
    expect([...el.layer!]).toEqual([LAYER_BOTH, LAYER_BOTH]);
  });

  it('has no layer when no edge carries one', () => {
    const g = edgeListToGraphology({ n: 2, src: Int32Array.from([0]), dst: Int32Array.from([1]) });
    expect(graphologyToEdgeList(g).el.layer).toBeUndefined();
  });
});

describe('adjacencyToGraphology', () => {
  it('exports the flat adjacency with layers and attribute columns', () => {
    const adj = Adjacency.fromEdges(4, [0, 1, 2], [1, 2, 3], [LAYER_ONLINE, LAYER_OFFLINE, LAYER_BOTH]);
    adj.removeEdge(1, 2);
    adj.addEdge(3, 0, LAYER_ONLINE);
    const g = adjacencyToGraphology(adj, ['w', 'x', 'y', 'z'], { score: Float64Array.from([0.1, 0.2, 0.3, 0.4]) });
    expect(g.order).toBe(4);
    expect(g.size).toBe(3);
    expect(g.getEdgeAttribute('w', 'x', 'layer')).toBe('online');
    expect(g.getEdgeAttribute('y', 'z', 'layer')).toBe('both');
    expect(g.getEdgeAttribute('z', 'w', 'layer')).toBe('online');
    expect(g.getNodeAttribute('z', 'score')).toBe(0.4);
    const { el } = graphologyToEdgeList(g);
    expect(tieSet(el)).toEqual(tieSet({ n: 4, ...adj.edges() }));
  });
});
