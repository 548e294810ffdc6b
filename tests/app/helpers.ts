/**
 * Browser-test helpers for the classroom page (issue 12): find Chromium, start `scorelab serve`,
 * open the page as a user would, read downloads and screenshots, and run the CLI for comparison.
 *
 * Chromium comes from the system (the Debian package `chromium`, or SCORELAB_CHROMIUM=path) and is
 * driven by playwright-core, which downloads no browser. Without Chromium, or without the built
 * page (dist/app/, made by `npm run build`), the browser tests are skipped with the reason on a
 * developer's machine — but with SCORELAB_BROWSER=1 (CI sets it in .ci/run) they fail instead: a
 * CI that silently skips its browser tests would be green while testing nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'scorelab.js');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'app');

/** The flags the platform notes recommend: no sandbox as root, WebGL through SwiftShader, no outside calls. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** The Chromium to drive: SCORELAB_CHROMIUM, else /usr/bin/chromium; null when neither exists. */
export function chromiumPath(): string | null {
  const env = process.env.SCORELAB_CHROMIUM;
  if (env) return existsSync(env) ? env : null;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return null;
}

/** True where the browser tests must run (CI): a missing browser or page is then a failure. */
export const BROWSER_REQUIRED = process.env.SCORELAB_BROWSER === '1';

/** Why the browser tests cannot run here, or null when they can. */
export function missing(): string | null {
  if (!chromiumPath()) {
    return process.env.SCORELAB_CHROMIUM
      ? `SCORELAB_CHROMIUM=${process.env.SCORELAB_CHROMIUM} does not exist`
      : 'no Chromium at /usr/bin/chromium (apt-get install chromium, or set SCORELAB_CHROMIUM=path)';
  }
  if (!existsSync(join(ROOT, 'dist', 'app', 'index.html'))) return 'the classroom page is not built (dist/app/index.html is missing; run `npm run build`)';
  return null;
}

/**
 * What a browser test file does about `missing()`: `skip` (a reason for describe.skipIf) on a
 * developer's machine; with SCORELAB_BROWSER=1, `fail` — the file then registers one failing test
 * that names the reason instead of skipping.
 */
export function availability(): { skip: string | null; fail: string | null } {
  const why = missing();
  if (!why) return { skip: null, fail: null };
  if (BROWSER_REQUIRED) return { skip: why, fail: `SCORELAB_BROWSER=1 but the browser tests cannot run: ${why}` };
  console.warn(`browser tests skipped: ${why}`);
  return { skip: why, fail: null };
}

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** Starts `scorelab serve --port 0` and resolves with the address it prints. */
export function startServer(timeoutMs = 30_000): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, SCORELAB_NO_PROGRESS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, 3000).unref();
    });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      void stop();
      fail(new Error(`scorelab serve printed no address within ${timeoutMs} ms; stdout: ${out} stderr: ${err}`));
    }, timeoutMs);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving the classroom page at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ url: m[1]!.endsWith('/') ? m[1]! : `${m[1]}/`, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`scorelab serve exited (${code}) before printing its address; stdout: ${out} stderr: ${err}`));
    });
  });
}

/** One headless Chromium (launch once per test file). */
export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh context (downloads accepted, fixed viewport so screenshots are comparable). */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
}

/** Opens the page at `url` (with an optional hash, e.g. 'network=off&preset=default') and waits for window.scorelab.ready. */
export async function openPage(ctx: BrowserContext, url: string, hash = ''): Promise<Page> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors?: string[] }).errors = errors;
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(hash ? `${url}#${hash}` : url);
  try {
    await page.waitForFunction(() => Boolean((window as unknown as { scorelab?: unknown }).scorelab), undefined, { timeout: 60_000 });
    await page.evaluate(async () => {
      await (window as unknown as { scorelab: { ready: Promise<unknown> } }).scorelab.ready;
      return true;
    });
  } catch (e) {
    const status = await page.locator('#status').textContent({ timeout: 1000 }).catch(() => '(no #status)');
    throw new Error(`the page at #${hash} did not get ready: ${(e as Error).message.split('\n')[0]}; #status: ${status}; page errors: ${JSON.stringify(errors)}; console errors: ${JSON.stringify(consoleErrors)}`);
  }
  return page;
}

/**
 * Waits until the page has rebuilt its world after a change of settings: `#status` (the aria-live
 * region) reads "Ready…". A change handler says "Building…" at once, so after an action that
 * rebuilds, this waits for that rebuild.
 */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => /^Ready/.test(document.querySelector('#status')?.textContent ?? ''), undefined, { timeout });
}

/** Uncaught errors the page threw since it was opened. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/** The tick counter as a number. */
export async function tick(page: Page, sel = '#tick'): Promise<number> {
  const t = (await page.locator(sel).textContent())?.trim() ?? '';
  if (!/^\d+$/.test(t)) throw new Error(`${sel}: expected a plain integer, found ${JSON.stringify(t)}`);
  return Number(t);
}

/** Waits until the tick counter reads at least `n`. */
export async function waitTick(page: Page, n: number, sel = '#tick', timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    ([s, k]) => Number(document.querySelector(s as string)?.textContent?.trim()) >= (k as number),
    [sel, n] as const,
    { timeout },
  );
}

/**
 * After Pause: waits until the counter stops (a batch under way when Pause was pressed may still
 * land), then returns the step it stopped at. Fails if it never stops.
 */
export async function settledTick(page: Page, sel = '#tick', timeout = 10_000): Promise<number> {
  const end = Date.now() + timeout;
  let t = await tick(page, sel);
  for (;;) {
    await page.waitForTimeout(300);
    const u = await tick(page, sel);
    if (u === t) return t;
    if (Date.now() > end) throw new Error(`${sel} still moves ${timeout} ms after Pause (${t} → ${u})`);
    t = u;
  }
}

/** Presses Step `n` times (clicks), waiting for the counter after each. */
export async function stepTimes(page: Page, n: number): Promise<void> {
  const start = await tick(page);
  for (let i = 1; i <= n; i++) {
    await page.click('#step');
    await waitTick(page, start + i);
  }
}

/** The rows the page has recorded (read only; numbers come from window.scorelab). */
export async function rows(page: Page, which: 'rows' | 'rowsB' = 'rows'): Promise<Record<string, unknown>[]> {
  return page.evaluate((w) => (window as unknown as Record<string, Record<string, () => Record<string, unknown>[]>>).scorelab![w]!(), which);
}

export function parseCsv(text: string): { columns: string[]; rows: Record<string, string>[] } {
  const lines = text.replace(/\r\n/g, '\n').trim().split('\n');
  const columns = lines[0]!.split(',');
  return { columns, rows: lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v]))) };
}

/** `scorelab run` for comparison: its steps.csv as columns and rows. */
export function cliSteps(preset: string, o: { seed: number; agents: number; steps: number; set?: string[] }): { columns: string[]; rows: Record<string, string>[] } {
  const out = join(mkdtempSync(join(tmpdir(), 'scorelab-app-')), 'run');
  const args = [BIN, 'run', preset, '--seed', String(o.seed), '--agents', String(o.agents), '--steps', String(o.steps), '--no-figure', '--quiet', '--out', out];
  for (const s of o.set ?? []) args.push('--set', s);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, SCORELAB_NO_PROGRESS: '1' } });
  if (r.status !== 0) throw new Error(`scorelab ${args.slice(1).join(' ')} failed (${r.status}): ${r.stderr}`);
  return parseCsv(readFileSync(join(out, 'steps.csv'), 'utf8'));
}

/** Clicks `selector` and returns the download it starts: file name and bytes. */
export async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click(selector)]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path!) };
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR, after checking its signature; null if it is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Distinct colours in a PNG (e.g. a screenshot of the network), decoded by the browser itself
 * (an <img> drawn on a 2D canvas) so no PNG library is needed. Colours are quantised to 5 bits a
 * channel, so anti-aliasing noise alone does not count as content.
 */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add(((d[i]! >> 3) << 10) | ((d[i + 1]! >> 3) << 5) | (d[i + 2]! >> 3));
    return seen.size;
  }, png.toString('base64'));
}

export function artifactsDir(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/** The accessible name of an element as the accessibility tree computes it (label, aria-label, text). */
export async function accessibleName(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((el) => {
    const e = el as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> | null };
    const aria = e.getAttribute('aria-label');
    if (aria?.trim()) return aria.trim();
    const by = e.getAttribute('aria-labelledby');
    if (by) {
      const t = by.split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
      if (t) return t;
    }
    const labels = e.labels ? Array.from(e.labels).map((l) => l.textContent?.trim() ?? '').join(' ').trim() : '';
    if (labels) return labels;
    if (e.tagName === 'BUTTON' || e.tagName === 'A' || e.tagName === 'SUMMARY') return e.textContent?.trim() ?? '';
    return e.getAttribute('title')?.trim() ?? '';
  });
}
