/**
 * Shared channels between plug-in families, which never import each other (ARCHITECTURE.md): the keys
 * of `world.policy` that safeguards set and regimes read, and the services by which a voluntary
 * regime exposes its opt-in decision to the `opt-in` adaptation.
 *
 * A regime that honours a policy reads it with `policyOf(world, KEY, default)`; a safeguard sets it
 * in its `create` (before any `init`).
 */
import type { World } from './world.js';

/** Keys of `world.channels.policy` that safeguards set and regimes honour (docs/extending.md#the-world-a-hook-sees). */
export const POLICY = {
  /** boolean (default true): regimes may use friends' / contacts' data (data-limits). */
  dataFriends: 'data.friends',
  /** boolean (default true): regimes may use speech data. */
  dataSpeech: 'data.speech',
  /** boolean (default true): regimes may use consumption data (what money is spent on). */
  dataConsumption: 'data.consumption',
  /** boolean (default true): regimes may use identity characteristics (group, household). */
  dataIdentity: 'data.identity',
  /** number of days (default Infinity): records older than this lapse and lists expire (expiry). */
  expiryDays: 'expiry.days',
  /** boolean (default false): the rules are codified and known to agents (transparency). */
  transparent: 'rules.transparent',
  /** number ≥ 0 (default Infinity): cap on sanction strength per unit of severity (proportionality). */
  sanctionCap: 'proportionality.cap',
} as const;

/** The value of a policy switch, or `fallback` when no safeguard set it: `policyOf(world, POLICY.dataFriends, true)`. */
export function policyOf<T>(world: World, key: string, fallback: T): T {
  return world.policy.has(key) ? (world.policy.get(key) as T) : fallback;
}

/**
 * A voluntary (opt-in) scheme, registered by its regime as `world.services.set('voluntary:<id>', …)`.
 * The `opt-in` adaptation decides who joins; without it, joining follows the regime's own rule.
 */
export interface VoluntaryScheme {
  id: string;
  /** 1 where the agent has joined. */
  joined: Uint8Array;
  /** Expected benefit of joining for agent i, in the same units as `cost` (e.g. days of income). */
  expectedBenefit(i: number): number;
  /** Cost of joining (data disclosed, privacy), same units. */
  cost: number;
}

export function voluntarySchemes(world: World): VoluntaryScheme[] {
  return [...world.services.entries()].filter(([k]) => k.startsWith('voluntary:')).map(([, v]) => v as VoluntaryScheme);
}
