/**
 * `appealing`: who forms an intent to appeal — those who know of their listing (notice, a published
 * list they follow, a loss suffered while listed), can afford it and hold exculpatory evidence — and
 * the intent clearing when the listing goes. Exact tests on hand-made cases; the label is never
 * an input (a wrongly listed person with nothing to show does not appeal; a rightly listed one who
 * thinks they can show something does).
 */
import { describe, expect, it } from 'vitest';
import { appealing } from '../../src/adaptation/appealing.js';
import { DOMAIN_INDEX } from '../../src/index.js';
import { make, tinyWorld } from './helpers.js';

const L = DOMAIN_INDEX.law;

function world() {
  const w = tinyWorld(6, []);
  w.pop.income.fill(10);
  w.pop.wealth.fill(1000);
  const l = w.lists.get('court', 'black');
  const strong = () => w.cases.make(0, 3, true, L, 1);
  l.add(0, 0, 100, strong(), true); // mistaken, with notice, can show it: appeals
  l.add(1, 0, 100, strong(), false); // mistaken, no notice: must find out first
  l.add(2, 0, 100, w.cases.make(2, 2, false, L, 1), true); // a true listing, but the person can show something
  l.add(3, 0, 100, w.cases.make(0, -1, true, L, 1), true); // mistaken, nothing to show
  l.add(4, 0, 100, strong(), true); // cannot afford an appeal
  w.pop.wealth[4] = 50;
  return { w, l };
}

describe('appealing', () => {
  it('those who know, can afford it and can show something decide to appeal (rate 1)', () => {
    const { w } = world();
    const h = make(appealing, w, { rate: 1 });
    h.adapt!();
    expect([...w.pop.column('appeal_intent')!]).toEqual([1, 0, 1, 0, 0, 0]);
  });

  it('the unnotified learn of the listing when they lose something; intent clears when the listing goes', () => {
    const { w, l } = world();
    const h = make(appealing, w, { rate: 1 });
    h.adapt!();
    const intent = w.pop.column('appeal_intent')!;
    expect(intent[1]).toBe(0);
    w.experience.opportunitiesLost[1] = 1; // a refused ticket
    h.adapt!();
    expect(intent[1]).toBe(1);
    l.remove(0, 5);
    h.adapt!();
    expect([...intent]).toEqual([0, 1, 1, 0, 0, 0]);
    expect(h.record!()).toEqual({ appeal_intent_share: 2 / 6 });
  });

  it('a published list is known to those who follow it (knowledge of the rules)', () => {
    const { w, l } = world();
    l.published = true;
    w.pop.knowledge[1] = 1;
    make(appealing, w, { rate: 1 }).adapt!();
    expect(w.pop.column('appeal_intent')![1]).toBe(1);
  });

  it('rate 0: nobody appeals', () => {
    const { w } = world();
    make(appealing, w, { rate: 0 }).adapt!();
    expect([...w.pop.column('appeal_intent')!]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
