/**
 * Per-agent random draws for the court regimes (a helper, not a plug-in): u(i, day, purpose) is a
 * uniform on [0, 1) that depends only on a key drawn once from a named stream, the agent, the day
 * and the purpose — not on how many draws other agents used before. Two runs that differ in one
 * mechanism (joint punishment on or off) then give every agent the same payment, judgment and
 * delisting draws on the same day, so their outcomes differ only where the mechanism changed
 * the agent's own state (common random numbers, ARCHITECTURE.md; a sequential stream would shift
 * every later agent's draws as soon as one agent's path differs).
 * The hash is MurmurHash3's 32-bit finalizer over the mixed inputs (Appleby, public domain).
 */
import type { Rng } from '../core/rng.js';

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A keyed uniform u(agent, day, purpose) in [0, 1); the key is one draw of `rng`. */
export function agentDayUniform(rng: Rng): (agent: number, day: number, purpose: number) => number {
  const key = Math.floor(rng() * 4294967296) >>> 0;
  return (agent, day, purpose) => {
    let h = fmix(key ^ Math.imul(agent + 1, 0x9e3779b1));
    h = fmix(h ^ Math.imul(day + 1, 0x7feb352d));
    h = fmix(h ^ Math.imul(purpose + 1, 0x846ca68b));
    return h / 4294967296;
  };
}
