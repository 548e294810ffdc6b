/**
 * A fake Snapshot for metric tests: a tiny world built by hand (no simulation), so every expected
 * value can be computed on paper.
 */
import { Adjacency } from '../../src/core/adjacency.js';
import { ListState } from '../../src/core/lists.js';
import type { Column } from '../../src/core/population.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { WindowStats } from '../../src/core/world.js';

export interface FakeWorld {
  n: number;
  /** [i, j] or [i, j, layer]. */
  edges?: number[][];
  step?: number;
  day?: number;
  daysPerStep?: number;
  group?: number[];
  wealth?: number[];
  income?: number[];
  household?: number[];
  score?: number[] | null;
  scoreRange?: [number, number] | null;
  blackLists?: ListState[];
  redLists?: ListState[];
  columns?: Record<string, Column>;
  stats?: WindowStats;
  metricParams?: Record<string, unknown>;
}

export function fakeSnap(w: FakeWorld): Snapshot {
  const n = w.n;
  const e = w.edges ?? [];
  const adj = Adjacency.fromEdges(
    n,
    e.map((x) => x[0]!),
    e.map((x) => x[1]!),
    e.map((x) => x[2] ?? 3),
  );
  const black = w.blackLists ?? [];
  const anyBlack = new Uint8Array(n);
  for (const l of black) for (let i = 0; i < n; i++) anyBlack[i]! |= l.on[i]!;
  const score = w.score ? Float64Array.from(w.score) : null;
  const cols = w.columns ?? {};
  return {
    n,
    step: w.step ?? 0,
    day: w.day ?? 0,
    daysPerStep: w.daysPerStep ?? 1,
    adj,
    group: Uint8Array.from(w.group ?? new Array(n).fill(0)),
    wealth: Float64Array.from(w.wealth ?? new Array(n).fill(1)),
    income: Float64Array.from(w.income ?? new Array(n).fill(1)),
    household: Int32Array.from(w.household ?? Array.from({ length: n }, (_, i) => i)),
    score,
    scoreRange: w.scoreRange ?? (score ? [0, 10] : null),
    blackLists: black,
    redLists: w.redLists ?? [],
    anyBlack,
    stats: w.stats ?? new WindowStats(),
    column: (name: string) => cols[name],
    metricParams: w.metricParams ?? {},
  };
}

export const u8 = (a: number[]) => Uint8Array.from(a);
export const i32 = (a: number[]) => Int32Array.from(a);
export const f32 = (a: number[]) => Float32Array.from(a);
export { ListState, WindowStats };
