/**
 * Browser-safe parts of loading a scenario (split from load.ts, which reads files): the checks of
 * a parsed scenario tree (nesting, reserved keys) and `--set path=value` overrides. The CLI, the
 * library and the classroom page (src/app) apply overrides with this one function, so a `--set`
 * means the same everywhere.
 */
import YAML from 'yaml';
import { describeValue, UserError } from '../core/errors.js';

/** Deepest nesting of mappings and lists in a scenario (the schema needs 4). */
export const MAX_NESTING = 32;

/**
 * Checks parsed YAML (or an inline scenario) iteratively: nesting at most MAX_NESTING, no key
 * `__proto__` (a plain object would drop it silently or change its own prototype).
 */
export function checkTree(value: unknown, file: string): void {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_NESTING) throw new UserError(`${file}: ${path || '(top level)'}: expected at most ${MAX_NESTING} levels of nested mappings and lists, found more`, file, path);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, path ? `${path}.${i}` : String(i), depth + 1]));
    else {
      for (const k of Object.keys(v)) {
        const at = path ? `${path}.${k}` : k;
        if (k === '__proto__') throw new UserError(`${file}: ${at}: expected a field name, found the reserved key '__proto__'`, file, at);
        stack.push([(v as Record<string, unknown>)[k], at, depth + 1]);
      }
    }
  }
}

/** Path segments `--set` may not write (they would reach an object's prototype). */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** Applies `path.to.field=value` overrides; values are parsed as YAML scalars (numbers, booleans, lists). */
export function applySets(raw: Record<string, unknown>, sets: string[]): Record<string, unknown> {
  const out = structuredClone(raw);
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UserError(`--set: expected path.to.param=value, found ${describeValue(s)}`, undefined, '--set');
    const path = s.slice(0, eq).trim().split('.');
    const bad = path.find((seg) => FORBIDDEN_SEGMENTS.has(seg) || seg === '');
    if (bad !== undefined) throw new UserError(`--set ${s}: expected a dotted field path, found the segment '${bad}'`, undefined, path.join('.'));
    const text = s.slice(eq + 1);
    let value: unknown;
    try {
      value = text === '' ? null : YAML.parse(text);
    } catch {
      value = text;
    }
    let obj: Record<string, unknown> = out;
    for (const seg of path.slice(0, -1)) {
      const next = Object.hasOwn(obj, seg) ? obj[seg] : undefined;
      if (next === undefined || next === null) obj[seg] = {};
      else if (typeof next !== 'object' || Array.isArray(next)) {
        throw new UserError(`--set ${s}: '${seg}' is ${describeValue(next)}, not an object of fields`, undefined, path.join('.'));
      }
      obj = obj[seg] as Record<string, unknown>;
    }
    obj[path[path.length - 1]!] = value;
  }
  return out;
}
