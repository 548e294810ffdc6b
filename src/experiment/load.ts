/**
 * Loading experiment files: by path, or by name (experiments/<name>.ts in the working folder,
 * then in the scorelab package). TypeScript files are imported through tsx.
 *
 * tsx is registered once per thread (`register({ tsconfig: false })`) and the file is then
 * imported natively, so an experiment's `import … from 'scorelab'` reuses the library this
 * process already loaded (the package's own dist/, or node_modules/scorelab for a user). A
 * namespaced `tsImport` would load the whole library a second time through the loader hooks:
 * seconds per worker thread instead of a fraction of one.
 */
import { isDefinedMetric, registerMetric } from '../metrics/registry.js';
import { isGraphSpec, registerGraph } from '../graphs/registry.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyPlugin } from '../core/contracts.js';
import { didYouMean, describeValue, UserError } from '../core/errors.js';
import { loadPluginModule, locateScenario, PACKAGE_ROOT, readYaml } from '../scenario/load.js';
import { registerPlugin } from '../scenario/registry.js';
import { checkExperiment, type ExperimentDefinition } from './define.js';

const EXTS = ['.ts', '.mts', '.js', '.mjs'];

/** An experiment ready to plan and run. */
export interface LoadedExperiment {
  def: ExperimentDefinition;
  /** Absolute path of the experiment file; null for a definition made in code. */
  file: string | null;
  /** Where the base scenario came from (messages and relative paths). */
  baseFile: string;
  /** The base scenario as parsed, before `set`, overrides and design values. */
  baseRaw: Record<string, unknown>;
  /** Plug-ins of the experiment and of the base scenario's `plugins:` modules. */
  plugins: AnyPlugin[];
}

/** Experiment names found in experiments/ folders (working folder first, then the package). */
export function listExperiments(): { name: string; file: string }[] {
  const seen = new Map<string, string>();
  for (const dir of [resolvePath('experiments'), resolvePath(PACKAGE_ROOT, 'experiments')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const ext = extname(f);
      if (!EXTS.includes(ext) || f.endsWith('.d.ts')) continue;
      const name = f.slice(0, -ext.length);
      if (!seen.has(name)) seen.set(name, resolvePath(dir, f));
    }
  }
  return [...seen].map(([name, file]) => ({ name, file }));
}

/** Absolute path of an experiment given by path or by name. */
export function locateExperiment(ref: string): string {
  if (existsSync(ref) && statSync(ref).isFile()) return resolvePath(ref);
  const known = listExperiments();
  const hit = known.find((e) => e.name === ref);
  if (hit) return hit.file;
  const looksLikePath = /[\\/]/.test(ref) || EXTS.includes(extname(ref));
  throw new UserError(
    looksLikePath
      ? `${ref}: no such experiment file`
      : `no experiment file or experiments/${ref}.ts${didYouMean(ref, known.map((e) => e.name))}; known: ${known.map((e) => e.name).join(', ') || '(none)'}`,
    ref,
  );
}

let tsxReady: Promise<void> | null = null;

function ensureTsx(): Promise<void> {
  tsxReady ??= import('tsx/esm/api').then(({ register }) => {
    register({ tsconfig: false });
  });
  return tsxReady;
}

/** Imports a module (TypeScript through tsx) and returns its exports. */
export async function importModule(abs: string): Promise<Record<string, unknown>> {
  if (/\.[cm]?ts$/.test(abs)) await ensureTsx();
  return (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
}

function pickDefinition(mod: Record<string, unknown>): unknown {
  let d = mod.default ?? mod.experiment;
  // a file compiled as CommonJS arrives as { default: { default: def } }
  if (d && typeof d === 'object' && !('id' in d) && 'default' in d) d = (d as Record<string, unknown>).default;
  return d;
}

/** Loads an experiment file (path or name), checks it and registers its plug-ins. */
export async function loadExperiment(ref: string): Promise<LoadedExperiment> {
  const file = locateExperiment(ref);
  let mod: Record<string, unknown>;
  try {
    mod = await importModule(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    // first line, and the next when the first only announces it ("Transform failed with 1 error:")
    const lines = String((e as Error)?.message ?? e).split('\n').map((l) => l.trim()).filter(Boolean);
    const msg = lines[0]?.endsWith(':') && lines[1] ? `${lines[0]} ${lines[1]}` : (lines[0] ?? 'error');
    throw new UserError(`${file}: cannot load the experiment file: ${msg}`, file);
  }
  return prepareExperiment(pickDefinition(mod), file);
}

/**
 * Checks a definition (from a file, or made in code with `file` null), reads its base scenario,
 * loads the base scenario's plug-in modules and registers every plug-in.
 */
export async function prepareExperiment(def: unknown, file: string | null): Promise<LoadedExperiment> {
  const where = file ?? '(experiment)';
  // metrics and graph generators first: the experiment's own metrics: list may name them
  const listed = def && typeof def === 'object' && Array.isArray((def as { plugins?: unknown }).plugins) ? ((def as { plugins: unknown[] }).plugins) : [];
  listed.forEach((p, i) => {
    try {
      if (isDefinedMetric(p)) registerMetric(p);
      else if (isGraphSpec(p)) registerGraph(p);
    } catch (e) {
      throw new UserError(`${where}: plugins[${i}]: ${(e as Error).message.replace(/^register(Metric|Graph): /, '')}`, where, `plugins[${i}]`);
    }
  });
  checkExperiment(def, where);
  const plugins: AnyPlugin[] = [];
  (def.plugins ?? []).forEach((p, i) => {
    if (isDefinedMetric(p) || isGraphSpec(p)) return;
    try {
      registerPlugin(p as AnyPlugin);
    } catch (e) {
      throw new UserError(`${where}: plugins[${i}]: ${(e as Error).message.replace(/^registerPlugin: /, '')}`, where, `plugins[${i}]`);
    }
    plugins.push(p as AnyPlugin);
  });
  let baseRaw: Record<string, unknown>;
  let baseFile: string;
  if (typeof def.base === 'string') {
    const near = file ? resolvePath(dirname(file), def.base) : null;
    try {
      baseFile = near && existsSync(near) && statSync(near).isFile() ? near : resolvePath(locateScenario(def.base));
    } catch (e) {
      throw new UserError(`${where}: base: ${(e as Error).message}`, where, 'base');
    }
    const raw = readYaml(baseFile);
    if (raw !== null && raw !== undefined && (typeof raw !== 'object' || Array.isArray(raw))) {
      throw new UserError(`${baseFile}: expected a mapping of scenario fields at the top level, found ${describeValue(raw)}`, baseFile, '');
    }
    baseRaw = (raw ?? {}) as Record<string, unknown>;
  } else {
    baseRaw = structuredClone(def.base);
    baseFile = where;
  }
  const mods = baseRaw.plugins;
  if (mods !== undefined) {
    if (!Array.isArray(mods) || mods.some((m) => typeof m !== 'string')) {
      throw new UserError(`${baseFile}: plugins: expected a list of module paths, found ${describeValue(mods)}`, baseFile, 'plugins');
    }
    const from = isAbsolute(baseFile) ? baseFile : undefined;
    for (const m of mods as string[]) plugins.push(...(await loadPluginModule(m, from)));
  }
  return { def, file, baseFile, baseRaw, plugins };
}
