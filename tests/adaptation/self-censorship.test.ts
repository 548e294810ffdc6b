/**
 * `self-censorship` on hand-computed tiny worlds: perceived risk comes from speech sanctions seen
 * (own, neighbours', published) and from nothing else; the vagueness of the rules is read only by
 * the labelled announcement term, which is off by default.
 */
import { describe, expect, it } from 'vitest';
import { selfCensorship } from '../../src/adaptation/self-censorship.js';
import { DOMAIN_INDEX } from '../../src/index.js';
import { make, tinyWorld } from './helpers.js';

const S = DOMAIN_INDEX.speech;

/** Path 0 – 1 – 2 with agent 1 on the speech blacklist (domain speech). */
function path(vagueness: number | null, listId = 'speech-blacklist', domain: number | null = S) {
  const w = tinyWorld(3, [[0, 1], [1, 2]]);
  if (vagueness !== null) w.policy.set('speech.vagueness', vagueness);
  w.pop.risk.set([0.25, 0, 1]);
  w.lists.get(listId, 'black', domain === null ? {} : { domain }).add(1, 0, 100, -1, false);
  return w;
}

describe('self-censorship', () => {
  it('perceived risk combines own and neighbours’ speech sanctions as 1 − Π(1 − risk)', () => {
    const w = path(0.4);
    const h = make(selfCensorship, w, { speed: 1, neighbourWeight: 0.6 });
    h.adapt!();
    const r = w.pop.column('perceived_risk')!;
    // agent 0: its only neighbour is banned for speech: 0.6·1; the vagueness 0.4 is not read
    expect(r[0]).toBeCloseTo(0.6, 6);
    // agent 1: own listing 0.8; neither neighbour is sanctioned
    expect(r[1]).toBeCloseTo(0.8, 6);
    expect(r[2]).toBeCloseTo(0.6, 6);
    // censor = 1 − exp(−3 · r · (1 − attitude)); attitude 1 never censors
    expect(w.censor[0]).toBeCloseTo(1 - Math.exp(-3 * 0.6 * 0.75), 6);
    expect(w.censor[1]).toBeCloseTo(1 - Math.exp(-3 * 0.8), 6);
    expect(w.censor[2]).toBe(0);
  });

  it('a sanction this step in the speech domain counts (experience channel), one in another domain does not', () => {
    const w = tinyWorld(3, [[0, 1], [1, 2]]);
    w.experience.sanction(1, S); // e.g. points deducted for a post, no list
    w.experience.sanction(2, DOMAIN_INDEX.finance); // a debt sanction says nothing about speech
    w.lists.get('court', 'black', { domain: DOMAIN_INDEX.finance }).add(0, 0, 100, -1, false);
    const h = make(selfCensorship, w, { speed: 1, neighbourWeight: 0.5 });
    h.adapt!();
    const r = w.pop.column('perceived_risk')!;
    expect(r[0]).toBeCloseTo(0.5, 6); // neighbour 1 sanctioned for speech; its own court listing ignored
    expect(r[1]).toBeCloseTo(0.8, 6);
    expect(r[2]).toBeCloseTo(0.5, 6);
  });

  it('a list without a domain counts only when named in speechList', () => {
    const named = path(0, 'speech-blacklist', null);
    make(selfCensorship, named, { speed: 1 }).adapt!();
    expect(named.pop.column('perceived_risk')![1]).toBeCloseTo(0.8, 6);
    const other = path(0, 'other', null);
    make(selfCensorship, other, { speed: 1 }).adapt!();
    expect([...other.pop.column('perceived_risk')!]).toEqual([0, 0, 0]);
  });

  it('published speech sanctions raise everyone’s risk: min(1, publishedWeight · published/n · 365/Δ)', () => {
    const w = tinyWorld(1000, [], 'pub', 5);
    w.experience.sanction(7, S, true); // one name published this 5-day step
    const h = make(selfCensorship, w, { speed: 1, ownWeight: 0 });
    h.adapt!();
    const perYear = (1 / 1000) * (365 / 5);
    const r = w.pop.column('perceived_risk')!;
    expect(r[0]).toBeCloseTo(2.5 * perYear, 6);
    expect(r[99]).toBeCloseTo(2.5 * perYear, 6);
    // not published: no one else hears of it
    const w2 = tinyWorld(1000, [], 'pub', 5);
    w2.experience.sanction(7, S, false);
    make(selfCensorship, w2, { speed: 1, ownWeight: 0 }).adapt!();
    expect(w2.pop.column('perceived_risk')![0]).toBe(0);
  });

  it('vagueness alone changes nothing unless the labelled announcement term is switched on', () => {
    const run = (v: number, params: Record<string, unknown>) => {
      const w = tinyWorld(3, [[0, 1], [1, 2]], 'v', 2);
      w.policy.set('speech.vagueness', v);
      const h = make(selfCensorship, w, params);
      h.adapt!();
      h.adapt!();
      return { r: [...w.pop.column('perceived_risk')!], c: [...w.censor] };
    };
    expect(run(1, {})).toEqual(run(0, {}));
    expect(run(1, {}).c).toEqual([0, 0, 0]);
    // announcement on: target 0.5·v, smoothed at 1 − (1 − 0.1)² per 2-day step
    const on = run(1, { announcement: true });
    const a = 1 - 0.9 ** 2;
    expect(on.r[0]).toBeCloseTo(0.5 * a + a * (0.5 - 0.5 * a), 6);
    expect(run(0, { announcement: true }).r[0]).toBe(0);
  });

  it('smooths towards what is seen at 1 − (1 − speed)^Δ and fades once the signals go', () => {
    const w = path(0);
    const h = make(selfCensorship, w, { speed: 0.5, neighbourWeight: 0.4 });
    h.adapt!();
    const r = w.pop.column('perceived_risk')!;
    expect(r[0]).toBeCloseTo(0.5 * 0.4, 6);
    w.experience.clear(); // next step: the listing of step 0 is no longer news
    w.lists.get('speech-blacklist').remove(1, 1);
    h.adapt!();
    expect(r[0]).toBeCloseTo(0.1, 6);
    expect(r[1]).toBeCloseTo(0.2, 6); // 0.4 → halfway to 0
    const row = h.record!() as Record<string, number>;
    expect(row.perceived_risk_mean).toBeCloseTo((0.1 + 0.2 + 0.1) / 3, 6);
  });

  it('with no sanction seen nothing is censored', () => {
    const w = tinyWorld(3, [[0, 1], [1, 2]]);
    w.policy.set('speech.vagueness', 0.9);
    const h = make(selfCensorship, w);
    for (let k = 0; k < 5; k++) h.adapt!();
    expect([...w.censor]).toEqual([0, 0, 0]);
  });
});
