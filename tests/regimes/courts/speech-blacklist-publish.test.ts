/**
 * speech-blacklist `publish`: whether the names on the list are published.
 *
 * Exact (tiny hand-driven world): a listing is a speech sanction of the listed person either way;
 * only with publish on does it count in `experience.published[speech]` (what everyone reads).
 *
 * Seeded (preset chilled-speech with self-censorship, 2,000 agents, 364 days, seed 1; dissent_rate
 * as the mean of the last 4 records, every 28 days). Measured 2026-12-07:
 *   vagueness 0   publish on 0.019781  off 0.019781  (no account banned in either run)
 *   vagueness 0.3 publish on 0.011187  off 0.013138  (155 vs 192 bans: less chilled, more banned)
 *   fall from vagueness: on 0.008594, off 0.006643 — publication adds 0.00195 (29 % more); off, the fall
 *   is what own and neighbours' bans do alone. Seeds 2–4 gave the same order (falls on 0.0077 /
 *   0.0083 / 0.0087, off 0.0054 / 0.0059 / 0.0064). Tolerance: only the order (off fall < on fall,
 *   off fall > 0) is asserted.
 * Control: with nobody sanctioned — vagueness 0 (clear rules), and vagueness 0.3 with a threshold no
 * one reaches (statements are still judged illegal, nobody is listed) — the switch changes nothing:
 * the rows are identical, and the control checks that nobody was banned in it.
 */
import { describe, expect, it } from 'vitest';
import { ACT_EXPRESSION, DOMAIN_INDEX, defaults, findPlugin, runScenario, World } from '../../../src/index.js';

const spec = findPlugin('speech-blacklist')!;
const S = DOMAIN_INDEX.speech;

describe('publish on a tiny world', () => {
  for (const publish of [true, false]) {
    it(`publish ${publish}: the listing is the person's speech sanction; published only when on`, () => {
      const w = new World(2, 1);
      const h = spec.create(w, { ...defaults(spec.params), vagueness: 1, threshold: 1, publish });
      h.init?.();
      w.experience.clear();
      w.records.push(0, S, ACT_EXPRESSION, 1);
      h.score?.();
      const list = w.lists.get('speech-blacklist');
      expect(list.on[0]).toBe(1);
      expect(list.published).toBe(publish);
      expect(w.experience.sanctioned[0]! & (1 << S)).toBe(1 << S);
      expect(w.experience.sanctions[S]).toBe(1);
      expect(w.experience.published[S]).toBe(publish ? 1 : 0);
    });
  }

  it('publishes by default (as before the switch)', () => {
    expect(defaults(spec.params).publish).toBe(true);
  });
});

async function run(vagueness: number, publish: boolean, extra: string[] = []) {
  const r = await runScenario('chilled-speech', {
    agents: 2000,
    steps: 364,
    seed: 1,
    set: [`regimes.speech-blacklist.vagueness=${vagueness}`, `regimes.speech-blacklist.publish=${publish}`, 'record.every=28', ...extra],
  });
  return r.rows;
}
const lastMean = (rows: Record<string, unknown>[], k: string, m = 4) => rows.slice(-m).reduce((s, r) => s + (r[k] as number), 0) / m;
const bans = (rows: Record<string, unknown>[]) => rows.reduce((s, r) => s + (r.account_bans as number), 0);

describe('publication and chilling (seeded, same seed)', () => {
  it('dissent falls less with vague rules when the bans are not published', async () => {
    const base = { on: await run(0, true), off: await run(0, false) };
    const vague = { on: await run(0.3, true), off: await run(0.3, false) };
    const fallOn = lastMean(base.on, 'dissent_rate') - lastMean(vague.on, 'dissent_rate');
    const fallOff = lastMean(base.off, 'dissent_rate') - lastMean(vague.off, 'dissent_rate');
    if (process.env.SCORELAB_PRINT) console.log({ fallOn, fallOff, bansOn: bans(vague.on), bansOff: bans(vague.off) });
    expect(bans(vague.on)).toBeGreaterThan(0);
    expect(fallOff).toBeGreaterThan(0); // own and neighbours' bans still chill
    expect(fallOff).toBeLessThan(fallOn); // publication adds to it
  }, 60_000);

  it('control: with nobody sanctioned the switch changes nothing (identical rows)', async () => {
    for (const [v, extra] of [[0, []], [0.3, ['regimes.speech-blacklist.threshold=50']]] as const) {
      const on = await run(v, true, [...extra]);
      const off = await run(v, false, [...extra]);
      expect(bans(on)).toBe(0);
      expect(lastMean(on, 'listed_share')).toBe(0);
      if (v > 0) expect(on.reduce((s, r) => s + (r.speech_judged_illegal as number), 0)).toBeGreaterThan(0);
      expect(JSON.stringify(off)).toBe(JSON.stringify(on));
    }
  }, 60_000);
});
