/**
 * User-facing errors. A `UserError` is a mistake in the user's input (a scenario file, a flag, a
 * graph file): the CLI prints its message and exits with code 2, never a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** The file the mistake is in, when there is one. */
    readonly file?: string,
    /** Dotted path of the field, e.g. `regimes.fico.weight`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Builds the standard message: `<file>: <field>: expected <expected>, found <found>`. */
export function fieldError(file: string | undefined, field: string, expected: string, found: unknown): UserError {
  const where = [file, field || '(top level)'].filter(Boolean).join(': ');
  return new UserError(`${where}: expected ${expected}, found ${describeValue(found)}`, file, field);
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return `an object with keys ${Object.keys(v as object).slice(0, 6).join(', ') || '(none)'}`;
  return typeof v;
}

/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** ` (did you mean 'x'?)` for the closest candidate, or '' when none is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  let best = '';
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best && bestD <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean '${best}'?)` : '';
}

/**
 * An error thrown inside a plug-in that is not part of scorelab (a user's regime, safeguard, …):
 * the CLI names the plug-in, the hook and the file and line it was thrown at, and exits 1 — it is
 * neither the user's input (exit 2) nor scorelab's own bug ("internal error"). Also a plug-in's
 * breach of its contract, such as a `record()` column its spec does not declare.
 */
export class PluginError extends Error {
  constructor(
    readonly plugin: string,
    readonly hook: string,
    /** `file:line:column` of the frame that threw, inside the plug-in's own file. */
    readonly at: string | null,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`plug-in '${plugin}' failed in its ${hook} hook${at ? ` (${at})` : ''}: ${message}`, options);
    this.name = 'PluginError';
  }
}

const OWN_ROOT = (() => {
  // this file is <root>/src/core/errors.ts or <root>/dist/core/errors.js
  const url = import.meta.url;
  const at = url.search(/\/(?:src|dist)\/core\/errors\.[jt]s$/);
  return at > 0 ? url.slice(0, at + 1) : null;
})();

/** The first stack frame outside scorelab itself, as `file:line:column`; null when the error is scorelab's own. */
export function foreignFrame(e: unknown): string | null {
  const stack = e instanceof Error && typeof e.stack === 'string' ? e.stack : '';
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/|\/|[A-Za-z]:\\)[^()\s]*?):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!m) continue;
    const file = m[1]!;
    const url = file.startsWith('file://') ? file : `file://${file}`;
    if (url.startsWith('file://node:') || url.includes('/node_modules/')) continue;
    if (OWN_ROOT && (url.startsWith(`${OWN_ROOT}src/`) || url.startsWith(`${OWN_ROOT}dist/`))) return null; // scorelab's own code threw first
    // relative to the working folder when inside it, so that a message (and failures.csv) names no machine's folders
    const path = file.replace(/^file:\/\//, '');
    const cwd = typeof process !== 'undefined' && process.cwd ? process.cwd().replace(/\\/g, '/') + '/' : null;
    return `${cwd && path.startsWith(cwd) ? path.slice(cwd.length) : path}:${m[2]}:${m[3]}`;
  }
  return null;
}

/**
 * Runs one hook of a plug-in: an error thrown by the plug-in's own code becomes a PluginError
 * naming it; scorelab's own errors (and UserErrors) pass through unchanged.
 */
export function inPlugin<T>(plugin: string, hook: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError || e instanceof PluginError) throw e;
    const at = foreignFrame(e);
    if (!at) throw e;
    throw new PluginError(plugin, hook, at, e instanceof Error ? e.message : String(e), { cause: e });
  }
}
