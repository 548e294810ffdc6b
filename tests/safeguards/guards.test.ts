/**
 * Exact tests of the list-guard safeguards (notice, human-review, proportionality) on tiny worlds:
 * proposals are made by hand, settled by hand, and random draws replayed from the named stream.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../src/core/params.js';
import { POLICY } from '../../src/core/policy.js';
import { Streams } from '../../src/core/rng.js';
import { World } from '../../src/core/world.js';
import { findPlugin } from '../../src/index.js';
import { humanReview } from '../../src/safeguards/human-review.js';
import { notice } from '../../src/safeguards/notice.js';
import { proportionality } from '../../src/safeguards/proportionality.js';

const prop = (w: World, agent: number, over: Record<string, unknown> = {}) =>
  w.lists.propose({ list: w.lists.get('court', 'black'), agent, day: w.day, mistaken: false, severity: 1, termDays: 730, ...over });

describe('registry', () => {
  it('every safeguard id is registered', () => {
    for (const id of ['notice', 'appeals', 'expiry', 'rectification', 'human-review', 'transparency', 'data-limits', 'proportionality', 'audit'])
      expect(findPlugin(id)?.family).toBe('safeguard');
  });
});

describe('notice', () => {
  it('gives notice and delays listing by noticeDays; the proposer’s re-check withdraws performers', () => {
    const w = new World(3, 1);
    notice.create(w, { ...defaults(notice.params), noticeDays: 10, respondRate: 0 });
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

  it('a wrongly accused person clears the proposal with probability respondRate (1: always, 0: never)', () => {
    for (const [rate, listed] of [[1, 0], [0, 1]] as const) {
      const w = new World(2, 1);
      const h = notice.create(w, { ...defaults(notice.params), noticeDays: 5, respondRate: rate });
      prop(w, 0, { mistaken: true, stillDue: () => true });
      w.lists.settle(5);
      const l = w.lists.get('court');
      expect(l.on[0]).toBe(listed);
      expect(l.mistaken[0]).toBe(listed);
      expect(h.record!()).toEqual({ notice_withdrawn_mistaken: 1 - listed });
    }
  });

  it('replays the response draws; leaves redlists and uncovered lists alone', () => {
    const w = new World(40, 9);
    notice.create(w, { ...defaults(notice.params), noticeDays: 1, respondRate: 0.5, lists: ['court'] });
    const replay = new Streams(9).get('safeguard:notice');
    const expected: number[] = [];
    for (let i = 0; i < 40; i++) {
      prop(w, i, { mistaken: true });
      if (!(replay() < 0.5)) expected.push(i);
    }
    w.lists.settle(1);
    const l = w.lists.get('court');
    expect([...l.on].flatMap((x, i) => (x ? [i] : []))).toEqual(expected);
    const red = w.lists.get('honours', 'red');
    expect(w.lists.propose({ list: red, agent: 0, day: 0, mistaken: false, severity: 1, termDays: 10 })).toBe('listed');
    const other = w.lists.get('speech', 'black');
    expect(w.lists.propose({ list: other, agent: 0, day: 0, mistaken: true, severity: 1, termDays: 10 })).toBe('listed');
    expect(other.notice[0]).toBe(0);
  });
});

describe('human-review', () => {
  it('blocks mistaken proposals with probability catchRate, lets true ones through, replayed', () => {
    const w = new World(200, 4);
    const h = humanReview.create(w, { ...defaults(humanReview.params), catchRate: 0.8 });
    const replay = new Streams(4).get('safeguard:human-review');
    let blockedWrong = 0;
    for (let i = 0; i < 200; i++) {
      const mistaken = i % 2 === 0;
      const r = prop(w, i, { mistaken });
      const u = replay();
      const block = mistaken && u < 0.8;
      expect(r).toBe(block ? 'blocked' : 'listed');
      if (block) blockedWrong++;
    }
    expect(h.record!()).toEqual({ review_blocked: blockedWrong, review_blocked_mistaken: blockedWrong });
    expect(w.lists.get('court').total.blocked).toBe(blockedWrong);
  });

  it('trueBlockRate blocks true proposals; delayDays makes the listing wait', () => {
    const w = new World(3, 1);
    humanReview.create(w, { ...defaults(humanReview.params), catchRate: 1, trueBlockRate: 1 });
    expect(prop(w, 0)).toBe('blocked');
    const w2 = new World(3, 1);
    humanReview.create(w2, { ...defaults(humanReview.params), catchRate: 1, delayDays: 7 });
    expect(prop(w2, 0, { mistaken: true })).toBe('blocked');
    expect(prop(w2, 1)).toBe('pending');
    w2.lists.settle(7);
    expect(w2.lists.get('court').on[1]).toBe(1);
    expect(w2.lists.get('court').notice[1]).toBe(0);
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
