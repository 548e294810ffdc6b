/**
 * Loading scenarios in Node: presets by name (scenarios/<name>.yaml in the package), YAML files,
 * plug-in modules named in the scenario (`plugins: [./my-regime.ts]`), `--set path=value`
 * overrides, and graph files. Every user mistake becomes a UserError naming the file and field.
 *
 * A scenario file is data that may come from anyone, so reading one is guarded: a regular file
 * of bounded size, YAML aliases bounded (no alias bombs), nesting bounded (no stack overflow),
 * no `__proto__` keys, and an empty file refused. A scenario's `plugins:` modules are code: they
 * are imported only when the caller allows it (`allowPlugins`, the CLI's --allow-plugins) or
 * names the same module itself (`pluginModules`, --plugin); `skipPlugins` (describe) never
 * imports them and reports what it left out.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync, constants as FS } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';
import type { AnyPlugin } from '../core/contracts.js';
import { didYouMean, describeValue, UserError } from '../core/errors.js';
import { readGraphFile } from '../graphs/io.js';
import type { LoadedGraph } from './build.js';
import { findPlugin, registerPlugin } from './registry.js';
import { isDefinedMetric, registerMetric } from '../metrics/registry.js';
import { isGraphSpec, registerGraph } from '../graphs/registry.js';
import { checkRunnable } from './build.js';
import { resolveScenario, type ResolvedScenario } from './resolve.js';
import { checkScenario } from './schema.js';
import { applySets, checkTree, MAX_NESTING } from './sets.js';

export { applySets, checkTree, MAX_NESTING };

/** Root of the installed package (holds scenarios/ and experiments/). */
export const PACKAGE_ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PRESET_DIR = resolvePath(PACKAGE_ROOT, 'scenarios');

/** A preset scenario shipped with the package: name, file, title, description. */
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

/** Largest scenario file read (bytes); presets are a few kB. */
export const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;
/** Most YAML aliases resolved in one file (the yaml package's guard against alias bombs). */
export const MAX_ALIASES = 100;

/** Reads a regular text file of bounded size (a FIFO or device is refused without waiting). */
function readTextFile(file: string, max: number): string {
  let fd: number;
  try {
    fd = openSync(file, FS.O_RDONLY | (FS.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new UserError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UserError(`${file}: expected a regular file, found ${st.isFIFO() ? 'a FIFO (named pipe)' : st.isDirectory() ? 'a folder' : 'a device or other special file'}`, file);
    if (st.size > max) throw new UserError(`${file}: expected a scenario file of at most ${max} bytes, found ${st.size} bytes`, file);
    const buf = Buffer.alloc(st.size);
    let got = 0;
    for (let k = 1; got < st.size && k > 0; got += k) k = readSync(fd, buf, got, st.size - got, null);
    return buf.subarray(0, got).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Deepest bracket nesting and indentation of YAML text, to refuse what would overflow the parser. */
function textDepth(text: string): { brackets: number; indent: number } {
  let depth = 0;
  let brackets = 0;
  let indent = 0;
  let col = 0;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      col = 0;
      atStart = true;
      continue;
    }
    if (atStart && (c === 32 || c === 45 /* '-' */)) {
      col++;
      if (col > indent) indent = col;
      continue;
    }
    atStart = false;
    if (c === 91 || c === 123) brackets = Math.max(brackets, ++depth);
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return { brackets, indent };
}

/** Parses YAML with line/column in errors. */
export function readYaml(file: string): unknown {
  const text = readTextFile(file, MAX_SCENARIO_BYTES);
  const { brackets, indent } = textDepth(text);
  if (brackets > MAX_NESTING || indent > 4 * MAX_NESTING + 64) {
    throw new UserError(`${file}: expected at most ${MAX_NESTING} levels of nested mappings and lists, found ${brackets > MAX_NESTING ? `${brackets} nested brackets` : `lines indented by ${indent} columns`}`, file);
  }
  let js: unknown;
  try {
    const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
      const err = doc.errors[0]!;
      const pos = err.linePos?.[0];
      const where = pos ? `line ${pos.line}, column ${pos.col}` : 'YAML';
      const first = (err.message.split('\n')[0] ?? '').replace(/:$/, '');
      throw new UserError(`${file}: ${where}: malformed YAML: ${first}`, file);
    }
    js = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    if (e instanceof UserError) throw e;
    const m = ((e as Error).message ?? String(e)).split('\n')[0];
    if (/alias/i.test(m)) {
      throw new UserError(`${file}: YAML aliases: expected anchors defined before use and at most ${MAX_ALIASES} aliases resolved, found: ${m}`, file);
    }
    if (e instanceof RangeError) throw new UserError(`${file}: expected at most ${MAX_NESTING} levels of nested mappings and lists, found too deep a nesting to parse`, file);
    throw new UserError(`${file}: malformed YAML: ${m}`, file);
  }
  if (js === null || js === undefined) {
    throw new UserError(`${file}: expected a mapping of scenario fields (such as 'name:' and 'population:'), found an empty file`, file, '');
  }
  checkTree(js, file);
  return js;
}

/**
 * Plug-in modules already imported in this process, by path and modification time: a sweep or a
 * script that builds many scenarios naming one module loads it once (each import through tsx took
 * 1–3 s), and an edited file is imported afresh.
 */
const moduleCache = new Map<string, Promise<Record<string, unknown>>>();

/**
 * A resolve hook that makes a TypeScript file (.ts, .tsx, .mts; not .cts, not in node_modules) an
 * ES module whatever its folder's package.json says. Without it, tsx compiles a `.ts` plug-in in a
 * folder without `"type": "module"` (or with `"type": "commonjs"`) as CommonJS, and importing
 * 'scorelab' from it fails (a dependency uses top-level await, which CommonJS cannot hold).
 * Registered once per thread, before the first TypeScript import; a data: URL, so it needs no file.
 */
const ESM_TS_HOOK = `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (r && typeof r.url === 'string' && r.url.startsWith('file:') && /\\.(ts|tsx|mts)([?#].*)?$/.test(r.url) && !r.url.includes('/node_modules/') && (r.format === undefined || r.format === null || r.format === 'commonjs' || r.format === 'commonjs-typescript')) {
    return { ...r, format: 'module' };
  }
  return r;
}`;
let esmHookRegistered = false;

async function registerEsmTsHook(): Promise<void> {
  if (esmHookRegistered) return;
  esmHookRegistered = true;
  const { register } = await import('node:module');
  register(`data:text/javascript,${encodeURIComponent(ESM_TS_HOOK)}`);
}

/** The fix to show with a loader error that comes from a module compiled as CommonJS. */
function loaderFix(message: string): string {
  if (/Transform failed|top-level await|ERR_REQUIRE_ESM|ERR_REQUIRE_ASYNC_MODULE|require\(\) of ES Module|Cannot use import statement outside a module|exports is not defined in ES module scope/i.test(message)) {
    return '\nfix: a plug-in module is an ES module; if it is plain JavaScript, name it .mjs or add "type": "module" to the package.json of its folder (TypeScript files, .ts and .mts, are loaded as ES modules whatever the folder says)';
  }
  if (/Cannot find (package|module)/.test(message)) return "\nfix: install what the module imports in its project (npm install), or import scorelab's API from 'scorelab'";
  return '';
}

async function importModule(abs: string): Promise<Record<string, unknown>> {
  if (/\.[cm]?ts$/.test(abs)) {
    await registerEsmTsHook();
    const { tsImport } = await import('tsx/esm/api');
    return (await tsImport(pathToFileURL(abs).href, import.meta.url)) as Record<string, unknown>;
  }
  return (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
}

/**
 * Imports a module of plug-ins (TypeScript through tsx, or JavaScript) and registers its exports:
 * plug-ins (returned), metrics (`defineMetric`) and graph generators (`defineGraph`).
 */
export async function loadPluginModule(path: string, from?: string): Promise<AnyPlugin[]> {
  const abs = isAbsolute(path) ? path : resolvePath(from ? dirname(from) : process.cwd(), path);
  if (!existsSync(abs)) throw new UserError(`${from ?? '--plugin'}: plugins: no such plug-in module '${path}'`, from, 'plugins');
  const key = `${abs}\0${statSync(abs).mtimeMs}`;
  let pending = moduleCache.get(key);
  if (!pending) {
    pending = importModule(abs);
    moduleCache.set(key, pending);
    pending.catch(() => moduleCache.delete(key));
  }
  let mod: Record<string, unknown>;
  try {
    mod = await pending;
  } catch (e) {
    const message = ((e as Error).message ?? String(e)).trimEnd();
    throw new UserError(`${abs}: cannot load plug-in module: ${message}${loaderFix(message)}`, abs);
  }
  const found: AnyPlugin[] = [];
  const seen = new Set<unknown>();
  let others = 0;
  for (const v of Object.values(mod)) {
    const cands = Array.isArray(v) ? v : [v];
    for (const c of cands) {
      if (seen.has(c)) continue;
      if (isDefinedMetric(c)) {
        seen.add(c);
        registerMetric(c);
        others++;
      } else if (isGraphSpec(c)) {
        seen.add(c);
        registerGraph(c);
        others++;
      } else if (c && typeof c === 'object' && typeof (c as AnyPlugin).create === 'function' && typeof (c as AnyPlugin).id === 'string') {
        seen.add(c);
        registerPlugin(c as AnyPlugin);
        found.push(c as AnyPlugin);
      }
    }
  }
  if (!found.length && !others) throw new UserError(`${abs}: the module exports no plug-in, metric or graph generator (made with defineRegime / definePlugin, defineMetric, defineGraph)`, abs);
  return found;
}

/** Options of `loadScenario`: `--set` overrides, seed, steps, agents, plug-in modules and whether to load them. */
export interface LoadOptions {
  set?: string[];
  seed?: number;
  steps?: number;
  agents?: number;
  /** Extra plug-in modules (--plugin): the caller names them, so they are loaded. */
  pluginModules?: string[];
  /** Import the modules of the scenario's own `plugins:` list (--allow-plugins). Default: refuse. */
  allowPlugins?: boolean;
  /** Never import the scenario's `plugins:` modules; leave out the plug-ins they would define. */
  skipPlugins?: boolean;
  /** Refuse a run whose memory estimate does not fit (default true; describe runs nothing). */
  checkMemory?: boolean;
}

/** A scenario loaded and resolved, with its graph file and plug-ins. */
export interface LoadedScenario {
  scenario: ResolvedScenario;
  graph?: LoadedGraph;
  plugins: AnyPlugin[];
  /** With `skipPlugins`: the scenario's modules not loaded, and the plug-in entries left out. */
  notLoaded?: { modules: string[]; entries: string[] };
}

const PLUGIN_SECTIONS = ['behaviour', 'observation', 'regimes', 'safeguards', 'adaptations'] as const;

function sameModule(a: string, b: string): boolean {
  return resolvePath(a) === resolvePath(b);
}

/** Loads a scenario from an object already parsed (file is used in messages and for relative paths). */
export async function prepareScenario(raw: unknown, file: string, opts: LoadOptions = {}): Promise<LoadedScenario> {
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserError(`${file}: expected a mapping of scenario fields at the top level, found ${describeValue(raw)}`, file, '');
  }
  checkTree(raw, file);
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
  checkTree(obj, file);
  const named = (opts.pluginModules ?? []).map((m) => resolvePath(m));
  const own = ((mods as string[] | undefined) ?? []).map((m) => ({ m, abs: isAbsolute(m) ? m : resolvePath(dirname(file), m) }));
  let notLoaded: LoadedScenario['notLoaded'];
  if (opts.skipPlugins) {
    const skipped = own.filter((o) => !named.some((n) => sameModule(n, o.abs)));
    if (skipped.length) {
      // leave out the entries of plug-ins no loaded module or built-in defines
      for (const m of opts.pluginModules ?? []) plugins.push(...(await loadPluginModule(m)));
      const entries: string[] = [];
      obj = structuredClone(obj);
      for (const sec of PLUGIN_SECTIONS) {
        const map = obj[sec];
        if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
        for (const id of Object.keys(map)) {
          if (!plugins.some((p) => p.id === id) && !findPlugin(id)) {
            entries.push(`${sec}.${id}`);
            delete (map as Record<string, unknown>)[id];
          }
        }
      }
      notLoaded = { modules: skipped.map((o) => o.m), entries };
      delete obj.plugins;
    } else for (const m of opts.pluginModules ?? []) plugins.push(...(await loadPluginModule(m)));
  } else {
    const unasked = own.filter((o) => !named.some((n) => sameModule(n, o.abs)));
    if (unasked.length && !opts.allowPlugins) {
      throw new UserError(
        `${file}: plugins: this scenario names code to run (${unasked.map((o) => o.m).join(', ')}); scorelab runs a scenario's plug-in modules only when you allow it: read them, then add --allow-plugins, or name each with --plugin FILE`,
        file,
        'plugins',
      );
    }
    for (const o of unasked) plugins.push(...(await loadPluginModule(o.m, file)));
    for (const m of opts.pluginModules ?? []) plugins.push(...(await loadPluginModule(m)));
  }
  const checked = checkScenario(obj, file);
  const scenario = resolveScenario(checked, file);
  let graph: LoadedGraph | undefined;
  if (scenario.graph.file) {
    const gpath = isAbsolute(scenario.graph.file) ? scenario.graph.file : resolvePath(dirname(file), scenario.graph.file);
    graph = readGraphFile(gpath);
    if (graph.keys.length < 2) {
      throw new UserError(`${file}: graph.file: expected a graph of at least 2 nodes (the smallest population), found ${graph.keys.length} node in ${gpath}`, file, 'graph.file');
    }
    scenario.population.agents = graph.keys.length;
  }
  checkRunnable(scenario, graph, file, { memory: opts.checkMemory ?? true });
  return { scenario, graph, plugins, ...(notLoaded ? { notLoaded } : {}) };
}

/** Loads a scenario file or preset by name, applying overrides. */
export async function loadScenario(ref: string, opts: LoadOptions = {}): Promise<LoadedScenario> {
  const file = locateScenario(ref);
  return prepareScenario(readYaml(file), file, opts);
}
