/**
 * Court and speech blacklists: the court blacklist, joint punishment, the speech blacklist. Their
 * parts live beside them: `judge.ts` (the court's decider), `ledger.ts` (judgments and debts),
 * `travel.ts` (tickets and exit), `association.ts` (who is named with whom). Add a regime: its own
 * file here, and a line in this list.
 */
import type { AnyPlugin } from '../../core/contracts.js';
import { courtBlacklist } from './court-blacklist.js';
import { jointPunishment } from './joint-punishment.js';
import { speechBlacklist } from './speech-blacklist.js';

export const COURT_REGIMES: AnyPlugin[] = [courtBlacklist, jointPunishment, speechBlacklist];
