/** Plug-ins of this family. Add one: a file in this folder implementing src/core/contracts.ts, and a line below. */
import type { AnyPlugin } from '../core/contracts.js';

export const PLUGINS: AnyPlugin[] = [];
