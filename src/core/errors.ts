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
