/**
 * The spanning tree that `components` (components.ts) keeps between snapshots while the agents
 * with ties form one component: each agent's parent and the slot of that tie in its block. A
 * snapshot's count checks every parent tie in one sequential pass and re-attaches the agents whose
 * parent tie was dropped (or that had no ties before) to a neighbour whose chain of parents still
 * reaches the root — never through an agent still cut off, so the tree stays a tree. When that
 * fails (the graph may have split) the caller counts afresh and builds a new tree (breadth-first)
 * if the graph is joined again. A walk up the tree longer than 32 steps makes the next snapshot
 * build afresh, which keeps the walks short.
 */
import type { AdjacencyView } from '../core/adjacency.js';

/**
 * A spanning tree of the agents with ties, kept across snapshots while they form one component:
 * `par[i]` is i's parent (−1 for the root and for agents without ties) and `slot[i]` the position
 * of that tie in i's block (a hint: a tie that moved inside the block is looked up again).
 */
export class SpanningTree {
  n = -1;
  root = -1;
  par = new Int32Array(0);
  slot = new Int32Array(0);
  /** 1 for an agent whose parent tie is gone (or that had no ties before and has now). */
  private cut = new Uint8Array(0);
  private todo = new Int32Array(0);
  private queue = new Int32Array(0);
  /** A walk up the tree longer than this makes the next update rebuild (keeps walks short). */
  static readonly MAX_WALK = 64;
  private deep = false;
  /** Updates answered by repairing the kept tree, and by a fresh build. */
  readonly counts = { repaired: 0, built: 0 };

  /**
   * The isolated-agent count when the kept tree still spans the agents with ties (repaired), or
   * null: then count afresh (`componentSizes`) and, if that finds them joined, call `build`.
   */
  update(adj: AdjacencyView): number | null {
    if (this.n === adj.n && !this.deep) {
      const r = this.repair(adj);
      if (r >= 0) {
        this.counts.repaired++;
        return r;
      }
    }
    this.n = -1;
    return null;
  }

  /** Breadth-first tree from the first agent with ties, kept when it reaches every agent with ties (returns whether it did). */
  build(adj: AdjacencyView): boolean {
    this.counts.built++;
    const { n, start, deg, targets } = adj;
    if (this.par.length < n) {
      this.par = new Int32Array(n);
      this.slot = new Int32Array(n);
      this.cut = new Uint8Array(n);
      this.queue = new Int32Array(n);
    }
    this.n = -1; // invalid until joined
    this.deep = false;
    const par = this.par, slot = this.slot, q = this.queue, seen = this.cut;
    seen.fill(0, 0, n);
    let z = 0, root = -1;
    for (let i = 0; i < n; i++) {
      par[i] = -1;
      if (deg[i] === 0) z++;
      else if (root < 0) root = i;
    }
    if (root < 0) return false;
    let head = 0, tail = 0;
    q[tail++] = root;
    seen[root] = 1;
    while (head < tail) {
      const i = q[head++]!, s = start[i]!, e2 = s + deg[i]!;
      for (let e = s; e < e2; e++) {
        const j = targets[e]!;
        if (seen[j]) continue;
        seen[j] = 1;
        par[j] = i;
        q[tail++] = j;
      }
    }
    seen.fill(0, 0, n);
    if (tail !== n - z) return false;
    // slots of the parent ties, in agent order
    for (let i = 0; i < n; i++) {
      const p = par[i]!;
      if (p < 0) continue;
      const s = start[i]!;
      let e = s;
      while (targets[e] !== p) e++;
      slot[i] = e - s;
    }
    this.n = n;
    this.root = root;
    return true;
  }

  /**
   * Checks every parent tie and re-attaches the agents that lost theirs; the isolated count when
   * the agents with ties are still one tree, −1 when a fresh count is needed.
   */
  private repair(adj: AdjacencyView): number {
    const { n, start, deg, targets } = adj;
    const par = this.par, slot = this.slot, cut = this.cut, root = this.root;
    if (deg[root] === 0) return -1;
    if (this.todo.length < 1024) this.todo = new Int32Array(1024);
    let z = 0, m = 0;
    for (let i = 0; i < n; i++) {
      const d = deg[i]!;
      if (d === 0) {
        z++;
        par[i] = -1;
        continue;
      }
      const p = par[i]!;
      if (p < 0) {
        if (i === root) continue;
      } else {
        const s = start[i]!, o = slot[i]!;
        if (o < d && targets[s + o] === p) continue;
        let e = s;
        const e2 = s + d;
        while (e < e2 && targets[e] !== p) e++;
        if (e < e2) {
          slot[i] = e - s;
          continue;
        }
      }
      // parent tie gone (or no parent yet): to re-attach
      cut[i] = 1;
      if (m === this.todo.length) {
        const t = new Int32Array(2 * m);
        t.set(this.todo);
        this.todo = t;
      }
      this.todo[m++] = i;
    }
    // rounds: attach each cut agent to a neighbour whose chain reaches the root through no cut agent
    const todo = this.todo;
    let left = m;
    while (left > 0) {
      let w = 0;
      for (let k = 0; k < left; k++) {
        const i = todo[k]!, s = start[i]!, e2 = s + deg[i]!;
        let done = false;
        for (let e = s; e < e2 && !done; e++) {
          const j = targets[e]!;
          let a = j, steps = 0;
          while (a !== root && !cut[a] && par[a]! >= 0 && steps <= SpanningTree.MAX_WALK) {
            a = par[a]!;
            steps++;
          }
          if (a !== root) continue; // reaches a cut agent, an agent without a parent, or too deep
          if (steps + 1 > SpanningTree.MAX_WALK >> 1) this.deep = true; // rebuild next time
          par[i] = j;
          slot[i] = e - s;
          cut[i] = 0;
          done = true;
        }
        if (!done) todo[w++] = i;
      }
      if (w === left) {
        for (let k = 0; k < left; k++) cut[todo[k]!] = 0;
        return -1; // no progress: perhaps no longer one component
      }
      left = w;
    }
    return z;
  }
}
