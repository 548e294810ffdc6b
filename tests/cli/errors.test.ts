import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from '../helpers.js';

function scenario(text: string, name = 'bad.yaml'): string {
  const dir = tmp();
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

function expectUserError(args: string[], ...patterns: RegExp[]) {
  const r = cli(args);
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  for (const p of patterns) expect(r.stderr).toMatch(p);
  return r.stderr;
}

describe('bad input exits 2 with file, field, expected and found', () => {
  it('malformed YAML', () => {
    const f = scenario('steps: 10\nregimes: [unclosed\n');
    expectUserError(['run', f], /bad\.yaml/, /line \d+, column \d+/, /malformed YAML/);
  });
  it('a wrong type', () => {
    const f = scenario('steps: many\n');
    expectUserError(['run', f], /bad\.yaml: steps: expected a number, found "many"/);
  });
  it('an out-of-range value (scenario and plug-in parameter)', () => {
    expectUserError(['run', scenario('population:\n  minorityShare: 1.5\n')], /bad\.yaml: population\.minorityShare: expected a number ≤ 1, found 1\.5/);
    expectUserError(['run', scenario('regimes:\n  fico:\n    approvalThreshold: 2000\n')], /bad\.yaml: regimes\.fico\.approvalThreshold: expected a number between 300 and 850, found 2000/);
  });
  it('a missing required field', () => {
    expectUserError(['run', scenario('graph:\n  model: file\n')], /bad\.yaml: graph\.file: expected a path to a graph file/, /found nothing/);
  });
  it('an unknown key, with did-you-mean (top level, nested, plug-in id, plug-in parameter)', () => {
    expectUserError(['run', scenario('stpes: 10\n')], /bad\.yaml: stpes: unknown field 'stpes' \(did you mean 'steps'\?\)/);
    expectUserError(['run', scenario('population:\n  agnets: 10\n')], /population\.agnets: unknown field 'agnets' \(did you mean 'agents'\?\)/);
    expectUserError(['run', scenario('regimes:\n  fic0: {}\n')], /regimes\.fic0: unknown regime 'fic0' \(did you mean 'fico'\?\)/);
    expectUserError(['run', scenario('regimes:\n  friend-cleanup:\n    betta: 0.2\n')], /regimes\.friend-cleanup\.betta: unknown parameter 'betta' \(did you mean 'beta'\?\)/);
  });
  it('an unreadable or malformed graph file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.yaml'), 'graph:\n  file: missing.csv\n');
    expectUserError(['run', join(dir, 's.yaml')], /missing\.csv/);
    writeFileSync(join(dir, 'g.csv'), 'source,target\n1,2\n3\n');
    writeFileSync(join(dir, 's2.yaml'), 'graph:\n  file: g.csv\n');
    expectUserError(['run', join(dir, 's2.yaml')], /g\.csv/, /line 3/);
    writeFileSync(join(dir, 'g.gexf'), '<gexf><graph><nodes><node id="a"></nodes>');
    writeFileSync(join(dir, 's3.yaml'), 'graph:\n  file: g.gexf\n');
    expectUserError(['run', join(dir, 's3.yaml')], /g\.gexf/);
  });
  it('--set is validated the same way', () => {
    expectUserError(['run', 'default', '--set', 'regimes.fico.approvalThreshold=abc'], /regimes\.fico\.approvalThreshold: expected a number between 300 and 850, found "abc"/);
    expectUserError(['run', 'default', '--set', 'population.agents=-3'], /population\.agents: expected a number ≥ 2, found -3/);
    expectUserError(['run', 'default', '--set', 'nonsense'], /--set: expected path\.to\.param=value/);
    expectUserError(['run', 'default', '--steps', 'x'], /--steps: expected an integer/);
  });
  it('unknown preset, command and flag', () => {
    expectUserError(['run', 'defualt'], /no scenario file or preset named 'defualt' \(did you mean 'default'\?\)/);
    expectUserError(['runn'], /unknown command 'runn' \(did you mean 'run'\?\)/);
    expectUserError(['run', 'default', '--sed', '3'], /--sed/);
  });
});
