/** Behaviour models (family 'behaviour'). Add one: a file here and a line below. */
import type { AnyPlugin } from '../core/contracts.js';
import { standard } from './standard.js';

export const BEHAVIOURS: AnyPlugin[] = [standard];
