/**
 * Issue 4, emergence test 7: `data-limits` that forbid friends' data remove the friend effect of
 * `sesame`.
 *
 * Setting: 5,000 agents (minority half as wealthy), SBM network with homophily 0.8, everyone a
 * Sesame member (joinShare 1), default friendWeight 0.05, seed 1, 104 weekly steps. Three runs with
 * the same seed: friendWeight 0 (no friend effect by construction), friendWeight 0.05, and 0.05
 * with data-limits {friends: false}. Sesame does not feed back into behaviour, so the three runs
 * see the same records, and without friends' data each score is an affine function of the
 * own-data score: the friend component is the constant `neutral`.
 * Friend effect measured two ways:
 * - mean absolute residual (points) of the best affine fit of the final scores on the no-friend
 *   scores: 0.85 with friends; 0 (< 1e-6, rounding only) with data-limits;
 * - score_assortativity (Pearson correlation across ties, invariant to affine maps): with friends
 *   it rises above the no-friend value (measured 0.0331 vs 0.0239; tolerance: by > 0.005); with
 *   data-limits it equals the no-friend value (|Δ| < 1e-9).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

async function run(friendWeight: number, safeguards: Record<string, unknown>) {
  const r = await runScenario({
    name: 'data-limits-test',
    seed: 1,
    steps: 104,
    daysPerStep: 7,
    population: { agents: 5000, minorityWealthRatio: 0.5 },
    graph: { model: 'sbm', meanDegree: 10, homophily: 0.8 },
    regimes: { sesame: { joinShare: 1, friendWeight, curve: 1 } }, // linear score, so 'no friend effect' is an exact affine relation
    safeguards,
    metrics: ['score_assortativity'],
    record: { every: 13 },
  });
  return { score: Float64Array.from(r.world.primaryScore()!), assort: r.rows.at(-1)!.score_assortativity as number };
}

/** Mean |y − (a + b·x)| for the least-squares line of y on x. */
function affineResidual(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) (mx += x[i]!), (my += y[i]!);
  mx /= n;
  my /= n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) (sxy += (x[i]! - mx) * (y[i]! - my)), (sxx += (x[i]! - mx) ** 2);
  const b = sxy / sxx, a = my - b * mx;
  let r = 0;
  for (let i = 0; i < n; i++) r += Math.abs(y[i]! - a - b * x[i]!);
  return r / n;
}

describe("data-limits on friends' data (issue 4, test 7)", () => {
  it('removes the friend effect of sesame', async () => {
    const noFriends = await run(0, {});
    const friends = await run(0.05, {});
    const limited = await run(0.05, { 'data-limits': { friends: false, speech: true, consumption: true, identity: true } });
    expect(affineResidual(noFriends.score, friends.score)).toBeGreaterThan(0.3);
    expect(affineResidual(noFriends.score, limited.score)).toBeLessThan(1e-6);
    expect(friends.assort).toBeGreaterThan(noFriends.assort + 0.005);
    expect(Math.abs(limited.assort - noFriends.assort)).toBeLessThan(1e-9);
  });
});
