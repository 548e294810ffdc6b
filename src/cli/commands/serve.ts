/**
 * `scorelab serve`: serves the classroom page (dist/app, built by `npm run build`) on this
 * machine. Static files only — no code runs on the server — with the page's content-security
 * policy as a header, no CDN, so it works with the network unplugged. The same folder can be
 * copied to any static host.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { PACKAGE_ROOT } from '../../scenario/load.js';
import { intFlag, parse } from '../args.js';

export const usage = `Usage: scorelab serve [--port N] [--host ADDRESS]

Serves the classroom page on this machine: pick a preset, move a slider, press Run. Static files
only (dist/app, built by npm run build); works offline. Stop it with Ctrl-C.

Options:
  --port N        port to listen on (default 8080; 0 picks a free port)
  --host ADDRESS  address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for a classroom network)
  -h, --help      this help`;

/** Where the built page lives. */
export const APP_DIR = resolve(PACKAGE_ROOT, 'dist', 'app');

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The content-security policy of the built index.html (one source: scripts/build-app.mjs writes it there). */
export function pagePolicy(dir: string): string {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  if (!m) throw new UserError(`${join(dir, 'index.html')}: the page has no content-security policy; rebuild it with npm run build`);
  return m[1]!;
}

/** The file a request path names inside `dir`, or null (outside it, not a file, or malformed). */
export function fileFor(dir: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(dir, '.' + (path.startsWith('/') ? path : '/' + path));
  const rel = relative(dir, file);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function handler(dir: string, csp: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const headers: Record<string, string> = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', 'Referrer-Policy': 'no-referrer' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    const file = fileFor(dir, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

export async function serve(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } }, usage);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length) throw new UserError(`serve: expected no arguments, found ${positionals.join(' ')}`);
  const port = intFlag('port', values.port) ?? 8080;
  if (port > 65535) throw new UserError(`--port: expected a port between 0 and 65535, found ${port}`, undefined, '--port');
  const host = values.host ?? '127.0.0.1';
  if (!existsSync(join(APP_DIR, 'index.html')) || !existsSync(join(APP_DIR, 'app.js'))) {
    throw new UserError(`the classroom page is not built (${APP_DIR} is missing); run npm run build first`);
  }
  const server = createServer(handler(APP_DIR, pagePolicy(APP_DIR)));
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') fail(new UserError(`--port ${port}: the port is in use; choose another (--port 0 picks a free one)`, undefined, '--port'));
      else if (e.code === 'EACCES') fail(new UserError(`--port ${port}: not allowed to listen on this port; choose one above 1023`, undefined, '--port'));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') fail(new UserError(`--host ${host}: no such address on this machine`, undefined, '--host'));
      else fail(e);
    });
    server.listen(port, host, () => ok());
  });
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`scorelab: serving the classroom page at http://${shown}:${actual}/`);
  return new Promise<number>((done) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      server.close(() => done(0));
      server.closeAllConnections();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
