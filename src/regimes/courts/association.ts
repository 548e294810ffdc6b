/**
 * Association sanctions (a helper of court-blacklist.ts and joint-punishment.ts, not a plug-in):
 * household members of a listed person lose school and university admissions.
 *
 * Rule, per step of Δ days, for every agent m who shares a household with a listed person other
 * than m itself (m may be listed too, when another member also is):
 *   - m faces an admission decision with probability 1 − exp(−admissionRate · Δ / 365): the chance
 *     that a member is of school age and at an admission step (the model has no ages; a documented
 *     stand-in: about a quarter of members are of school age, each at an admission step every
 *     ~2.5 years, ≈ 0.1 per member-year) [W, an assumption to sweep];
 *   - the admission is denied with probability `strength` (joint punishment: × breadth);
 *   - a denial: `world.lostOpportunity[m]++`, and a lasting cut to m's income potential,
 *     `income[m] *= 1 − schoolingPenalty` (less schooling, lower lifetime earnings), once per denial.
 * One shared service per world: each member faces at most one admission decision per step, with one
 * uniform draw u; every regime that sanctions the household denies it when u < its strength, so two
 * regimes together deny with the larger of their strengths, in either order.
 *
 * Source: docs/model.md#association-sanctions "Association sanctions: relatives sanctioned for a person's listing (a son's
 * university admission suspended)"; docs/calibration.md#court-blacklist-and-joint-punishment lists
 * school restrictions among the sanctions [S]. The strengths and the penalty are not calibrated [W].
 */
import { bool, num, prob } from '../../core/params.js';
import type { World } from '../../core/world.js';

const SRC = 'docs/model.md#association-sanctions; docs/calibration.md#court-blacklist-and-joint-punishment: school restrictions [S]';

export const associationParams = () => ({
  association: bool(false, { doc: 'association sanctions: household members of a listed person lose school admissions', source: SRC }),
  associationStrength: prob(1, { doc: 'probability that an admission decision of a listed person’s household member is denied', source: SRC + '; strength [W]' }),
  admissionRate: num(0.1, { min: 0, unit: 'decisions per member-year', doc: 'rate at which a household member faces a school or university admission decision', source: '[W] assumption: a quarter of members of school age, one admission step every ~2.5 years' }),
  schoolingPenalty: prob(0.1, { unit: 'share', doc: 'lasting cut to the member’s income potential per denied admission', source: '[W] assumption' }),
});

export interface AssociationOptions {
  strength: number;
  admissionRate: number;
  schoolingPenalty: number;
}

export class Association {
  private readonly u: Float64Array;
  private readonly denied: Uint8Array;
  private step = -1;
  private readonly key;
  private listedIn = new Int32Array(0);

  constructor(private readonly world: World) {
    this.u = new Float64Array(world.n);
    this.denied = new Uint8Array(world.n);
    this.key = world.keyed('regime:court-association');
  }

  /** Applies the association sanction to the households of agents with `listed[i] = 1`. */
  apply(listed: Uint8Array, o: AssociationOptions): void {
    const w = this.world;
    if (o.strength <= 0 || o.admissionRate <= 0) return;
    if (this.step !== w.step) {
      this.u.fill(NaN);
      this.denied.fill(0);
      this.step = w.step;
    }
    const { start, members } = w.households();
    if (this.listedIn.length !== start.length) this.listedIn = new Int32Array(start.length);
    const pDecision = 1 - Math.exp((-o.admissionRate * w.daysPerStep) / 365);
    const income = w.pop.income;
    for (let h = 0; h + 1 < start.length; h++) {
      const a = start[h]!, b = start[h + 1]!;
      if (b - a < 2) continue;
      let c = 0;
      for (let k = a; k < b; k++) c += listed[members[k]!]!;
      if (c === 0) continue;
      for (let k = a; k < b; k++) {
        const m = members[k]!;
        if (listed[m] && c === 1) continue; // the listed person alone: not an association sanction
        if (this.u[m] !== this.u[m]) this.u[m] = this.key.u(m, w.day, 0) < pDecision ? this.key.u(m, w.day, 1) : 2;
        if (this.denied[m] || this.u[m]! >= o.strength) continue;
        this.denied[m] = 1;
        w.lostOpportunity[m]!++;
        income[m]! *= 1 - o.schoolingPenalty;
        w.stats.add('school_admissions_denied', 1);
      }
    }
  }

  static columns(world: World) {
    return { school_admissions_denied: world.stats.extra.get('school_admissions_denied') ?? 0 };
  }
}

/** The world's shared association-sanction service. */
export function association(world: World): Association {
  let a = world.services.get('court.association') as Association | undefined;
  if (!a) {
    a = new Association(world);
    world.services.set('court.association', a);
  }
  return a;
}
