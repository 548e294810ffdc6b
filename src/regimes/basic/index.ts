/** Basic regimes: the empty baseline, and the benchmark's friend-cleanup model. Add a regime: its own file here, and a line in this list. */
import type { AnyPlugin } from '../../core/contracts.js';
import { baseline } from './baseline.js';
import { friendCleanup } from './friend-cleanup.js';

export const BASIC_REGIMES: AnyPlugin[] = [baseline, friendCleanup];
