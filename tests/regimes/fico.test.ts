/**
 * fico: exact score arithmetic on a tiny world, the 7-year lapse of a default, and a seeded check
 * that the default population sits near the FICO 8 mean (≈ 700 in 2017, CALIBRATION.md) without
 * drifting (tolerance: mean within 640–740; change over one year under 15 points).
 */
import { describe, expect, it } from 'vitest';
import { ACT_VIOLATION, defaults, DOMAIN_INDEX as D, runScenario, World } from '../../src/index.js';
import { fico } from '../../src/regimes/fico.js';
import { driveStep } from './drive.js';

describe('fico', () => {
  it('a default lowers payment history by exp(−size/severityScale) and lapses after expiryDays', () => {
    const world = new World(2, 1);
    world.pop.wealth.fill(36500);
    world.pop.income.fill(100);
    const p = { ...defaults(fico.params), priorHistory: false, expiryDays: 5 };
    const hooks = fico.create(world, p);
    hooks.init!();
    const score = world.pop.column('score_fico') as Float64Array;
    driveStep(world, hooks);
    const before = score[0]!;
    expect(score[0]).toBe(score[0]); // a number
    driveStep(world, hooks, (r) => r.push(0, D.finance, ACT_VIOLATION, 3000)); // one month of income
    const drop = before - score[0]!;
    // payment history 1 → e^−1, weight 0.35 of 550 points (the other components move by < 1 point a day)
    expect(drop).toBeGreaterThan(0.35 * 550 * (1 - Math.exp(-1)) - 2);
    expect(drop).toBeLessThan(0.35 * 550 * (1 - Math.exp(-1)) + 2);
    for (let d = 0; d < 6; d++) driveStep(world, hooks);
    expect(Math.abs(score[0]! - before)).toBeLessThan(3); // the default has lapsed
    expect(score[1]!).toBeGreaterThanOrEqual(300);
    expect(score[1]!).toBeLessThanOrEqual(850);
  });

  it('starts near the FICO mean and does not drift (seeded)', async () => {
    const r = await runScenario('default', { agents: 3000, seed: 4 });
    const first = r.rows[0]!.mean_score as number;
    const last = r.rows.at(-1)!.mean_score as number;
    expect(first).toBeGreaterThan(640);
    expect(first).toBeLessThan(740);
    expect(Math.abs(last - first)).toBeLessThan(15);
  });
});
