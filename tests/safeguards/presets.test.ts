/**
 * Smoke tests of the presets of the observation mechanisms and safeguards: each runs at tiny size,
 * and `describe` documents every mechanism and safeguard it uses (title, rules, sources, and a doc
 * and unit for every parameter).
 */
import { describe, expect, it } from 'vitest';
import { describeScenario } from '../../src/cli/commands/describe.js';
import { loadScenario, runScenario } from '../../src/index.js';

/** Each preset with the regimes it needs (skipped while another engineer's regime has not landed). */
const PRESETS: Record<string, string[]> = {
  surveillance: ['risk-list'],
  misidentification: ['risk-list'],
  'predictive-profiling': ['risk-list'],
  'safeguards-due-process': ['risk-list'],
  'safeguard-expiry': ['court-blacklist', 'joint-punishment'],
  'safeguard-data-limits': ['sesame'],
};

describe('observation and safeguard presets', () => {
  for (const [name, needs] of Object.entries(PRESETS)) {
    it(`${name} runs at tiny size and is fully described`, async () => {
      const { rows, scenario } = await runScenario(name, { agents: 300, steps: 30 });
      expect(rows.length).toBeGreaterThan(1);
      expect(scenario.description.length).toBeGreaterThan(100);
      expect(scenario.watch.length).toBeGreaterThan(100);
      const loaded = await loadScenario(name, { agents: 300 });
      const d = describeScenario(loaded.scenario, loaded.plugins);
      const used = [...Object.keys(scenario.observation), ...Object.keys(scenario.safeguards)];
      expect(used.length).toBeGreaterThan(0);
      for (const id of used) {
        const p = d.plugins.find((x) => x.id === id)!;
        expect(p, id).toBeDefined();
        expect(p.title.length).toBeGreaterThan(10);
        expect(p.doc.length).toBeGreaterThan(80);
        expect(p.sources.length).toBeGreaterThan(0);
        for (const r of p.params) expect(r.doc.length, `${id}.${r.name}`).toBeGreaterThan(10);
      }
    });
  }
});
