/**
 * Regression tests for the reproductions of issue 13 (hostile input): each ends in exit 2 with one
 * line naming the file and field, what was expected and what was found — or runs correctly —
 * never a stack trace, a hang or a half-written folder. In-process through the CLI's main()
 * (fast, no build), except the EPIPE case, which needs a real pipe to `head`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputFolder } from '../../src/cli/commands/run.js';
import { prepareScenario } from '../../src/scenario/load.js';
import { memoryEstimate, MEMORY_BUDGET_BYTES, TABLE_BYTES_PER_AGENT } from '../../src/scenario/build.js';
import { MAX_AGENTS } from '../../src/scenario/schema.js';
import { AFFORDABLE, type ParamTable } from '../../src/core/params.js';
import { allPlugins, findPlugin } from '../../src/scenario/registry.js';
import { BIN, ROOT } from '../helpers.js';
import { runMain, STACK_LINE } from './in-process.js';

const work = mkdtempSync(join(tmpdir(), 'scorelab-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const HOSTILE = join(ROOT, 'tests', 'fixtures', 'scenarios', 'hostile');

let n = 0;
/** Writes a scenario file and runs it (tiny unless the text sets sizes); returns the result. */
async function run(text: string, extra: string[] = []) {
  const file = join(work, `s${n++}.yaml`);
  writeFileSync(file, text);
  const out = join(work, `out${n}`);
  const r = await runMain(['run', file, '--out', out, '--quiet', '--no-figure', ...extra]);
  return { ...r, file, out };
}

/** Exit 2, one line, no stack trace; the line names the file and matches `what`. */
function refused(r: Awaited<ReturnType<typeof run>>, what: RegExp) {
  expect(r.thrown, String((r.thrown as Error)?.stack)).toBeNull();
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(what);
  expect(existsSync(r.out), 'no output folder for a refused run').toBe(false);
}

const TINY = 'population: {agents: 20}\nsteps: 2\n';

describe('hostile YAML', () => {
  it('alias bombs and undefined aliases', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...[1, 2, 3, 4, 5].map((k) => `b${k}: &b${k} [${Array(9).fill(k === 1 ? '*a' : `*b${k - 1}`).join(', ')}]`)].join('\n');
    refused(await run(`${bomb}\n${TINY}`), /s\d+\.yaml: YAML aliases: .*at most 100 aliases.*Excessive alias count/);
    refused(await run(`name: *nowhere\n${TINY}`), /s\d+\.yaml: YAML aliases: expected anchors defined before use.*Unresolved alias/);
  });

  it('~3,000 nested mappings (flow and block) and 40 levels', async () => {
    refused(await run(`${TINY}record: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`), /expected at most 32 levels of nested mappings and lists, found 3000 nested brackets/);
    const block = 'record:\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k:\n`).join('');
    refused(await run(`${TINY}${block}`), /expected (at most 32 levels|a scenario file of at most)/);
    const forty = 'record:\n' + Array.from({ length: 40 }, (_, i) => `${' '.repeat(i + 1)}k:\n`).join('');
    refused(await run(`${TINY}${forty}`), /record\.k\.k.*: expected at most 32 levels/);
  });

  it('__proto__ keys are refused, not dropped; an empty file is refused, not run with defaults', async () => {
    refused(await run(`__proto__: {steps: 5}\n${TINY}`), /__proto__: expected a field name, found the reserved key '__proto__'/);
    refused(await run(`${TINY}regimes:\n  fico:\n    __proto__: {approvalThreshold: 700}\n`), /regimes\.fico\.__proto__: expected a field name/);
    refused(await run(''), /expected a mapping of scenario fields .*found an empty file/);
    refused(await run('# only a comment\n'), /found an empty file/);
    refused(await run(TINY, ['--set', '__proto__.polluted=1']), /--set __proto__\.polluted=1: expected a dotted field path, found the segment '__proto__'/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('plug-in parameters named constructor, toString, hasOwnProperty', async () => {
    for (const p of ['constructor', 'toString', 'hasOwnProperty']) {
      refused(await run(`${TINY}regimes:\n  fico: {${p}: 1}\n`), new RegExp(`regimes\\.fico\\.${p}: unknown parameter '${p}'.*known: .*approvalThreshold`));
    }
  });

  it('control characters or NUL in name: refused before the run, no folder written', async () => {
    refused(await run(`name: "a\\0b"\n${TINY}`), /name: expected a name of printable characters .*found "a\\u0000b"/);
    refused(await run(`name: "two\\nlines"\n${TINY}`), /name: expected a name of printable characters/);
  });

  it('a name with ../ makes a folder inside results/runs', () => {
    const root = resolve('results', 'runs');
    for (const name of ['../../../../tmp/x', '..', '/etc/passwd', 'a/../../b', '....', 'é ü/中']) {
      const dir = outputFolder(undefined, name, 1);
      const rel = relative(root, dir);
      expect(rel.startsWith('..') || rel.includes('/'), `${name} → ${dir}`).toBe(false);
    }
    expect(outputFolder(undefined, '../../../../tmp/x', 7)).toBe(join(root, 'tmp-x-seed7'));
  });
});

describe('graphs that cannot be built', () => {
  it('SBM with one group, SBM with meanDegree ≥ agents, Barabási–Albert with 2 agents', async () => {
    for (const share of [0, 1]) {
      refused(await run(`population: {agents: 50, minorityShare: ${share}}\nsteps: 2\ngraph: {model: sbm}\n`), new RegExp(`population\\.minorityShare: expected a share strictly between 0 and 1 \\(an sbm graph needs two groups\\), found ${share}`));
    }
    refused(await run('population: {agents: 50}\nsteps: 2\ngraph: {model: sbm, meanDegree: 10000}\n'), /graph\.meanDegree: expected at most agents − 1 = 49 for an sbm graph, found 10000/);
    // groups too small for the degree and homophily asked
    refused(await run('population: {agents: 40, minorityShare: 0.1, householdSize: 1}\nsteps: 2\ngraph: {model: sbm, meanDegree: 38, homophily: 0.99}\n'), /graph\.meanDegree: expected a mean degree the two groups can hold \(.*> 1 \(groups too small\)\), found 38/);
    const ba = await run('population: {agents: 2}\nsteps: 2\ngraph: {model: barabasi-albert, meanDegree: 10}\n');
    expect(ba.code, ba.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(ba.out, 'manifest.json'), 'utf8'));
    expect(manifest.agents).toBe(2);
    expect(manifest.ties).toBeLessThanOrEqual(1);
  });

  it('graph files: a FIFO, a link to /dev/zero, one node, GraphML hyperedges', async () => {
    const fifo = join(work, 'net.csv');
    spawnSync('mkfifo', [fifo]);
    const t0 = Date.now();
    refused(await run(`${TINY}graph: {file: ${fifo}}\n`), /net\.csv: expected a regular file, found a FIFO \(named pipe\)/);
    symlinkSync('/dev/zero', join(work, 'zero.graphml'));
    refused(await run(`${TINY}graph: {file: ${join(work, 'zero.graphml')}}\n`), /zero\.graphml: expected a regular file, found a device/);
    expect(Date.now() - t0).toBeLessThan(5000);
    mkdirSync(join(work, 'dir.csv'));
    refused(await run(`${TINY}graph: {file: ${join(work, 'dir.csv')}}\n`), /dir\.csv: expected a regular file, found a folder/);
    for (const f of ['one-node.csv', 'one-node.graphml']) {
      refused(await run(`${TINY}graph: {file: ${join(HOSTILE, f)}}\n`), /graph\.file: expected a graph of at least 2 nodes \(the smallest population\), found 1 node/);
    }
    refused(await run(`${TINY}graph: {file: ${join(HOSTILE, 'hyperedge.graphml')}}\n`), /hyperedge\.graphml: expected ties between two nodes \(<edge>\), found 1 <hyperedge>/);
    const ok = await run(`steps: 2\ngraph: {file: ${join(HOSTILE, 'small.csv')}}\n`);
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('numbers a run cannot afford', () => {
  it('sesame.historyDays 1e12, platform-rating.tripsPerDay 1e15, shockSd 1e308', async () => {
    refused(await run(`${TINY}regimes:\n  sesame: {historyDays: 1e12}\n`), /regimes\.sesame\.historyDays: expected a number between 1 and 36500 \(what a run can afford\), found 1000000000000/);
    refused(await run(`${TINY}regimes:\n  platform-rating: {tripsPerDay: 1e15}\n`), /regimes\.platform-rating\.tripsPerDay: expected a number between 0 and 100 \(what a run can afford\), found 1000000000000000/);
    refused(await run(`${TINY}behaviour:\n  standard: {shockSd: 1e308}\n`), /behaviour\.standard\.shockSd: expected a number between 0 and 1000000, found 1e\+308/);
    refused(await run('population: {agents: 20, wealthMedian: 1e308}\nsteps: 2\n'), /population\.wealthMedian: expected a number ≤ 1000000000000, found 1e\+308/);
    // at the bounds the runs are finite (and fast at this size)
    const ok = await run(`${TINY}behaviour:\n  standard: {shockSd: 1000000}\nregimes:\n  sesame: {historyDays: 36500}\n  platform-rating: {tripsPerDay: 100}\n`);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(ok.out, 'steps.csv'), 'utf8') + readFileSync(join(ok.out, 'agents.csv'), 'utf8')).not.toMatch(/NaN|Infinity/);
  });

  it('metric parameters: Esteban–Ray bins 1e9 (O(bins²) per record) and non-finite values', async () => {
    refused(await run(`${TINY}record: {params: {score_esteban_ray.bins: 1e9}}\n`), /record\.params\.score_esteban_ray\.bins: expected a number of at most 1000 \(what a run can afford\), found 1000000000/);
    refused(await run(`${TINY}record: {params: {shorrocks_mobility.window: .inf}}\n`), /record\.params\.shorrocks_mobility\.window: expected a number of at most 1000000 \(what a run can afford\), found Infinity/);
    refused(await run(`${TINY}metrics: [score_esteban_ray]\nregimes: {fico: {}}\nrecord: {params: {score_esteban_ray.bins: 0}}\n`), /record\.params\.score_esteban_ray\.bins: expected a positive integer, found 0/);
  });

  it('every numeric plug-in parameter has finite bounds; the work-setting ones are named in AFFORDABLE', () => {
    for (const spec of allPlugins()) {
      for (const [k, def] of Object.entries(spec.params as ParamTable)) {
        if (typeof def.default !== 'number') continue;
        expect(Number.isFinite(def.max) && Number.isFinite(def.min), `${spec.id}.${k}`).toBe(true);
        expect(def.parse(1e308), `${spec.id}.${k}`).toBeUndefined();
      }
    }
    for (const [key, cap] of Object.entries(AFFORDABLE)) {
      const [id, k] = key.split('.') as [string, string];
      const def = (findPlugin(id)?.params as ParamTable | undefined)?.[k];
      expect(def, key).toBeDefined();
      expect(def!.default as number, key).toBeLessThanOrEqual(cap);
    }
  });

  it('agents 1e308 is told the real limit; twice the maximum is refused; a run that does not fit is refused up front with its estimate', async () => {
    // (the tables of the largest populations also need a larger JavaScript heap than Node's
    // default: refused up front with the --max-old-space-size to use, checked below)
    refused(await run(TINY, ['--agents', '1e308']), new RegExp(`population\\.agents: expected a number ≤ ${MAX_AGENTS}, found 1e\\+308`));
    refused(await run(`population: {agents: ${2 * MAX_AGENTS}}\n`), new RegExp(`population\\.agents: expected a number ≤ ${MAX_AGENTS}, found ${2 * MAX_AGENTS}`));
    const t0 = Date.now();
    refused(await run(`population: {agents: ${MAX_AGENTS}}\ngraph: {meanDegree: 2000}\n`), new RegExp(`population\\.agents: a run of ${MAX_AGENTS} agents, about` + / \d+ ties and \d+ recorded steps needs about \d+ GB of memory \(agents .* GB, ties .* GB, tables .* GB\), more than the .* GB it may use; choose fewer agents or a smaller graph\.meanDegree/.source));
    expect(Date.now() - t0, 'refused before anything is allocated').toBeLessThan(3000);
    // ten million recorded steps of every metric would not fit either
    refused(await run('population: {agents: 20}\nsteps: 10000000\nmetrics: all\n'), /steps: a run of 20 agents, about \d+ ties and 10000001 recorded steps needs about \d+ GB of memory .*; choose fewer steps or a larger record\.every/);
    const heap = (await import('node:v8')).getHeapStatistics().heap_size_limit;
    const agents = Math.min(MAX_AGENTS, Math.ceil(heap / 400));
    // only where Node's heap is small enough for a population under the maximum to pass it
    if (agents * TABLE_BYTES_PER_AGENT > 0.75 * heap) refused(await run(`population: {agents: ${agents}}\ngraph: {meanDegree: 2}\n`), /population\.agents: the tables of \d+ agents and 101 recorded steps need about .* GB of JavaScript heap, more than Node's limit of .* GB allows; run with NODE_OPTIONS=--max-old-space-size=\d+, or choose fewer agents, fewer steps or a larger record\.every/);
  });

  it('describe runs nothing, so it describes the largest population without the memory check', async () => {
    const d = await runMain(['describe', 'default', '--agents', String(MAX_AGENTS)]);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(new RegExp(`population\\.agents = ${MAX_AGENTS}`));
  });

  it("the schema's maximum population fits in 24 GB at the default graph", async () => {
    const small = (await prepareScenario({ population: { agents: 1000 } }, '(test)')).scenario;
    const scenario = { ...small, population: { ...small.population, agents: MAX_AGENTS } };
    const est = memoryEstimate(scenario);
    expect(est.total).toBeLessThanOrEqual(MEMORY_BUDGET_BYTES);
    // and half as many again would not fit
    expect(memoryEstimate({ ...scenario, population: { ...scenario.population, agents: 1.5 * MAX_AGENTS } }).total).toBeGreaterThan(MEMORY_BUDGET_BYTES);
  });
});

describe('code in a scenario file', () => {
  const marker = join(work, 'executed');
  const evil = join(work, 'evil.mjs');
  writeFileSync(evil, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport const nothing = 1;\n`);

  it('run refuses plugins: without the opt-in and says how to allow it; describe never loads them', async () => {
    const r = await run(`${TINY}plugins: [${evil}]\nregimes:\n  evil-score: {}\n`);
    refused(r, /plugins: this scenario names code to run \(.*evil\.mjs\); .*add --allow-plugins, or name each with --plugin FILE/);
    expect(existsSync(marker)).toBe(false);
    const file = join(work, 'describe-me.yaml');
    writeFileSync(file, `${TINY}plugins: [${evil}]\nregimes:\n  evil-score: {}\n  fico: {}\n`);
    const d = await runMain(['describe', file]);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stderr).toMatch(/plug-in modules not loaded \(describe never runs a scenario's code.*\): .*evil\.mjs; not described: regimes\.evil-score/);
    expect(d.stdout).toMatch(/fico/);
    expect(existsSync(marker)).toBe(false);
  });

  it('with --allow-plugins the module is loaded (and its code runs)', async () => {
    const r = await run(`${TINY}plugins: [${evil}]\n`, ['--allow-plugins']);
    // the module defines no plug-in: loaded, then refused for that, exit 2
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exports no plug-in/);
    expect(existsSync(marker)).toBe(true);
  });
});

describe('output folders', () => {
  it('run refuses to overwrite an earlier run unless --force', async () => {
    const file = join(work, 'twice.yaml');
    writeFileSync(file, TINY);
    const out = join(work, 'twice-out');
    const a = await runMain(['run', file, '--out', out, '--quiet', '--no-figure']);
    expect(a.code, a.stderr).toBe(0);
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');
    const b = await runMain(['run', file, '--out', out, '--quiet', '--no-figure', '--seed', '9']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/twice-out: the folder holds the results of an earlier run \(twice, seed 1, finished .*\); add --force to overwrite them, or choose another --out/);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
    const c = await runMain(['run', file, '--out', out, '--quiet', '--no-figure', '--seed', '9', '--force']);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).seed).toBe(9);
    expect(readdirSync(out).filter((f) => /\.tmp-/.test(f))).toEqual([]);
  });
});

describe('large tables', () => {
  it('CSV files are written in chunks that join to the whole table byte for byte', async () => {
    const aq = await import('arquero');
    const { toCsv } = await import('../../src/results/tables.js');
    const { csvChunks } = await import('../../src/results/write-run.js');
    const t = aq.table({ id: [0, 1, 2, 3, 4, 5, 6], x: [0.5, null, 1e-9, -2, 3, NaN, 7], s: ['a', 'b,c', 'd"e', '', 'f', 'g', 'h'] });
    for (const rows of [1, 3, 7, 100]) {
      const parts = [...csvChunks(t, rows)];
      expect(parts).toHaveLength(Math.ceil(7 / Math.min(rows, 7)) || 1);
      expect(parts.join(''), `${rows} rows per chunk`).toBe(toCsv(t));
    }
  });
});

describe('pipes', () => {
  it('scorelab run | head exits quietly (EPIPE)', () => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) return;
    const out = join(work, 'pipe-out');
    for (const cmd of [`run default --agents 30 --steps 200 --no-figure --out ${out}`, 'describe default', 'list --regimes']) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${cmd} | head -c 1`], { encoding: 'utf8', env: { ...process.env, SCORELAB_NO_PROGRESS: '1' } });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr, cmd).not.toMatch(/EPIPE|Error|\n\s+at /);
      rmSync(out, { recursive: true, force: true });
    }
  });
});
