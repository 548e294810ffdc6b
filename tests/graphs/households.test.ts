import { describe, expect, it } from 'vitest';
import { LAYER_BOTH, LAYER_OFFLINE, LAYER_ONLINE } from '../../src/core/adjacency.js';
import { makeRng } from '../../src/core/rng.js';
import { assignHouseholds, householdCliques } from '../../src/graphs/households.js';
import { mergeEdgeLists, withLayer } from '../../src/graphs/merge.js';
import type { EdgeList } from '../../src/graphs/types.js';
import { expectSimple, tieSet } from './helpers.js';

function expectCliques(household: Int32Array, el: EdgeList): void {
  expectSimple(el);
  const size = new Map<number, number>();
  for (const h of household) if (h >= 0) size.set(h, (size.get(h) ?? 0) + 1);
  let expected = 0;
  for (const s of size.values()) expected += (s * (s - 1)) / 2;
  expect(el.src.length).toBe(expected);
  for (let e = 0; e < el.src.length; e++) {
    if (household[el.src[e]!] !== household[el.dst[e]!] || household[el.src[e]!]! < 0) throw new Error(`tie ${e} crosses households`);
  }
  expect(el.layer!.every((l) => l === LAYER_OFFLINE)).toBe(true);
}

describe('assignHouseholds', () => {
  it('gives consecutive ids with mean size ≈ meanSize (±2 %)', () => {
    const n = 100_000;
    const h = assignHouseholds(n, 2.5, makeRng('hh'));
    expect(h[0]).toBe(0);
    for (let i = 1; i < n; i++) if (h[i]! !== h[i - 1]! && h[i]! !== h[i - 1]! + 1) throw new Error(`gap at ${i}`);
    expect(Math.abs(n / (h[n - 1]! + 1) / 2.5 - 1)).toBeLessThan(0.02);
    expect([...assignHouseholds(50, 3, makeRng('a'))]).toEqual([...assignHouseholds(50, 3, makeRng('a'))]);
  });

  it('mean size 1 puts everyone alone', () => {
    expect([...assignHouseholds(5, 1, makeRng('x'))]).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('householdCliques', () => {
  it('ties all members of each household, and nothing else', () => {
    const h = assignHouseholds(20_000, 3, makeRng('hh2'));
    expectCliques(h, householdCliques(h));
  });

  it('handles scattered members, negative ids (alone) and sparse large ids', () => {
    const h = Int32Array.from([7, -1, 3, 7, 3, 7, -1, 1_000_000, 1_000_000]);
    const el = householdCliques(h);
    expectCliques(h, el);
    expect(tieSet(el)).toEqual(['0-3', '0-5', '2-4', '3-5', '7-8']);
  });
});

describe('mergeEdgeLists', () => {
  it('dedupes, drops self-ties and ORs the layers', () => {
    const online = withLayer({ n: 4, src: Int32Array.from([0, 1, 2]), dst: Int32Array.from([1, 2, 2]) }, LAYER_ONLINE);
    const offline: EdgeList = { n: 4, src: Int32Array.from([1, 3]), dst: Int32Array.from([0, 2]), layer: Uint8Array.from([LAYER_OFFLINE, LAYER_OFFLINE]) };
    const plain: EdgeList = { n: 4, src: Int32Array.from([3]), dst: Int32Array.from([0]) };
    const el = mergeEdgeLists(4, online, offline, plain);
    expectSimple(el);
    expect([...el.src]).toEqual([0, 1, 3, 3]);
    expect([...el.dst]).toEqual([1, 2, 2, 0]);
    expect([...el.layer!]).toEqual([LAYER_BOTH, LAYER_ONLINE, LAYER_OFFLINE, LAYER_BOTH]);
  });

  it('rejects nodes outside 0..n−1', () => {
    expect(() => mergeEdgeLists(2, { n: 3, src: Int32Array.from([0]), dst: Int32Array.from([2]) })).toThrow(/outside/);
  });
});
