/**
 * Seeded random streams.
 *
 * Every draw in scorelab comes from a named stream forked from one root seed per run
 * (common random numbers: switching one mechanism on does not change the draws of the others).
 * The generator is Baagøe's Alea as seedrandom's `alea` implements it, which is fast and stable
 * across versions (see docs/benchmark.md#performance-facts): seedrandom seeds it (its Mash hash of
 * the seed string) and hands over the state; the draws are taken here, with the same arithmetic,
 * so that `fill` and `fillPair` can keep the state in locals for a whole loop (the same bits as
 * one call per draw; tests/core/rng.test.ts compares them with seedrandom's own). `Math.random` is
 * never used in `src/`.
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
  /** Fills out[0, m) with the next m uniform draws: the values m calls would give, in order. */
  fill(out: Float64Array, m: number): void;
  /** The generator's state now, to go back to with `restore` (as if the draws since had not been taken). */
  save(): RngState;
  restore(state: RngState): void;
}

/** Alea's state: three fractions in [0, 1) and a carry (seedrandom's names). */
export interface RngState {
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
  readonly c: number;
}

/** Alea's multiplier and 2^-32 (Baagøe; seedrandom/lib/alea.js). */
const A_MUL = 2091639;
const A_INV32 = 2.3283064365386963e-10;

/**
 * The state of one stream, advanced in place. The fields are `declare`d (no class-field
 * initialiser runs before the constructor's) so that V8 sees doubles first and keeps them unboxed:
 * with initialisers the fields held undefined first, and every draw boxed a number (2.7× slower).
 */
class Alea {
  declare s0: number;
  declare s1: number;
  declare s2: number;
  declare c: number;
  constructor(st: RngState) {
    this.s0 = st.s0;
    this.s1 = st.s1;
    this.s2 = st.s2;
    this.c = st.c;
  }
  next(): number {
    const t = A_MUL * this.s0 + this.c * A_INV32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }
}

const states = new WeakMap<Rng, Alea>();

/** A generator seeded from a string. */
export function makeRng(seed: string): Rng {
  const g = new Alea(alea(seed, { state: true }).state());
  const prng = () => g.next();
  const r = (() => g.next()) as Rng;
  states.set(r, g);
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
  r.fill = (out: Float64Array, m: number) => {
    let s0 = g.s0, s1 = g.s1, s2 = g.s2, c = g.c;
    for (let k = 0; k < m; k++) {
      const t = A_MUL * s0 + c * A_INV32;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      out[k] = s2 = t - c;
    }
    g.s0 = s0;
    g.s1 = s1;
    g.s2 = s2;
    g.c = c;
  };
  r.save = () => ({ s0: g.s0, s1: g.s1, s2: g.s2, c: g.c });
  r.restore = (st: RngState) => {
    g.s0 = st.s0;
    g.s1 = st.s1;
    g.s2 = st.s2;
    g.c = st.c;
  };
  return r;
}

/**
 * `a.fill(outA, m)` and `b.fill(outB, m)` in one loop: the same values, about 40% faster than two
 * loops. Each of Alea's draws waits on the one before (the carry), so one stream is bound by that
 * chain (≈ 9 ns a draw here); two streams side by side run their chains at once. Measured at
 * m = 100,000: 1.85 → 1.1 ms. `a` and `b` must be different streams.
 */
export function fillPair(a: Rng, b: Rng, outA: Float64Array, outB: Float64Array, m: number): void {
  const ga = states.get(a), gb = states.get(b);
  if (!ga || !gb || ga === gb) throw new Error('fillPair: two different streams of makeRng are needed');
  let a0 = ga.s0, a1 = ga.s1, a2 = ga.s2, ac = ga.c;
  let b0 = gb.s0, b1 = gb.s1, b2 = gb.s2, bc = gb.c;
  for (let k = 0; k < m; k++) {
    const t = A_MUL * a0 + ac * A_INV32;
    a0 = a1;
    a1 = a2;
    ac = t | 0;
    outA[k] = a2 = t - ac;
    const u = A_MUL * b0 + bc * A_INV32;
    b0 = b1;
    b1 = b2;
    bc = u | 0;
    outB[k] = b2 = u - bc;
  }
  ga.s0 = a0;
  ga.s1 = a1;
  ga.s2 = a2;
  ga.c = ac;
  gb.s0 = b0;
  gb.s1 = b1;
  gb.s2 = b2;
  gb.c = bc;
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
  /**
   * Keyed draws for a purpose: `keyed('observation').u(agent, day, purpose)` depends only on the
   * run's seed, the name and the key — never on how many draws anything else took. Use these for
   * every per-agent draw, so that one agent's changed act never re-draws another agent's records.
   */
  keyed(name: string): Keyed {
    return makeKeyed(hashString(`scorelab:${this.root}/${name}`));
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

/** MurmurHash3's 32-bit finalizer (Appleby, public domain): a bijective mix of 32 bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Counter-based draws: a uniform that is a pure function of (key, agent, day, purpose, k). Stateless, so
 * the order in which agents are visited, the number of workers or threads, and what other agents do
 * cannot change a draw (common random numbers, ARCHITECTURE.md).
 */
export interface Keyed {
  /** Uniform in [0, 1) for (agent, day, purpose, k); k defaults to 0 (the k-th draw of that purpose). */
  u(agent: number, day: number, purpose: number, k?: number): number;
  /** Standard normal for the same key (Box–Muller on two keyed uniforms). */
  normal(agent: number, day: number, purpose: number, k?: number): number;
  /** Bernoulli draw u(…) < p. */
  chance(p: number, agent: number, day: number, purpose: number, k?: number): boolean;
  /** Uniform integer in [0, m). */
  int(m: number, agent: number, day: number, purpose: number, k?: number): number;
}

const TWO32 = 4294967296;

/** Keyed draws from a 32-bit key. */
export function makeKeyed(key: number): Keyed {
  const k0 = key >>> 0;
  const hash = (agent: number, day: number, purpose: number, k: number): number => {
    let h = fmix32(k0 ^ Math.imul(agent + 1, 0x9e3779b1));
    h = fmix32(h ^ Math.imul(day + 1, 0x7feb352d));
    h = fmix32(h ^ Math.imul(purpose + 1, 0x846ca68b));
    if (k !== 0) h = fmix32(h ^ Math.imul(k + 1, 0xcc9e2d51));
    return h;
  };
  // 53-bit uniform from two 32-bit hashes would be finer; 32 bits is enough for probabilities here
  const u = (agent: number, day: number, purpose: number, k = 0) => hash(agent, day, purpose, k) / TWO32;
  return {
    u,
    normal(agent, day, purpose, k = 0) {
      let a = u(agent, day, purpose, 2 * k);
      if (a <= 0) a = 0.5 / TWO32;
      const b = u(agent, day, purpose, 2 * k + 1);
      return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
    },
    chance: (p, agent, day, purpose, k = 0) => u(agent, day, purpose, k) < p,
    int: (m, agent, day, purpose, k = 0) => Math.floor(u(agent, day, purpose, k) * m),
  };
}
