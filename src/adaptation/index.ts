/** Plug-ins of this family. Add one: a file in this folder implementing src/core/contracts.ts, and a line below. */
import type { AnyPlugin } from '../core/contracts.js';
import { appealing } from './appealing.js';
import { approval } from './approval.js';
import { cleanup } from './cleanup.js';
import { gaming } from './gaming.js';
import { informing } from './informing.js';
import { optIn } from './opt-in.js';
import { selfCensorship } from './self-censorship.js';

export const PLUGINS: AnyPlugin[] = [cleanup, selfCensorship, gaming, optIn, appealing, approval, informing];
