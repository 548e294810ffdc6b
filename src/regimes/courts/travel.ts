/**
 * Travel bans of the court blacklist and of joint punishment (a helper, not a plug-in).
 *
 * A banned agent attempts flights and rail trips (sleeper, first/business class on high-speed
 * rail) at daily rates; each attempt is a blocked ticket, counted in the free counters
 * `blocked_flights` and `blocked_trains` of `world.stats`, and each blocked ticket is an
 * opportunity lost (`world.lostOpportunity`: the trip that could not be made), so what a listing
 * costs reaches perceptions through world.experience (src/behaviour/perception.ts, valued at
 * `opportunityDays`). One shared service per world makes sure
 * an agent's trips are drawn once per step even when two regimes ban the same person (the court's
 * own consumption restriction and the transport agencies of joint punishment): the first regime
 * to ban agent i in a step draws its trips, later ones do nothing for i.
 *
 * Calibration (docs/calibration.md#court-blacklist-and-joint-punishment [S]): by Jul 2019 about
 * 27.3M plane and 6M train tickets were blocked for > 14.5M listed people, ≈ 1.9 flights and 0.42
 * rail trips per listed person over the life of the list (Oct 2013 – Jul 2019, 5.75 years).
 * Conversion: the list grew about linearly, so a person listed in Jul 2019 had been listed for half
 * that time on average, 2.875 years; blocked tickets per listed person-year ≈ 1.9 / 2.875 ≈ 0.66
 * flights and 0.42 / 2.875 ≈ 0.146 rail trips (Sep 2018 figures give 0.49 and 0.18 by the same
 * conversion: the rates are rough, [S] with a derived conversion).
 *
 * Exit bans (`exitBan`): listed judgment debtors may be barred from leaving the country — the
 * Exit-Entry Administration Law (2012) Art. 12 bars the exit of a citizen whom a people's court, in an
 * unresolved civil case, has decided may not leave, and the joint-punishment opinions name restricting
 * departure among the sanctions on listed debtors [P/S]. The ban costs only those who travel abroad:
 * a share `abroadShare` of people travel abroad for work (fixed per person: a keyed draw of the agent
 * alone), `abroadTripsPerYear` trips a year each (Poisson per step); each trip of a banned traveller
 * is blocked (with the enforcing authority's probability) and costs one lost opportunity (the deal,
 * the posting) and `daysLostPerTrip` days of income: incomeMult *= 1 − min(Δ, blocked·daysLostPerTrip)/Δ.
 * Counted: `exit_bans` (people under an exit ban this step) and `blocked_departures`. Call it at the
 * sanction stage (the core resets incomeMult at the start of that stage). abroadShare,
 * abroadTripsPerYear and daysLostPerTrip are modelling choices: no source measures them.
 *
 * All draws are keyed (stream 'regime:court-travel': agent, day, purpose, attempt): the trips of an
 * agent on a day do not depend on who else is banned (common random numbers).
 */
import { num, prob } from '../../core/params.js';
import type { Keyed } from '../../core/rng.js';
import type { World } from '../../core/world.js';

const SRC = 'docs/calibration.md#court-blacklist-and-joint-punishment [S]: Jul 2019 ≈ 1.9 flights and 0.42 rail trips blocked per listed person; ÷ 2.875 mean years listed (linear growth since Oct 2013)';

export const travelParams = () => ({
  flightsPerYear: num(0.66, { min: 0, unit: 'attempts per listed person-year', doc: 'flight tickets a banned person tries to buy per year (each is blocked)', source: SRC }),
  trainsPerYear: num(0.146, { min: 0, unit: 'attempts per listed person-year', doc: 'sleeper / first-class rail tickets a banned person tries to buy per year (each is blocked)', source: SRC }),
});

const EXIT = 'the source; Exit-Entry Administration Law of the PRC (2012) Art. 12: no exit for a person a court has barred in an unresolved civil case [P]; joint-punishment opinions (2016): restricting departure of listed debtors [S]';

/** Settings of an exit ban (see the header). */
export interface ExitSettings {
  abroadShare: number;
  abroadTripsPerYear: number;
  daysLostPerTrip: number;
}

/** Parameter table of the exit ban's cost. */
export const exitCostParams = () => ({
  abroadShare: prob(0.05, { unit: 'share', doc: 'share of people who travel abroad for work (fixed per person; modelling choice)', source: EXIT }),
  abroadTripsPerYear: num(4, { min: 0, unit: 'trips per year', doc: 'work trips abroad per year of a person who travels abroad (modelling choice)' }),
  daysLostPerTrip: num(5, { min: 0, unit: 'days of income', doc: 'income lost per blocked trip abroad (the work it was for; modelling choice)' }),
});

/** Keyed Poisson draw by inversion of one keyed uniform (normal approximation above a mean of 30). */
function poisson(key: Keyed, lambda: number, i: number, day: number, purpose: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * key.normal(i, day, purpose)));
  const u = key.u(i, day, purpose);
  let k = 0, pk = Math.exp(-lambda), F = pk;
  while (u >= F && k < 1000) {
    k++;
    pk *= lambda / k;
    F += pk;
  }
  return k;
}

const FLIGHTS = 0, TRAINS = 1, ENF_F = 2, ENF_T = 3, ABROAD = 4, TRIPS = 5, ENF_X = 6;

export class TravelBans {
  private readonly drawn: Uint8Array;
  private readonly exitDrawn: Uint8Array;
  private step = -1;
  private exitStep = -1;
  private readonly key: Keyed;

  constructor(private readonly world: World) {
    this.drawn = new Uint8Array(world.n);
    this.exitDrawn = new Uint8Array(world.n);
    this.key = world.keyed('regime:court-travel');
  }

  /**
   * Agent i is banned from travel this step by an authority that enforces with probability
   * `enforce`; draws its attempted trips (once per agent and step) and counts the blocked ones.
   */
  ban(i: number, flightsPerYear: number, trainsPerYear: number, enforce = 1): void {
    const w = this.world;
    if (this.step !== w.step) {
      this.drawn.fill(0);
      this.step = w.step;
    }
    if (this.drawn[i]) return;
    this.drawn[i] = 1;
    const dt = w.daysPerStep;
    const key = this.key;
    const f = poisson(key, (flightsPerYear / 365) * dt, i, w.day, FLIGHTS);
    const t = poisson(key, (trainsPerYear / 365) * dt, i, w.day, TRAINS);
    let bf = 0, bt = 0;
    for (let k = 0; k < f; k++) if (enforce >= 1 || key.chance(enforce, i, w.day, ENF_F, k)) bf++;
    for (let k = 0; k < t; k++) if (enforce >= 1 || key.chance(enforce, i, w.day, ENF_T, k)) bt++;
    if (bf) w.stats.add('blocked_flights', bf);
    if (bt) w.stats.add('blocked_trains', bt);
    if (bf + bt) w.lostOpportunity[i]! += bf + bt;
  }

  /** Whether agent i travels abroad for work (fixed per agent). */
  travelsAbroad(i: number, abroadShare: number): boolean {
    return this.key.u(i, 0, ABROAD) < abroadShare;
  }

  /**
   * Agent i may not leave the country this step (an authority that enforces with probability
   * `enforce`, per trip): once per agent and step, its work trips abroad are drawn and the blocked
   * ones cost opportunities and income (see the header). Call at the sanction stage.
   */
  exitBan(i: number, e: ExitSettings, enforce = 1): void {
    const w = this.world;
    if (this.exitStep !== w.step) {
      this.exitDrawn.fill(0);
      this.exitStep = w.step;
    }
    if (this.exitDrawn[i] || enforce <= 0) return;
    this.exitDrawn[i] = 1;
    w.stats.add('exit_bans', 1);
    if (!this.travelsAbroad(i, e.abroadShare)) return;
    const dt = w.daysPerStep;
    const trips = poisson(this.key, (e.abroadTripsPerYear / 365) * dt, i, w.day, TRIPS);
    let blocked = 0;
    for (let k = 0; k < trips; k++) if (enforce >= 1 || this.key.chance(enforce, i, w.day, ENF_X, k)) blocked++;
    if (!blocked) return;
    w.stats.add('blocked_departures', blocked);
    w.lostOpportunity[i]! += blocked;
    if (dt > 0) w.incomeMult[i]! *= 1 - Math.min(dt, blocked * e.daysLostPerTrip) / dt;
  }

  /** Window counters for a regime's `record`. */
  static columns(world: World) {
    return { blocked_flights: world.stats.extra.get('blocked_flights') ?? 0, blocked_trains: world.stats.extra.get('blocked_trains') ?? 0 };
  }

  /** Window counters of exit bans. */
  static exitColumns(world: World) {
    return { exit_bans: world.stats.extra.get('exit_bans') ?? 0, blocked_departures: world.stats.extra.get('blocked_departures') ?? 0 };
  }
}

/** The world's shared travel-ban service. */
export function travelBans(world: World): TravelBans {
  let t = world.services.get('court.travel') as TravelBans | undefined;
  if (!t) {
    t = new TravelBans(world);
    world.services.set('court.travel', t);
  }
  return t;
}
