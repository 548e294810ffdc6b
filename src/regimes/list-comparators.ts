/** Regimes of this group (peer and platform ratings and Western comparators). Add a regime: its own file, and a line in this list. */
import type { AnyPlugin } from '../core/contracts.js';

export const COMPARATOR_REGIMES: AnyPlugin[] = [];
