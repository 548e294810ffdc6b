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
 *    with probability b (travel.ts; an agent already banned by the court this step is not
 *    drawn twice);
 *  - schooling of household members (option `association`): admissions denied with probability
 *    b · associationStrength (association.ts), from the live lists;
 *  - exit (option `exitBan`): the listed may not leave the country; a person who travels abroad for
 *    work loses the blocked trips' opportunities and income (travel.ts, exitBan; enforced per
 *    trip with the same intensity as the other sanctions).
 * Agencies' own copies (option `copies`): the sanctions are applied by A = round(b·agencies) agencies,
 * each from its own copy of the blacklists (who is on any of them). Agency a synchronises its copy
 * with the lists every `syncDays` days, at a phase drawn once (keyed by agency); a share `staleShare`
 * of the agencies (the first round(staleShare·A)) add new listings at each sync but never remove
 * anyone. Person i is then sanctioned with intensity sᵢ = (number of agencies whose copy holds i) ÷
 * agencies in place of b·[listed]: income cut 1 − Πₖ(1 − sᵢ·cutₖ), benefits withdrawn and trips
 * blocked with probability sᵢ. So a new listing bites only after the copies catch up, and a removed
 * person keeps being sanctioned until the last copy syncs — forever by a stale copy. With syncDays 0
 * and staleShare 0 the copies are the lists. Counted: `jp_sanctioned_delisted` (people sanctioned
 * this step by a copy while on no blacklist) and `jp_listed_unsanctioned` (listed but in no copy yet).
 * Under a proportionality cap the cut follows the severity of the lists a person is on now, so a
 * stale copy then costs the delisted no income (its other sanctions stay). The option `association`
 * reads the live lists. syncDays and staleShare are modelling choices (no source measures agencies'
 * update lags).
 * The income cuts are not calibrated [W]: parameters to sweep. Every per-agent draw is keyed
 * (stream 'regime:joint-punishment': agent, day, purpose).
 * Sources: docs/calibration.md#court-blacklist-and-joint-punishment.
 */
import { defineRegime } from '../../core/contracts.js';
import { bool, num, numRecord, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { Association, association, associationParams } from './association.js';
import { exitCostParams, travelBans, travelParams, TravelBans } from './travel.js';

const CAL = 'docs/calibration.md#court-blacklist-and-joint-punishment';

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
    'docs/model.md#joint-punishment-system: Joint Punishment System — travel bans, first-class and school restrictions, bars on senior posts, subsidies, honours, real estate',
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
    exitBan: bool(false, { doc: 'exit: the listed may not leave the country (costs those who travel abroad for work)', source: 'Exit-Entry Administration Law of the PRC (2012) Art. 12 [P]; joint-punishment opinions (2016): restricting departure of listed debtors [S]' }),
    ...exitCostParams(),
    copies: bool(false, { doc: 'agencies sanction from their own copies of the blacklists, synchronised every syncDays (false: every agency reads the live lists)' }),
    agencies: num(60, { min: 1, int: true, unit: 'agencies', doc: 'agencies of the catalogue (with copies: each keeps its own copy)', source: `${CAL}: 60 agencies since 2016 [S]` }),
    syncDays: num(30, { min: 0, unit: 'days', doc: 'days between two synchronisations of an agency’s copy with the lists (0: every step); modelling choice' }),
    staleShare: prob(0.1, { unit: 'share', doc: 'share of agencies whose copies add listings but never remove anyone; modelling choice' }),
  },
  columns: ['jp_sanctioned', 'jp_income_cut_mean', 'jp_benefits_denied', 'jp_sanctioned_delisted', 'jp_listed_unsanctioned', 'blocked_flights', 'blocked_trains', 'school_admissions_denied', 'exit_bans', 'blocked_departures'],
  create(world, p) {
    const n = world.n;
    const listed = new Uint8Array(n);
    const travel = travelBans(world);
    const assoc = association(world);
    const key = world.keyed('regime:joint-punishment');
    const DENY = 0, PHASE = 1;
    const b = p.breadth;
    const cuts = Object.values(p.incomeCuts);
    const cutAt = (s: number) => {
      let keep = 1;
      for (const c of cuts) keep *= 1 - s * c;
      return 1 - keep;
    };
    // agencies' copies: copy[a][i] = 1 when agency a's copy holds i
    const A = p.copies ? Math.round(b * p.agencies) : 0;
    const staleN = Math.round(p.staleShare * A);
    const copy = Array.from({ length: A }, () => new Uint8Array(n));
    const phase = Array.from({ length: A }, (_, a) => key.u(a, 0, PHASE) * p.syncDays);
    const held = new Uint8Array(n); // agencies whose copy holds i
    const cutOf = Array.from({ length: A + 1 }, (_, c) => cutAt(c / p.agencies));
    const fullCut = cutAt(b);
    const syncs = (a: number, day: number, dt: number) =>
      p.syncDays <= 0 || world.step === 0 || Math.floor((day + phase[a]!) / p.syncDays) > Math.floor((day - dt + phase[a]!) / p.syncDays);
    let cap = Infinity;
    let sanctioned = 0, cutSum = 0, denied = 0, delisted = 0, unsanctioned = 0;
    const exit = { abroadShare: p.abroadShare, abroadTripsPerYear: p.abroadTripsPerYear, daysLostPerTrip: p.daysLostPerTrip };
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
        const day = world.day;
        world.lists.anyBlack(listed);
        sanctioned = 0;
        cutSum = 0;
        delisted = 0;
        unsanctioned = 0;
        if (p.copies) {
          held.fill(0);
          for (let a = 0; a < A; a++) {
            const c = copy[a]!;
            if (syncs(a, day, world.daysPerStep)) {
              if (a < staleN) for (let i = 0; i < n; i++) c[i]! |= listed[i]!;
              else c.set(listed);
            }
            for (let i = 0; i < n; i++) held[i]! += c[i]!;
          }
        }
        for (let i = 0; i < n; i++) {
          const h = p.copies ? held[i]! : listed[i]! ? 1 : 0;
          if (p.copies && listed[i] && h === 0) unsanctioned++;
          if (h === 0) continue;
          const s = p.copies ? h / p.agencies : b;
          if (s <= 0) continue;
          sanctioned++;
          if (!listed[i]) delisted++;
          const full = p.copies ? cutOf[h]! : fullCut;
          const cut = cap === Infinity ? full : Math.min(full, cap * severityOf(i));
          world.incomeMult[i]! *= 1 - cut;
          cutSum += cut;
          if (p.denyBenefits && world.benefit[i] && key.u(i, day, DENY) < s) {
            world.benefit[i] = 0;
            denied++;
          }
          if (p.travel) travel.ban(i, p.flightsPerYear, p.trainsPerYear, s);
          if (p.exitBan) travel.exitBan(i, exit, s);
        }
        if (p.association) assoc.apply(listed, { strength: b * p.associationStrength, admissionRate: p.admissionRate, schoolingPenalty: p.schoolingPenalty });
      },
      record() {
        const out = {
          jp_sanctioned: sanctioned,
          jp_income_cut_mean: sanctioned ? cutSum / sanctioned : null,
          jp_benefits_denied: denied,
          jp_sanctioned_delisted: delisted,
          jp_listed_unsanctioned: unsanctioned,
          ...TravelBans.columns(world),
          ...Association.columns(world),
          ...TravelBans.exitColumns(world),
        };
        denied = 0;
        return out;
      },
    };
  },
});
