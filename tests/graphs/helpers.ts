/** Shared checks for the graph tests. */
import { expect } from 'vitest';
import type { EdgeList } from '../../src/graphs/types.js';

/** Asserts a simple undirected edge list: endpoints in range, no self-ties, no repeated ties. */
export function expectSimple(el: EdgeList): void {
  expect(el.src.length).toBe(el.dst.length);
  if (el.layer) expect(el.layer.length).toBe(el.src.length);
  const seen = new Set<number>();
  for (let e = 0; e < el.src.length; e++) {
    const i = el.src[e]!;
    const j = el.dst[e]!;
    if (!(i >= 0 && i < el.n && j >= 0 && j < el.n)) throw new Error(`tie ${e} (${i}-${j}) out of range`);
    if (i === j) throw new Error(`self-tie at ${i}`);
    const key = Math.min(i, j) * el.n + Math.max(i, j);
    if (seen.has(key)) throw new Error(`repeated tie ${i}-${j}`);
    seen.add(key);
  }
}

export function degrees(el: EdgeList): Int32Array {
  const d = new Int32Array(el.n);
  for (let e = 0; e < el.src.length; e++) {
    d[el.src[e]!]!++;
    d[el.dst[e]!]!++;
  }
  return d;
}

/** The ties as sorted "a-b" strings (a < b), for comparing small graphs. */
export function tieSet(el: EdgeList, keys?: string[]): string[] {
  const name = (i: number) => (keys ? keys[i]! : String(i));
  const out: string[] = [];
  for (let e = 0; e < el.src.length; e++) {
    const a = name(el.src[e]!);
    const b = name(el.dst[e]!);
    out.push(a < b ? `${a}-${b}` : `${b}-${a}`);
  }
  return out.sort();
}

export function sameArrays(a: EdgeList, b: EdgeList): boolean {
  if (a.n !== b.n || a.src.length !== b.src.length) return false;
  for (let e = 0; e < a.src.length; e++) if (a.src[e] !== b.src[e] || a.dst[e] !== b.dst[e]) return false;
  return true;
}
