/**
 * The world parameter `evidenceQuality` (d′ by domain, src/scenario/schema.ts → resolve → build →
 * world.evidenceQuality) read from a scenario file.
 *
 * 1. Seeded (the listing world of evidence-world.ts written as a YAML file: misidentification →
 *    risk-list, 2,000 agents, 150 daily steps, seed 1), d′ of law records 0.5 vs 3 in the file.
 *    With human review, the wrongful listings cut and the true listings lost move with d′: measured
 *    cut 0.342 / lost 0.045 at d′ 0.5, cut 0.870 / lost −0.005 at d′ 3. Control (the rule kept, no
 *    decider that reads evidence: risk-list alone): the two files give identical rows. Asserted:
 *    the cut at least 0.3 larger at d′ 3; the loss smaller; control rows identical.
 * 2. Bad input: a negative d′ or an unknown domain is a UserError naming the file and the field.
 * 3. `describe --odd` lists evidenceQuality.<domain> with its value, default 1.5, unit and source.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSimulation, loadScenario, UserError } from '../../src/index.js';
import { worldParams } from '../../src/scenario/odd.js';
import { effect, type Outcome } from './evidence-world.js';

const dir = mkdtempSync(join(tmpdir(), 'scorelab-evq-'));

function file(name: string, law: number | string, safeguards: string): string {
  const f = join(dir, `${name}.yaml`);
  writeFileSync(
    f,
    `name: ${name}
seed: 1
steps: 150
population:
  agents: 2000
  traits:
    law: 0.006
graph:
  model: erdos-renyi
  meanDegree: 4
evidenceQuality:
  law: ${law}
observation:
  misidentification:
    baseRate: 0.0005
    falseMatchRatio: 10
regimes:
  risk-list:
    windowDays: 90
    termDays: 90
${safeguards}metrics: [wrongful_listed_share, listed_share]
record:
  every: 5
`,
  );
  return f;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function run(f: string) {
  const loaded = await loadScenario(f);
  const sim = buildSimulation(loaded.scenario, { plugins: loaded.plugins });
  const rows = sim.run(loaded.scenario.steps).slice(1);
  const w = mean(rows.map((x) => x.wrongful_listed_share as number));
  const all = mean(rows.map((x) => x.listed_share as number));
  const out: Outcome = { wrongful: w, true: all - w, sum: {} };
  return { out, rows, world: sim.world };
}

describe('evidenceQuality from a scenario file', () => {
  it('sets the world’s d′, and the safeguards’ outcomes move with it (seeded, with control)', async () => {
    const review = 'safeguards:\n  human-review: {}\n';
    const c05 = await run(file('c05', 0.5, ''));
    const c3 = await run(file('c3', 3, ''));
    const r05 = await run(file('r05', 0.5, review));
    const r3 = await run(file('r3', 3, review));
    expect(c05.world.evidenceQuality[1]).toBe(0.5); // law
    expect(c3.world.evidenceQuality[1]).toBe(3);
    expect(c3.world.evidenceQuality[0]).toBe(1.5); // finance keeps the default
    // control: no decider reads evidence, so d′ changes nothing
    expect(c3.rows).toEqual(c05.rows);
    expect(c05.out.wrongful).toBeGreaterThan(0);
    const e05 = effect(r05.out, c05.out), e3 = effect(r3.out, c3.out);
    if (process.env.SCORELAB_PRINT) console.log(JSON.stringify({ e05, e3 }));
    expect(e3.cut).toBeGreaterThan(e05.cut + 0.3);
    expect(e3.lost).toBeLessThan(e05.lost);
  }, 60_000);

  it('rejects a negative d′ and an unknown domain with the file and the field', async () => {
    const neg = file('neg', -1, '');
    await expect(loadScenario(neg)).rejects.toThrow(UserError);
    await expect(loadScenario(neg)).rejects.toThrow(/evidenceQuality\.law/);
    await expect(loadScenario(neg)).rejects.toThrow(/neg\.yaml/);
    const f = join(dir, 'unknown.yaml');
    writeFileSync(f, 'name: unknown\nevidenceQuality:\n  lawz: 2\n');
    await expect(loadScenario(f)).rejects.toThrow(/evidenceQuality/);
  });

  it('is described with value, default, unit and source', async () => {
    const loaded = await loadScenario(file('odd', 2.5, ''));
    const rows = worldParams(loaded.scenario);
    const law = rows.find((r) => r.name === 'evidenceQuality.law')!;
    expect(law.value).toBe(2.5);
    expect(law.default).toBe(1.5);
    expect(law.unit).toContain('d′');
    expect(law.source).toContain('Green & Swets');
    expect(rows.filter((r) => r.name.startsWith('evidenceQuality.'))).toHaveLength(6);
  });
});
