/**
 * Parameter tables for plug-ins: every parameter has a default, a unit, a schema, documentation
 * and (where it comes from a fact) a source. One check at the entry point (`resolveParams`)
 * turns a user's raw object into typed values, or a `UserError` naming the file and field.
 */
import { fieldError, didYouMean, UserError } from './errors.js';

export interface ParamDef<T = unknown> {
  default: T;
  unit: string;
  doc: string;
  source?: string;
  /** Human phrase of what is accepted, e.g. "a number between 0 and 1". */
  expected: string;
  /** Returns the parsed value, or undefined when the input is not acceptable. */
  parse(v: unknown): T | undefined;
}

export type ParamTable = Record<string, ParamDef<any>>;
export type ParamValues<T extends ParamTable> = { [K in keyof T]: T[K] extends ParamDef<infer V> ? V : never };

interface NumOpts {
  min?: number;
  max?: number;
  int?: boolean;
  unit?: string;
  doc: string;
  source?: string;
}

/**
 * A parameter declared without an upper (or lower) bound still gets one that a run can afford:
 * a duration in days at most a century (or ten times its default), a rate per day at most 100 (or
 * twenty times its default), anything else at most 1,000 (or a hundred times its default), and
 * the same bound below zero when no minimum is declared. Without it `historyDays: 1e12` asks for
 * an array of that size, `tripsPerDay: 1e15` never finishes a step and `shockSd: 1e308` turns
 * every wealth into NaN.
 */
export function affordableBound(def: number, unit: string): number {
  const d = Number.isFinite(def) ? Math.abs(def) : 0;
  if (/^days?$/.test(unit.trim())) return Math.max(36_500, 10 * d);
  if (/per (day|staff per day|judge per day)$/.test(unit.trim())) return Math.max(100, 20 * d);
  return Math.max(1_000, 100 * d);
}

/** The options with the affordable bounds filled in where the declaration gives none. */
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
  return { default: def, unit: o.unit ?? '', doc: o.doc, source: o.source, expected: numExpected(o), parse: (v) => parseNum(v, o) };
}

/** A probability (number in [0, 1]). */
export function prob(def: number, o: Omit<NumOpts, 'min' | 'max'>): ParamDef<number> {
  return num(def, { ...o, min: 0, max: 1, unit: o.unit ?? 'probability' });
}

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
    if (p === undefined) throw fieldError(file, `${path}.${k}`, def.expected, v);
    out[k] = p;
  }
  return out as ParamValues<T>;
}
