/**
 * The regimes (family 'regime'). Add one: implement the contract of src/core/contracts.ts in one
 * file of this folder and add it to the list below.
 */
import type { AnyPlugin } from '../core/contracts.js';
import { baseline } from './baseline.js';
import { fico } from './fico.js';
import { friendCleanup } from './friend-cleanup.js';

export const REGIMES: AnyPlugin[] = [baseline, fico, friendCleanup];
