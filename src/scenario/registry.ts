/**
 * The plug-in registry: the built-in families plus plug-ins registered at run time (from an
 * experiment file, a scenario's `plugins:` modules, or a library user's `registerPlugin`).
 * Looking a plug-in up by id is the only coupling between a scenario and the plug-ins.
 */
import { BEHAVIOURS } from '../behaviour/index.js';
import { PLUGINS as ADAPTATIONS } from '../adaptation/index.js';
import { FAMILIES, type AnyPlugin, type Family } from '../core/contracts.js';
import { UserError } from '../core/errors.js';
import { PLUGINS as OBSERVATIONS } from '../observation/index.js';
import { REGIMES } from '../regimes/index.js';
import { PLUGINS as SAFEGUARDS } from '../safeguards/index.js';

const BUILTIN: AnyPlugin[] = [...BEHAVIOURS, ...OBSERVATIONS, ...REGIMES, ...SAFEGUARDS, ...ADAPTATIONS];
const userPlugins = new Map<string, AnyPlugin>();

const ID = /^[a-z][a-z0-9-]*$/;

/** Adds a plug-in defined outside the library. Re-registering the same id replaces it. */
export function registerPlugin(spec: AnyPlugin): void {
  if (!spec || typeof spec !== 'object' || typeof spec.create !== 'function' || typeof spec.id !== 'string') {
    throw new UserError('registerPlugin: expected a plug-in made by definePlugin / defineRegime (with id and create)');
  }
  if (!ID.test(spec.id)) throw new UserError(`registerPlugin: id '${spec.id}' must be kebab-case (a-z, 0-9, -)`);
  if (!FAMILIES.includes(spec.family)) {
    throw new UserError(`registerPlugin: '${spec.id}' has family '${spec.family}', expected one of ${FAMILIES.join(', ')}`);
  }
  if (BUILTIN.some((b) => b.id === spec.id)) throw new UserError(`registerPlugin: '${spec.id}' is a built-in plug-in id; choose another`);
  userPlugins.set(spec.id, spec);
}

/** Every plug-in: the built-in ones, then those registered with `registerPlugin`. */
export function allPlugins(): AnyPlugin[] {
  return [...BUILTIN, ...userPlugins.values()];
}

/** The plug-in with this id (registered ones first), or undefined. */
export function findPlugin(id: string): AnyPlugin | undefined {
  return userPlugins.get(id) ?? BUILTIN.find((p) => p.id === id);
}

/** Whether `id` names one of the library's own plug-ins (not one registered with `registerPlugin`). */
export function isBuiltinPlugin(id: string): boolean {
  return !userPlugins.has(id) && BUILTIN.some((p) => p.id === id);
}

export function pluginsOf(family: Family): AnyPlugin[] {
  return allPlugins().filter((p) => p.family === family);
}

/** Scenario section name of each family. */
export const SECTION: Record<Family, 'behaviour' | 'observation' | 'regimes' | 'safeguards' | 'adaptations'> = {
  behaviour: 'behaviour',
  observation: 'observation',
  regime: 'regimes',
  safeguard: 'safeguards',
  adaptation: 'adaptations',
};
