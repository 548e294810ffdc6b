/** `appealing`: who forms an intent to appeal, and the policy key the appeals safeguard reads. */
import { describe, expect, it } from 'vitest';
import { appealing } from '../../src/adaptation/appealing.js';
import { make, tinyWorld } from './helpers.js';

function world() {
  const w = tinyWorld(4, []);
  const l = w.lists.get('court', 'black');
  l.add(0, 0, 100, true, true); // mistaken, with notice: knows
  l.add(1, 0, 100, true, false); // mistaken, without notice: must discover it
  l.add(2, 0, 100, false, true); // a true listing: no appeal here
  return { w, l };
}

describe('appealing', () => {
  it("sets the policy 'appeals.rate' and the intent of the wrongly listed who know", () => {
    const { w } = world();
    const h = make(appealing, w, { rate: 1, discover: 0 });
    expect(w.policy.get('appeals.rate')).toBe(1);
    h.adapt!();
    expect([...w.pop.column('appeal_intent')!]).toEqual([1, 0, 0, 0]);
  });

  it('those listed without notice appeal once they discover it; intent clears when the listing goes', () => {
    const { w, l } = world();
    const h = make(appealing, w, { rate: 1, discover: 1 });
    h.adapt!();
    const intent = w.pop.column('appeal_intent')!;
    expect([...intent]).toEqual([1, 1, 0, 0]);
    l.remove(0, 5);
    h.adapt!();
    expect([...intent]).toEqual([0, 1, 0, 0]);
    expect(h.record!()).toEqual({ appeal_intent_share: 0.25 });
  });

  it('rate 0: nobody appeals', () => {
    const { w } = world();
    make(appealing, w, { rate: 0, discover: 1 }).adapt!();
    expect([...w.pop.column('appeal_intent')!]).toEqual([0, 0, 0, 0]);
  });
});
