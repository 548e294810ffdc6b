/**
 * docs/extending.md cannot rot: every code block the guide attributes to a file of
 * tests/fixtures/extending/ is that file, word for word; the five examples (a regime, a safeguard,
 * an adaptation, a metric, a graph generator) run together through the guide's scenario with the
 * built CLI, each doing what the guide says; and the guide's experiment sweeps them. The tiny-world
 * example is itself a test (tests/fixtures/extending/default-list.tiny.test.ts).
 * Needs `npm run build` (the CLI and the plug-ins' `import 'scorelab'` run dist/). About 20 s on 2 cores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, ROOT, tmp } from '../helpers.js';

const FIX = 'tests/fixtures/extending';
const GUIDE = readFileSync(join(ROOT, 'docs/extending.md'), 'utf8');
const STUDY = join(FIX, 'study.yaml');

function run(extra: string[]) {
  const out = tmp('scorelab-extending-');
  const r = cli(['run', STUDY, '--allow-plugins', '--out', out, '--force', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return readCsv(join(out, 'steps.csv')).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? null : Number(v)])));
}

describe('docs/extending.md', () => {
  it('quotes each example file whole, and names every example of the five kinds', () => {
    const quoted = [...GUIDE.matchAll(/\(`(tests\/fixtures\/extending\/[^`]+)`\)\n+```(?:ts|yaml)\n([\s\S]*?)```/g)];
    const files = quoted.map((m) => m[1]);
    expect(files).toEqual(
      expect.arrayContaining(['default-list.ts', 'first-offence-grace.ts', 'caution.ts', 'listed-wealth-ratio.ts', 'ring-lattice.ts', 'study.yaml', 'experiment.ts', 'experiment-inline.ts', 'default-list.tiny.test.ts'].map((f) => `${FIX}/${f}`)),
    );
    for (const [, file, body] of quoted) expect(body!.trimEnd(), file).toBe(readFileSync(join(ROOT, file!), 'utf8').trimEnd());
    for (const h of ['## A regime', '## A safeguard', '## An adaptation', '## A metric', '## A graph generator', '## The world a hook sees']) expect(GUIDE).toContain(h);
  });

  it('runs the five examples through a scenario, each doing what the guide says', () => {
    const on = run([]);
    const off = run(['--set', 'safeguards.first-offence-grace=false']);
    const n = 1000;
    // graph generator: a ring lattice with k = 6 — exactly n·k/2 ties, every degree 6, the whole run
    for (const r of on) {
      expect(r.tie_count).toBe((n * 6) / 2);
      expect(r.mean_degree).toBe(6);
    }
    // regime: without the safeguard people are listed; the built-in listed_share counts the same list
    const last = off.at(-1)!;
    expect(Math.max(...off.map((r) => r.default_list_size!))).toBeGreaterThan(5);
    for (const r of off) expect(r.listed_share! * n).toBeCloseTo(r.default_list_size!, 6);
    // safeguard: first offences forgiven, so fewer listings over the run (same seed, same acts until a first listing)
    const sum = (rows: typeof on, c: string) => rows.reduce((s, r) => s + (r[c] ?? 0), 0);
    expect(sum(on, 'grace_forgiven')).toBeGreaterThan(5);
    expect(sum(on, 'default_list_size')).toBeLessThan(sum(off, 'default_list_size') / 2);
    expect(off[0]).not.toHaveProperty('grace_forgiven'); // switched off with false: left out
    // adaptation: the sanctioned grow cautious — the mean multiplier falls below 1, never below the floor
    expect(last.caution_mean!).toBeLessThan(1);
    for (const r of off) expect(r.caution_mean!).toBeGreaterThanOrEqual(0.2);
    // metric: empty while nobody is listed, a positive ratio otherwise
    for (const r of off) {
      if (r.default_list_size === 0) expect(r.listed_wealth_ratio).toBeNull();
      else expect(r.listed_wealth_ratio!).toBeGreaterThan(0);
    }
  });

  it("sweeps the guide's inline experiment: its plugins list a metric and a graph generator, and graph.params.k is a factor", () => {
    const out = tmp('scorelab-extending-inline-');
    const r = cli(['sweep', join(FIX, 'experiment-inline.ts'), '--out', out, '--no-render', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    const runs = readCsv(join(out, 'runs.csv'));
    expect(runs).toHaveLength(2);
    // the ring lattice's degree is k at both points of the design (no households)
    expect(runs.map((x) => Number(x.mean_degree)).sort((a, b) => a - b)).toEqual([4, 8]);
    expect(Object.keys(runs[0]!)).toContain('listed_wealth_ratio');
  });

  it('lists the outside metric and graph model, and names them in describe and the ODD', () => {
    const m = cli(['list', '--metrics', '--plugin', join(FIX, 'listed-wealth-ratio.ts')]);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toMatch(/listed_wealth_ratio  —  mean\(wealth \| on the list\).*\[ratio\].*defined outside the library/);
    const g = cli(['list', '--graphs', '--plugin', join(FIX, 'ring-lattice.ts')]);
    expect(g.code, g.stderr).toBe(0);
    expect(g.stdout).toMatch(/^erdos-renyi /m);
    expect(g.stdout).toMatch(/^ring-lattice +Ring lattice — agents sit on a ring.*graph\.params\.k.*defined outside the library/m);
    const d = cli(['describe', STUDY, ...['ring-lattice.ts', 'default-list.ts', 'first-offence-grace.ts', 'caution.ts', 'listed-wealth-ratio.ts'].flatMap((f) => ['--plugin', join(FIX, f)])]);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(/ring-lattice graph \(Ring lattice, a generator defined outside the library/);
    expect(d.stdout).toContain('listed_wealth_ratio');
    const odd = cli(['describe', STUDY, '--odd', ...['ring-lattice.ts', 'default-list.ts', 'first-offence-grace.ts', 'caution.ts', 'listed-wealth-ratio.ts'].flatMap((f) => ['--plugin', join(FIX, f)])]);
    expect(odd.code, odd.stderr).toBe(0);
    expect(odd.stdout).toMatch(/ring-lattice graph \(Ring lattice/);
    expect(odd.stdout).toContain('graph.params.k');
  });

  it("sweeps the guide's experiment: the grace lowers listings against the no-grace control", () => {
    const out = tmp('scorelab-extending-sweep-');
    const r = cli(['sweep', join(FIX, 'experiment.ts'), '--out', out, '--no-render', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'runs.csv'))).toHaveLength(4);
    const effects = readCsv(join(out, 'effects.csv'));
    const listed = effects.find((e) => e.metric === 'default_list_size')!;
    expect(Number(listed.n)).toBe(2);
    expect(Number(listed.diff)).toBeLessThan(0);
    expect(effects.map((e) => e.metric)).toEqual(expect.arrayContaining(['caution_mean', 'listed_wealth_ratio']));
  });
});
