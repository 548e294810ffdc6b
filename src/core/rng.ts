/**
 * Seeded random streams.
 *
 * Every draw in scorelab comes from a named stream forked from one root seed per run
 * (common random numbers: switching one mechanism on does not change the draws of the others).
 * The generator is seedrandom's `alea`, which is fast and stable across versions
 * (see ../shared/BENCHMARK.md). `Math.random` is never used in `src/`.
 */
import alea from 'seedrandom/lib/alea.js';

/** A seeded uniform generator on [0, 1) with helpers. */
export interface Rng {
  /** Uniform double in [0, 1). */
  (): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal draw (Box–Muller, no caching so the stream stays simple to reason about). */
  normal(): number;
  /** Lognormal draw with the given mean and sd of the underlying normal. */
  lognormal(mu: number, sigma: number): number;
  /** Bernoulli draw. */
  chance(p: number): boolean;
  /** In-place Fisher–Yates shuffle. */
  shuffle<T extends { length: number; [i: number]: number }>(a: T): T;
  /** Poisson draw (Knuth for small means, normal approximation above 30). */
  poisson(lambda: number): number;
}

interface AleaPrng {
  (): number;
  double(): number;
}

/** A generator seeded from a string. */
export function makeRng(seed: string): Rng {
  const prng = (alea as unknown as (s: string) => AleaPrng)(seed);
  const r = (() => prng()) as Rng;
  r.int = (n: number) => Math.floor(prng() * n);
  r.normal = () => {
    let u = prng();
    while (u <= 1e-300) u = prng();
    const v = prng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  r.lognormal = (mu: number, sigma: number) => Math.exp(mu + sigma * r.normal());
  r.chance = (p: number) => prng() < p;
  r.shuffle = <T extends { length: number; [i: number]: number }>(a: T): T => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(prng() * (i + 1));
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
    return a;
  };
  r.poisson = (lambda: number) => {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.normal()));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= prng();
    } while (p > l);
    return k - 1;
  };
  return r;
}

/**
 * Named child streams of one root seed. `streams.get('graph')` always returns the same
 * generator object for a name within a run; its seed is `${root}/${name}`.
 */
export class Streams {
  private readonly cache = new Map<string, Rng>();
  constructor(readonly root: number | string) {}
  get(name: string): Rng {
    let r = this.cache.get(name);
    if (!r) {
      r = makeRng(`scorelab:${this.root}/${name}`);
      this.cache.set(name, r);
    }
    return r;
  }
  /** A fresh generator for a sub-purpose; does not advance the parent. */
  fork(name: string, sub: string | number): Rng {
    return makeRng(`scorelab:${this.root}/${name}/${sub}`);
  }
}

/** 32-bit FNV-1a hash of a string: used to derive seeds from what a run is. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
