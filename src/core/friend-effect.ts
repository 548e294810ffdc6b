/**
 * Friend effects: the channel by which a scoring regime whose score reads friends' data tells the
 * adaptations what a tie does to a person's own score (plug-in families never import each other).
 *
 * A regime that reads friends registers, in `create`,
 *   world.services.set(friendEffectKey(id), effect)        // key 'friend-effect:<id>'
 * and answers, from its own formula and the ties as they are at the moment of the question:
 *   - weight(): the share of the score's weighted factor mean carried by friends' data — 0 when
 *     the score does not read friends (weight 0, or POLICY.dataFriends false under data-limits);
 *   - scoreNow(i), scoreWithout(i, j), scoreWith(i, l): agent i's score as the formula gives it
 *     now, with the tie i–j no longer read, or with a read tie to l added (all other inputs as now);
 *     all three are equal when weight() is 0, so a motive computed from them is then exactly 0;
 *   - layers: the tie layers it reads (a bitmask of LAYER_ONLINE / LAYER_OFFLINE: a tie counts
 *     when (code & layers) ≠ 0), so an adaptation that cuts only the online part of a tie knows
 *     whether the cut changes what the score reads;
 *   - thresholds: the score levels at which benefits switch on (increasing; empty when none);
 *   - scored(i): whether i has this score at all (members of a voluntary scheme).
 * The adaptation `cleanup` reads these to give people a reason to drop and seek ties: the gain in
 * their own score and benefits. A tie that no regime reads is never worth cutting for one's score.
 */
import type { World } from './world.js';

/** Service key prefix: `friend-effect:<regime id>`. */
export const FRIEND_EFFECT = 'friend-effect:';

export function friendEffectKey(owner: string): string {
  return FRIEND_EFFECT + owner;
}

export interface FriendEffect {
  /** Id of the regime that owns the score. */
  owner: string;
  /** Score column and its declared range. */
  column: string;
  min: number;
  max: number;
  /** Tie layers the score reads (bitmask of LAYER_ONLINE = 2, LAYER_OFFLINE = 1). */
  layers: number;
  /** Share of the weighted factor mean carried by friends' data; 0 when friends are not read. */
  weight(): number;
  /** Agent i's score by the formula, from the current ties and inputs. */
  scoreNow(i: number): number;
  /** Agent i's score if the tie i–j were no longer read (unchanged when j does not count). */
  scoreWithout(i: number, j: number): number;
  /** Agent i's score if a read tie i–l were added (unchanged when l would not count). */
  scoreWith(i: number, l: number): number;
  /** Benefit thresholds on the score, increasing. */
  thresholds: readonly number[];
  /** Whether agent i has this score (false for non-members of a voluntary scheme). */
  scored(i: number): boolean;
}

/** The friend effects offered in this world, in registration order. */
export function friendEffects(world: World): FriendEffect[] {
  return [...world.services.entries()].filter(([k]) => k.startsWith(FRIEND_EFFECT)).map(([, v]) => v as FriendEffect);
}
