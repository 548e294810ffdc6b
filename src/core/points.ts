/**
 * Point regimes as a service: what a points regime (rongcheng, suining, national-composite, sesame) exposes so
 * that plug-ins of other families can act on its confirmed point changes without importing it.
 *
 * A regime with point entries registers `world.services.set(pointsServiceKey(id), service)` in
 * `create`. Two uses:
 *  - contesting: the `point-appeals` safeguard reads the entries confirmed in the regime's last score
 *    stage (`recent`: agent, case behind the entry, points, day) and, for a won appeal, calls
 *    `restore(entry)`, which undoes the entry's change (and makes any later lapse of the entry a no-op);
 *  - informing: the `informing` adaptation reads `informReward` (points per confirmed report; 0 = the
 *    regime does not reward reports: no motive), the points at which benefits begin (`benefitAt`) and the
 *    domains the regime scores (`reportDomains`), and registers a report with `report(k, informant)`
 *    (record index k of this step's `world.records`, pushed at the observe stage): the regime credits
 *    `informReward` to the informant when, and only when, its own procedure confirms the record.
 * Whether an entry is mistaken is never part of the service: deciders read the case's evidence
 * (src/core/truth.ts).
 */
import type { World } from './world.js';

/** A confirmed point change of a regime. */
export interface PointEntry {
  /** Entry id, unique within the regime (pass it to `restore`). */
  readonly id: number;
  readonly agent: number;
  /** Case behind the entry (src/core/truth.ts); −1 when none (a reward for informing). */
  readonly caseId: number;
  /** Change of the score the entry made (deductions < 0). */
  readonly points: number;
  /** Day the change was confirmed. */
  readonly day: number;
}

export interface PointsService {
  /** Regime id. */
  readonly regime: string;
  /** The regime's score column. */
  readonly score: Float64Array;
  /** Range of the score (as offered as primary score). */
  readonly min: number;
  readonly max: number;
  /** Entries confirmed in the regime's last score stage (cleared at the start of its next one). */
  recent(): readonly PointEntry[];
  /** Whether the entry is still in force (not lapsed, not restored). */
  live(id: number): boolean;
  /** Undoes the entry's change; returns the points given back (0 when the entry was no longer in force). */
  restore(id: number): number;
  /** Points per report the regime credits to an informant when it confirms the reported record (0: none). */
  readonly informReward: number;
  /** Score at or above which the regime grants benefits now (the informant's target). */
  benefitAt(): number;
  /** Domains (DOMAIN_INDEX) whose violations the regime deducts for (what is worth reporting). */
  readonly reportDomains: readonly number[];
  /** Registers record k of this step's world.records as a report by `informant`. */
  report(k: number, informant: number): void;
}

/** Service key of a points regime. */
export const pointsServiceKey = (regime: string): string => `points:${regime}`;

/** The points services of the world (regimes that registered one), in registration order. */
export function pointsServices(world: World): PointsService[] {
  const out: PointsService[] = [];
  for (const [k, v] of world.services) if (k.startsWith('points:')) out.push(v as PointsService);
  return out;
}

/**
 * The service of a regime that keeps its entries in a PointBook: `undo(agent, points, id)` takes the
 * points back in the regime's own terms (and re-grades, re-evaluates …); the rest is the book's.
 */
export function bookService(
  world: World,
  o: Pick<PointsService, 'regime' | 'score' | 'min' | 'max' | 'informReward' | 'benefitAt' | 'reportDomains'> & {
    book: PointBook;
    undo(agent: number, points: number, id: number): void;
  },
): PointsService {
  const { book } = o;
  return {
    regime: o.regime,
    score: o.score,
    min: o.min,
    max: o.max,
    informReward: o.informReward,
    benefitAt: o.benefitAt,
    reportDomains: o.reportDomains,
    recent: () => book.recent(),
    live: (id) => book.live(id),
    restore(id) {
      if (!book.live(id)) return 0;
      const v = book.take(id);
      o.undo(book.agent[id]!, v, id);
      return v;
    },
    report: (k, informant) => book.report(world.step, k, informant),
  };
}

/**
 * Book-keeping shared by the regimes: entries by id (agent, case, points, day, in force) on growable
 * arrays, the recent window, and the reports of this step (record index → informant).
 */
export class PointBook {
  agent: number[] = [];
  caseId: number[] = [];
  points: number[] = [];
  day: number[] = [];
  /** 1 while the entry is in force. */
  inForce: number[] = [];
  private window: PointEntry[] = [];
  private readonly reports = new Map<number, number>();
  private reportStep = -1;

  /** A new confirmed entry; returns its id. */
  add(agent: number, caseId: number, points: number, day: number): number {
    const id = this.agent.length;
    this.agent.push(agent);
    this.caseId.push(caseId);
    this.points.push(points);
    this.day.push(day);
    this.inForce.push(1);
    this.window.push({ id, agent, caseId, points, day });
    return id;
  }
  /** Start of the regime's score stage: the recent window restarts. */
  startWindow(): void {
    this.window = [];
  }
  recent(): readonly PointEntry[] {
    return this.window;
  }
  live(id: number): boolean {
    return id >= 0 && id < this.inForce.length && this.inForce[id] === 1;
  }
  /** Takes the entry out of force (it lapsed or was restored); returns its change (0 when it was not in force). */
  take(id: number): number {
    if (!this.live(id)) return 0;
    this.inForce[id] = 0;
    return this.points[id]!;
  }
  /** Registers a report of this step (record index k). */
  report(step: number, k: number, informant: number): void {
    if (step !== this.reportStep) {
      this.reports.clear();
      this.reportStep = step;
    }
    this.reports.set(k, informant);
  }
  /** Informant of record k of this step, −1 when none. */
  informant(step: number, k: number): number {
    if (step !== this.reportStep) return -1;
    return this.reports.get(k) ?? -1;
  }
}
