/**
 * Small helpers shared by the adaptation mechanisms (this folder only): per-step probabilities
 * from per-day rates, the primary score normalised to [0, 1], and neighbour shares of a mask —
 * all on typed arrays, O(n + m).
 */
import type { World } from '../core/world.js';

/** Probability of at least one event in a step of `days` days for a per-day probability `p`. */
export function perStep(p: number, days: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return 1 - Math.pow(1 - p, days);
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
