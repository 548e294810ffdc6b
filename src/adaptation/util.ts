/**
 * Small helpers shared by the adaptation mechanisms (this folder only; per-step chances from
 * per-day probabilities are in src/core/rates.ts): the primary score normalised to [0, 1], and neighbour shares of a mask —
 * all on typed arrays, O(n + m).
 */
import { K_NEIGHBOUR_MEAN, K_NEIGHBOUR_SHARE } from '../core/kernels.js';
import { parallel } from '../core/threads.js';
import type { World } from '../core/world.js';

/**
 * A per-agent pass over the ties on the run's threads (src/core/threads.ts): `input` copied into
 * shared memory (exactly: Float32 and 0/1 values are doubles), kernel `kernel` computes each
 * agent's value, copied into `out`. False with one thread (the caller's own loop runs).
 */
function onThreads(world: World, kernel: number, input: ArrayLike<number>, out: Float64Array): boolean {
  const par = parallel(world);
  if (par.threads === 1) return false;
  const n = world.n;
  const v = par.scratch(`adaptation:in${kernel}`, n), o = par.scratch(`adaptation:out${kernel}`, n);
  for (let i = 0; i < n; i++) v[i] = input[i]!;
  const { start, deg, targets } = par.share(world.adj);
  par.run(kernel, [v, start, deg, targets, o], [], n);
  out.set(o.subarray(0, n));
  return true;
}

/**
 * The primary score normalised by its declared range, (s − min)/(max − min), written into `out`;
 * returns false (and leaves `out` alone) when no regime offers a primary score.
 */
export function normalisedScore(world: World, out: Float64Array): boolean {
  const s = world.primaryScore();
  const p = world.primary;
  if (!s || !p) return false;
  const span = p.max - p.min;
  const inv = span > 0 ? 1 / span : 0;
  for (let i = 0; i < world.n; i++) out[i] = span > 0 ? (s[i]! - p.min) * inv : 0.5;
  return true;
}

/**
 * Share of each agent's neighbours (all tie layers) for which `mask` is non-zero, into `out`
 * (0 for an agent without ties).
 */
export function neighbourShare(world: World, mask: ArrayLike<number>, out: Float64Array): Float64Array {
  if (onThreads(world, K_NEIGHBOUR_SHARE, mask, out)) return out; // the same loop, per block of agents
  const { start, deg, targets } = world.adj;
  for (let i = 0; i < world.n; i++) {
    const d = deg[i]!;
    if (d === 0) {
      out[i] = 0;
      continue;
    }
    const st = start[i]!;
    let c = 0;
    for (let k = st; k < st + d; k++) if (mask[targets[k]!]) c++;
    out[i] = c / d;
  }
  return out;
}

/**
 * Who has a primary score at all: when the regime that owns the primary score is a voluntary
 * scheme (world.services 'voluntary:<owner>'), its non-members are unscored (the column shows
 * them at some default, e.g. Sesame's 350, which is not a judgement of them); null when everyone
 * is scored.
 */
export function scoredMask(world: World): Uint8Array | null {
  const owner = world.primary?.owner;
  if (!owner) return null;
  const scheme = world.services.get(`voluntary:${owner}`) as { joined?: Uint8Array } | undefined;
  return scheme?.joined ?? null;
}

/**
 * Who is seen as sanctioned for an act in domain `d` (a DOMAIN_INDEX value) this step, into `out`
 * (0/1): sanctioned this step for domain d (world.experience bit d), or on a black list in force
 * whose domain is d, or on a black list named in `listIds` (for lists made without a domain).
 * Observable consequences only — nothing here asks whether a sanction was deserved.
 */
export function sanctionedInDomain(world: World, d: number, listIds: readonly string[], out: Uint8Array): Uint8Array {
  const bit = 1 << d;
  const s = world.experience.sanctioned;
  for (let i = 0; i < world.n; i++) out[i] = s[i]! & bit ? 1 : 0;
  for (const l of world.lists.black()) {
    if (l.domain !== d && !listIds.includes(l.id)) continue;
    const on = l.on;
    for (let i = 0; i < world.n; i++) if (on[i]) out[i] = 1;
  }
  return out;
}

/**
 * Who is seen as sanctioned at all this step, into `out` (0/1): sanctioned this step in any domain
 * (world.experience), on any black list in force, or losing income or an opportunity to a sanction
 * this step (world.experience.incomeLost, opportunitiesLost).
 */
export function sanctionedAny(world: World, out: Uint8Array): Uint8Array {
  const { sanctioned, incomeLost, opportunitiesLost } = world.experience;
  for (let i = 0; i < world.n; i++) out[i] = sanctioned[i]! !== 0 || incomeLost[i]! > 0 || opportunitiesLost[i]! > 0 ? 1 : 0;
  for (const l of world.lists.black()) {
    const on = l.on;
    for (let i = 0; i < world.n; i++) if (on[i]) out[i] = 1;
  }
  return out;
}

/**
 * Mean of `values` over each agent's neighbours (all tie layers), into `out`; an agent without
 * ties gets its own value (it hears no one).
 */
export function neighbourMean(world: World, values: ArrayLike<number>, out: Float64Array): Float64Array {
  if (onThreads(world, K_NEIGHBOUR_MEAN, values, out)) return out; // the same loop, per block of agents
  const { start, deg, targets } = world.adj;
  for (let i = 0; i < world.n; i++) {
    const d = deg[i]!;
    if (d === 0) {
      out[i] = values[i]!;
      continue;
    }
    const st = start[i]!;
    let s = 0;
    for (let k = st; k < st + d; k++) s += values[targets[k]!]!;
    out[i] = s / d;
  }
  return out;
}
