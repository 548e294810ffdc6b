/**
 * `nosedive`: exact tests on a 3-agent star (ratings weighted by the rater's score^raterPower,
 * strategic pull toward the ratee's score, data-limits drop contacts' ratings), the invariant
 * "scores stay in 1–5, benefits only at ≥ 4.5" on a seeded run, and a smoke run of the preset.
 * The company drag: exact on a pair, and seeded with its control (dragWeight 0, same seed): with the
 * drag, a person's score depends on how pleasant their contacts are, beyond their own pleasantness.
 * Measure: residual of the final score after a least-squares fit on one's own pleasantness,
 * correlated with the mean pleasantness of one's contacts (2,000 agents, Erdős–Rényi mean degree 6,
 * 90 daily steps, seed 1). Measured: 0.271 with dragWeight 0.3, −0.020 with dragWeight 0 (the control:
 * strategic rating alone). Asserted: > 0.2 with the drag, |·| < 0.1 without.
 */
import { describe, expect, it } from 'vitest';
import { Adjacency, defaults, runScenario, World, type Hooks, type ParamValues } from '../../../src/index.js';
import { POLICY } from '../../../src/core/policy.js';
import { nosedive } from '../../../src/regimes/comparators/nosedive.js';
import { driveStep } from '../drive.js';

function step(world: World, hooks: Hooks) {
  driveStep(world, hooks);
}

/**
 * Star 1 – 0 – 2, one-way rating (i rates whom i meets), one meeting a day, no noise, no prior:
 * agent 0 is rated exactly once by 1 and once by 2 each day.
 */
function make(over: Partial<ParamValues<typeof nosedive.params>> = {}, policy: [string, unknown][] = []) {
  const world = new World(3, 1);
  world.adj = Adjacency.fromEdges(3, [0, 0], [1, 2]);
  for (const [k, v] of policy) world.policy.set(k, v);
  const p = { ...defaults(nosedive.params), mutual: false, interactionsPerDay: 1, strangerShare: 0, ratingNoise: 0, priorRatings: 0, dragWeight: 0, ...over };
  const hooks = nosedive.create(world, p);
  hooks.init?.();
  const col = (name: string) => world.pop.column(name) as Float64Array;
  return { world, hooks, s: col('score_nosedive'), q: col('nosedive_pleasantness'), len: col('nosedive_leniency') };
}

describe('nosedive', () => {
  it('weights each rating by the rater’s score^raterPower', () => {
    for (const [power, want] of [[1, (4 * 4 + 2 * 2) / 6], [0, 3], [2, (16 * 4 + 4 * 2) / 20]] as const) {
      const { world, hooks, s, q, len } = make({ strategy: 0, raterPower: power });
      q[0] = 3;
      len.set([0, 1, -1]); // 1 rates 4 stars, 2 rates 2 stars
      s.set([3, 4, 2]);
      step(world, hooks);
      expect(s[0]).toBeCloseTo(want, 12);
    }
  });

  it('rates strategically: pulled up toward a high current score', () => {
    const { world, hooks, s, q, len } = make({ strategy: 0.5, raterPower: 0 });
    q[0] = 3;
    len.fill(0);
    s.set([5, 3, 3]);
    step(world, hooks); // round(3 + 0.5·(5 − 3)) = 4 from each rater
    expect(s[0]).toBe(4);
  });

  it('low-rated company pulls a score down; better-rated company lifts no one', () => {
    const pair = (dragWeight: number, policy: [string, unknown][] = []) => {
      const world = new World(2, 1);
      world.adj = Adjacency.fromEdges(2, [0], [1]);
      for (const [k, v] of policy) world.policy.set(k, v);
      const p = { ...defaults(nosedive.params), mutual: false, interactionsPerDay: 1, strangerShare: 0, ratingNoise: 0, priorRatings: 0, strategy: 0, raterPower: 0, dragWeight };
      const hooks = nosedive.create(world, p);
      hooks.init?.();
      (world.pop.column('nosedive_pleasantness') as Float64Array).set([5, 2]);
      (world.pop.column('nosedive_leniency') as Float64Array).fill(0);
      step(world, hooks);
      return [...(world.pop.column('score_nosedive') as Float64Array)];
    };
    expect(pair(0.5)).toEqual([5 - 0.5 * (5 - 2), 2]);
    expect(pair(0)).toEqual([5, 2]);
  });

  it('company drag: one’s score depends on one’s contacts’ pleasantness only with the drag (seeded, control dragWeight 0)', async () => {
    const corr = async (dragWeight: number) => {
      const r = await runScenario({ seed: 1, steps: 90, population: { agents: 2000 }, graph: { model: 'erdos-renyi', meanDegree: 6 }, regimes: { nosedive: { dragWeight } }, metrics: ['mean_score'] });
      const w = r.world;
      const n = w.n;
      const s = w.pop.column('score_nosedive') as Float64Array;
      const q = w.pop.column('nosedive_pleasantness') as Float64Array;
      const { start, deg, targets } = w.adj;
      const cq: number[] = [], res: number[] = [];
      let mq = 0, ms = 0;
      for (let i = 0; i < n; i++) (mq += q[i]!), (ms += s[i]!);
      mq /= n;
      ms /= n;
      let sxy = 0, sxx = 0;
      for (let i = 0; i < n; i++) (sxy += (q[i]! - mq) * (s[i]! - ms)), (sxx += (q[i]! - mq) ** 2);
      const beta = sxy / sxx;
      for (let i = 0; i < n; i++) {
        if (deg[i] === 0) continue;
        let c = 0;
        for (let t = start[i]!; t < start[i]! + deg[i]!; t++) c += q[targets[t]!]!;
        cq.push(c / deg[i]!);
        res.push(s[i]! - ms - beta * (q[i]! - mq));
      }
      const m = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
      const a = m(cq), b = m(res);
      let num = 0, da = 0, db = 0;
      for (let k = 0; k < cq.length; k++) (num += (cq[k]! - a) * (res[k]! - b)), (da += (cq[k]! - a) ** 2), (db += (res[k]! - b) ** 2);
      return num / Math.sqrt(da * db);
    };
    const withDrag = await corr(0.3);
    const control = await corr(0);
    console.log('nosedive drag corr', withDrag.toFixed(3), control.toFixed(3));
    expect(withDrag).toBeGreaterThan(0.2);
    expect(Math.abs(control)).toBeLessThan(0.1);
  }, 30_000);

  it('with data-limits on friends’ data, contacts’ ratings are not used', () => {
    const { world, hooks, s, q, len } = make({ strategy: 0 }, [[POLICY.dataFriends, false]]);
    q.fill(1);
    len.fill(0);
    step(world, hooks);
    expect([...s]).toEqual([4, 4, 4]); // initial score kept
  });

  it('scores stay in 1–5 and benefits go exactly to scores ≥ 4.5 (seeded run)', async () => {
    const r = await runScenario({
      seed: 5,
      steps: 30,
      population: { agents: 500 },
      graph: { model: 'sbm', meanDegree: 10, homophily: 0.5 },
      regimes: { nosedive: { strategy: 0.6 } },
      metrics: ['mean_score'],
    });
    const s = r.world.pop.column('score_nosedive') as Float64Array;
    let upper = 0;
    for (let i = 0; i < s.length; i++) {
      expect(s[i]! >= 1 && s[i]! <= 5).toBe(true);
      expect(r.world.benefit[i]).toBe(s[i]! >= 4.5 ? 1 : 0);
      upper += r.world.benefit[i]!;
    }
    expect(upper).toBeGreaterThan(0);
  });

  it('preset runs at tiny size', async () => {
    const r = await runScenario('nosedive', { agents: 300, steps: 20 });
    expect(r.rows.length).toBeGreaterThan(1);
    expect(r.rows[r.rows.length - 1]!.mean_score as number).toBeGreaterThan(1);
  });
});
