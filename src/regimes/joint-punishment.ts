/**
 * `joint-punishment`: "broken trust in one place, restrictions everywhere" — the sanction catalogue
 * that many agencies apply to anyone on ANY blacklist (`world.lists.black()`), at the sanction stage.
 *
 * `breadth` b ∈ [0, 1] is the share of the catalogue's agencies that join in (1 = all of the ~60
 * agencies reported since 2016). For a listed agent i, each step:
 *  - income potential (senior posts, subsidies, real estate, credit): incomeMult *= 1 − cut, with
 *    cut = 1 − Πₖ (1 − b·cutₖ) over the catalogue's income cuts (`incomeCuts`, shares of income
 *    potential); proportionality (POLICY.sanctionCap = c): cut ≤ c · severity, severity = Σ over the
 *    lists i is on of the list's severity column `severity_<list id>` (court: months of income owed;
 *    speech: judged-illegal statements), 1 where a list has no such column;
 *  - honours and credit (`denyBenefits`): a benefit granted this step by any regime is withdrawn
 *    (benefit = 0; benefitEligible stays 1) with probability b;
 *  - mobility (`travel`): flights and sleeper / first-class rail — attempted trips are blocked, each
 *    with probability b (court-travel.ts; an agent already banned by the court this step is not
 *    drawn twice);
 *  - schooling of household members (option `association`): admissions denied with probability
 *    b · associationStrength (court-association.ts).
 * The income cuts are not calibrated [W]: parameters to sweep.
 * Sources: CALIBRATION.md, "Court blacklist and Joint Punishment".
 */
import { defineRegime } from '../core/contracts.js';
import { bool, numRecord, prob } from '../core/params.js';
import { POLICY, policyOf } from '../core/policy.js';
import { Association, association, associationParams } from './court-association.js';
import { travelBans, travelParams, TravelBans } from './court-travel.js';

const CAL = 'CALIBRATION.md, Court blacklist and Joint Punishment';

export const jointPunishment = defineRegime({
  id: 'joint-punishment',
  title: 'Joint Punishment System (sanctions on every blacklist by many agencies)',
  summary: 'travel bans, bars on senior posts, subsidies, real estate and credit, no honours, school bans for households',
  doc:
    'Anyone on any blacklist is sanctioned by many agencies at once: no flights or upper-class train tickets, no ' +
    'senior posts, subsidies, property purchases or credit (a cut to income potential), no honours or credit ' +
    'benefits, and, as an option, school admissions refused to their household members. Breadth is the share ' +
    'of agencies that take part. A proportionality cap, when a safeguard sets it, limits the income cut.',
  sources: [
    `${CAL}: sanctions on flights, sleeper trains, first/business class on high-speed rail; since 2016, 60 agencies join in [S]`,
    'MODEL.md: Joint Punishment System — travel bans, first-class and school restrictions, bars on senior posts, subsidies, honours, real estate',
  ],
  params: {
    breadth: prob(1, { unit: 'share', doc: 'share of the catalogue’s agencies that apply their sanctions (1 = all ~60)', source: `${CAL}: 60 agencies since 2016 [S]` }),
    incomeCuts: numRecord(
      { seniorPosts: 0.1, subsidies: 0.02, realEstate: 0.02, credit: 0.05 },
      { min: 0, max: 1, unit: 'share of income potential', doc: 'income potential lost to each sanction while listed (bars on senior posts, subsidies, real-estate purchase, credit)', source: `${CAL}: catalogue [S]; sizes [W]` },
    ),
    denyBenefits: bool(true, { doc: 'honours and credit: benefits granted by any regime are withdrawn from the listed', source: `${CAL} [S]` }),
    travel: bool(true, { doc: 'mobility: flights and sleeper / first-class rail tickets are blocked', source: `${CAL} [S]` }),
    ...travelParams(),
    ...associationParams(),
  },
  columns: ['jp_sanctioned', 'jp_income_cut_mean', 'jp_benefits_denied', 'blocked_flights', 'blocked_trains', 'school_admissions_denied'],
  create(world, p) {
    const n = world.n;
    const listed = new Uint8Array(n);
    const travel = travelBans(world);
    const assoc = association(world);
    const rng = world.rng('regime:joint-punishment');
    const b = p.breadth;
    let keep = 1;
    for (const c of Object.values(p.incomeCuts)) keep *= 1 - b * c;
    const fullCut = 1 - keep;
    let cap = Infinity;
    let sanctioned = 0, cutSum = 0, denied = 0;
    const severityOf = (i: number) => {
      let s = 0;
      for (const l of world.lists.black()) {
        if (!l.on[i]) continue;
        const col = world.pop.column(`severity_${l.id.replace(/-/g, '_')}`);
        s += col ? col[i]! : 1;
      }
      return s;
    };
    return {
      init() {
        cap = policyOf(world, POLICY.sanctionCap, Infinity);
      },
      sanction() {
        world.lists.anyBlack(listed);
        sanctioned = 0;
        cutSum = 0;
        for (let i = 0; i < n; i++) {
          if (!listed[i]) continue;
          sanctioned++;
          const cut = cap === Infinity ? fullCut : Math.min(fullCut, cap * severityOf(i));
          world.incomeMult[i]! *= 1 - cut;
          cutSum += cut;
          if (p.denyBenefits && world.benefit[i] && rng() < b) {
            world.benefit[i] = 0;
            denied++;
          }
          if (p.travel) travel.ban(i, p.flightsPerYear, p.trainsPerYear, b);
        }
        if (p.association) assoc.apply(listed, { strength: b * p.associationStrength, admissionRate: p.admissionRate, schoolingPenalty: p.schoolingPenalty });
      },
      record() {
        const out = { jp_sanctioned: sanctioned, jp_income_cut_mean: sanctioned ? cutSum / sanctioned : null, jp_benefits_denied: denied, ...TravelBans.columns(world), ...Association.columns(world) };
        denied = 0;
        return out;
      },
    };
  },
});
