/**
 * The page's logic that needs no browser: the link's state (location.hash), the chart's text
 * summary, A/B differences, and the sliders' ranges from the parameter tables.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/app/engine.js';
import { summarize } from '../../src/app/ui/chart.js';
import { diffColumns, suggestB } from '../../src/app/ui/controls.js';
import { parseHash, toHash, type PageState } from '../../src/app/ui/url.js';
import { paramInfos } from '../../src/app/view.js';
import { locateScenario, readYaml } from '../../src/scenario/load.js';

describe('page state in the link', () => {
  it('round-trips every setting, with repeated set= and an A/B switch', () => {
    const s: PageState = { preset: 'speech-blacklist', seed: 5, agents: 300, sets: [['regimes.speech-blacklist.vagueness', '0.3'], ['regimes.speech-blacklist.threshold', '2']], network: false, color: 'listed', ab: ['regimes.speech-blacklist.vagueness', '0'] };
    const h = toHash(s);
    expect(h).toMatch(/^#preset=speech-blacklist&seed=5&agents=300&set=regimes\.speech-blacklist\.vagueness%3D0\.3&set=/);
    expect(h).toContain('network=off');
    expect(parseHash(h)).toEqual(s);
    expect(parseHash('')).toEqual({});
  });

  it('refuses malformed values with a message naming the key', () => {
    expect(() => parseHash('#seed=-1')).toThrow(/seed=-1 is not a whole number/);
    expect(() => parseHash('#agents=1.5')).toThrow(/agents/);
    expect(() => parseHash('#set=novalue')).toThrow(/path=value/);
    expect(() => parseHash('#network=maybe')).toThrow(/on or off/);
    expect(() => parseHash('#color=red')).toThrow(/score, group or listed/);
  });
});

describe('chart summary and A/B differences', () => {
  const rows = [
    { step: 0, listed_share: 0, x: 1 },
    { step: 7, listed_share: 0.05, x: 1 },
    { step: 14, listed_share: 0.042, x: 1 },
  ];
  it('says how a metric moved, in one sentence', () => {
    expect(summarize(rows, 'listed_share')).toBe('listed_share rose from 0 to 0.042 over 14 steps (between 0 and 0.05 on the way).');
    expect(summarize(rows, 'x')).toBe('x stayed at 1 over 14 steps.');
    expect(summarize([{ step: 0, y: null }], 'y')).toBe('y has no value yet (1 recorded step).');
  });
  it('lists the recorded columns that differ, never step, day or seed', () => {
    const b = rows.map((r) => ({ ...r, seed: 9, listed_share: r.step === 14 ? 0.01 : r.listed_share }));
    expect(diffColumns(rows, b, ['step', 'seed', 'listed_share', 'x'])).toEqual(['listed_share']);
    expect(diffColumns(rows, rows, ['step', 'listed_share', 'x'])).toEqual([]);
  });
});

describe('sliders from the parameter tables', () => {
  it("give each numeric plug-in parameter its unit, a range holding the preset's value on the slider's grid, and the --set path", () => {
    const raw = readYaml(locateScenario('speech-blacklist'));
    const e = new Engine(raw, 'speech-blacklist', { agents: 50, sets: ['regimes.speech-blacklist.vagueness=0.25'] });
    const base = new Engine(raw, 'speech-blacklist', { agents: 50 }).scenario;
    const ps = paramInfos(e, base);
    const v = ps.find((p) => p.path === 'regimes.speech-blacklist.vagueness')!;
    expect(v).toMatchObject({ kind: 'number', unit: 'probability', min: 0, max: 1, value: 0.25, base: 0.1 });
    for (const p of ps.filter((q) => q.kind === 'number')) {
      expect(p.min).toBeLessThanOrEqual(p.value as number);
      expect(p.max).toBeGreaterThanOrEqual(p.value as number);
      const k = ((p.value as number) - p.min) / p.step;
      expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
    }
    expect(suggestB(v)).toBe('0');
  });
});
