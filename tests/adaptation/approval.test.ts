/** `approval` on hand-computed cases: benefit, sanctions, lost opportunities, untrustworthy neighbours. */
import { describe, expect, it } from 'vitest';
import { approval } from '../../src/adaptation/approval.js';
import { make, setScore, tinyWorld } from './helpers.js';

describe('approval', () => {
  it('target = prior + 0.3·benefit − 0.5·sanction + 0.3·untrustworthy share (speed 1: reached at once)', () => {
    // path 0 – 1 – 2 – 3; 3 is listed; 2 scores low (0.1 < 0.3)
    const w = tinyWorld(4, [[0, 1], [1, 2], [2, 3]]);
    setScore(w, [0.9, 0.9, 0.1, 0.9]);
    w.pop.approval.set([0.5, 0.5, 0.5, 0.5]);
    w.lists.get('court', 'black').add(3, 0, 100, false, true);
    const h = make(approval, w, { speed: 1 });
    h.init!();
    w.benefit[0] = 1;
    w.incomeMult[1] = 0.6;
    w.lostOpportunity[2] = 1;
    h.adapt!();
    const a = w.pop.approval;
    expect(a[0]).toBeCloseTo(0.5 + 0.3, 6); // benefit; neighbour 1 trustworthy
    expect(a[1]).toBeCloseTo(0.5 - 0.5 * 0.4 + 0.3 * 0.5, 6); // income cut 0.4; neighbour 2 low-scored
    expect(a[2]).toBeCloseTo(0.5 - 0.5 + 0.3 * 0.5, 6); // lost an opportunity; neighbour 3 listed
    expect(a[3]).toBeCloseTo(0.5 - 0.5 + 0.3 * 1, 6); // listed; neighbour 2 low-scored
    // next step: the lost opportunity no longer counts, the rest is as before
    w.benefit.fill(0);
    h.adapt!();
    expect(a[2]).toBeCloseTo(0.5 + 0.15, 6);
    expect(a[0]).toBeCloseTo(0.5, 6);
  });

  it('non-members of a voluntary scheme that owns the primary score do not count as low-scored', () => {
    const w = tinyWorld(3, [[0, 1], [0, 2]]);
    setScore(w, [0.9, 0.1, 0.1]); // owner 'test'
    w.services.set('voluntary:test', { id: 'test', joined: Uint8Array.from([1, 1, 0]), expectedBenefit: () => 0, cost: 0 });
    w.pop.approval.set([0.5, 0.5, 0.5]);
    const h = make(approval, w, { speed: 1 });
    h.init!();
    h.adapt!();
    expect(w.pop.approval[0]).toBeCloseTo(0.5 + 0.3 * 0.5, 6); // only 1 (a member at 0.1) counts
  });

  it('smooths at 1 − (1 − speed)^Δ and stays in [0, 1]', () => {
    const w = tinyWorld(2, [], 'smooth', 5);
    w.pop.approval.set([0.9, 0.1]);
    const h = make(approval, w, { speed: 0.1 });
    h.init!();
    w.benefit[0] = 1;
    w.incomeMult[1] = 0;
    h.adapt!();
    const alpha = 1 - 0.9 ** 5;
    expect(w.pop.approval[0]).toBeCloseTo(0.9 + alpha * (1 - 0.9), 6);
    expect(w.pop.approval[1]).toBeCloseTo(0.1 + alpha * (0 - 0.1), 6);
  });

  it('never reads wealth or group: changing them changes nothing', () => {
    const run = (flip: boolean) => {
      const w = tinyWorld(3, [[0, 1], [1, 2]]);
      setScore(w, [0.2, 0.5, 0.9]);
      w.pop.approval.set([0.6, 0.7, 0.8]);
      if (flip) {
        w.pop.wealth.set([1e6, 0, -5]);
        w.pop.group.set([1, 0, 1]);
      }
      const h = make(approval, w, { speed: 0.3 });
      h.init!();
      w.benefit[2] = 1;
      h.adapt!();
      return [...w.pop.approval];
    };
    expect(run(true)).toEqual(run(false));
  });
});
