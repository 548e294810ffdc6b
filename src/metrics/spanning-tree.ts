/**
 * The spanning tree that `components` (components.ts) keeps between snapshots while the agents
 * with ties form one component: each agent's parent (−1 for the root and for agents without ties)
 * and the slot of that tie in the agent's block (a hint: a tie that moved inside the block is
 * looked up again).
 *
 * A snapshot's count, in three passes:
 * 1. every agent's parent tie is checked (one sequential pass); an agent whose tie is gone, or
 *    that had no ties before, is cut loose. When the tree stood at the last count of the same
 *    `Adjacency` and its log of changed ties (`log`, src/core/adjacency.ts) still holds every
 *    tie dropped since, only those ties are looked at (an agent whose parent tie is among them is
 *    cut loose), with one pass over the degrees for agents that lost or gained all their ties: at
 *    1M agents and 10M ties under friend-cleanup's rewiring that is a read of 5 MB instead of one
 *    block per agent. None cut: done. A few (under n/8): each is hung, in
 *    rounds, under a neighbour whose chain of parents reaches the root through no cut agent
 *    (walks of at most 64 steps), and what hung under it comes back with it; when every
 *    neighbour of a cut agent hangs under it (a hub whose children are all its neighbours), one
 *    of its children with such a neighbour is hung there instead and the cut agent under that
 *    child (the tie between them turned round); if some cannot be, the other two passes take over;
 * 2. each agent is anchored (its chain of parents reaches the root) or detached (the chain meets a
 *    cut agent), found by following parents and marking each chain once (O(n) however deep);
 * 3. the detached agents are attached in index order to their parent if it is anchored by now,
 *    else to their first anchored neighbour; sweeps repeat over those left. An agent only ever
 *    hangs under an anchored one, so the tree stays a tree. If a sweep attaches nobody, the agents
 *    left have no tie to the root's component: the graph is no longer joined, and the caller counts
 *    afresh. `build` makes a tree the same way with every agent but the root detached.
 * Exact: the tree only uses ties of the current graph, and it spans the agents with ties exactly
 * when they form one component.
 */
import type { AdjacencyView } from '../core/adjacency.js';

const UNKNOWN = 0, ANCHORED = 1, DETACHED = 2, ALONE = 3;
/** Longest walk up the tree in the quick re-attachment (longer chains go to the full passes). */
const MAX_WALK = 64;

export class SpanningTree {
  n = -1;
  root = -1;
  par = new Int32Array(0);
  slot = new Int32Array(0);
  private state = new Uint8Array(0);
  private list = new Int32Array(0);
  /**
   * Updates answered by repairing the kept tree, and trees made afresh; `logged`: updates that read
   * only the adjacency's log of dropped ties; `turned`: cut agents hung again through a child.
   */
  readonly counts = { repaired: 0, built: 0, logged: 0, turned: 0 };
  /** The adjacency the tree was last checked against, and the position its log was read up to. */
  private src: AdjacencyView | null = null;
  private read = 0;

  /** The isolated-agent count when the kept tree, repaired, still spans the agents with ties; else null (count afresh, then `build` if joined). */
  update(adj: AdjacencyView): number | null {
    if (this.n === adj.n) {
      const z = this.attach(adj, false);
      if (z >= 0) {
        this.counts.repaired++;
        return z;
      }
    }
    this.n = -1;
    return null;
  }

  /** A tree from scratch, rooted at the first agent with ties; kept when it spans every agent with ties (returns whether it does). */
  build(adj: AdjacencyView): boolean {
    this.counts.built++;
    const n = adj.n;
    if (this.par.length < n) {
      this.par = new Int32Array(n);
      this.slot = new Int32Array(n);
      this.state = new Uint8Array(n);
      this.list = new Int32Array(n);
    }
    this.root = -1;
    for (let i = 0; i < n; i++)
      if (adj.deg[i]! > 0) {
        this.root = i;
        break;
      }
    this.n = -1;
    if (this.root >= 0) this.par[this.root] = -1;
    if (this.root < 0 || this.attach(adj, true) < 0) return false;
    this.n = n;
    return true;
  }

  /** Passes 1–3 of the header (`fresh`: every parent dropped first); the isolated count, or −1 when not joined. */
  private attach(adj: AdjacencyView, fresh: boolean): number {
    const from = this.read;
    const log = adj.log, at = adj.logStart ?? 0, count = adj.logCount ?? 0;
    const logged = !fresh && this.src === adj && log !== undefined && from >= at && from <= at + count;
    this.src = adj;
    this.read = at + count;
    const { n, start, deg, targets } = adj;
    const par = this.par, slot = this.slot, st = this.state, list = this.list, root = this.root;
    if (deg[root] === 0) return -1;
    // 1. parent ties
    let z = 0, cut = 0;
    if (logged) {
      z = this.cutFromLog(adj, from - at, count);
      cut = this.cut;
      this.counts.logged++;
      if (cut === 0) return z;
      if (cut <= n >> 3 && this.quick(adj, cut)) return z;
      // the full passes: every agent with ties and a parent as yet unknown
      for (let i = 0; i < n; i++) if (st[i] === ANCHORED) st[i] = UNKNOWN;
      st[root] = ANCHORED;
    } else {
      for (let i = 0; i < n; i++) {
        const d = deg[i]!;
        if (d === 0) {
          z++;
          par[i] = -1;
          st[i] = ALONE;
          continue;
        }
        if (i === root) {
          st[i] = ANCHORED;
          continue;
        }
        st[i] = UNKNOWN;
        const p = par[i]!;
        if (fresh || p < 0) {
          par[i] = -1;
          st[i] = DETACHED;
          continue;
        }
        const s = start[i]!, o = slot[i]!;
        if (o < d && targets[s + o] === p) continue;
        let e = s;
        const e2 = s + d;
        while (e < e2 && targets[e] !== p) e++;
        if (e < e2) slot[i] = e - s;
        else {
          par[i] = -1;
          st[i] = DETACHED;
        }
      }
      // nothing cut loose: the tree stands as it was
      for (let i = 0; i < n; i++) if (st[i] === DETACHED) list[cut++] = i;
      if (cut === 0) return z;
    // a few cut loose (rewiring): each to a neighbour whose chain of parents reaches the root
    // through no cut agent (short walks); what hung under them comes back with them
      if (!fresh && cut <= n >> 3 && this.quick(adj, cut)) return z;
    }
    // 2. anchored or detached: follow parents up to an agent whose state is known, mark the chain
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (st[i] !== UNKNOWN) continue;
      let k = 0, a = i;
      while (st[a] === UNKNOWN) {
        list[k++] = a; // the chain, kept in `list` for now (it is filled again below)
        a = par[a]!;
      }
      const s = st[a] === ANCHORED ? ANCHORED : DETACHED;
      while (k > 0) st[list[--k]!] = s;
    }
    for (let i = 0; i < n; i++) if (st[i] === DETACHED) list[m++] = i;
    // 3. sweeps over the detached agents (a graph numbered against the sweep needs many: after
    //    a few, a breadth-first search from every anchored agent finishes the job in O(n + m))
    for (let sweep = 0; m > 0; sweep++) {
      if (sweep === 8) return this.search(adj, z);
      let left = 0;
      for (let q = 0; q < m; q++) {
        const i = list[q]!, p = par[i]!;
        if (p >= 0 && st[p] === ANCHORED) {
          st[i] = ANCHORED; // its parent's chain reaches the root again
          continue;
        }
        const s = start[i]!, e2 = s + deg[i]!;
        let e = s;
        while (e < e2 && st[targets[e]!] !== ANCHORED) e++;
        if (e < e2) {
          par[i] = targets[e]!;
          slot[i] = e - s;
          st[i] = ANCHORED;
        } else list[left++] = i;
      }
      if (left === m) return -1; // nobody attached: these agents have no tie to the root's component
      m = left;
    }
    return z;
  }

  /** Cut agents of the last `cutFromLog`, listed first in `list`. */
  private cut = 0;

  /**
   * Pass 1 from the adjacency's log (entries [first, count) of `log`), when the tree stood at the
   * last count: agents that lost all their ties are alone, agents that gained their first are cut
   * loose, and so is every agent whose parent tie was dropped since. Returns the agents without
   * ties; the cut ones are listed first in `list` (`this.cut` of them).
   */
  private cutFromLog(adj: AdjacencyView, first: number, count: number): number {
    const { n, deg } = adj, log = adj.log!, par = this.par, st = this.state, list = this.list, root = this.root;
    let z = 0, cut = 0;
    const loose = (a: number): void => {
      par[a] = -1;
      st[a] = DETACHED;
      list[cut++] = a;
    };
    for (let i = 0; i < n; i++) {
      if (deg[i] === 0) {
        z++;
        if (st[i] !== ALONE) {
          par[i] = -1;
          st[i] = ALONE;
        }
      } else if (st[i] === ALONE) loose(i);
    }
    for (let k = 2 * first, e = 2 * count; k < e; k += 2) {
      const a = log[k]!, nb = log[k + 1]!;
      if (nb >= 0) continue; // a tie added
      const b = ~nb;
      if (par[a] === b && st[a] !== DETACHED && st[a] !== ALONE && a !== root) loose(a);
      if (par[b] === a && st[b] !== DETACHED && st[b] !== ALONE && b !== root) loose(b);
    }
    this.cut = cut;
    return z;
  }

  /**
   * Re-attaches the `cut` agents listed first in `list` (rounds while any attach): true when all
   * did. An attached agent is marked UNKNOWN again (its chain now reaches the root), so that the
   * full passes can take over where this gives up.
   */
  private quick(adj: AdjacencyView, cut: number): boolean {
    const { start, deg, targets } = adj;
    const par = this.par, slot = this.slot, st = this.state, list = this.list;
    let m = cut;
    while (m > 0) {
      let left = 0;
      for (let q = 0; q < m; q++) {
        const i = list[q]!, s = start[i]!, e2 = s + deg[i]!;
        let e = s;
        for (; e < e2; e++) if (this.reaches(targets[e]!)) break;
        if (e < e2) {
          par[i] = targets[e]!;
          slot[i] = e - s;
          st[i] = UNKNOWN;
          continue;
        }
        // no neighbour of i reaches the root: through a child of i that has such a neighbour,
        // i's subtree hangs again with that child on top (the tie between them turned round)
        let f = s, k = -1;
        for (; f < e2 && k < 0; f++) {
          const c = targets[f]!;
          if (par[c] !== i) continue;
          const cs = start[c]!, ce = cs + deg[c]!;
          for (let g = cs; g < ce; g++) {
            if (targets[g] === i || !this.reaches(targets[g]!)) continue;
            k = targets[g]!;
            par[c] = k;
            slot[c] = g - cs;
            break;
          }
        }
        if (k < 0) {
          list[left++] = i;
          continue;
        }
        par[i] = targets[f - 1]!;
        slot[i] = f - 1 - s;
        st[i] = UNKNOWN;
        this.counts.turned++;
      }
      if (left === 0) return true;
      if (left === m) return false;
      m = left;
    }
    return true;
  }

  /** True when a's chain of parents reaches the root in at most MAX_WALK steps through no cut agent. */
  private reaches(a: number): boolean {
    const par = this.par, st = this.state, root = this.root;
    for (let steps = 0; a !== root; steps++) {
      if (st[a] === DETACHED || steps === MAX_WALK) return false;
      a = par[a]!;
    }
    return true;
  }

  /** Breadth-first from every anchored agent through the detached ones; z, or −1 if some stay detached. */
  private search(adj: AdjacencyView, z: number): number {
    const { n, start, deg, targets } = adj;
    const par = this.par, slot = this.slot, st = this.state, q = this.list;
    let tail = 0;
    for (let i = 0; i < n; i++) if (st[i] === ANCHORED) q[tail++] = i;
    for (let head = 0; head < tail; head++) {
      const u = q[head]!, s = start[u]!, e2 = s + deg[u]!;
      for (let e = s; e < e2; e++) {
        const w = targets[e]!;
        if (st[w] !== DETACHED) continue;
        // the tie u–w seen from w: its slot in w's block
        const sw = start[w]!;
        let f = sw;
        while (targets[f] !== u) f++;
        par[w] = u;
        slot[w] = f - sw;
        st[w] = ANCHORED;
        q[tail++] = w;
      }
    }
    return tail === n - z ? z : -1;
  }
}
