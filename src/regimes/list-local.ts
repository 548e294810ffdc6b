/** Regimes of this group (municipal and commercial scores: rongcheng, suining, sesame, redlist, national-composite). Add a regime: its own file, and a line in this list. */
import type { AnyPlugin } from '../core/contracts.js';
import { nationalComposite } from './national-composite.js';
import { redlist } from './redlist.js';
import { rongcheng } from './rongcheng.js';
import { sesame } from './sesame.js';
import { suining } from './suining.js';

export const LOCAL_REGIMES: AnyPlugin[] = [rongcheng, suining, sesame, redlist, nationalComposite];
