/**
 * `scorelab serve`: static files of dist/app on localhost, the page's content-security policy as a
 * header, JavaScript as text/javascript, nothing outside the folder, a clean exit on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

let child: ChildProcess;
let base = '';

/** A GET with the path sent as written (fetch would resolve '..' before sending it). */
function rawGet(path: string): Promise<number> {
  const u = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('scorelab serve', () => {
  beforeAll(async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    base = await new Promise<string>((ok, fail) => {
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /^scorelab: serving the classroom page at (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
        if (m) ok(m[1]!);
      });
      child.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${err}`)));
    });
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the page with its content-security policy, and JavaScript as text/javascript', async () => {
    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    const html = await page.text();
    expect(html).toContain(`content="${csp}"`);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const app = await fetch(new URL('app.js', base));
    expect(app.status).toBe(200);
    expect(app.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(new URL('worker.js', base))).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(new URL('app.css', base))).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers 404 for unknown paths and for paths outside its folder', async () => {
    expect((await fetch(new URL('nope.js', base))).status).toBe(404);
    expect((await fetch(new URL('/../package.json', base))).status).toBe(404);
    expect(await rawGet('/../package.json')).toBe(404);
    expect(await rawGet('/%2e%2e/%2e%2e/package.json')).toBe(404);
    expect(await rawGet('/..%2f..%2fpackage.json')).toBe(404);
    expect((await fetch(base, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a port in use with a clear message', async () => {
    const port = new URL(base).port;
    const r = await new Promise<{ code: number | null; err: string }>((ok) => {
      const c = spawn(process.execPath, [BIN, 'serve', '--port', port], { cwd: ROOT });
      let err = '';
      c.stderr.on('data', (d) => (err += d));
      c.on('exit', (code) => ok({ code, err }));
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--port \d+: the port is in use/);
  });

  it('exits cleanly on SIGTERM', async () => {
    const code = await new Promise<number | null>((ok) => {
      child.on('exit', (c) => ok(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });
});
