/**
 * Sobol low-discrepancy sequence (base 2, Gray-code order), up to 53 dimensions.
 *
 * I. M. Sobol' (1967), USSR Comput. Math. Math. Phys. 7(4):86–112; construction and Gray-code
 * enumeration as in Bratley & Fox (1988), ACM TOMS 14(1):88–100 (Algorithm 659), with the
 * Joe & Kuo (2008) direction numbers `new-joe-kuo-6.21201` (./sobol-directions.ts). Unshifted,
 * the points match scipy.stats.qmc.Sobol(d, scramble=False). Point 0 is the origin; the first
 * 2^m points of each coordinate hit every dyadic interval of width 2^-m exactly once, so use
 * power-of-two counts from the start for the best balance.
 *
 * Optional randomisation: a random digital shift (XOR of each coordinate with a random 32-bit
 * word drawn from the `rng` passed in), which keeps the net properties and makes the estimate
 * unbiased; it is deterministic given that rng's seed.
 */
import { UserError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { JOE_KUO_DIRECTIONS } from './sobol-directions.js';

const BITS = 32;
const SCALE = 2 ** BITS;

/** Number of dimensions the bundled direction numbers support. */
export const SOBOL_MAX_DIM = JOE_KUO_DIRECTIONS.length + 1;

/** Options of a Sobol sequence (dimensions, skip). */
export interface SobolOptions {
  /** Sequence points to drop before the first returned one (default 0). */
  skip?: number;
  /** When given, apply a random digital shift drawn from this generator. */
  rng?: Rng;
}

/** Direction integers v_1..v_32 (left-aligned in 32 bits) of 0-based dimension `d`. */
function directionIntegers(d: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (d === 0) {
    for (let j = 1; j <= BITS; j++) v[j] = 2 ** (BITS - j);
    return v;
  }
  const row = JOE_KUO_DIRECTIONS[d - 1]!;
  const a = row[0]!;
  const s = row.length - 1;
  for (let j = 1; j <= Math.min(s, BITS); j++) v[j] = row[j]! * 2 ** (BITS - j);
  for (let j = s + 1; j <= BITS; j++) {
    let x = v[j - s]! ^ (v[j - s]! >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[j - k]!;
    v[j] = x >>> 0;
  }
  return v;
}

/** n points of the `dim`-dimensional Sobol sequence in [0, 1)^dim (rows of length dim). */
export function sobolSequence(n: number, dim: number, opts: SobolOptions = {}): number[][] {
  const skip = opts.skip ?? 0;
  if (!Number.isInteger(dim) || dim < 1 || dim > SOBOL_MAX_DIM) {
    throw new UserError(`designs/sobol: dim: expected an integer in 1..${SOBOL_MAX_DIM}, found ${dim}`);
  }
  if (!Number.isInteger(n) || n < 0) throw new UserError(`designs/sobol: n: expected an integer ≥ 0, found ${n}`);
  if (!Number.isInteger(skip) || skip < 0) throw new UserError(`designs/sobol: skip: expected an integer ≥ 0, found ${skip}`);
  if (n + skip > 2 ** 31) throw new UserError(`designs/sobol: n + skip must stay below 2^31, found ${n + skip}`);
  const v = Array.from({ length: dim }, (_, d) => directionIntegers(d));
  const shift = new Uint32Array(dim);
  if (opts.rng) for (let d = 0; d < dim; d++) shift[d] = Math.floor(opts.rng() * SCALE);
  const x = new Uint32Array(dim); // point 0 is the origin
  const out: number[][] = [];
  for (let i = 0; i < n + skip; i++) {
    if (i > 0) {
      // Gray code: point i differs from point i−1 by v_c, c = 1 + trailing ones of (i − 1)
      let c = 1;
      for (let t = i - 1; t & 1; t >>>= 1) c++;
      for (let d = 0; d < dim; d++) x[d] = x[d]! ^ v[d]![c]!;
    }
    if (i >= skip) {
      const row = new Array<number>(dim);
      for (let d = 0; d < dim; d++) row[d] = ((x[d]! ^ shift[d]!) >>> 0) / SCALE;
      out.push(row);
    }
  }
  return out;
}
