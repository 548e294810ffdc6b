/**
 * Travel bans of the court blacklist and of joint punishment (a helper, not a plug-in).
 *
 * A banned agent attempts flights and rail trips (sleeper, first/business class on high-speed
 * rail) at daily rates; each attempt is a blocked ticket, counted in the free counters
 * `blocked_flights` and `blocked_trains` of `world.stats`. One shared service per world makes sure
 * an agent's trips are drawn once per step even when two regimes ban the same person (the court's
 * own consumption restriction and the transport agencies of joint punishment): the first regime
 * to ban agent i in a step draws its trips, later ones do nothing for i.
 *
 * Calibration (CALIBRATION.md, "Court blacklist and Joint Punishment" [S]): by Jul 2019 about
 * 27.3M plane and 6M train tickets were blocked for > 14.5M listed people, ≈ 1.9 flights and 0.42
 * rail trips per listed person over the life of the list (Oct 2013 – Jul 2019, 5.75 years).
 * Conversion: the list grew about linearly, so a person listed in Jul 2019 had been listed for half
 * that time on average, 2.875 years; blocked tickets per listed person-year ≈ 1.9 / 2.875 ≈ 0.66
 * flights and 0.42 / 2.875 ≈ 0.146 rail trips (Sep 2018 figures give 0.49 and 0.18 by the same
 * conversion: the rates are rough, [S] with a derived conversion).
 */
import { num } from '../core/params.js';
import type { World } from '../core/world.js';

const SRC = 'CALIBRATION.md, Court blacklist and Joint Punishment [S]: Jul 2019 ≈ 1.9 flights and 0.42 rail trips blocked per listed person; ÷ 2.875 mean years listed (linear growth since Oct 2013)';

export const travelParams = () => ({
  flightsPerYear: num(0.66, { min: 0, unit: 'attempts per listed person-year', doc: 'flight tickets a banned person tries to buy per year (each is blocked)', source: SRC }),
  trainsPerYear: num(0.146, { min: 0, unit: 'attempts per listed person-year', doc: 'sleeper / first-class rail tickets a banned person tries to buy per year (each is blocked)', source: SRC }),
});

export class TravelBans {
  private readonly drawn: Uint8Array;
  private step = -1;
  private readonly rng;

  constructor(private readonly world: World) {
    this.drawn = new Uint8Array(world.n);
    this.rng = world.rng('regime:court-travel');
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
    const f = this.rng.poisson((flightsPerYear / 365) * dt);
    const t = this.rng.poisson((trainsPerYear / 365) * dt);
    let bf = 0, bt = 0;
    for (let k = 0; k < f; k++) if (enforce >= 1 || this.rng() < enforce) bf++;
    for (let k = 0; k < t; k++) if (enforce >= 1 || this.rng() < enforce) bt++;
    if (bf) w.stats.add('blocked_flights', bf);
    if (bt) w.stats.add('blocked_trains', bt);
  }

  /** Window counters for a regime's `record`. */
  static columns(world: World) {
    return { blocked_flights: world.stats.extra.get('blocked_flights') ?? 0, blocked_trains: world.stats.extra.get('blocked_trains') ?? 0 };
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
