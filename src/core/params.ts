/**
 * Parameter tables for plug-ins: every parameter has a default, a unit, a schema, documentation
 * and (where it comes from a fact) a source. One check at the entry point (`resolveParams`)
 * turns a user's raw object into typed values, or a `UserError` naming the file and field.
 */
import { fieldError, didYouMean, UserError } from './errors.js';

/** One parameter: default, unit, meaning, source, and how a scenario's value is parsed and checked. */
export interface ParamDef<T = unknown> {
  default: T;
  unit: string;
  doc: string;
  source?: string;
  /** Human phrase of what is accepted, e.g. "a number between 0 and 1". */
  expected: string;
  /** Returns the parsed value, or undefined when the input is not acceptable. */
  parse(v: unknown): T | undefined;
  /** Bounds of a numeric parameter (declared, or the finite ones of `affordableBound`). */
  min?: number;
  max?: number;
  int?: boolean;
}

/** A plug-in's parameters by name (made with `num`, `prob`, `bool`, `oneOf`, `str` …). */
export type ParamTable = Record<string, ParamDef<any>>;
/** The values of a parameter table, typed (what `create(world, params)` receives). */
export type ParamValues<T extends ParamTable> = { [K in keyof T]: T[K] extends ParamDef<infer V> ? V : never };

/** Options of `num` (and `numList`, `numRecord`): bounds, integer, unit, meaning and source. */
export interface NumOpts {
  min?: number;
  max?: number;
  int?: boolean;
  unit?: string;
  doc: string;
  source?: string;
}

/**
 * A parameter declared without an upper (or lower) bound still gets one, so that every value a
 * scenario can give is finite and cannot overflow: an exponent, a log-scale or an sd-scale
 * parameter at most 100 (e^100 and 3^100 are still finite doubles), a duration in days at most
 * 1,000,000 (about 2,700 years, "never" for any run), anything else at most 1,000,000 or a
 * thousand times its default; the same bound below zero when no minimum is declared. Without it
 * `shockSd: 1e308` turned every wealth into NaN. Parameters whose value sets how much work or
 * memory a run takes have tighter bounds in `AFFORDABLE` below.
 */
export function affordableBound(def: number, unit: string): number {
  const d = Number.isFinite(def) ? Math.abs(def) : 0;
  const u = unit.trim();
  if (/exponent|^log|log-likelihood|nats|sd units|d′|^σ|^sd of/.test(u)) return Math.max(100, 10 * d);
  if (/^days?$/.test(u)) return Math.max(1_000_000, 10 * d);
  return Math.max(1_000_000, 1000 * d);
}

/**
 * Upper bounds of parameters whose value sets how much work or memory a run takes ("plug-in
 * id.parameter" → bound): a lookback that draws a prior history of records (records ∝ days),
 * events looped over each step, draws per tie, a window of ratings kept per provider. Checked by
 * `resolveParams` with the message "expected … (what a run can afford)".
 */
export const AFFORDABLE: Record<string, number> = {
  'sesame.historyDays': 36_500,
  'fico.expiryDays': 36_500,
  'platform-rating.tripsPerDay': 100,
  'platform-rating.window': 10_000,
  'platform-rating.minRatings': 10_000,
  'friend-cleanup.maxDraws': 1_000,
  'cleanup.draws': 1_000,
};

/** The options with the finite bounds filled in where the declaration gives none. */
function bounded(def: number | number[] | Record<string, number>, o: NumOpts): NumOpts {
  const vals = typeof def === 'number' ? [def] : Array.isArray(def) ? def : Object.values(def);
  const cap = Math.max(0, ...vals.map((v) => affordableBound(v, o.unit ?? '')));
  return { ...o, max: o.max ?? cap, min: o.min ?? -cap };
}

function numExpected(o: NumOpts): string {
  const what = o.int ? 'an integer' : 'a number';
  if (o.min !== undefined && o.max !== undefined) return `${what} between ${o.min} and ${o.max}`;
  if (o.min !== undefined) return `${what} ≥ ${o.min}`;
  if (o.max !== undefined) return `${what} ≤ ${o.max}`;
  return what;
}

function parseNum(v: unknown, o: NumOpts): number | undefined {
  const x = typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)) ? Number(v) : v;
  if (typeof x !== 'number' || !Number.isFinite(x)) return undefined;
  if (o.int && !Number.isInteger(x)) return undefined;
  if (o.min !== undefined && x < o.min) return undefined;
  if (o.max !== undefined && x > o.max) return undefined;
  return x;
}

/** A numeric parameter. */
export function num(def: number, o: NumOpts): ParamDef<number> {
  o = bounded(def, o);
  return { default: def, unit: o.unit ?? '', doc: o.doc, source: o.source, expected: numExpected(o), parse: (v) => parseNum(v, o), min: o.min, max: o.max, int: o.int };
}

/** A probability (number in [0, 1]). */
export function prob(def: number, o: Omit<NumOpts, 'min' | 'max'>): ParamDef<number> {
  return num(def, { ...o, min: 0, max: 1, unit: o.unit ?? 'probability' });
}

/** A yes/no parameter: `bool(false, { doc: 'publish names' })`. */
export function bool(def: boolean, o: { doc: string; source?: string }): ParamDef<boolean> {
  return {
    default: def,
    unit: '',
    doc: o.doc,
    source: o.source,
    expected: 'true or false',
    parse: (v) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined),
  };
}

/** A parameter that is one of a few strings: `oneOf('mean', ['mean', 'min'] as const, { doc })`. */
export function oneOf<T extends string>(def: T, values: readonly T[], o: { doc: string; source?: string }): ParamDef<T> {
  return {
    default: def,
    unit: '',
    doc: o.doc,
    source: o.source,
    expected: `one of ${values.map((x) => `'${x}'`).join(', ')}`,
    parse: (v) => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined),
  };
}

/** A string parameter: `str('default-list', { doc: 'list id' })`. */
export function str(def: string, o: { doc: string; source?: string }): ParamDef<string> {
  return { default: def, unit: '', doc: o.doc, source: o.source, expected: 'a string', parse: (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined) };
}

/** A list of numbers, each checked like `num`. Accepts "1,2,3" from the command line. */
export function numList(def: number[], o: NumOpts & { length?: number }): ParamDef<number[]> {
  o = { ...o, ...bounded(def, o) };
  return {
    default: def,
    unit: o.unit ?? '',
    doc: o.doc,
    source: o.source,
    expected: `a list of ${o.length ?? ''}${o.length ? ' ' : ''}numbers (${numExpected(o)} each)`,
    parse: (v) => {
      const arr = typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v;
      if (!Array.isArray(arr)) return undefined;
      if (o.length !== undefined && arr.length !== o.length) return undefined;
      const out: number[] = [];
      for (const x of arr) {
        const p = parseNum(x, o);
        if (p === undefined) return undefined;
        out.push(p);
      }
      return out;
    },
  };
}

/** A map from fixed keys to numbers (e.g. a point table); unknown keys are errors. */
export function numRecord<K extends string>(def: Record<K, number>, o: NumOpts): ParamDef<Record<K, number>> {
  o = bounded(def, o);
  const keys = Object.keys(def);
  return {
    default: def,
    unit: o.unit ?? '',
    doc: o.doc,
    source: o.source,
    expected: `an object with numeric keys among ${keys.join(', ')}`,
    parse: (v) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
      const out = { ...def } as Record<string, number>;
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (!keys.includes(k) || !Object.hasOwn(def, k)) return undefined;
        const p = parseNum(x, o);
        if (p === undefined) return undefined;
        out[k] = p;
      }
      return out as Record<K, number>;
    },
  };
}

/** Default values of a table. */
export function defaults<T extends ParamTable>(table: T): ParamValues<T> {
  const out: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(table)) out[k] = structuredClone(d.default);
  return out as ParamValues<T>;
}

/**
 * Validates a raw parameter object against a table. Unknown keys get a did-you-mean; values
 * that do not parse give "expected …, found …". `path` is the field path of the object itself.
 */
export function resolveParams<T extends ParamTable>(
  table: T,
  raw: unknown,
  file: string | undefined,
  path: string,
): ParamValues<T> {
  const out = defaults(table) as Record<string, unknown>;
  if (raw === undefined || raw === null) return out as ParamValues<T>;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw fieldError(file, path, 'an object of parameters', raw);
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    // own keys only: a parameter named `constructor` or `toString` is unknown, not Object's method
    const def = Object.hasOwn(table, k) ? table[k] : undefined;
    if (!def || typeof def.parse !== 'function') {
      const known = Object.keys(table);
      throw new UserError(
        `${file ? file + ': ' : ''}${path}.${k}: unknown parameter '${k}'${didYouMean(k, known)}; known: ${known.join(', ') || '(none)'}`,
        file,
        `${path}.${k}`,
      );
    }
    const p = def.parse(v);
    const cap = AFFORDABLE[`${path.slice(path.lastIndexOf('.') + 1)}.${k}`];
    if (cap !== undefined && (p === undefined || (typeof p === 'number' && p > cap))) {
      const lo = def.min !== undefined ? `between ${def.min} and ${cap}` : `≤ ${cap}`;
      throw fieldError(file, `${path}.${k}`, `${def.int ? 'an integer' : 'a number'} ${lo} (what a run can afford)`, v);
    }
    if (p === undefined) throw fieldError(file, `${path}.${k}`, def.expected, v);
    out[k] = p;
  }
  return out as ParamValues<T>;
}
