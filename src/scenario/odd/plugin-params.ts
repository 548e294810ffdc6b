/**
 * A plug-in's parameter rows (value in the scenario, default, unit, meaning, source), as the ODD's
 * submodels (src/scenario/odd.ts) and `scorelab describe` (src/cli/commands/describe.ts) list them.
 */
import type { AnyPlugin } from '../../core/contracts.js';
import { defaults, type ParamTable } from '../../core/params.js';
import type { OddParam } from './model.js';

/** Every parameter of `spec` with its value from `values` (the plug-in's entry in the scenario). */
export function pluginParams(spec: AnyPlugin, values: Record<string, unknown>): OddParam[] {
  const d = defaults(spec.params) as Record<string, unknown>;
  return Object.entries(spec.params as ParamTable).map(([k, def]) => ({
    name: k,
    value: values[k],
    default: d[k],
    unit: def.unit,
    doc: def.doc,
    source: def.source ?? '',
  }));
}
