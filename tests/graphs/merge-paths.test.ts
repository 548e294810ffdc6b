/**
 * `mergeEdgeLists` gives the same union by both of its paths (lists ordered by their ties' smaller
 * ends, read without a sort; any other lists, counting-sorted) as a plain map of the pairs: the
 * first copy of each tie kept in list order, with the OR of the codes of all its copies.
 */
import { describe, expect, it } from 'vitest';
import { mergeEdgeLists } from '../../src/graphs/merge.js';
import type { EdgeList } from '../../src/graphs/types.js';

function reference(n: number, lists: EdgeList[]): { src: number[]; dst: number[]; layer: number[] } {
  const at = new Map<string, number>();
  const out = { src: [] as number[], dst: [] as number[], layer: [] as number[] };
  for (const el of lists) {
    for (let e = 0; e < el.src.length; e++) {
      const i = el.src[e]!;
      const j = el.dst[e]!;
      if (i === j) continue;
      const key = `${Math.min(i, j)},${Math.max(i, j)}`;
      const c = el.layer ? el.layer[e]! : 3;
      const k = at.get(key);
      if (k === undefined) {
        at.set(key, out.src.length);
        out.src.push(i);
        out.dst.push(j);
        out.layer.push(c);
      } else out.layer[k]! |= c;
    }
  }
  expect(n).toBeGreaterThan(0);
  return out;
}

/** A random list on n nodes with repeats and self-ties; `ordered`: by smaller end (stable). */
function randomList(n: number, m: number, rnd: () => number, ordered: boolean, layered: boolean): EdgeList {
  const ties: [number, number, number][] = [];
  for (let e = 0; e < m; e++) ties.push([Math.floor(rnd() * n), Math.floor(rnd() * n), 1 + Math.floor(rnd() * 3)]);
  if (ordered) ties.sort((a, b) => Math.min(a[0], a[1]) - Math.min(b[0], b[1]));
  const el: EdgeList = { n, src: Int32Array.from(ties, (t) => t[0]), dst: Int32Array.from(ties, (t) => t[1]) };
  if (layered) el.layer = Uint8Array.from(ties, (t) => t[2]);
  return el;
}

describe('mergeEdgeLists paths', () => {
  it('matches a map of the pairs, ordered lists (no sort) and unordered ones alike', () => {
    let x = 987654321;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (const [n, m] of [[3, 10], [20, 150], [200, 500], [1000, 3000]] as const) {
      for (const ordered of [true, false]) {
        const lists = [randomList(n, m, rnd, ordered, true), randomList(n, m >> 1, rnd, true, false), randomList(n, m, rnd, true, true)];
        const got = mergeEdgeLists(n, ...lists);
        const want = reference(n, lists);
        expect(Array.from(got.src)).toEqual(want.src);
        expect(Array.from(got.dst)).toEqual(want.dst);
        expect(Array.from(got.layer!)).toEqual(want.layer);
      }
    }
  });

  it('keeps a list without repeats whole, and merges empty lists', () => {
    const a: EdgeList = { n: 4, src: Int32Array.from([0, 0, 1, 2]), dst: Int32Array.from([1, 3, 2, 3]) };
    const empty: EdgeList = { n: 4, src: new Int32Array(0), dst: new Int32Array(0) };
    const got = mergeEdgeLists(4, empty, a, empty);
    expect(Array.from(got.src)).toEqual([0, 0, 1, 2]);
    expect(Array.from(got.dst)).toEqual([1, 3, 2, 3]);
    expect(Array.from(got.layer!)).toEqual([3, 3, 3, 3]);
    expect(mergeEdgeLists(0).src.length).toBe(0);
  });
});
