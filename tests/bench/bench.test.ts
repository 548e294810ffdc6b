/**
 * `npm run bench` as a user runs it, at a tiny size (this checks that it works and what it
 * prints, not how fast anything is: timings belong to the bench, not to tests).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordCost, type BenchEntry } from '../../src/bench/main.js';
import { targetRows, targetsMarkdown } from '../../src/bench/targets.js';
import { locateScenario, readYaml } from '../../src/scenario/load.js';
import { ROOT } from '../helpers.js';

const BENCH = join(ROOT, 'dist', 'bench', 'main.js');
/** Runs the bench in a child process without blocking this thread (vitest's own messages go on meanwhile). */
const bench = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BENCH, ...args], { cwd: ROOT, timeout: 240_000, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });

describe('the metric-cost measure', () => {
  it('steps three runs side by side (own metrics, all metrics, none) and they end alike', async () => {
    const file = locateScenario('sesame');
    const c = await recordCost(readYaml(file), file, 3, { agents: 1500 });
    expect(c.agents).toBe(1500);
    for (const x of [c.stepMs, c.dynamicsMs, c.allMetricsMs, c.toStep, c.toDynamics]) expect(Number.isFinite(x) && x > 0).toBe(true);
    expect(c.sim.rows.length).toBe(1 + 3 + 3); // step 0, three warm-up steps, three measured steps
  });
});

describe('npm run bench', () => {
  it('prints every section at a tiny size and writes its JSON and markdown', { timeout: 400_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'scorelab-bench-test-'));
    try {
      const r = await bench(['--sizes', '3000', '--steps', '3', '--rounds', '2', '--presets', 'joint-punishment', '--sweep-runs', '2', '--sweep-agents', '500', '--sweep-steps', '5', '--sweep-rounds', '1', '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      for (const line of ['G(N,M)', 'fromEdges', 'locality', 'graph.order', 'rcm', 'median step', 'neighbour pass', 'bytes per tie', 'benchmark model', 'joint-punishment (its own metrics, 3 steps)', 'national-composite', 'threads', 'peak memory', 'sweep throughput', '2 worker(s)'])
        expect(r.stdout).toContain(line);
      // the files: valid JSON with every section, and the markdown table
      const date = new Date().toISOString().slice(0, 10);
      const j = JSON.parse(readFileSync(join(out, `${date}.json`), 'utf8'));
      expect(j.kind).toBe('scorelab-bench');
      expect(j.sizes).toEqual([3000]);
      for (const s of ['graph', 'locality', 'orders', 'friendCleanup', 'presets', 'composite', 'threads', 'memory', 'sweep']) expect(j.sections, s).toHaveProperty(s);
      expect(j.sections.memory[0].peakRss).toBeGreaterThan(0);
      const sections = new Set(j.entries.map((e: { section: string }) => e.section));
      for (const s of ['floor', 'graph', 'locality', 'friend-cleanup', 'record cost', 'composite', 'memory', 'sweep']) expect(sections.has(s), s).toBe(true);
      for (const e of j.entries) expect(Number.isFinite(e.value), `${e.section} ${e.measure}`).toBe(true);
      expect(j.entries.find((e: { section: string }) => e.section === 'graph').toFloor).toBeGreaterThan(0);
      expect(existsSync(join(out, `${date}.md`))).toBe(true);
      expect(readFileSync(join(out, `${date}.md`), 'utf8')).toContain('| section | agents |');
      // the targets of issue 14: listed, with the sizes not benched marked as not measured
      expect(r.stdout).toContain('targets (issue 14)');
      expect(readFileSync(join(out, `${date}.md`), 'utf8')).toContain('## Targets (issue 14)');
      expect(j.targets.length).toBe(9);
      expect(j.targets.every((t: { met: boolean | null }) => t.met === null)).toBe(true);
      // a second run compares with the first file; its step, composite and threads sections run in
      // a child process each (as they do from 1M agents on)
      const again = await bench(['--sizes', '3000', '--steps', '3', '--rounds', '2', '--only', 'step', '--out', out], { SCORELAB_BENCH_CHILD_FROM: '3000' });
      expect(again.code, again.stderr).toBe(0);
      for (const line of ['median step', 'national-composite', 'threads: 3000 agents, 2 thread(s)']) expect(again.stdout).toContain(line);
      const j2 = JSON.parse(readFileSync(join(out, `${date}.json`), 'utf8'));
      expect(j2.previous.file).toBe(`${date}.json`);
      expect(j2.entries.some((e: { toPrevious?: number }) => Number.isFinite(e.toPrevious))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
  it('a mistake in its options gets one message and exit 2, before anything runs', async () => {
    for (const [args, msg] of [
      [['--bogus'], "Unknown option '--bogus'"],
      [['--agents', 'many'], '--agents: expected a whole number ≥ 1, found "many"'],
      [['--only', 'both'], '--only: expected step or sweep'],
      [['--presets', 'sesme'], "did you mean 'sesame'"],
    ] as const) {
      const r = await bench([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(msg);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout).toBe('');
    }
  });
});

describe('the targets of issue 14', () => {
  it('reads each verdict off the entries: met, not met, not measured', () => {
    const e = (section: string, agents: number, measure: string, value: number, toOneThread?: number): BenchEntry => ({ section, agents, ties: 0, measure, value, unit: 'ms', toOneThread });
    const rows = targetRows([
      e('friend-cleanup', 100_000, 'median step (record included)', 12),
      e('threads', 100_000, 'step, 2 thread(s)', 9.5, 0.8),
      e('threads', 100_000, 'pass, 2 thread(s)', 3, 1 / 1.8),
      e('friend-cleanup', 1_000_000, 'build (graph + world)', 3100),
      e('composite', 1_000_000, 'median step (all metrics)', 900),
      e('record cost', 100_000, 'record, all metrics', 30),
      e('record cost', 100_000, 'dynamics of the step', 20),
      e('record cost', 100_000, 'added by recording all metrics', 24),
      e('record cost', 1_000_000, 'record, all metrics', 300),
      e('record cost', 1_000_000, 'dynamics of the step', 200),
      e('record cost', 1_000_000, 'added by recording all metrics', 150),
    ]);
    const by = (t: string) => rows.find((r) => r.target.startsWith(t))!;
    expect(by('100k agents').met).toBe(true); // the best of 1 and 2 threads
    expect(by('100k agents').measured).toBe('1 thread 12.0 ms, 2 threads 9.5 ms');
    expect(by('1M agents / 10M ties: build').met).toBe(false);
    expect(by('1M agents: ≤ 200 ms').met).toBeNull();
    expect(by('a full national-composite').met).toBe(true);
    expect(rows.find((r) => r.target.includes('1.7×') && r.target.includes('100,000'))!.met).toBe(true);
    // the verdict is on what recording adds to a step; the record stage alone is shown beside it
    const cost = (n: string) => rows.find((r) => r.target.startsWith('all metrics') && r.target.includes(n))!;
    expect(cost('100,000').met).toBe(false);
    expect(cost('1,000,000').met).toBe(true);
    expect(cost('1,000,000').measured).toBe('recording all metrics adds 150 ms to a step, dynamics 200 ms (0.75×); the record stage alone 300 ms (1.50×)');
    expect(targetsMarkdown(rows)).toContain('| 1M agents / 10M ties: build ≤ 3 s | graph + world 3100 ms | **not met** |');
  });
});
