/**
 * Rating helpers for `platform-rating`: a ring of the last `window` star ratings per rated agent,
 * in one flat byte array (m · window bytes) with running sums, so a mean of the last `window` is
 * O(1) per rating; and the star draw with rating inflation.
 * Source: docs/calibration.md#peer-and-platform-ratings, Uber rating = mean of the last 500 rated trips [S].
 */
import type { Rng } from '../../core/rng.js';

export class RatingRings {
  readonly ring: Uint8Array;
  readonly head: Int32Array;
  readonly count: Int32Array;
  readonly sum: Int32Array;

  constructor(
    readonly m: number,
    readonly window: number,
  ) {
    this.ring = new Uint8Array(m * window);
    this.head = new Int32Array(m);
    this.count = new Int32Array(m);
    this.sum = new Int32Array(m);
  }

  /** Adds rating r (1–5) to ring s, dropping the oldest when full. */
  push(s: number, r: number): void {
    const at = s * this.window + this.head[s]!;
    if (this.count[s] === this.window) this.sum[s]! -= this.ring[at]!;
    else this.count[s]!++;
    this.ring[at] = r;
    this.sum[s]! += r;
    this.head[s] = (this.head[s]! + 1) % this.window;
  }

  /** Mean of the ratings in ring s (NaN when empty). */
  mean(s: number): number {
    return this.count[s]! > 0 ? this.sum[s]! / this.count[s]! : NaN;
  }

  reset(s: number): void {
    this.head[s] = this.count[s] = this.sum[s] = 0;
  }
}

/**
 * Stars for one trip: with probability q something went wrong; a problem is still rated 5 with
 * probability `inflation`, otherwise 4, 3, 2, 1 with the relative weights `lowStars`.
 */
export function starDraw(lowStars: number[], inflation: number, rng: Rng) {
  const tot = lowStars.reduce((a, b) => a + b, 0) || 1;
  const cut = new Float64Array(4);
  let acc = 0;
  lowStars.forEach((w, k) => (cut[k] = acc += w / tot));
  const deficit = lowStars.reduce((a, w, k) => a + (w / tot) * (k + 1), 0);
  return {
    draw(q: number): number {
      if (rng() >= q || rng() < inflation) return 5;
      const u = rng();
      let k = 0;
      while (k < 3 && u >= cut[k]!) k++;
      return 4 - k;
    },
    /** Expected stars at problem rate q. */
    expected: (q: number): number => 5 - q * (1 - inflation) * deficit,
  };
}
