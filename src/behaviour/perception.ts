/**
 * Perceived sanction threat and reward, per agent and domain: the perceptual deterrence of the
 * standard behaviour model. Agents never read the true detection rate or a regime's rules after
 * they start; they learn from what they live through and see (src/core/experience.ts).
 *
 * State, for agent i and domain d (γ = exp(−Δ/memoryDays) forgets old evidence each step of Δ days):
 *
 *   certainty  ĉ = (w₀·c₀ + A) / (w₀ + T), clamped to [0, 1]   — perceived P(violation → sanction)
 *     A ← γ·A + s_own + ω_v·s_nb + ω_p·π_d          (sanctions seen, "caught")
 *     T ← γ·T + v_own + ω_v·deg·v̂ + ω_p·v̂           (violations believed to have happened)
 *     s_own: 1 if i was sanctioned for d this step; v_own: i's own violations in d this step (an
 *     agent knows its own acts); s_nb: neighbours sanctioned for d this step; π_d = published
 *     sanctions of d this step per head; v̂: i's own chance of a violation in d per step (last
 *     step's rate): an agent judges how often people like it offend by its own conduct.
 *     Prior c₀ = detect[d, group]·watch for an agent who knows the rules (it knows what is
 *     watched and that a recorded act is punished), `priorUnknown` for one who does not.
 *     Offending without a sanction lowers ĉ, a sanction raises it (Anwar & Loughran 2011);
 *     others' sanctions count as vicarious experience (Stafford & Warr 1993).
 *
 *   severity   Ŝ = L / (w_S + N)                    — perceived days of income a sanction costs
 *     N ← γ·N + s_own + ω_v·s_nb                     (sanctions seen whose consequences are visible)
 *     L ← γ·L + ℓ_i·a_{i,d} + ω_v·Σ_nb ℓ_j·a_{j,d}   (what they were seen to cost)
 *     ℓ_j = incomeLost_j + vOpportunity·opportunitiesLost_j + vBenefit·[eligible, not granted]_j
 *           + vListing·(sanction events of j this step), in days of j's income;
 *     a_{j,d} = O_{j,d} / Σ_d' O_{j,d'}: j's losses are put down to the domains it has been
 *     sanctioned for, O ← γ·O + s_own (no attribution when Σ O < 0.05, about three memory spans
 *     after j's last sanction: a loss with no sanction of one's own behind it, e.g. a household
 *     member's listing, teaches nothing about the cost of one's own acts). A ratio of costs seen to sanctions seen:
 *     with forgetting it measures what follows a sanction over about `memoryDays`.
 *
 *   reward     r̂ = (R_A) / (w₀ + R_T)   P(good deed → reward), learned like ĉ from own good deeds,
 *              own and neighbours' rewards (no prior: rewards are what regimes add);
 *              V̂ = R_L / (w_S + R_N)   value of a reward in days of income: income gained
 *              (incomeMult − 1)·Δ plus vBenefit per benefit received, while recently rewarded
 *              (decayed own rewards O_R ≥ 0.05), own and neighbours'.
 *
 * Response (Nagin 2013: certainty deters more than severity; Paternoster 2010):
 *   violation rate × m,  m = 1 / (1 + κ·ĉ^a·(Ŝ/S_ref)^b),  a > b;
 *   good deeds rate × g, g = 1 + κ_r·r̂^a·(V̂/S_ref)^b.
 * The elasticity of m to ĉ is a/b times its elasticity to Ŝ, so doubling perceived certainty
 * deters more than doubling perceived severity; the exponents are modelling choices that encode the
 * direction of the literature's finding, not an estimate of it.
 * With no regime (nothing sanctioned, nothing rewarded) Ŝ = V̂ = 0, so m = g = 1: the rates are the
 * propensities of the population, read as the rates under the existing legal order; a regime's
 * deterrence comes only from the sanctions it adds and people see.
 * Modelling choices (no source gives these values): memoryDays, w₀, w_S, ω_v, ω_p, priorUnknown,
 * κ, κ_r, a, b, S_ref, vOpportunity, vBenefit, vListing.
 */
import { num, prob } from '../core/params.js';
import { DOMAINS } from '../core/population.js';
import type { World } from '../core/world.js';

const NAGIN = 'Nagin 2013, Deterrence in the twenty-first century, Crime and Justice 42:199–263 (certainty deters more than severity)';
const ANWAR = 'Anwar & Loughran 2011, Testing a Bayesian learning theory of deterrence among serious juvenile offenders, Criminology 49(3):667–698';
const STAFFORD = 'Stafford & Warr 1993, A reconceptualization of general and specific deterrence, J. Research in Crime and Delinquency 30(2):123–135';
const PATERNOSTER = 'Paternoster 2010, How much do we really know about criminal deterrence?, J. Criminal Law & Criminology 100(3):765–824';
const CHOICE = 'modelling choice';

export const perceptionParams = () => ({
  memoryDays: num(365, { min: 1, unit: 'days', doc: 'time over which evidence about sanctions and rewards fades (forgetting factor exp(−Δ/memoryDays))', source: `${CHOICE}; updating of perceptions: ${ANWAR}` }),
  priorWeight: num(2, { min: 0.01, unit: 'violations', doc: 'weight of the prior certainty, in violations seen (w₀)', source: `${CHOICE}; ${ANWAR}` }),
  priorUnknown: prob(0.05, { doc: 'perceived certainty of an agent who does not know the rules (c₀)', source: CHOICE }),
  severityPrior: num(1, { min: 0.01, unit: 'sanctions', doc: 'pseudo-sanctions of cost 0 in the severity estimate (w_S): what few sanctions seen say is discounted', source: CHOICE }),
  vicarious: num(1, { min: 0, unit: 'weight', doc: 'weight of a neighbour’s sanction or reward against one’s own (ω_v)', source: `${CHOICE}; ${STAFFORD}` }),
  publicity: num(20, { min: 0, unit: 'persons', doc: 'published sanctions count as the experience of this many people like oneself (ω_p)', source: CHOICE }),
  kappa: num(1, { min: 0, unit: 'factor', doc: 'strength of deterrence: m = 1/(1 + κ·ĉ^a·(Ŝ/S_ref)^b)', source: `${CHOICE}; ${PATERNOSTER}` }),
  certaintyExp: num(1, { min: 0, unit: 'exponent', doc: 'a: exponent of perceived certainty', source: `${CHOICE} (a > b: ${NAGIN})` }),
  severityExp: num(0.5, { min: 0, unit: 'exponent', doc: 'b: exponent of perceived severity', source: `${CHOICE} (b < a: ${NAGIN})` }),
  severityRef: num(30, { min: 0.01, unit: 'days of income', doc: 'S_ref: severity at which κ is stated', source: CHOICE }),
  rewardKappa: num(1, { min: 0, unit: 'factor', doc: 'strength of the reward response of good deeds: g = 1 + κ_r·r̂^a·(V̂/S_ref)^b', source: CHOICE }),
  opportunityDays: num(1, { min: 0, unit: 'days of income', doc: 'value of an opportunity lost to a sanction (a blocked trip, an admission)', source: CHOICE }),
  benefitDays: num(1, { min: 0, unit: 'days of income', doc: 'value of a benefit denied or received in a step', source: CHOICE }),
  listingDays: num(0, { min: 0, unit: 'days of income', doc: 'stigma of a sanction itself (listing, points), beyond what it costs', source: CHOICE }),
});

export interface PerceptionParams {
  memoryDays: number;
  priorWeight: number;
  priorUnknown: number;
  severityPrior: number;
  vicarious: number;
  publicity: number;
  kappa: number;
  certaintyExp: number;
  severityExp: number;
  severityRef: number;
  rewardKappa: number;
  opportunityDays: number;
  benefitDays: number;
  listingDays: number;
}

/** m = 1/(1 + κ·ĉ^a·(Ŝ/S_ref)^b): the factor on the violation rate. */
export function violationFactor(c: number, S: number, p: PerceptionParams): number {
  if (c <= 0 || S <= 0 || p.kappa <= 0) return 1;
  return 1 / (1 + p.kappa * Math.pow(c, p.certaintyExp) * Math.pow(S / p.severityRef, p.severityExp));
}

/** g = 1 + κ_r·r̂^a·(V̂/S_ref)^b: the factor on the rate of good deeds. */
export function rewardFactor(r: number, V: number, p: PerceptionParams): number {
  if (r <= 0 || V <= 0 || p.rewardKappa <= 0) return 1;
  return 1 + p.rewardKappa * Math.pow(r, p.certaintyExp) * Math.pow(V / p.severityRef, p.severityExp);
}

const D = DOMAINS.length;
/**
 * A loss (gain) is put down to one's sanctions (rewards) only while their decayed count is at least
 * this: about three memory spans after the last one (modelling choice).
 */
const ATTRIBUTE_MIN = 0.05;

/** Per-agent perceptions; arrays indexed d·n + i (domains of src/core/population.ts). */
export class Perception {
  /** Sanctions seen (A) and violations believed (T) behind the certainty. */
  readonly caught: Float64Array;
  readonly trials: Float64Array;
  /** Sanctions seen with their consequences (N) and what they cost (L, days of income). */
  readonly seen: Float64Array;
  readonly cost: Float64Array;
  /** Own sanctions by domain (O), for attributing one's losses to domains. */
  readonly own: Float64Array;
  /** Rewards: seen (R_A), good deeds believed (R_T), rewards with visible value (R_N), value (R_L), own rewards (O_R). */
  readonly rCaught: Float64Array;
  readonly rTrials: Float64Array;
  readonly rSeen: Float64Array;
  readonly rValue: Float64Array;
  readonly rOwn: Float64Array;
  /** This step's own acts and own chances per step (written by the behaviour model at behave). */
  readonly acted: Uint8Array;
  readonly chance: Float32Array;
  readonly goodActed: Uint8Array;
  readonly goodChance: Float32Array;
  private readonly loss: Float64Array;
  private readonly gain: Float64Array;
  private readonly ownSum: Float64Array;
  /** What each agent shows its neighbours this step (update's flags). */
  private readonly flags: Uint8Array;
  private readonly any: Int32Array;
  private offs = new Int32Array(0);
  private bits = new Int32Array(0);
  private pubs = new Float64Array(0);
  private nbS = new Float64Array(0);
  private nbL = new Float64Array(0);

  constructor(readonly n: number, readonly p: PerceptionParams) {
    this.caught = new Float64Array(D * n);
    this.trials = new Float64Array(D * n);
    this.seen = new Float64Array(D * n);
    this.cost = new Float64Array(D * n);
    this.own = new Float64Array(D * n);
    this.rCaught = new Float64Array(n);
    this.rTrials = new Float64Array(n);
    this.rSeen = new Float64Array(n);
    this.rValue = new Float64Array(n);
    this.rOwn = new Float64Array(n);
    this.acted = new Uint8Array(D * n);
    this.chance = new Float32Array(D * n);
    this.goodActed = new Uint8Array(n);
    this.goodChance = new Float32Array(n);
    this.loss = new Float64Array(n);
    this.gain = new Float64Array(n);
    this.ownSum = new Float64Array(n);
    this.flags = new Uint8Array(n);
    this.any = new Int32Array((n + 31) >>> 5);
  }

  /** Prior certainty c₀ of agent i in domain d. */
  prior(world: World, d: number, i: number): number {
    if (world.pop.knowledge[i]! >= 1) return Math.min(1, world.detect[d * 2 + world.pop.group[i]!]! * world.watch[i]!);
    return this.p.priorUnknown;
  }

  /** Perceived certainty ĉ of agent i in domain d. */
  certainty(world: World, d: number, i: number): number {
    const k = d * this.n + i;
    const w0 = this.p.priorWeight;
    return Math.min(1, Math.max(0, (w0 * this.prior(world, d, i) + this.caught[k]!) / (w0 + this.trials[k]!)));
  }

  /** Perceived severity Ŝ (days of income a sanction costs) of agent i in domain d. */
  severity(d: number, i: number): number {
    const k = d * this.n + i;
    return this.cost[k]! / (this.p.severityPrior + this.seen[k]!);
  }

  /** Perceived chance r̂ that a good deed is rewarded. */
  rewardChance(i: number): number {
    return Math.min(1, this.rCaught[i]! / (this.p.priorWeight + this.rTrials[i]!));
  }

  /** Perceived value V̂ of a reward, in days of income. */
  rewardValue(i: number): number {
    return this.rValue[i]! / (this.p.severityPrior + this.rSeen[i]!);
  }

  /**
   * After the sanction stage: fold this step's experience (world.experience, own acts in `acted`,
   * own chances in `chance`) into the perceptions. `domains`: the violating domains tracked.
   */
  update(world: World, domains: readonly number[]): void {
    const n = this.n;
    const p = this.p;
    const ex = world.experience;
    const dt = world.daysPerStep;
    const gamma = Math.exp(-dt / p.memoryDays);
    const { start, deg, targets } = world.adj;
    const wv = p.vicarious;
    const wp = p.publicity;
    // what each agent lost / gained this step (days of own income)
    for (let j = 0; j < n; j++) {
      const s = ex.sanctioned[j]!;
      let events = 0;
      for (let b = s; b; b &= b - 1) events++;
      const denied = world.benefitEligible[j]! && !world.benefit[j]! ? 1 : 0;
      this.loss[j] = ex.incomeLost[j]! + p.opportunityDays * ex.opportunitiesLost[j]! + p.benefitDays * denied + p.listingDays * events;
      const m = world.incomeMult[j]!;
      this.gain[j] = (m > 1 ? (m - 1) * dt : 0) + p.benefitDays * world.benefit[j]!;
    }
    // own sanctions (for attribution) first, so a loss in the step of the sanction is attributed
    const own = this.own;
    const sanctioned = ex.sanctioned;
    const rewarded = ex.rewarded;
    const T = domains.length;
    let mask = 0;
    for (let t = 0; t < T; t++) {
      const d = domains[t]!;
      const bit = 1 << d;
      mask |= bit;
      const o = d * n;
      for (let j = 0; j < n; j++) own[o + j] = gamma * own[o + j]! + (sanctioned[j]! & bit ? 1 : 0);
    }
    // share of each agent's loss put down to domain d
    const ownSum = this.ownSum.fill(0);
    for (const d of domains) for (let j = 0; j < n; j++) ownSum[j]! += own[d * n + j]!;
    for (let j = 0; j < n; j++) if (ownSum[j]! < ATTRIBUTE_MIN) ownSum[j] = 0;
    // rewards (any domain) for good conduct: own rewards first (read by the neighbour pass)
    const rOwn = this.rOwn;
    for (let j = 0; j < n; j++) rOwn[j] = gamma * rOwn[j]! + (rewarded[j] ? 1 : 0);
    // What each agent shows its neighbours, as flags: 1 sanctioned in a tracked domain, 2 a loss
    // attributed to its sanctions, 4 rewarded, 8 recently rewarded (its gain is seen). An agent
    // with no flag adds nothing to any neighbour's sums (every term it would add is 0, and the
    // sums are never −0), so skipping it changes no number.
    const loss = this.loss;
    const gain = this.gain;
    const flags = this.flags;
    // any flag, one bit per agent: the neighbour pass reads this small set (n/8 bytes, cache-resident)
    const any = this.any.fill(0);
    for (let j = 0; j < n; j++) {
      const f = (sanctioned[j]! & mask ? 1 : 0) | (loss[j]! > 0 && ownSum[j]! > 0 ? 2 : 0) | (rewarded[j] ? 4 : 0) | (rOwn[j]! >= ATTRIBUTE_MIN ? 8 : 0);
      flags[j] = f;
      if (f !== 0) any[j >>> 5]! |= 1 << (j & 31);
    }
    const offs = this.offsets(domains);
    const bits = this.bits;
    const pubs = this.pubs;
    for (let t = 0; t < T; t++) pubs[t] = n ? ex.published[domains[t]!]! / n : 0;
    const nbS = this.nbS;
    const nbL = this.nbL;
    const { caught, trials, seen, cost, acted, chance } = this;
    const { rCaught, rTrials, rSeen, rValue, goodActed, goodChance } = this;
    // one pass over the ties for every domain and the rewards; each sum adds its terms in the
    // order of the ties, as a pass per domain did
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < T; t++) {
        nbS[t] = 0;
        nbL[t] = 0;
      }
      let nbR = 0, nbV = 0;
      const s0 = start[i]!, dg = deg[i]!;
      for (let e = s0; e < s0 + dg; e++) {
        const j = targets[e]!;
        if ((any[j >>> 5]! & (1 << (j & 31))) === 0) continue;
        const f = flags[j]!;
        if (f & 3) {
          const sj = sanctioned[j]!;
          const lj = loss[j]!;
          const sum = ownSum[j]!;
          for (let t = 0; t < T; t++) {
            if (sj & bits[t]!) nbS[t]!++;
            if (f & 2) nbL[t]! += (lj * own[offs[t]! + j]!) / sum;
          }
        }
        if (f & 4) nbR++;
        if (f & 8) nbV += gain[j]!;
      }
      const li = loss[i]!, si = ownSum[i]!;
      const sani = sanctioned[i]!;
      for (let t = 0; t < T; t++) {
        const k = offs[t]! + i;
        const ownI = sani & bits[t]! ? 1 : 0;
        const myL = li > 0 && si > 0 ? (li * own[k]!) / si : 0;
        const v = chance[k]!;
        const s = nbS[t]!;
        caught[k] = gamma * caught[k]! + ownI + wv * s + wp * pubs[t]!;
        trials[k] = gamma * trials[k]! + acted[k]! + wv * dg * v + wp * v;
        seen[k] = gamma * seen[k]! + ownI + wv * s;
        cost[k] = gamma * cost[k]! + myL + wv * nbL[t]!;
      }
      const ownR = rewarded[i] ? 1 : 0;
      const v = goodChance[i]!;
      rCaught[i] = gamma * rCaught[i]! + ownR + wv * nbR;
      rTrials[i] = gamma * rTrials[i]! + goodActed[i]! + wv * dg * v;
      rSeen[i] = gamma * rSeen[i]! + ownR + wv * nbR;
      rValue[i] = gamma * rValue[i]! + (rOwn[i]! >= ATTRIBUTE_MIN ? gain[i]! : 0) + wv * nbV;
    }
  }

  /** Offsets d·n and bits 1 << d of the tracked domains (kept between steps). */
  private offsets(domains: readonly number[]): Int32Array {
    const T = domains.length;
    if (this.offs.length !== T) {
      this.offs = new Int32Array(T);
      this.bits = new Int32Array(T);
      this.pubs = new Float64Array(T);
      this.nbS = new Float64Array(T);
      this.nbL = new Float64Array(T);
    }
    for (let t = 0; t < T; t++) {
      this.offs[t] = domains[t]! * this.n;
      this.bits[t] = 1 << domains[t]!;
    }
    return this.offs;
  }
}
