/**
 * Every column of every built-in metric has an exact test on a tiny hand-computed world in
 * tests/metrics/ (snapshot.test.ts groups them by family: network, discrimination, stratification,
 * due process; turnover.test.ts has score_sd and the tie turnover): a line that names the column
 * and asserts a value (toBe, toEqual, toBeCloseTo, toBeNull, or a `column: value` of an expected
 * row). registry.test.ts and needs.test.ts compare runs, not values, so they do not count.
 * A metric added to METRICS without such a test fails here, naming it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/metrics/index.js';

const DIR = join(__dirname);
const NOT_EXACT = new Set(['registry.test.ts', 'needs.test.ts', 'coverage.test.ts']);
const lines = readdirSync(DIR)
  .filter((f) => f.endsWith('.test.ts') && !NOT_EXACT.has(f))
  .flatMap((f) => readFileSync(join(DIR, f), 'utf8').split('\n'));
const ASSERTS = /toBe\(|toEqual|toBeCloseTo|toBeNull|toStrictEqual|:\s*[-0-9(]|:\s*null/;

describe('every metric has an exact test', () => {
  for (const m of METRICS) {
    it(`${m.id}: every column (${m.columns.join(', ')}) is asserted to a value`, () => {
      const missing = m.columns.filter((c) => !lines.some((l) => new RegExp(`\\b${c}\\b`).test(l) && ASSERTS.test(l)));
      expect(missing, `columns of ${m.id} without an exact test in tests/metrics/`).toEqual([]);
    });
  }
});
