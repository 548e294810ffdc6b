/**
 * Ground truth is for metrics only (issue "Mechanisms, not parameters"; src/core/truth.ts).
 *
 * 1. Structural rule, read from the sources: no plug-in (src/regimes, src/safeguards, src/adaptation,
 *    src/observation, src/behaviour) reads a truth label — `isMistaken(` only inside a `record` hook
 *    (where a plug-in reports wrongful counts as columns), and never the core-internal reads
 *    (PEEK_TRUTH, peekMistaken, CORE_TOKEN), a `.mistaken` field, or the lists' wrongful counters.
 *    Deciders may not read the true acts either: `world.acts` only in observation (the sensors of
 *    the world), behaviour (which writes them) and the adaptations where a person witnesses acts.
 *    The core helpers that plug-ins decide with (src/core/decider.ts — the one Decider of the
 *    safeguards and the court —, points.ts, friend-effect.ts) are held to the same rule.
 * 2. Runtime rule: a read of the label outside the record stage throws GroundTruthError; the same
 *    read from a record hook and from a metric works.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRegime, registerPlugin, runScenario } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '..', '..', 'src');
const PLUGIN_DIRS = ['regimes', 'safeguards', 'adaptation', 'observation', 'behaviour'];
/** Core helpers that plug-ins decide with: under the plug-ins' rule. */
const CORE_HELPERS = ['core/decider.ts', 'core/points.ts', 'core/friend-effect.ts'];
/** Files where a person or a sensor sees true acts (observation by people). */
const ACT_READERS = new Set(['observation', 'behaviour']);
const WITNESSES = new Set(['adaptation/informing.ts']);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Source without comments (block and line) and string contents, so docs may mention the words. */
function code(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length))
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, (m) => `'${' '.repeat(Math.max(0, m.length - 2))}'`);
}

/** [start, end) ranges of the bodies of `record` hooks. */
function recordBodies(src: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\brecord\s*(?:\(\)\s*(?::[^{]*)?\{|:\s*\(\)\s*=>\s*(?:\(\s*)?\{)/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    let depth = 0;
    let k = m.index + m[0].length - 1;
    for (; k < src.length; k++) {
      const ch = src[k];
      if (ch === '{' || ch === '(' || ch === '[') depth++;
      else if (ch === '}' || ch === ')' || ch === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    out.push([m.index, k + 1]);
  }
  return out;
}

describe('ground truth is for metrics only', () => {
  const sources = [
    ...PLUGIN_DIRS.flatMap((d) => files(join(ROOT, d)).map((f) => ({ dir: d, rel: f.slice(ROOT.length + 1), src: code(readFileSync(f, 'utf8')) }))),
    ...CORE_HELPERS.map((rel) => ({ dir: 'core', rel, src: code(readFileSync(join(ROOT, rel), 'utf8')) })),
  ];

  it('finds the plug-in sources', () => {
    expect(sources.length).toBeGreaterThan(40);
    expect(sources.map((x) => x.rel)).toContain('core/decider.ts');
  });

  it('no plug-in reads a truth label outside its record hook', () => {
    const bad: string[] = [];
    for (const { rel, src } of sources) {
      for (const pat of [/PEEK_TRUTH/g, /peekMistaken/g, /CORE_TOKEN/g, /\.mistaken\b/g, /\.wrongful\b/g, /trueOwed/g, /trueCount/g]) {
        for (let m = pat.exec(src); m; m = pat.exec(src)) bad.push(`${rel}: ${m[0]}`);
      }
      const bodies = recordBodies(src);
      const re = /isMistaken\s*\(/g;
      for (let m = re.exec(src); m; m = re.exec(src)) {
        const at = m.index;
        if (!bodies.some(([a, b]) => at >= a && at < b)) {
          const line = src.slice(0, at).split('\n').length;
          bad.push(`${rel}:${line}: isMistaken outside record()`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('only sensors, behaviour and witnesses read the true acts', () => {
    const bad: string[] = [];
    for (const { dir, rel, src } of sources) {
      if (ACT_READERS.has(dir) || WITNESSES.has(rel)) continue;
      if (/\bworld\.acts\b|\bw\.acts\b/.test(src)) bad.push(rel);
    }
    expect(bad).toEqual([]);
  });

  it('the static check catches a read outside record() (the check can fail)', () => {
    const src = code('x = { sanction() { if (list.isMistaken(i)) y++; }, record() { return { a: list.isMistaken(0) ? 1 : 0 }; } }');
    const bodies = recordBodies(src);
    const hits = [...src.matchAll(/isMistaken\s*\(/g)].map((m) => bodies.some(([a, b]) => m.index! >= a && m.index! < b));
    expect(hits).toEqual([false, true]);
  });

  const world = (peekAt: 'sanction' | 'record') =>
    defineRegime({
      id: `peek-${peekAt}`,
      title: 'reads truth',
      summary: 'test fixture',
      doc: 'test fixture',
      sources: [],
      params: {},
      columns: ['peeked'],
      create(w) {
        const list = w.lists.get('peek', 'black');
        let peeked = 0;
        return {
          score() {
            const r = w.records;
            for (let k = 0; k < r.length; k++) {
              const i = r.agent[k]!;
              if (!list.on[i]) w.lists.propose({ list, agent: i, day: w.day, cause: r.cause(k), severity: 1, termDays: 1e9 });
            }
          },
          sanction() {
            if (peekAt === 'sanction') for (let i = 0; i < w.n; i++) list.isMistaken(i);
          },
          record() {
            peeked = 0;
            for (let i = 0; i < w.n; i++) if (list.isMistaken(i)) peeked++;
            return { peeked };
          },
        };
      },
    });

  it('a read outside the record stage throws GroundTruthError; record hooks and metrics may read', async () => {
    const scenario = (id: string) => ({
      seed: 1,
      steps: 20,
      population: { agents: 300 },
      graph: { model: 'erdos-renyi' as const, meanDegree: 4 },
      observation: { misidentification: { baseRate: 0.01 } },
      regimes: { [id]: {} },
      metrics: ['wrongful_listed_share'],
    });
    registerPlugin(world('sanction'));
    registerPlugin(world('record'));
    await expect(runScenario(scenario('peek-sanction'))).rejects.toThrow(/ground truth .* is for metrics only/);
    const ok = await runScenario(scenario('peek-record'));
    const last = ok.rows.at(-1)!;
    expect(last.peeked).toBeGreaterThan(0);
    expect(last.wrongful_listed_share).toBeCloseTo((last.peeked as number) / 300, 12);
  });
});
