/** Regimes of this group (court blacklist, joint punishment, speech blacklist). Add a regime: its own file, and a line in this list. */
import type { AnyPlugin } from '../core/contracts.js';
import { courtBlacklist } from './court-blacklist.js';
import { jointPunishment } from './joint-punishment.js';
import { speechBlacklist } from './speech-blacklist.js';

export const COURT_REGIMES: AnyPlugin[] = [courtBlacklist, jointPunishment, speechBlacklist];
