/**
 * `approval` on hand-computed tiny worlds: within a step approval follows
 * da/dt = wB·b·(1 − a) + wS·s·(0 − a) + wN·n·(0 − a) + wD·(ā − a), solved exactly, with defaults
 * wB 0.01, wS 0.0225, wN 0.01, wD 0.02 per day; no term refers to the starting value.
 */
import { describe, expect, it } from 'vitest';
import { approval } from '../../src/adaptation/approval.js';
import { DOMAIN_INDEX } from '../../src/index.js';
import { make, tinyWorld } from './helpers.js';

/** Exact solution over Δ days towards v at total rate W. */
const step = (a: number, v: number, W: number, days = 1) => v + (a - v) * Math.exp(-W * days);

describe('approval', () => {
  it('a benefit pulls towards 1, a sanction towards 0, nothing leaves an isolated agent unchanged', () => {
    const w = tinyWorld(4, [], 'iso', 3);
    w.pop.approval.set([0.5, 0.5, 0.5, 0.5]);
    const h = make(approval, w);
    w.benefit[0] = 1;
    w.lists.get('court', 'black').add(1, 0, 100, -1, false); // listed: full sanction
    w.experience.incomeLost[2] = 0.4 * 3; // 40% of income lost over the 3-day step
    h.adapt!();
    const a = w.pop.approval;
    expect(a[0]).toBeCloseTo(step(0.5, 1, 0.01, 3), 6);
    expect(a[1]).toBeCloseTo(step(0.5, 0, 0.0225, 3), 6);
    expect(a[2]).toBeCloseTo(step(0.5, 0, 0.0225 * 0.4, 3), 6);
    expect(a[3]).toBeCloseTo(0.5, 6);
  });

  it('an honour (experience.rewarded) counts as a benefit; a lost opportunity or a sanction this step as a full sanction', () => {
    const w = tinyWorld(3, []);
    w.pop.approval.set([0.4, 0.4, 0.4]);
    const h = make(approval, w);
    w.experience.reward(0, DOMAIN_INDEX.civic);
    w.experience.opportunitiesLost[1] = 2;
    w.experience.sanction(2, DOMAIN_INDEX.finance);
    h.adapt!();
    const a = w.pop.approval;
    expect(a[0]).toBeCloseTo(step(0.4, 1, 0.01), 6);
    expect(a[1]).toBeCloseTo(step(0.4, 0, 0.0225), 6);
    expect(a[2]).toBeCloseTo(step(0.4, 0, 0.0225), 6);
  });

  it('neighbours: their mean view (DeGroot) and the share of them seen sanctioned', () => {
    // star: 0 is tied to 1, 2, 3; 3 is listed; 1 benefits
    const w = tinyWorld(4, [[0, 1], [0, 2], [0, 3]]);
    w.pop.approval.set([0.5, 0.9, 0.6, 0.3]);
    w.lists.get('court', 'black').add(3, 0, 100, -1, false);
    w.benefit[1] = 1;
    const h = make(approval, w);
    h.adapt!();
    const a = w.pop.approval;
    // agent 0: ā = 0.6, a third of its neighbours sanctioned
    const W0 = 0.02 + 0.01 / 3;
    expect(a[0]).toBeCloseTo(step(0.5, (0.02 * 0.6) / W0, W0), 6);
    // agent 1: benefit + neighbour 0 (0.5), nobody it knows sanctioned
    const W1 = 0.01 + 0.02;
    expect(a[1]).toBeCloseTo(step(0.9, (0.01 + 0.02 * 0.5) / W1, W1), 6);
    // agent 3: listed, its neighbour 0 at 0.5
    const W3 = 0.0225 + 0.02;
    expect(a[3]).toBeCloseTo(step(0.3, (0.02 * 0.5) / W3, W3), 6);
  });

  it('no anchor to the start: two agents living the same experience converge at exp(−W·Δ) per step', () => {
    const w = tinyWorld(2, [], 'two', 7);
    w.pop.approval.set([0.95, 0.1]);
    const h = make(approval, w, { benefitWeight: 0.02 });
    const d0 = 0.85;
    for (let k = 1; k <= 20; k++) {
      w.benefit.fill(1); // both benefit every step
      h.adapt!();
      expect(w.pop.approval[0]! - w.pop.approval[1]!).toBeCloseTo(d0 * Math.exp(-0.02 * 7 * k), 5);
    }
    // control: without experience the two starting values stay where they are
    const c = tinyWorld(2, [], 'two', 7);
    c.pop.approval.set([0.95, 0.1]);
    const hc = make(approval, c, { benefitWeight: 0.02 });
    for (let k = 0; k < 20; k++) hc.adapt!();
    expect([...c.pop.approval].map((x) => +x.toFixed(6))).toEqual([0.95, 0.1]);
  });

  it('never reads wealth or group: changing them changes nothing', () => {
    const run = (flip: boolean) => {
      const w = tinyWorld(3, [[0, 1], [1, 2]]);
      w.pop.approval.set([0.6, 0.7, 0.8]);
      if (flip) {
        w.pop.wealth.set([1e6, 0, -5]);
        w.pop.group.set([1, 0, 1]);
      }
      const h = make(approval, w, { socialWeight: 0.3 });
      w.benefit[2] = 1;
      h.adapt!();
      return [...w.pop.approval];
    };
    expect(run(true)).toEqual(run(false));
  });

  it('stays in [0, 1] under extreme rates and long steps', () => {
    const w = tinyWorld(3, [[0, 1], [1, 2]], 'x', 365);
    w.pop.approval.set([1, 0, 0.5]);
    const h = make(approval, w, { benefitWeight: 50, sanctionWeight: 50, seenWeight: 50, socialWeight: 50 });
    w.benefit[0] = 1;
    w.lists.get('court', 'black').add(2, 0, 100, -1, false);
    h.adapt!();
    for (const x of w.pop.approval) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
  });
});
