/**
 * What the snapshot's tie pass (tie-pass.ts) keeps or derives between records: the group mixing
 * matrix, kept per adjacency and brought up to date from its log of changed ties, and the score's
 * quintile bounds that let the one-loop pass read each neighbour's class off its score
 * (tie-pass-cuts.ts). Moved out of tie-pass.ts as they were.
 */
import type { AdjacencyView } from '../core/adjacency.js';
import type { Snapshot } from '../core/snapshot.js';
import { scoreOrder, snapshotValuesId } from './util.js';

/**
 * The group mixing matrix of the last snapshot pass per adjacency, with the groups' values id and
 * the position of the adjacency's log of changed ties (src/core/adjacency.ts `log`) it counts up
 * to. While the groups hold the same values and the log still holds every change since, the next
 * record adds the changes (+1 or −1 at [g_i][g_j] and [g_j][g_i] per tie added or dropped) instead
 * of reading the group of every tie end: the same integers as a count afresh.
 */
interface KeptMix {
  gid: number;
  kg: number;
  pos: number;
  mix: Float64Array;
}
const keptMixes = new WeakMap<AdjacencyView, KeptMix>();

/** Snapshot passes that took the group mixing from the kept matrix, and that read the neighbours' classes off their scores (`fusedCutKeys`); for tests. */
export const snapshotPassCounts = { keptMix: 0, cuts: 0 };

/** The kept group mixing of the snapshot's adjacency brought up to date from its log (a copy), or null when it cannot be (count afresh, then `keepMix`). */
export function keptMix(s: Snapshot, kg: number): Float64Array | null {
  const adj = s.adj, log = adj.log, e = keptMixes.get(adj);
  if (!e || !log) return null;
  const at = adj.logStart!, count = adj.logCount!;
  if (e.kg !== kg || e.pos < at || e.pos > at + count || e.gid !== snapshotValuesId(s, 'group', s.group)) {
    keptMixes.delete(adj);
    return null;
  }
  const g = s.group, mix = e.mix, G = Math.max(kg, 1);
  for (let k = 2 * (e.pos - at), end = 2 * count; k < end; k += 2) {
    const i = log[k]!, y = log[k + 1]!, j = y < 0 ? ~y : y, d = y < 0 ? -1 : 1;
    mix[g[i]! * G + g[j]!]! += d;
    mix[g[j]! * G + g[i]!]! += d;
  }
  e.pos = at + count;
  snapshotPassCounts.keptMix++;
  return mix.slice();
}

/** Keeps a group mixing matrix counted afresh for the snapshot's adjacency, at the log's position now. */
export function keepMix(s: Snapshot, kg: number, mix: Float64Array): void {
  const adj = s.adj;
  if (!adj.log) return;
  keptMixes.set(adj, { gid: snapshotValuesId(s, 'group', s.group), kg, pos: adj.logStart! + adj.logCount!, mix: mix.slice() });
}

/**
 * The score's quintile bounds for the one-loop pass that reads each neighbour's class off its score
 * (tie-pass-cuts.ts `fusedCutKeys`): −∞, the value at the first rank of each class 1–4 (ranks
 * ceil(c·n/5), as quantileLabels labels them), +∞, when each of the four is held by that agent
 * alone and no score is NaN; else null (the classes are then read from the labels).
 */
const cutValues = new Float64Array([-Infinity, 0, 0, 0, 0, Infinity]);
export function quintileCuts(s: Snapshot): Float64Array | null {
  const x = s.score, o = scoreOrder(s), n = s.n;
  if (!x || !o || n < 10 || Number.isNaN(x[o[n - 1]!]!)) return null;
  for (let c = 1; c <= 4; c++) {
    const r = Math.ceil((c * n) / 5), t = x[o[r]!]!;
    if (x[o[r - 1]!] === t || (r + 1 < n && x[o[r + 1]!] === t)) return null;
    cutValues[c] = t;
  }
  snapshotPassCounts.cuts++;
  return cutValues;
}
