/**
 * Exact tests of the safeguards that take people off lists (appeals, expiry, rectification, audit)
 * and of the policy safeguards (transparency, data-limits), on tiny hand-built worlds whose hooks are
 * driven by hand. The deciders weigh hand-made cases far from their criterion, so outcomes are certain:
 * a "wrong-looking" case has weak file evidence (−6) and strong exculpatory evidence (6), a
 * "sound" one strong file evidence (8). The labels only feed the record hooks' counts.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../src/core/params.js';
import { POLICY } from '../../src/core/policy.js';
import { DOMAIN_INDEX } from '../../src/core/population.js';
import { World } from '../../src/core/world.js';
import { appeals } from '../../src/safeguards/appeals.js';
import { audit } from '../../src/safeguards/audit.js';
import { dataLimits } from '../../src/safeguards/data-limits.js';
import { expiry } from '../../src/safeguards/expiry.js';
import { rectification } from '../../src/safeguards/rectification.js';
import { transparency } from '../../src/safeguards/transparency.js';

const L = DOMAIN_INDEX.law;
const wrongLooking = (w: World) => w.cases.make(-6, 6, true, L, 1);
const sound = (w: World, defense = 0) => w.cases.make(8, defense, false, L, 1);

/** A world whose court blacklist holds agent 0 (mistaken, wrong-looking) and agent 1 (true, sound) since day 0, with notice (they know). */
function listed(n = 3) {
  const w = new World(n, 1);
  w.pop.income.fill(10);
  w.pop.wealth.fill(1000);
  const l = w.lists.get('court', 'black');
  l.add(0, 0, 730, wrongLooking(w), true);
  l.add(1, 0, 730, sound(w), true);
  return { w, l };
}
const at = (w: World, day: number, hook: () => void) => {
  w.day = day;
  hook();
};
const rec = (w: World, h: { record?: () => Record<string, unknown> | void }) => {
  w.cases.open = true;
  try {
    return h.record!();
  } finally {
    w.cases.open = false;
  }
};
const ap = (over: Record<string, unknown>) => ({ ...defaults(appeals.params), rate: 1, ...over });

describe('appeals', () => {
  it('those who can show an error appeal, win after delayDays on the evidence, and the days count from filing', () => {
    const { w, l } = listed();
    const h = appeals.create(w, ap({ delayDays: 30, enforceDays: 0 }));
    at(w, 0, h.publish!);
    at(w, 29, h.publish!);
    expect(l.on[0]).toBe(1);
    at(w, 30, h.publish!);
    expect([l.on[0], l.on[1]]).toEqual([0, 1]); // agent 1 had nothing to show: no appeal
    expect(l.window.delistDays).toBe(30);
    expect(l.window.delistCount).toBe(1);
    expect(rec(w, h)).toMatchObject({ appeals_filed: 1, appeals_won: 1, appeals_won_wrongful: 1 });
  });

  it('a won appeal marks the entry due for the regime to remove; the safeguard removes it after enforceDays', () => {
    const { w, l } = listed(4);
    l.add(2, 0, 730, wrongLooking(w), true);
    const h = appeals.create(w, ap({ delayDays: 30, enforceDays: 10 }));
    at(w, 0, h.publish!);
    at(w, 30, h.publish!); // decided: both due since day 0, still listed
    expect([l.on[0], l.on[2], l.dueSince[0], l.dueSince[2]]).toEqual([1, 1, 0, 0]);
    l.remove(2, 33); // the listing regime removes agent 2 by its own rule …
    l.add(2, 36, 730, wrongLooking(w), false); // … and lists it again later (a new listing, not covered by the order)
    at(w, 39, h.publish!);
    expect(l.on[0]).toBe(1);
    at(w, 40, h.publish!); // agent 0 is still listed 10 days after the decision: the safeguard removes it
    expect([l.on[0], l.on[2]]).toEqual([0, 1]);
    expect(l.window.delistDays).toBe(33 + 40);
    expect(l.window.delistCount).toBe(2);
  });

  it('an appeal against a well-founded entry is lost, not refiled; a new listing may be appealed again', () => {
    const w = new World(2, 1);
    w.pop.income.fill(10);
    w.pop.wealth.fill(1000);
    const l = w.lists.get('court', 'black');
    l.add(0, 0, 730, w.cases.make(20, 2, true, L, 1), true); // a false match whose file looks overwhelming
    l.add(1, 0, 730, sound(w, 2), true); // a true entry; the person thinks they can show something
    const h = appeals.create(w, ap({ delayDays: 0, enforceDays: 0 }));
    at(w, 0, h.publish!); // both file
    at(w, 1, h.publish!); // both decided, lost
    at(w, 2, h.publish!);
    expect([l.on[0], l.on[1]]).toEqual([1, 1]);
    expect(rec(w, h)).toMatchObject({ appeals_filed: 2, appeals_won: 0, appeals_won_wrongful: 0 });
    l.remove(0, 3);
    l.add(0, 5, 730, wrongLooking(w), true);
    at(w, 5, h.publish!);
    expect(rec(w, h)).toMatchObject({ appeals_filed: 1, appeals_won: 0 });
  });

  it('who appeals: only those who know of the listing, can afford it and can show something', () => {
    const w = new World(5, 1);
    w.pop.income.fill(10);
    w.pop.wealth.fill(1000);
    w.pop.wealth[3] = 50; // an appeal costs 10 days of income = 100
    const l = w.lists.get('court', 'black');
    l.add(0, 0, 730, wrongLooking(w), true); // notice: knows
    l.add(1, 0, 730, wrongLooking(w), false); // no notice, unpublished list, no loss: does not know
    l.add(2, 0, 730, wrongLooking(w), false);
    w.experience.opportunitiesLost[2] = 1; // a blocked trip: learns of the listing
    l.add(3, 0, 730, wrongLooking(w), true); // knows, but too poor
    l.add(4, 0, 730, w.cases.make(-6, -1, true, L, 1), true); // knows, nothing to show
    const h = appeals.create(w, ap({ delayDays: 5 }));
    at(w, 0, h.publish!);
    expect(rec(w, h)).toMatchObject({ appeals_filed: 2 }); // agents 0 and 2
  });

  it("with the appealing adaptation's column, people file when they have decided to; a lost appeal resets it", () => {
    const { w, l } = listed(4);
    l.add(2, 0, 730, sound(w, 2), false);
    const intent = w.pop.addColumn('appeal_intent', 'u8', 'appealing', '');
    intent[2] = 1;
    const h = appeals.create(w, ap({ delayDays: 5 }));
    at(w, 0, h.publish!);
    expect(rec(w, h)).toMatchObject({ appeals_filed: 1 }); // agent 2 only: agent 0 has not decided
    at(w, 5, h.publish!);
    expect(intent[2]).toBe(0);
    expect(l.on[2]).toBe(1);
  });

  it("the policy key 'appeals.rate' replaces rate", () => {
    const { w } = listed();
    w.policy.set('appeals.rate', 0);
    const h = appeals.create(w, ap({}));
    at(w, 0, h.publish!);
    expect(rec(w, h)).toMatchObject({ appeals_filed: 0, appeals_won: 0 });
  });
});

describe('expiry', () => {
  it('sets the expiry policy and erases entries once they have stood termDays', () => {
    const { w, l } = listed();
    const h = expiry.create(w, { ...defaults(expiry.params), termDays: 100 });
    expect(w.policy.get(POLICY.expiryDays)).toBe(100);
    l.markDue(1, 40); // performed on day 40, still listed (sticky)
    at(w, 99, h.publish!);
    expect(l.count).toBe(2);
    at(w, 100, h.publish!);
    expect(l.count).toBe(0);
    expect(l.window.delistCount).toBe(1); // only the performer counts in mean_days_to_delist
    expect(l.window.delistDays).toBe(60);
    expect(h.record!()).toEqual({ expired_removals: 2 });
  });

  it('covers only the named lists and never redlists', () => {
    const w = new World(2, 1);
    w.lists.get('court', 'black').add(0, 0, 730, -1, false);
    w.lists.get('speech', 'black').add(0, 0, 730, -1, false);
    w.lists.get('honours', 'red').add(0, 0, 730, -1, false);
    const h = expiry.create(w, { ...defaults(expiry.params), termDays: 10, lists: ['court'] });
    at(w, 10, h.publish!);
    expect([w.lists.get('court').on[0], w.lists.get('speech').on[0], w.lists.get('honours').on[0]]).toEqual([0, 1, 1]);
  });
});

describe('rectification', () => {
  it('corrects entries the check finds wrong delayDays after the request; well-founded entries stay', () => {
    const { w, l } = listed();
    l.remove(1, 0);
    l.add(1, 0, 730, sound(w, 2), true); // asks too (thinks they can show something) but the data hold
    const h = rectification.create(w, { ...defaults(rectification.params), rate: 1, delayDays: 30, enforceDays: 5 });
    at(w, 3, h.publish!);
    at(w, 32, h.publish!);
    expect(l.on[0]).toBe(1);
    at(w, 33, h.publish!); // corrected: due since the request, left to the regime for 5 days
    expect([l.on[0], l.dueSince[0]]).toEqual([1, 3]);
    at(w, 37, h.publish!);
    expect(l.on[0]).toBe(1);
    at(w, 38, h.publish!);
    expect([l.on[0], l.on[1]]).toEqual([0, 1]);
    expect(l.window.delistDays).toBe(35);
    expect(rec(w, h)).toEqual({ rectification_requests: 2, rectifications: 1, rectifications_mistaken: 1 });
  });

  it('delay 0 corrects at once; rate 0 never', () => {
    const a = listed();
    rectification.create(a.w, { ...defaults(rectification.params), rate: 1, delayDays: 0, enforceDays: 0 }).publish!();
    expect(a.l.on[0]).toBe(0);
    const b = listed();
    const h = rectification.create(b.w, { ...defaults(rectification.params), rate: 0 });
    for (let d = 0; d < 100; d++) at(b.w, d, h.publish!);
    expect(b.l.on[0]).toBe(1);
  });
});

describe('audit', () => {
  it('re-examines a sample every everyDays, removes entries found wrong and publishes the error rate it found', () => {
    const { w, l } = listed(4);
    l.add(2, 0, 730, w.cases.make(-6, 0, false, L, 1), false); // a true entry on weak evidence: struck too
    const h = audit.create(w, { ...defaults(audit.params), everyDays: 90, sampleShare: 1, enforceDays: 0 });
    expect(rec(w, h)).toEqual({ audit_checked: null, audit_error_rate: null, audit_found_mistaken: null });
    at(w, 89, h.publish!);
    expect(l.count).toBe(3);
    at(w, 90, h.publish!);
    expect([l.on[0], l.on[1], l.on[2]]).toEqual([0, 1, 0]);
    expect(l.window.delistDays).toBe(0);
    expect(l.window.delistCount).toBe(2);
    expect(rec(w, h)).toEqual({ audit_checked: 3, audit_error_rate: 2 / 3, audit_found_mistaken: 1 });
    at(w, 91, h.publish!); // no audit until day 180; the last audit's figures stay published
    expect(rec(w, h)).toEqual({ audit_checked: 3, audit_error_rate: 2 / 3, audit_found_mistaken: 1 });
    at(w, 180, h.publish!);
    expect(rec(w, h)).toEqual({ audit_checked: 1, audit_error_rate: 0, audit_found_mistaken: 0 });
  });

  it('an entry found wrong is left to the regime for enforceDays, then removed by the audit body', () => {
    const { w, l } = listed();
    const h = audit.create(w, { ...defaults(audit.params), everyDays: 10, sampleShare: 1, enforceDays: 15 });
    at(w, 10, h.publish!);
    expect([l.on[0], l.dueSince[0]]).toEqual([1, 10]);
    at(w, 20, h.publish!); // found again at the next audit: the first order stands
    at(w, 24, h.publish!);
    expect(l.on[0]).toBe(1);
    at(w, 25, h.publish!);
    expect(l.on[0]).toBe(0);
    expect(l.window.delistDays).toBe(15);
  });

  it('sampleShare 0 checks nothing', () => {
    const { w, l } = listed();
    const h = audit.create(w, { ...defaults(audit.params), everyDays: 1, sampleShare: 0 });
    at(w, 1, h.publish!);
    expect(l.count).toBe(2);
    expect(rec(w, h)).toEqual({ audit_checked: 0, audit_error_rate: null, audit_found_mistaken: 0 });
  });
});

describe('transparency and data-limits', () => {
  it('transparency sets the policy and raises knowledge to knownShare', () => {
    const w = new World(4000, 1);
    for (let i = 0; i < 400; i++) w.pop.knowledge[i] = 1;
    const h = transparency.create(w, { knownShare: 1 });
    expect(w.policy.get(POLICY.transparent)).toBe(true);
    expect(h.record!()).toEqual({ knowledge_share: 1 });
    const w2 = new World(4000, 1);
    for (let i = 0; i < 400; i++) w2.pop.knowledge[i] = 1;
    const h2 = transparency.create(w2, { knownShare: 0.5 });
    // learning probability q = (0.5 − 0.1)/(0.9) for the 3600 who did not know; sd of the share ≈ 0.008
    expect(h2.record!()!.knowledge_share).toBeCloseTo(0.5, 1);
    expect(w2.pop.knowledge.subarray(0, 400).every((x) => x === 1)).toBe(true);
  });

  it('data-limits writes the four data policies (defaults: no friends, speech or identity data)', () => {
    const w = new World(2, 1);
    dataLimits.create(w, defaults(dataLimits.params));
    expect([POLICY.dataFriends, POLICY.dataSpeech, POLICY.dataConsumption, POLICY.dataIdentity].map((k) => w.policy.get(k))).toEqual([false, false, true, false]);
    const w2 = new World(2, 1);
    dataLimits.create(w2, { friends: true, speech: true, consumption: false, identity: true });
    expect(w2.policy.get(POLICY.dataConsumption)).toBe(false);
    expect(w2.policy.get(POLICY.dataFriends)).toBe(true);
  });
});
