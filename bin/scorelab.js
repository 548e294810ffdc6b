#!/usr/bin/env node
// The scorelab command. The compiled CLI lives in dist/ (built by `npm install` through `prepare`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, '..', 'dist', 'cli', 'main.js');
if (!existsSync(entry)) {
  console.error('scorelab: dist/ is missing; run `npm install` (or `npm run build`) in the scorelab folder first');
  process.exit(2);
}
// A reader that goes away (`scorelab run … | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
const { main } = await import(entry);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`scorelab: internal error (please report it): ${err && err.stack ? err.stack : err}`);
    process.exitCode = 1;
  },
);
