/**
 * `components`, `largest_component_share` — connected components of the tie graph.
 *
 * Breadth-first search on the flat adjacency (typed-array queue, O(n + m)); ties of every layer
 * count and an agent without ties is a component of its own. largest_component_share = size of the
 * largest component ÷ n. Null when there are no agents.
 */
import type { AdjacencyView } from '../core/adjacency.js';
import type { MetricSpec } from '../core/snapshot.js';

export interface Components {
  count: number;
  largest: number;
  /** Component id per agent (0 … count − 1, in order of the first agent). */
  label: Int32Array;
}

/** Connected components by BFS; `label` and `queue` may be passed in as scratch (length ≥ n). */
export function connectedComponents(
  adj: AdjacencyView,
  label: Int32Array = new Int32Array(adj.n),
  queue: Int32Array = new Int32Array(adj.n),
): Components {
  const { n, start, deg, targets } = adj;
  label.fill(-1, 0, n);
  let count = 0, largest = 0;
  for (let r = 0; r < n; r++) {
    if (label[r] !== -1) continue;
    label[r] = count;
    let head = 0, tail = 0;
    queue[tail++] = r;
    while (head < tail) {
      const i = queue[head++]!;
      const s = start[i]!;
      for (let e = s; e < s + deg[i]!; e++) {
        const j = targets[e]!;
        if (label[j] === -1) {
          label[j] = count;
          queue[tail++] = j;
        }
      }
    }
    if (tail > largest) largest = tail;
    count++;
  }
  return { count, largest, label };
}

export const components: MetricSpec = {
  id: 'components',
  columns: ['components', 'largest_component_share'],
  doc: 'Number of connected components of the tie graph (isolated agents count as components) and the share of agents in the largest.',
  make: () => {
    let label = new Int32Array(0);
    let queue = new Int32Array(0);
    return (s) => {
      if (s.n === 0) return { components: null, largest_component_share: null };
      if (label.length < s.n) {
        label = new Int32Array(s.n);
        queue = new Int32Array(s.n);
      }
      const c = connectedComponents(s.adj, label, queue);
      return { components: c.count, largest_component_share: c.largest / s.n };
    };
  },
};
