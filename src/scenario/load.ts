/**
 * Loading scenarios in Node: presets by name (scenarios/<name>.yaml in the package), YAML files,
 * plug-in modules named in the scenario (`plugins: [./my-regime.ts]`), `--set path=value`
 * overrides, and graph files. Every user mistake becomes a UserError naming the file and field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';
import type { AnyPlugin } from '../core/contracts.js';
import { didYouMean, describeValue, UserError } from '../core/errors.js';
import { readGraphFile } from '../graphs/io.js';
import type { LoadedGraph } from './build.js';
import { registerPlugin } from './registry.js';
import { resolveScenario, type ResolvedScenario } from './resolve.js';
import { checkScenario } from './schema.js';

/** Root of the installed package (holds scenarios/ and experiments/). */
export const PACKAGE_ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PRESET_DIR = resolvePath(PACKAGE_ROOT, 'scenarios');

export interface PresetInfo {
  name: string;
  file: string;
  title: string;
  description: string;
}

/** Preset scenarios shipped in scenarios/. */
export function listPresets(): PresetInfo[] {
  if (!existsSync(PRESET_DIR)) return [];
  return readdirSync(PRESET_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const file = resolvePath(PRESET_DIR, f);
      let doc: Record<string, unknown> = {};
      try {
        doc = (YAML.parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
      } catch {
        /* listed anyway; running it reports the error */
      }
      return {
        name: f.replace(/\.ya?ml$/, ''),
        file,
        title: String(doc.title ?? doc.name ?? ''),
        description: String(doc.description ?? ''),
      };
    });
}

/** A file path, or the path of a preset with that name. */
export function locateScenario(ref: string): string {
  const shown = (abs: string) => {
    const rel = relative(process.cwd(), abs);
    return rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  };
  if (existsSync(ref) && statSync(ref).isFile()) return shown(resolvePath(ref));
  const presets = listPresets();
  const hit = presets.find((p) => p.name === ref);
  if (hit) return shown(hit.file);
  const looksLikePath = /[\\/]|\.ya?ml$/.test(ref);
  throw new UserError(
    looksLikePath
      ? `${ref}: no such scenario file`
      : `no scenario file or preset named '${ref}'${didYouMean(ref, presets.map((p) => p.name))}; presets: ${presets.map((p) => p.name).join(', ')}`,
    ref,
  );
}

/** Parses YAML with line/column in errors. */
export function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const pos = err.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : 'YAML';
    const first = err.message.split('\n')[0];
    throw new UserError(`${file}: ${where}: malformed YAML: ${first}`, file);
  }
  return doc.toJS();
}

/** Applies `path.to.field=value` overrides; values are parsed as YAML scalars (numbers, booleans, lists). */
export function applySets(raw: Record<string, unknown>, sets: string[]): Record<string, unknown> {
  const out = structuredClone(raw);
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UserError(`--set: expected path.to.param=value, found ${describeValue(s)}`, undefined, '--set');
    const path = s.slice(0, eq).trim().split('.');
    const text = s.slice(eq + 1);
    let value: unknown;
    try {
      value = text === '' ? null : YAML.parse(text);
    } catch {
      value = text;
    }
    let obj: Record<string, unknown> = out;
    for (const seg of path.slice(0, -1)) {
      const next = obj[seg];
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

/** Imports a module of plug-ins (TypeScript through tsx, or JavaScript) and registers its exports. */
export async function loadPluginModule(path: string, from?: string): Promise<AnyPlugin[]> {
  const abs = isAbsolute(path) ? path : resolvePath(from ? dirname(from) : process.cwd(), path);
  if (!existsSync(abs)) throw new UserError(`${from ?? '--plugin'}: plugins: no such plug-in module '${path}'`, from, 'plugins');
  let mod: Record<string, unknown>;
  try {
    if (/\.[cm]?ts$/.test(abs)) {
      const { tsImport } = await import('tsx/esm/api');
      mod = (await tsImport(pathToFileURL(abs).href, import.meta.url)) as Record<string, unknown>;
    } else mod = (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
  } catch (e) {
    throw new UserError(`${abs}: cannot load plug-in module: ${(e as Error).message.split('\n')[0]}`, abs);
  }
  const found: AnyPlugin[] = [];
  const seen = new Set<unknown>();
  for (const v of Object.values(mod)) {
    const cands = Array.isArray(v) ? v : [v];
    for (const c of cands) {
      if (c && typeof c === 'object' && typeof (c as AnyPlugin).create === 'function' && typeof (c as AnyPlugin).id === 'string' && !seen.has(c)) {
        seen.add(c);
        registerPlugin(c as AnyPlugin);
        found.push(c as AnyPlugin);
      }
    }
  }
  if (!found.length) throw new UserError(`${abs}: the module exports no plug-in (made with defineRegime / definePlugin)`, abs);
  return found;
}

export interface LoadOptions {
  set?: string[];
  seed?: number;
  steps?: number;
  agents?: number;
  /** Extra plug-in modules (--plugin). */
  pluginModules?: string[];
}

export interface LoadedScenario {
  scenario: ResolvedScenario;
  graph?: LoadedGraph;
  plugins: AnyPlugin[];
}

/** Loads a scenario from an object already parsed (file is used in messages and for relative paths). */
export async function prepareScenario(raw: unknown, file: string, opts: LoadOptions = {}): Promise<LoadedScenario> {
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserError(`${file}: expected a mapping of scenario fields at the top level, found ${describeValue(raw)}`, file, '');
  }
  let obj = raw as Record<string, unknown>;
  const sets = [...(opts.set ?? [])];
  if (opts.seed !== undefined) sets.push(`seed=${opts.seed}`);
  if (opts.steps !== undefined) sets.push(`steps=${opts.steps}`);
  if (opts.agents !== undefined) sets.push(`population.agents=${opts.agents}`);
  obj = applySets(obj, sets);
  const plugins: AnyPlugin[] = [];
  const mods = obj.plugins;
  if (mods !== undefined && (!Array.isArray(mods) || mods.some((m) => typeof m !== 'string'))) {
    throw new UserError(`${file}: plugins: expected a list of module paths, found ${describeValue(mods)}`, file, 'plugins');
  }
  for (const m of (mods as string[] | undefined) ?? []) plugins.push(...(await loadPluginModule(m, file)));
  for (const m of opts.pluginModules ?? []) plugins.push(...(await loadPluginModule(m)));
  const checked = checkScenario(obj, file);
  const scenario = resolveScenario(checked, file);
  let graph: LoadedGraph | undefined;
  if (scenario.graph.file) {
    const gpath = isAbsolute(scenario.graph.file) ? scenario.graph.file : resolvePath(dirname(file), scenario.graph.file);
    graph = readGraphFile(gpath);
    scenario.population.agents = graph.keys.length;
  }
  return { scenario, graph, plugins };
}

/** Loads a scenario file or preset by name, applying overrides. */
export async function loadScenario(ref: string, opts: LoadOptions = {}): Promise<LoadedScenario> {
  const file = locateScenario(ref);
  return prepareScenario(readYaml(file), file, opts);
}
