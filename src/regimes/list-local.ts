/** Regimes of this group (municipal and commercial scores: rongcheng, suining, sesame, redlist, national-composite). Add a regime: its own file, and a line in this list. */
import type { AnyPlugin } from '../core/contracts.js';

export const LOCAL_REGIMES: AnyPlugin[] = [];
