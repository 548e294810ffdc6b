/**
 * The expected result of docs/benchmark.md#expected-result, as a seeded test through the CLI: at the last step
 * score_assortativity is clearly higher with cleanup rate 0.05 than with 0, and higher still with
 * 0.2, while the number of ties stays nearly constant. N = 3000, k = 10, 100 steps, seed 11.
 * Tolerances: "clearly higher" = at least 0.02 above (the seed-to-seed sd at this size is ≈ 0.01);
 * ties within 1% of the start.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, tmp } from '../../helpers.js';

function lastRow(c: number) {
  const out = tmp();
  const r = cli(['run', 'scenarios/bench-friend-cleanup.yaml', '--agents', '3000', '--seed', '11', '--set', `regimes.friend-cleanup.c=${c}`, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const rows = readCsv(join(out, 'steps.csv'));
  return { first: rows[0]!, last: rows[rows.length - 1]! };
}

describe('friend-cleanup benchmark model', () => {
  it('assortativity rises with friend averaging alone, and more with cleanup, dose by dose', () => {
    const r0 = lastRow(0);
    const r5 = lastRow(0.05);
    const r20 = lastRow(0.2);
    const a = (r: { last: Record<string, string> }) => Number(r.last.score_assortativity);
    expect(a(r0)).toBeGreaterThan(0.02);
    expect(a(r5)).toBeGreaterThan(a(r0) + 0.02);
    expect(a(r20)).toBeGreaterThan(a(r5) + 0.02);
    for (const r of [r0, r5, r20]) {
      expect(Math.abs(Number(r.last.tie_count) / Number(r.first.tie_count) - 1)).toBeLessThan(0.01);
    }
  });
});
