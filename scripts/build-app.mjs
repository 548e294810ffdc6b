#!/usr/bin/env node
// Builds the classroom page into dist/app/: index.html (with its content-security policy),
// app.js (the page), worker.js (the simulation: src/core, src/scenario, src/regimes … bundled,
// the same code as the CLI), app.css. The presets are read from scenarios/*.yaml now and embedded
// in app.js, so the folder works from any static host and offline. `scorelab serve` sends the
// policy of index.html's <meta> as a header too.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src', 'app');
const out = join(root, 'dist', 'app');

/** The page's content-security policy: no inline script, no eval, nothing from another origin. */
export const CSP = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'";

const presets = readdirSync(join(root, 'scenarios'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => {
    const raw = YAML.parse(readFileSync(join(root, 'scenarios', f), 'utf8'));
    return { name: f.replace(/\.ya?ml$/, ''), title: String(raw.title ?? raw.name ?? ''), description: String(raw.description ?? ''), watch: String(raw.watch ?? ''), raw };
  });

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // the table code loads parquet-wasm through node:module only when writing Parquet (CLI only)
  alias: { 'node:module': join(src, 'shims', 'node-module.ts') },
  define: { 'process.env.NODE_ENV': '"production"' },
};
await build({ ...common, entryPoints: { app: join(src, 'main.ts') }, outdir: out, define: { ...common.define, __SCORELAB_PRESETS__: JSON.stringify(presets) } });
await build({ ...common, entryPoints: { worker: join(src, 'worker.ts') }, outdir: out });
writeFileSync(join(out, 'index.html'), readFileSync(join(src, 'index.html'), 'utf8').replace('%CSP%', CSP));
copyFileSync(join(src, 'app.css'), join(out, 'app.css'));

const sizes = readdirSync(out)
  .map((f) => `${f} ${(statSync(join(out, f)).size / 1024).toFixed(0)} kB`)
  .join(', ');
console.log(`scorelab: built the classroom page in dist/app/ (${sizes})`);
