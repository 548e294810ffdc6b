/**
 * Documents that ship: the code cites only documents that are in the repository, and only
 * sections those documents have; the docs' own links resolve; the package ships docs/, a LICENSE
 * and a CITATION.cff whose version is the package's.
 *
 * Anchors are GitHub's: a heading's text in lower case, punctuation dropped, spaces to hyphens
 * (`## Court blacklist and Joint Punishment` → `#court-blacklist-and-joint-punishment`); a repeated
 * heading gets -1, -2 …. The same rule is in scripts/rewrite-citations.mjs.
 *
 * src/ once cited background files that do not ship (the project's model, calibration and metrics
 * notes); scripts/rewrite-citations.mjs moved every citation to the docs/ section that replaced it,
 * and this test keeps it so.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Names that look like a document but are not a citation (e.g. a file a command writes). */
const NOT_CITATIONS = new Set<string>([]);

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    out.add(k ? `${base}-${k}` : base);
  }
  return out;
}

const anchorCache = new Map<string, Set<string>>();
function anchors(path: string): Set<string> {
  if (!anchorCache.has(path)) anchorCache.set(path, anchorsOf(readFileSync(path, 'utf8')));
  return anchorCache.get(path)!;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const name of readdirSync(abs)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(abs, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(relative(ROOT, p), ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

interface Cite {
  file: string;
  line: number;
  name: string;
  anchor: string | null;
}

/** Every `something.md` (optionally `#anchor`) mentioned in a file. */
function citesIn(file: string): Cite[] {
  const text = readFileSync(file, 'utf8');
  const out: Cite[] = [];
  for (const m of text.matchAll(/(?<![\w.\/-])((?:\.{1,2}\/)*[\w][\w.\/-]*\.md)(?:#([\p{L}\p{N}_-]+))?/gu)) {
    out.push({ file: relative(ROOT, file), line: text.slice(0, m.index).split('\n').length, name: m[1]!, anchor: m[2] ?? null });
  }
  return out;
}

/** Where a cited name lies in the repository: the root, docs/, or beside the citing file; null if nowhere. */
function locate(c: Cite): string | null {
  const candidates = c.name.includes('/')
    ? [join(ROOT, c.name), resolve(ROOT, dirname(c.file), c.name)]
    : [join(ROOT, c.name), join(ROOT, 'docs', c.name)];
  for (const p of candidates) if (p.startsWith(ROOT + '/') && existsSync(p)) return p;
  return null;
}

const SRC = filesUnder('src', /\.(ts|mts|js|mjs|json)$/);
// this file talks about citations (docs/x.md#anchor) without making any
const CODE = [...SRC, ...filesUnder('tests', /\.(ts|mts|js|mjs)$/)].filter((f) => f !== import.meta.filename);
const DOCS = filesUnder('docs', /\.md$/);

describe('citations of documents', () => {
  it('finds the documents that ship', () => {
    for (const d of ['README.md', 'model.md', 'calibration.md', 'metrics.md']) expect(existsSync(join(ROOT, 'docs', d)), d).toBe(true);
  });

  // Skipped until `node scripts/rewrite-citations.mjs --write` has run (see the header).
  it('src/ cites only documents that are in the repository (docs/…, README.md, ARCHITECTURE.md)', () => {
    const missing = SRC.flatMap(citesIn)
      .filter((c) => !NOT_CITATIONS.has(c.name) && !locate(c))
      .map((c) => `${c.file}:${c.line}: ${c.name}`);
    expect(missing).toEqual([]);
  });

  it('every docs/x.md#anchor cited in src/ and tests/ names a section the document has', () => {
    const bad = CODE.flatMap(citesIn)
      .filter((c) => c.anchor && /(^|\/)docs\//.test(c.name))
      .filter((c) => {
        const p = locate(c);
        return !p || !anchors(p).has(c.anchor!);
      })
      .map((c) => `${c.file}:${c.line}: ${c.name}#${c.anchor}`);
    expect(bad).toEqual([]);
  });

  it('links between the docs resolve, anchors included', () => {
    const bad: string[] = [];
    for (const file of DOCS) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s]*?)(?:#([^)\s]+))?\)/g)) {
        const [, target, anchor] = m;
        if (/^[a-z]+:/.test(target!)) continue; // an outside address
        const path = target ? resolve(dirname(file), target) : file;
        if (!existsSync(path)) bad.push(`${relative(ROOT, file)}: ${target} does not exist`);
        else if (anchor && path.endsWith('.md') && !anchors(path).has(anchor)) bad.push(`${relative(ROOT, file)}: ${target}#${anchor} has no such section`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('scripts/cite-map.json replaces each background citation with a section that exists', () => {
    const map = JSON.parse(readFileSync(join(ROOT, 'scripts', 'cite-map.json'), 'utf8')) as { rules: { from: string; to: string }[] };
    expect(map.rules.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const { from, to } of map.rules) {
      expect(to, from).not.toMatch(/\b(MODEL|CALIBRATION|METRICS|BENCHMARK|STYLE|PLATFORM_NOTES)\.md\b/);
      for (const m of to.matchAll(/((?:docs\/)?[\w.-]+\.md)(?:#([\p{L}\p{N}_-]+))?/gu)) {
        const path = join(ROOT, m[1]!);
        if (!existsSync(path)) bad.push(`${to}: ${m[1]} is not in the repository`);
        else if (m[2] && !anchors(path).has(m[2])) bad.push(`${to}: no section #${m[2]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('what the package ships', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string; files: string[] };

  it('ships docs/', () => {
    expect(pkg.files).toContain('docs');
  });

  it('has an MIT LICENSE, as package.json says', () => {
    expect(pkg.license).toBe('MIT');
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(text).toMatch(/^MIT License/);
    expect(text).toContain('Copyright (c) 2026 the scorelab authors');
  });

  it('has a CITATION.cff (CFF 1.2.0) with the package version', () => {
    const text = readFileSync(join(ROOT, 'CITATION.cff'), 'utf8');
    const field = (k: string) => new RegExp(`^${k}:\\s*"?([^"\\n]+)"?\\s*$`, 'm').exec(text)?.[1];
    expect(field('cff-version')).toBe('1.2.0');
    expect(field('version')).toBe(pkg.version);
    expect(field('license')).toBe(pkg.license);
    expect(field('date-released')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const k of ['message', 'title', 'abstract']) expect(field(k), k).toBeTruthy();
    expect(text).toMatch(/^authors:\n\s+- name: "The scorelab authors"$/m);
  });
});
