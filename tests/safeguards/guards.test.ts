/**
 * Exact tests of the list-guard safeguards (notice, human-review, proportionality) on tiny worlds:
 * proposals are made by hand on hand-made cases (evidence, defense) and settled by hand. Cases far
 * from the criterion make the deciders' outcomes certain; a reviewer who does not look (diligence 0)
 * decides on the file alone, at the threshold the rule gives.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../src/core/params.js';
import { POLICY } from '../../src/core/policy.js';
import { DOMAIN_INDEX } from '../../src/core/population.js';
import { World } from '../../src/core/world.js';
import { findPlugin } from '../../src/index.js';
import { humanReview } from '../../src/safeguards/human-review.js';
import { notice } from '../../src/safeguards/notice.js';
import { proportionality } from '../../src/safeguards/proportionality.js';

const L = DOMAIN_INDEX.law;
/** A case: evidence e, defense d, label (for the record hooks' counts only). */
const kase = (w: World, e: number, d = 0, mistaken = false) => w.cases.make(e, d, mistaken, L, 1);
const prop = (w: World, agent: number, over: Record<string, unknown> = {}) =>
  w.lists.propose({ list: w.lists.get('court', 'black'), agent, day: w.day, cause: kase(w, 6), severity: 1, termDays: 730, ...over });
/** A record hook's output, read as the simulation does (ground truth open). */
const rec = (w: World, h: { record?: () => Record<string, unknown> | void }) => {
  w.cases.open = true;
  try {
    return h.record!();
  } finally {
    w.cases.open = false;
  }
};
const rich = (w: World) => {
  w.pop.income.fill(10);
  w.pop.wealth.fill(1000);
};

describe('registry', () => {
  it('every safeguard id is registered', () => {
    for (const id of ['notice', 'appeals', 'expiry', 'rectification', 'human-review', 'transparency', 'data-limits', 'proportionality', 'audit'])
      expect(findPlugin(id)?.family).toBe('safeguard');
  });
});

describe('notice', () => {
  it('gives notice and delays listing by noticeDays; the proposer’s re-check withdraws performers', () => {
    const w = new World(3, 1);
    notice.create(w, { ...defaults(notice.params), noticeDays: 10, rate: 0 });
    let paid = false;
    expect(prop(w, 0, { stillDue: () => !paid })).toBe('pending');
    expect(prop(w, 1)).toBe('pending');
    const l = w.lists.get('court');
    w.lists.settle(9);
    expect(l.count).toBe(0);
    paid = true;
    w.lists.settle(10);
    expect([l.on[0], l.on[1]]).toEqual([0, 1]);
    expect(l.notice[1]).toBe(1);
    expect(l.total.withdrawn).toBe(1);
    expect(l.total.withoutNotice).toBe(0);
  });

  it('a person who can show the error and afford it answers; the answer outweighing the file withdraws the proposal', () => {
    const w = new World(5, 1);
    rich(w);
    w.pop.wealth[3] = 5; // cannot afford an answer (2 days of income = 20)
    const h = notice.create(w, { ...defaults(notice.params), noticeDays: 5, rate: 1 });
    prop(w, 0, { cause: kase(w, -3, 6, true), stillDue: () => true }); // weak file, strong answer: withdrawn
    prop(w, 1, { cause: kase(w, -3, 0, true), stillDue: () => true }); // nothing to show: no answer, listed
    prop(w, 2, { cause: kase(w, 8, 1, false), stillDue: () => true }); // answers, but the file outweighs it: listed
    prop(w, 3, { cause: kase(w, -3, 6, true), stillDue: () => true }); // too poor to answer: listed
    w.lists.settle(5);
    const l = w.lists.get('court');
    expect([...l.on].slice(0, 4)).toEqual([0, 1, 1, 1]);
    expect(rec(w, h)).toEqual({ notice_answers: 2, notice_withdrawn: 1, notice_withdrawn_mistaken: 1 });
    const w2 = new World(1, 1);
    rich(w2);
    notice.create(w2, { ...defaults(notice.params), noticeDays: 5, rate: 0 }); // rate 0: nobody answers
    prop(w2, 0, { cause: kase(w2, -3, 6, true), stillDue: () => true });
    w2.lists.settle(5);
    expect(w2.lists.get('court').on[0]).toBe(1);
  });

  it('leaves redlists and uncovered lists alone', () => {
    const w = new World(2, 1);
    notice.create(w, { ...defaults(notice.params), noticeDays: 1, lists: ['court'] });
    const red = w.lists.get('honours', 'red');
    expect(w.lists.propose({ list: red, agent: 0, day: 0, cause: kase(w, 0), severity: 1, termDays: 10 })).toBe('listed');
    const other = w.lists.get('speech', 'black');
    expect(w.lists.propose({ list: other, agent: 0, day: 0, cause: kase(w, 0), severity: 1, termDays: 10 })).toBe('listed');
    expect(other.notice[0]).toBe(0);
  });
});

describe('human-review', () => {
  it('blocks proposals whose evidence does not support them, lets well-founded ones through', () => {
    const w = new World(4, 1);
    const h = humanReview.create(w, defaults(humanReview.params));
    expect(prop(w, 0, { cause: kase(w, -6, 0, true) })).toBe('blocked');
    expect(prop(w, 1, { cause: kase(w, -6, 0, false) })).toBe('blocked'); // a true record with weak evidence is lost too
    expect(prop(w, 2, { cause: kase(w, 8, 0, true) })).toBe('listed'); // a false match that looks strong passes
    expect(prop(w, 3, { cause: kase(w, 8, 0, false) })).toBe('listed');
    expect(rec(w, h)).toMatchObject({ review_blocked: 2, review_blocked_mistaken: 1 });
    expect(w.lists.get('court').total.blocked).toBe(2);
  });

  it('a reviewer who does not look decides on the file: listed when q_f(e − q_f/2) ≥ standard − (1 − independence)·bias', () => {
    // d′ 1.5, independence 0.5, bias 2: λ = −1, threshold e* = 0.75 − 1/1.5 = 0.0833…
    const w = new World(4, 1);
    humanReview.create(w, { ...defaults(humanReview.params), diligence: 0 });
    expect(prop(w, 0, { cause: kase(w, 0.09) })).toBe('listed');
    expect(prop(w, 1, { cause: kase(w, 0.08) })).toBe('blocked');
    const w2 = new World(2, 1);
    humanReview.create(w2, { ...defaults(humanReview.params), diligence: 0, independence: 1 }); // λ = 0: e* = 0.75
    expect(prop(w2, 0, { cause: kase(w2, 0.76) })).toBe('listed');
    expect(prop(w2, 1, { cause: kase(w2, 0.74) })).toBe('blocked');
  });

  it('delayDays makes the listing wait', () => {
    const w = new World(3, 1);
    humanReview.create(w, { ...defaults(humanReview.params), delayDays: 7 });
    expect(prop(w, 1)).toBe('pending');
    w.lists.settle(7);
    expect(w.lists.get('court').on[1]).toBe(1);
    expect(w.lists.get('court').notice[1]).toBe(0);
  });
});

describe('proportionality', () => {
  it('sets the sanction cap, blocks below minSeverity, shortens terms and enforces them', () => {
    const w = new World(3, 1);
    const h = proportionality.create(w, { ...defaults(proportionality.params), cap: 2, minSeverity: 2, maxTermPerSeverity: 10 });
    expect(w.policy.get(POLICY.sanctionCap)).toBe(2);
    expect(prop(w, 0, { severity: 1 })).toBe('blocked');
    expect(prop(w, 1, { severity: 3 })).toBe('listed');
    expect(prop(w, 2, { severity: 100 })).toBe('listed');
    const l = w.lists.get('court');
    expect(l.until[1]).toBe(30);
    expect(l.until[2]).toBe(730); // 100 × 10 = 1000 > 730: not shortened
    w.day = 29;
    h.publish!();
    expect(l.on[1]).toBe(1);
    w.day = 30;
    h.publish!();
    expect([l.on[1], l.on[2]]).toEqual([0, 1]);
    expect(h.record!()).toEqual({ proportionality_blocked: 1, proportionality_shortened: 1 });
  });

  it('defaults block nothing and shorten nothing', () => {
    const w = new World(2, 1);
    proportionality.create(w, defaults(proportionality.params));
    expect(prop(w, 0, { severity: 0 })).toBe('listed');
    expect(w.lists.get('court').until[0]).toBe(730);
  });
});
