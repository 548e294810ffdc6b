/**
 * Helpers shared by the observation mechanisms: a parameter that names a list of domains
 * (`[law, speech]`, `"law,speech"` on the command line, or `all`).
 */
import type { ParamDef } from '../core/params.js';
import { DOMAINS, DOMAIN_INDEX, type Domain } from '../core/population.js';

/** A list of domain names; `all` (or `[all]`) means every domain. */
export function domainList(def: Domain[], o: { doc: string; source?: string }): ParamDef<Domain[]> {
  return {
    default: def,
    unit: 'domains',
    doc: o.doc,
    source: o.source,
    expected: `a list of domains among ${DOMAINS.join(', ')} (or 'all')`,
    parse: (v) => {
      const arr = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : v;
      if (!Array.isArray(arr)) return undefined;
      if (arr.length === 1 && arr[0] === 'all') return [...DOMAINS];
      const out: Domain[] = [];
      for (const x of arr) {
        if (typeof x !== 'string' || !(DOMAINS as readonly string[]).includes(x)) return undefined;
        if (!out.includes(x as Domain)) out.push(x as Domain);
      }
      return out;
    },
  };
}

/** Domain indices of a list of names. */
export const domainIndices = (ds: readonly Domain[]): number[] => ds.map((d) => DOMAIN_INDEX[d]);
