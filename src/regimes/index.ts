/**
 * The regimes (family 'regime'). Add one: implement the contract of src/core/contracts.ts in one
 * file of this folder and add it to one of the lists below (grouped by the source's families).
 */
import type { AnyPlugin } from '../core/contracts.js';
import { baseline } from './baseline.js';
import { fico } from './fico.js';
import { friendCleanup } from './friend-cleanup.js';
import { LOCAL_REGIMES } from './list-local.js';
import { COURT_REGIMES } from './list-court.js';
import { COMPARATOR_REGIMES } from './list-comparators.js';

export const REGIMES: AnyPlugin[] = [baseline, fico, friendCleanup, ...LOCAL_REGIMES, ...COURT_REGIMES, ...COMPARATOR_REGIMES];
