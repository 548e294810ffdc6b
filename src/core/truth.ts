/**
 * Cases: what institutions know about a record, and the ground truth that only metrics may read.
 *
 * Every record that an institution keeps beyond the step it was made in becomes a *case*. A case
 * carries what a decider can see — the strength of the evidence behind it, how many records it
 * rests on, its domain — and, hidden, whether it is mistaken (the person did not do it). Deciders
 * (reviewers, courts, adjudicators, auditors) never read the label: they see the evidence, the
 * person's answer (the exculpatory evidence a person can bring, `defense`) and, when they look
 * again, a fresh signal from the world (`reexamine`), each of which depends on the truth the way
 * a noisy measurement does (signal detection theory: Green & Swets, *Signal Detection Theory and
 * Psychophysics*, 1966). Their error rates, both ways, come out of that overlap and out of how
 * carefully they look.
 *
 * The label is readable only while the metrics of a step are computed (`open` is set by the
 * simulation around the record stage); a read at any other time throws a GroundTruthError naming
 * the rule. tests/core/ground-truth.test.ts checks that no plug-in source reads the label outside
 * its `record` hook.
 *
 * The evidence model: a record of a true act has evidence e = q + z, a mistaken record e = z,
 * z ~ N(0, 1), q the observation's evidence quality (d′, in sd units); a person's exculpatory
 * evidence is q_d·[mistaken] + z′. A derived case (several records judged together) combines its
 * parts by Stouffer's sum Σe/√k and is mistaken when fewer than `needTrue` of its parts are true.
 */

/** Thrown when ground truth is read outside the metrics of a step. */
export class GroundTruthError extends Error {
  constructor(what: string) {
    super(`ground truth (${what}) is for metrics only: a decision must rest on evidence (see src/core/truth.ts)`);
    this.name = 'GroundTruthError';
  }
}

/** Core-internal access to the label (lists keep their wrongful counters with it). Not exported from the library. */
export const PEEK_TRUTH: unique symbol = Symbol('scorelab.peekTruth');

/** Cases kept by institutions: the evidence deciders read, and the truth (mistaken or not) only `record()` may read. */
export class Cases {
  count = 0;
  private evidenceArr = new Float32Array(1024);
  private defenseArr = new Float32Array(1024);
  private recordsArr = new Int32Array(1024);
  private domainArr = new Int8Array(1024);
  readonly #wrong: { bits: Uint8Array } = { bits: new Uint8Array(1024) };
  /** True while the metrics of a step are computed: the only time the label may be read. */
  open = false;

  /** A new case (an observation or a regime's finding); returns its id. */
  make(evidence: number, defense: number, mistaken: boolean, domain = -1, records = 1): number {
    if (this.count === this.evidenceArr.length) this.grow();
    const c = this.count++;
    this.evidenceArr[c] = evidence;
    this.defenseArr[c] = defense;
    this.recordsArr[c] = records;
    this.domainArr[c] = domain;
    this.#wrong.bits[c] = mistaken ? 1 : 0;
    return c;
  }

  /**
   * A case judged from several cases together (a window of records, the open obligations of a
   * debtor): evidence and defense by Stouffer's sum, records added; it is mistaken when fewer than
   * `needTrue` of its parts are true (the finding would not stand without the mistaken ones).
   */
  combine(parts: ArrayLike<number>, needTrue = 1): number {
    const k = parts.length;
    if (k === 0) return this.make(0, 0, true, -1, 0);
    if (k === 1 && needTrue <= 1) return parts[0]!;
    let e = 0, d = 0, r = 0, t = 0, dom = this.domainArr[parts[0]!]!;
    for (let j = 0; j < k; j++) {
      const c = parts[j]!;
      e += this.evidenceArr[c]!;
      d += this.defenseArr[c]!;
      r += this.recordsArr[c]!;
      t += 1 - this.#wrong.bits[c]!;
      if (this.domainArr[c] !== dom) dom = -1;
    }
    const s = 1 / Math.sqrt(k);
    return this.make(e * s, d * s, t < needTrue, dom, r);
  }

  /** Strength of the evidence behind the case, in sd units of the noise (what a decider sees). */
  evidence(c: number): number {
    return this.evidenceArr[c]!;
  }
  /** Exculpatory evidence the person can bring when they answer (what a person shows). */
  defense(c: number): number {
    return this.defenseArr[c]!;
  }
  /** Number of records behind the case. */
  records(c: number): number {
    return this.recordsArr[c]!;
  }
  /** Domain of the case (−1 when mixed or none). */
  domain(c: number): number {
    return this.domainArr[c]!;
  }

  /**
   * A fresh, independent look at the case: quality·[true] + z, where z is a standard normal the
   * caller draws from its own keyed stream. This is the world answering a decider who re-examines
   * (a reviewer who checks the file, an auditor who pulls the source data): the decider gets a
   * signal, never the label; a careless look has low quality.
   */
  reexamine(c: number, quality: number, z: number): number {
    return quality * (1 - this.#wrong.bits[c]!) + z;
  }

  /**
   * A finding about part of what a case shows — the world's fact, generated here so that the plug-in
   * never learns it: the new case is true when the parent is true and u < share (u a keyed uniform
   * the caller draws), e.g. "this statement is illegal" within "this person spoke". Its evidence is
   * quality·[true] + z (z a keyed standard normal of the caller); the defense is the parent's.
   */
  subset(parent: number, share: number, u: number, quality: number, z: number, domain = -1): number {
    const t = this.#wrong.bits[parent] === 0 && u < share;
    return this.make((t ? quality : 0) + z, this.defenseArr[parent]!, !t, domain);
  }

  /** Whether the case is mistaken — metrics only (throws outside the record stage). */
  isMistaken(c: number): boolean {
    if (!this.open) throw new GroundTruthError('Cases.isMistaken');
    return this.#wrong.bits[c] === 1;
  }

  /** Core-internal read (lists' wrongful counters). */
  [PEEK_TRUTH](c: number): boolean {
    return this.#wrong.bits[c] === 1;
  }

  private grow(): void {
    const m = this.evidenceArr.length * 2;
    const g = <T extends Float32Array | Int32Array | Int8Array | Uint8Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(m);
      b.set(a);
      return b;
    };
    this.evidenceArr = g(this.evidenceArr, Float32Array);
    this.defenseArr = g(this.defenseArr, Float32Array);
    this.recordsArr = g(this.recordsArr, Int32Array);
    this.domainArr = g(this.domainArr, Int8Array);
    this.#wrong.bits = g(this.#wrong.bits, Uint8Array);
  }
}

/** Standard normal distribution function Φ (Abramowitz & Stegun 7.1.26 via erf, |error| < 1.5e−7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Inverse of Φ (Acklam's rational approximation, relative error < 1.2e−9); ±Infinity at 0 and 1. */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
