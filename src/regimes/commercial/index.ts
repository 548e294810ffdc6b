/** Commercial scores (Sesame). Add a regime: its own file here, and a line in this list. */
import type { AnyPlugin } from '../../core/contracts.js';
import { sesame } from './sesame.js';

export const COMMERCIAL_REGIMES: AnyPlugin[] = [sesame];
