/**
 * Smoke tests of the adaptation presets at tiny size (500 agents, 28 steps): each loads, runs,
 * has a classroom description and watch text, and records its adaptation's own columns.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

/** Columns to check, and the regimes / safeguards each preset needs (skipped until they exist). */
const NEEDS: Record<string, string[]> = {
  'social-cleanup': ['sesame'],
  'chilled-speech': ['speech-blacklist'],
  gaming: ['fico', 'transparency'],
  'opt-in': ['sesame'],
  approval: ['sesame', 'redlist', 'court-blacklist'],
};
const PRESETS: Record<string, string[]> = {
  'social-cleanup': ['cleanup_dropped', 'cross_stratum_tie_share_offline'],
  'chilled-speech': ['censor_mean', 'dissent_rate'],
  gaming: ['gaming_mult_mean', 'default_rate'],
  'opt-in': ['optin_share'],
  approval: ['approval_q1', 'approval_q5', 'optin_share'],
};

describe('adaptation presets', () => {
  for (const [name, cols] of Object.entries(PRESETS)) {
    it(`${name} runs at tiny size`, async () => {
      const r = await runScenario(name, { agents: 500, steps: 28 });
      expect(r.scenario.description.length).toBeGreaterThan(100);
      expect(r.scenario.watch.length).toBeGreaterThan(100);
      expect(r.rows.length).toBe(5);
      const last = r.rows[r.rows.length - 1]!;
      for (const c of cols) expect(last[c], `${name}: ${c}`).not.toBeNull();
    });
  }
});
