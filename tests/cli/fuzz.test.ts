/**
 * Fuzz test of `scorelab run` (issue 13): a seeded generator of mutated scenarios made from the
 * presets — wrong types, unknown and deleted keys, truncated YAML, huge and non-finite numbers,
 * alias bombs and undefined aliases, deep nesting, `__proto__` keys and plug-in parameters named
 * like Object's methods, metric parameters (`record.params`), control characters in names,
 * `plugins:` modules, odd graph files (a
 * FIFO, a link to /dev/zero, a folder, hyperedges, one node, malformed XML …). Every case must end
 * in exit 0 (it ran and wrote its tables) or exit 2 with one line and no stack trace, within its
 * time limit; a scenario's plug-in module must never be executed.
 *
 * Cases run in-process through the CLI's main() with tiny worlds: agents and steps that are
 * valid are clamped (≤ 30 agents, ≤ 3 steps) after mutation, so a valid case runs in
 * milliseconds, while invalid sizes are kept and must be refused. 300 cases by default;
 * SCORELAB_FUZZ=1000 runs 1,000 (SCORELAB_FUZZ_SEED changes the seed).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT } from '../helpers.js';
import { MAX_AGENTS as SCHEMA_MAX_AGENTS } from '../../src/scenario/schema.js';
import { runMain, STACK_LINE } from './in-process.js';

const CASES = Number(process.env.SCORELAB_FUZZ ?? 300);
const SEED = Number(process.env.SCORELAB_FUZZ_SEED ?? 13);
/** No single case may take longer (a hang or a run that is not tiny would). */
const CASE_LIMIT_MS = 15_000;
const MAX_AGENTS = 30;
const MAX_STEPS = 3;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

// a fast tmpfs when there is one: fsyncs of the outputs cost nothing there
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const work = mkdtempSync(join(base, 'scorelab-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MARKER = join(work, 'plugin-was-executed');
const EVIL = join(work, 'evil-plugin.mjs');
writeFileSync(EVIL, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(MARKER)}, 'ran');\nexport const x = 1;\n`);

/** Odd graph files: fixtures, a FIFO, a link to /dev/zero, a folder, junk, nothing. */
function graphFiles(): string[] {
  const out: string[] = [];
  const fx = join(ROOT, 'tests', 'fixtures', 'graphs');
  for (const f of readdirSync(fx)) out.push(join(fx, f));
  const hostile = join(ROOT, 'tests', 'fixtures', 'scenarios', 'hostile');
  for (const f of readdirSync(hostile)) if (!f.endsWith('.md')) out.push(join(hostile, f));
  try {
    execFileSync('mkfifo', [join(work, 'fifo.csv')]);
    out.push(join(work, 'fifo.csv'));
  } catch {
    /* no mkfifo here */
  }
  if (existsSync('/dev/zero')) {
    symlinkSync('/dev/zero', join(work, 'zero.graphml'));
    out.push(join(work, 'zero.graphml'));
  }
  mkdirSync(join(work, 'folder.csv'));
  out.push(join(work, 'folder.csv'));
  writeFileSync(join(work, 'junk.gexf'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  out.push(join(work, 'junk.gexf'), join(work, 'missing.csv'));
  return out;
}

const presets = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => YAML.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8')) as Obj);
const GRAPHS = graphFiles();

const WEIRD_NUMBERS = [1e308, -1e308, 1e15, 1e12, 1e6, -1e6, 36_500, 100, -1, 0, 0.5, 1e-300, NaN, Infinity, -Infinity, 2 ** 53 + 2, 2 ** 32, 4294967295, 20_000_000, 10_000];
const WRONG_VALUES: unknown[] = ['text', '', [1, 2], [], { a: 1 }, {}, true, false, null, 'constructor', ['x', { y: [1] }]];
const KEYS = ['agentz', 'Name', 'steps ', 'graph', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'regimes', '0', 'a.b', ''];

/** Every [parent, key] pair of the tree, for picking a place to mutate. */
function places(v: unknown, out: [Obj | unknown[], string | number][] = []): [Obj | unknown[], string | number][] {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), places(x, out)));
  else if (isObj(v)) for (const k of Object.keys(v)) out.push([v, k]), places(v[k], out);
  return out;
}

function numericPlaces(v: unknown) {
  return places(v).filter(([p, k]) => typeof (p as Obj)[k as string] === 'number');
}

const set = (p: Obj | unknown[], k: string | number, v: unknown) => ((p as Obj)[k as string] = v);

/** Valid but large sizes become tiny, so a valid case is fast; invalid ones stay, to be refused. */
function clamp(doc: unknown): void {
  if (!isObj(doc)) return;
  // a deleted size would fall back to the defaults (10,000 agents, 100 steps): keep it tiny
  if (doc.population === undefined) doc.population = { agents: MAX_AGENTS };
  if (isObj(doc.population) && doc.population.agents === undefined) doc.population.agents = MAX_AGENTS;
  if (doc.steps === undefined) doc.steps = MAX_STEPS;
  const pop = doc.population;
  if (isObj(pop) && typeof pop.agents === 'number' && Number.isInteger(pop.agents) && pop.agents > MAX_AGENTS && pop.agents <= SCHEMA_MAX_AGENTS) pop.agents = MAX_AGENTS;
  if (typeof doc.steps === 'number' && Number.isInteger(doc.steps) && doc.steps > MAX_STEPS && doc.steps <= 10_000_000) doc.steps = MAX_STEPS;
  if (typeof doc.daysPerStep === 'number' && doc.daysPerStep > 30 && doc.daysPerStep <= 3650) doc.daysPerStep = 30;
}

function tiny(doc: Obj, r: Rand): Obj {
  const d = structuredClone(doc);
  d.population = { ...(isObj(d.population) ? d.population : {}), agents: 8 + Math.floor(r() * (MAX_AGENTS - 8)) };
  d.steps = 1 + Math.floor(r() * MAX_STEPS);
  return d;
}

const KINDS = ['valid', 'valid', 'valid', 'wrongType', 'unknownKey', 'deleteKey', 'number', 'number', 'truncate', 'aliasBomb', 'undefinedAlias', 'deepNesting', 'proto', 'objectKeyParam', 'recordParams', 'schemaNumber', 'schemaNumber', 'controlName', 'graphFile', 'graphFile', 'plugins', 'multi'] as const;
type Kind = (typeof KINDS)[number];

/** One mutated scenario: its YAML text and what was done. */
function makeCase(i: number): { kind: Kind; text: string; what: string } {
  const r = mulberry32(SEED * 1_000_003 + i);
  const doc = tiny(presets[i % presets.length]!, r);
  const kind = pick(r, KINDS);
  let what = kind as string;
  const mutateTree = (k: string) => {
    const ps = places(doc);
    switch (k) {
      case 'wrongType': {
        const [p, key] = pick(r, ps);
        const v = pick(r, WRONG_VALUES);
        set(p, key, structuredClone(v));
        return `${String(key)} = ${JSON.stringify(v)}`;
      }
      case 'unknownKey': {
        const objs = [doc, ...ps.map(([p, key]) => (p as Obj)[key as string]).filter(isObj)];
        const o = pick(r, objs);
        const key = pick(r, KEYS);
        o[key] = pick(r, [1, 'x', {}, null]);
        return `+${key}`;
      }
      case 'deleteKey': {
        const [p, key] = pick(r, ps);
        if (Array.isArray(p)) p.splice(key as number, 1);
        else delete p[key as string];
        return `-${String(key)}`;
      }
      default: {
        const ns = numericPlaces(doc);
        const [p, key] = ns.length ? pick(r, ns) : pick(r, ps);
        const v = pick(r, WEIRD_NUMBERS);
        set(p, key, v);
        return `${String(key)} = ${v}`;
      }
    }
  };
  let text: string | null = null;
  switch (kind) {
    case 'valid':
      break;
    case 'wrongType':
    case 'unknownKey':
    case 'deleteKey':
    case 'number':
      what += ` ${mutateTree(kind)}`;
      break;
    case 'multi':
      for (let k = 0; k < 3; k++) what += ` ${mutateTree(pick(r, ['wrongType', 'unknownKey', 'deleteKey', 'number']))}`;
      break;
    case 'objectKeyParam': {
      const sec = isObj(doc.regimes) ? doc.regimes : (doc.regimes = { baseline: {} });
      const id = pick(r, Object.keys(sec as Obj).concat('baseline'));
      const name = pick(r, ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf']);
      (sec as Obj)[id] = { ...(isObj((sec as Obj)[id]) ? ((sec as Obj)[id] as Obj) : {}), [name]: pick(r, [1, 'x', true]) };
      what += ` regimes.${id}.${name}`;
      break;
    }
    case 'schemaNumber': {
      // a numeric scenario field the preset may not have
      const path = pick(r, ['population.wealthMedian', 'population.incomeMedian', 'population.minorityWealthRatio', 'population.wealthSigma', 'population.householdSize', 'population.traits.speech', 'minorityDetectRatio', 'daysPerStep', 'record.every', 'graph.meanDegree', 'graph.rewire', 'detect.law', 'seed']);
      const parts = path.split('.');
      let o: Obj = doc;
      for (const seg of parts.slice(0, -1)) o = (isObj(o[seg]) ? o[seg] : (o[seg] = {})) as Obj;
      const v = pick(r, WEIRD_NUMBERS);
      o[parts.at(-1)!] = v;
      what += ` ${path} = ${v}`;
      break;
    }
    case 'recordParams': {
      const key = pick(r, ['score_esteban_ray.bins', 'score_esteban_ray.alpha', 'shorrocks_mobility.window', 'bottom_persistence.window', 'unknown.param']);
      doc.record = { ...(isObj(doc.record) ? doc.record : {}), params: { [key]: pick(r, WEIRD_NUMBERS) } };
      if (r() < 0.5) doc.metrics = 'all';
      what += ` ${key}`;
      break;
    }
    case 'controlName':
      doc.name = `run${String.fromCharCode(pick(r, [0, 1, 7, 9, 10, 13, 27, 127]))}x`;
      break;
    case 'graphFile': {
      const f = pick(r, GRAPHS);
      doc.graph = { ...(isObj(doc.graph) ? doc.graph : {}), file: f };
      what += ` ${f.replace(/^.*\//, '')}`;
      break;
    }
    case 'plugins':
      doc.plugins = [pick(r, [EVIL, './evil.ts', '../../../../etc/passwd', 'data:text/javascript,process.exit(9)'])];
      break;
    default:
      break;
  }
  clamp(doc);
  text = YAML.stringify(doc);
  switch (kind) {
    case 'truncate':
      text = text.slice(0, Math.floor(r() * text.length));
      break;
    case 'aliasBomb': {
      const lines = ['bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let k = 1; k <= 6; k++) lines.push(`bomb${k}: &b${k} [${Array(10).fill(`*b${k - 1}`).join(', ')}]`);
      text = `${lines.join('\n')}\n${text}`;
      break;
    }
    case 'undefinedAlias':
      text = text.replace(/^(name|title|description): .*$/m, '$1: *nowhere');
      if (!text.includes('*nowhere')) text = `name: *nowhere\n${text}`;
      break;
    case 'deepNesting': {
      const depth = pick(r, [40, 200, 3000, 10000]);
      text = r() < 0.5 ? `${text}record: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n` : `${text}record: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      what += ` ${depth}`;
      break;
    }
    case 'proto':
      text = r() < 0.5 ? `__proto__: {steps: 2}\n${text}` : text.replace(/^population:\n/m, 'population:\n  __proto__: {agents: 5}\n');
      break;
    default:
      break;
  }
  return { kind, text, what };
}

describe(`fuzz: ${CASES} mutated scenarios (seed ${SEED})`, () => {
  it(
    'every case exits 0 or 2 with one line, no stack trace, within its time limit; no plug-in code runs',
    async () => {
      const counts: Record<string, number> = { 0: 0, 2: 0 };
      const failures: string[] = [];
      let slowest = 0;
      for (let i = 0; i < CASES; i++) {
        const c = makeCase(i);
        const file = join(work, `case-${i}.yaml`);
        writeFileSync(file, c.text);
        const out = join(work, `out-${i}`);
        // a truncated file may have lost its sizes: the command line keeps the run tiny
        const sizes = c.kind === 'truncate' ? ['--agents', String(MAX_AGENTS), '--steps', String(MAX_STEPS)] : [];
        const r = await runMain(['run', file, ...sizes, '--out', out, '--quiet', '--no-figure']);
        slowest = Math.max(slowest, r.ms);
        if (process.env.SCORELAB_FUZZ_LOG) console.log(`${i} ${c.kind} ${r.code} ${r.ms.toFixed(0)} ${c.what.slice(0, 60)} :: ${r.stderr.slice(0, 150)}`);
        const tag = `case ${i} (${c.what})`;
        if (r.thrown) failures.push(`${tag}: threw ${(r.thrown as Error)?.stack ?? String(r.thrown)}`);
        else if (r.code !== 0 && r.code !== 2) failures.push(`${tag}: exit ${r.code}: ${r.stderr}`);
        else if (STACK_LINE.test(r.stderr) || /internal error/.test(r.stderr)) failures.push(`${tag}: stack trace: ${r.stderr}`);
        else if (r.code === 2 && r.stderr.trim().split('\n').length !== 1) failures.push(`${tag}: not one line: ${r.stderr}`);
        else if (r.code === 0 && !existsSync(join(out, 'steps.csv'))) failures.push(`${tag}: exit 0 without steps.csv`);
        else if (r.code === 0 && /NaN|Infinity/.test(readFileSync(join(out, 'steps.csv'), 'utf8') + readFileSync(join(out, 'agents.csv'), 'utf8'))) {
          failures.push(`${tag}: ran, but its tables hold NaN or Infinity`);
        }
        else if (r.ms > CASE_LIMIT_MS) failures.push(`${tag}: took ${r.ms.toFixed(0)} ms`);
        counts[String(r.code)] = (counts[String(r.code)] ?? 0) + 1;
        rmSync(out, { recursive: true, force: true });
        if (failures.length >= 5) break;
      }
      expect(failures, failures.join('\n\n')).toEqual([]);
      expect(existsSync(MARKER), 'a scenario plug-in module was executed').toBe(false);
      // the generator makes both kinds: cases that run and cases that are refused
      expect(counts[0]).toBeGreaterThan(CASES / 10);
      expect(counts[2]).toBeGreaterThan(CASES / 3);
      console.log(`fuzz: ${CASES} cases, ${counts[0]} ran, ${counts[2]} refused; slowest ${slowest.toFixed(0)} ms`);
    },
    Math.max(120_000, CASES * 2_000),
  );
});


