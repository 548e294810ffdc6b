/** Municipal points schemes (Rongcheng, Suining). `helpers.ts` holds what they share (dated ledgers, opportunity ticks). Add a regime: its own file here, and a line in this list. */
import type { AnyPlugin } from '../../core/contracts.js';
import { rongcheng } from './rongcheng.js';
import { suining } from './suining.js';

export const MUNICIPAL_REGIMES: AnyPlugin[] = [rongcheng, suining];
