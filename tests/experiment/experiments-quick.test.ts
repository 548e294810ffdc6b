/**
 * Smoke test of every committed experiment (experiments/*.ts): its quick form runs at a tiny size
 * (at most 150 agents, 30 steps, one replicate, in this thread) with no failed run; runs.csv has a
 * column for every design factor, every summary metric and every metric the experiment expects to
 * move; and, for an experiment with a control, the control point is in the design, every control
 * key is a design factor, and every other point has its control partner (the same point with the
 * control's values), so effects.csv can pair them.
 *
 * The tiny size only checks that each file loads, plans and runs against today's library; the
 * directions are checked on the full sweeps (see each file's header).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment, runSweep } from '../../src/index.js';
import { readCsv, ROOT, tmp } from '../helpers.js';

const DIR = join(ROOT, 'experiments');
const FILES = readdirSync(DIR)
  .filter((f) => /\.(ts|mts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
  .sort();

const TINY_AGENTS = 150;
const TINY_STEPS = 30;

const same = (a: unknown, b: unknown) => String(a) === String(b);

describe('experiments/*.ts quick forms', () => {
  it('finds the committed experiments', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
  });

  for (const f of FILES) {
    it(`${f}: the quick form completes at a tiny size`, async () => {
      const exp = await loadExperiment(join(DIR, f));
      const def = exp.def;
      // tiny sizes; an experiment that fixes its own size (the 3-agent DeGroot world) keeps it
      const agentsOf = def.quick?.agents ?? def.agents;
      const stepsOf = def.quick?.steps ?? def.steps;
      const agents = agentsOf !== undefined ? Math.min(agentsOf, TINY_AGENTS) : undefined;
      const steps = Math.min(stepsOf ?? TINY_STEPS, TINY_STEPS);
      const out = tmp('scorelab-experiments-quick-');
      const r = await runSweep(exp, { quick: true, workers: 0, out, agents, steps, replicates: 1 });
      expect(r.failed, `${f}: failed runs (see ${out}/failures.csv)`).toBe(0);
      expect(r.missing).toBe(0);
      expect(r.completed).toBe(r.planned);
      expect(r.planned).toBe(r.plan.points.length);

      const runs = readCsv(join(out, 'runs.csv'));
      expect(runs).toHaveLength(r.planned);
      const cols = Object.keys(runs[0]!);
      for (const k of r.plan.paramKeys) expect(cols, `${f}: factor column ${k}`).toContain(k);
      const summaryCols = cols.filter((c) => !['run_id', 'point', 'replicate', 'seed', ...r.plan.paramKeys].includes(c));
      expect(summaryCols.length, `${f}: runs.csv has no summary column`).toBeGreaterThan(0);
      const s = def.summary;
      if (s && typeof s === 'object' && s.metrics) for (const m of s.metrics) expect(cols, `${f}: summary metric ${m}`).toContain(m);
      for (const m of Object.keys(def.expected ?? {})) expect(cols, `${f}: expected metric ${m} is not a runs.csv column`).toContain(m);

      if (def.id === 'validation-degroot') {
        // the second eigenvalue of the fixture's T is 1/2: after 30 steps the consensus is within 1e-9
        for (const row of runs) expect(Math.abs(Number(row.consensus) - Number(row.expected))).toBeLessThan(1e-6);
      }

      if (def.control) {
        expect(def.crn, `${f}: a control needs common random numbers`).toBe(true);
        const set = def.control.set;
        for (const k of Object.keys(set)) expect(r.plan.paramKeys, `${f}: control key ${k} is not a design factor`).toContain(k);
        const isControl = (p: Record<string, unknown>) => Object.entries(set).every(([k, v]) => same(p[k], v));
        const controls = r.plan.points.filter(isControl);
        expect(controls.length, `${f}: no design point has the control values ${JSON.stringify(set)}`).toBeGreaterThan(0);
        for (const p of r.plan.points) {
          if (isControl(p)) continue;
          const partner = controls.find((c) => r.plan.paramKeys.every((k) => k in set || same(c[k], p[k])));
          expect(partner, `${f}: point ${JSON.stringify(p)} has no control partner`).toBeDefined();
        }
        // the control runs exist in runs.csv
        const ctlRuns = runs.filter((row) => Object.entries(set).every(([k, v]) => same(row[k], v)));
        expect(ctlRuns.length).toBe(controls.length);
      }
    });
  }
});
