#!/usr/bin/env node
/**
 * Rewrites citations of the background documents (MODEL.md, CALIBRATION.md, METRICS.md, and the
 * BENCHMARK.md, STYLE.md and PLATFORM_NOTES.md notes), which are not in the repository, into
 * citations of the documents that ship in docs/, after the table in scripts/cite-map.json.
 *
 *   node scripts/rewrite-citations.mjs            dry run: prints every change, writes nothing
 *   node scripts/rewrite-citations.mjs --write    applies the changes
 *   node scripts/rewrite-citations.mjs --check    only checks that every anchor the map cites exists
 *   options: --dirs src,tests (the folders to rewrite; default src and tests; the shipped
 *            scenarios and experiments also cite them: --dirs scenarios,experiments), --quiet,
 *            --verbose (every rule that matched nothing)
 *
 * Each rule's `from` is an exact string. One pass over each file: at each position the longest
 * `from` that matches is replaced by its `to`, so a replacement is never rewritten again. A file
 * changes only where a citation stood: everything else stays byte-identical (a file that is not
 * valid UTF-8 is skipped, not rewritten). Before writing, the script checks that every
 * `docs/x.md#anchor` the map produces exists in docs/ (exit 1 otherwise). At the end it lists
 * rules that matched nothing (the text they were written for has changed or gone; the document's
 * fallback rule still applies) and any citation of a background document left over.
 */
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const WRITE = args.includes('--write');
const CHECK_ONLY = args.includes('--check');
const QUIET = args.includes('--quiet');
const dirsArg = args.find((a) => a.startsWith('--dirs'));
const DIRS = (dirsArg?.includes('=') ? dirsArg.split('=')[1] : dirsArg ? args[args.indexOf(dirsArg) + 1] : 'src,tests').split(',').filter(Boolean);
const EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|ya?ml|md)$/;
const BACKGROUND = /\b(MODEL|CALIBRATION|METRICS|BENCHMARK|STYLE|PLATFORM_NOTES)\.md\b/g;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2 … */
export function anchorsOf(markdown) {
  const seen = new Map();
  const out = new Set();
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    out.add(k ? `${base}-${k}` : base);
  }
  return out;
}

function loadMap() {
  const map = JSON.parse(readFileSync(join(ROOT, 'scripts', 'cite-map.json'), 'utf8'));
  return map.rules;
}

/** Problems with the anchors the map cites: missing docs or missing sections. */
export function checkAnchors(rules) {
  const problems = [];
  const cache = new Map();
  for (const { to } of rules) {
    for (const m of to.matchAll(/((?:docs\/)?[\w.-]+\.md)(?:#([\p{L}\p{N}_-]+))?/gu)) {
      const [, file, anchor] = m;
      const path = join(ROOT, file);
      if (!existsSync(path)) {
        problems.push(`${to}: ${file} is not in the repository`);
        continue;
      }
      if (!anchor) continue;
      if (!cache.has(path)) cache.set(path, anchorsOf(readFileSync(path, 'utf8')));
      if (!cache.get(path).has(anchor)) problems.push(`${to}: ${file} has no section #${anchor}`);
    }
  }
  return problems;
}

function files(dir) {
  const out = [];
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return out;
  for (const name of readdirSync(abs)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(abs, name);
    if (statSync(p).isDirectory()) out.push(...files(relative(ROOT, p)));
    else if (EXT.test(name)) out.push(p);
  }
  return out;
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rewrites one text; returns the new text and the changes made (line, from, to). */
export function rewrite(text, rules, used = new Map()) {
  const byFrom = new Map(rules.map((r) => [r.from, r.to]));
  const pattern = new RegExp([...byFrom.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
  const changes = [];
  const out = text.replace(pattern, (m, offset) => {
    const to = byFrom.get(m);
    used.set(m, (used.get(m) ?? 0) + 1);
    changes.push({ line: text.slice(0, offset).split('\n').length, from: m, to });
    return to;
  });
  return { text: out, changes };
}

function main() {
  const rules = loadMap();
  const problems = checkAnchors(rules);
  if (problems.length) {
    console.error(`cite-map.json cites sections that do not exist:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  if (CHECK_ONLY) {
    console.log(`cite-map.json: ${rules.length} rules, every anchor exists`);
    return;
  }
  const used = new Map();
  let changedFiles = 0;
  let changes = 0;
  const leftover = [];
  for (const dir of DIRS) {
    for (const file of files(dir)) {
      const bytes = readFileSync(file);
      const text = bytes.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(bytes)) {
        console.warn(`skipped (not valid UTF-8): ${relative(ROOT, file)}`);
        continue;
      }
      const r = rewrite(text, rules, used);
      for (const m of r.text.matchAll(BACKGROUND)) leftover.push(`${relative(ROOT, file)}:${r.text.slice(0, m.index).split('\n').length}: ${m[0]}`);
      if (!r.changes.length) continue;
      changedFiles++;
      changes += r.changes.length;
      if (!QUIET) {
        console.log(relative(ROOT, file));
        for (const c of r.changes) console.log(`  ${c.line}: ${c.from}  →  ${c.to}`);
      }
      if (WRITE) writeFileSync(file, r.text);
    }
  }
  const unused = rules.filter((r) => !used.has(r.from)).map((r) => r.from);
  console.log(`${WRITE ? 'rewrote' : 'would rewrite'} ${changes} citation(s) in ${changedFiles} file(s) under ${DIRS.join(', ')}${WRITE ? '' : ' (dry run; --write to apply)'}`);
  if (unused.length) {
    const shown = unused.length <= 20 || args.includes('--verbose') ? unused : unused.slice(0, 20);
    console.log(`rules that matched nothing (${unused.length}): ${shown.map((u) => JSON.stringify(u)).join(', ')}${shown.length < unused.length ? ', … (--verbose for all)' : ''}`);
  }
  if (leftover.length) console.log(`citations of background documents left over:\n  ${leftover.join('\n  ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
