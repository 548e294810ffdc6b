/** Regimes of this group (court blacklist, joint punishment, speech blacklist). Add a regime: its own file, and a line in this list. */
import type { AnyPlugin } from '../core/contracts.js';

export const COURT_REGIMES: AnyPlugin[] = [];
