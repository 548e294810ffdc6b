/**
 * `point-appeals`: a person contests a confirmed point deduction of a points regime (rongcheng,
 * suining, national-composite, and sesame, where a deduction is what a counted record took off a
 * member's score: the points services of src/core/points.ts); an adjudicator decides on the
 * evidence after a delay; a won appeal gives the points back (sesame: the record leaves the lookback).
 *
 * Rule, each step of Δ days at the publish stage (after the regimes' score stage):
 * 1. decide: an appeal filed on day f is decided on the first step on or after f + delayDays. The
 *    adjudicator (util.ts, Decider) weighs the case behind the deduction — its file evidence e, a look
 *    of their own r = reexamine(c, q_l, z) and the appellant's exculpatory evidence d = defense(c):
 *      L = q_f(e − q_f/2) + q_l(r − q_l/2) − q_d(d − q_d/2),   q_l = diligence·√s,
 *    s = min(1, capacity·Δ ÷ appeals decided this step); the deduction stands when L ≥ λ =
 *    standard − (1 − independence)·bias, and is otherwise restored (`service.restore(entry)`; an entry
 *    that lapsed in the meantime has nothing left to restore). The label is never read: how many won
 *    appeals were against mistaken deductions comes out of the evidence.
 * 2. file: when a deduction (points < 0) of a covered regime is confirmed, the person appeals when
 *      knows   — knowledge of the rules = 1 (they follow their points; the source: few residents know
 *                their local scheme, so most never learn of a deduction);
 *      shows   — defense(c) > contestAt (they hold exculpatory evidence worth bringing);
 *      worth   — stake ≥ costDays, stake = |points| ÷ (max − min) · rangeValueDays: the points at
 *                stake as a share of the regime's score range, valued in days of income;
 *      affords — wealth ≥ costDays × income per day; filing pays the cost (wealth −= costDays × income).
 *    One appeal per deduction. No draw decides who files: it comes out of knowledge, evidence, stakes
 *    and wealth. The adjudicator's look is a keyed draw (agent, day, purpose, entry id).
 *
 * Sources: the source names the lack of a way to contest points and records as the most frequent
 * complaint about the municipal schemes; GDPR Art. 22(3) right to contest a decision [P]; Art. 12(3)
 * answer within one month [P]. Signal detection: Green & Swets (1966). costDays, contestAt,
 * rangeValueDays and the adjudicator's settings are modelling choices.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num } from '../core/params.js';
import { pointsServices, type PointsService } from '../core/points.js';
import { Decider, deciderParams } from './util.js';

interface Appeal {
  svc: PointsService;
  id: number;
  agent: number;
  caseId: number;
  filed: number;
}

export const pointAppeals = defineSafeguard({
  id: 'point-appeals',
  title: 'Appeals against point deductions',
  summary: 'people who follow their points, can show an error and find it worth the cost contest a deduction; an adjudicator weighs the evidence',
  doc:
    'A person who has lost points in a municipal or national points scheme, or whose Sesame score a record lowered, can contest the deduction, if they follow ' +
    'their points, have something to show, and the points at stake are worth the cost of the procedure. An adjudicator ' +
    'decides after about a month, weighing the file, a look of their own and what the person brings. A won appeal gives ' +
    'the points back. Deductions on wrong records are won more often because their evidence is weaker and the person ' +
    'can show more; an overloaded or dependent adjudicator gives back fewer.',
  sources: [
    'the source: the lack of any way to contest points is the most frequent complaint about the local schemes',
    'GDPR Art. 22(3): right to contest a decision based solely on automated processing [P]',
    'GDPR Art. 12(3): action on a request within one month [P]',
    'Green & Swets, Signal Detection Theory and Psychophysics (1966)',
  ],
  params: {
    costDays: num(10, { min: 0, unit: 'days of income', doc: 'cost of an appeal (fees, time), paid from wealth when filing; a person with less wealth cannot appeal (modelling choice)' }),
    contestAt: num(0.5, { unit: 'sd units', doc: 'the person appeals only when their exculpatory evidence exceeds this (modelling choice)' }),
    rangeValueDays: num(600, { min: 0, unit: 'days of income', doc: 'what the whole score range is worth to a person, in days of income: a deduction of |p| points is worth |p|/(max − min) of it (modelling choice; Rongcheng 0–1200: a 5-point ticket 2.5 days, 30-point fraud 15 days)' }),
    ...deciderParams('adjudicator', { diligence: 1.5, casesPerDay: 5, staffPer1000: 0.2, independence: 0.5, bias: 2, standard: 0 }),
    delayDays: num(30, { min: 0, unit: 'days', doc: 'days from filing to decision', source: 'GDPR Art. 12(3): one month' }),
  },
  columns: ['point_appeals_filed', 'point_appeals_won', 'point_appeals_won_wrongful', 'point_appeals_restored', 'point_appeals_time_share'],
  create(world, p) {
    const judge = new Decider(world, 'safeguard:point-appeals', p);
    const LOOK = 0;
    let queue: Appeal[] = [];
    let filed = 0, restored = 0;
    let won: number[] = [];
    return {
      publish() {
        const day = world.day;
        const pop = world.pop;
        // decide the appeals that are due
        let due = 0;
        while (due < queue.length && day >= queue[due]!.filed + p.delayDays) due++;
        judge.load(due, world.daysPerStep);
        for (let j = 0; j < due; j++) {
          const a = queue[j]!;
          if (judge.upholds(a.caseId, a.agent, LOOK, a.id, true)) continue;
          won.push(a.caseId);
          restored -= a.svc.restore(a.id);
        }
        queue = queue.slice(due);
        // file against the deductions confirmed this step
        for (const svc of pointsServices(world)) {
          const span = svc.max - svc.min;
          for (const e of svc.recent()) {
            if (!(e.points < 0) || e.caseId < 0) continue;
            const i = e.agent;
            if (pop.knowledge[i]! < 1) continue;
            if (!(world.cases.defense(e.caseId) > p.contestAt)) continue;
            const stake = span > 0 ? (-e.points / span) * p.rangeValueDays : 0;
            const cost = p.costDays * pop.income[i]!;
            if (stake < p.costDays || pop.wealth[i]! < cost) continue;
            pop.wealth[i]! -= cost;
            queue.push({ svc, id: e.id, agent: i, caseId: e.caseId, filed: day });
            filed++;
          }
        }
      },
      record() {
        let wrong = 0;
        for (const c of won) if (world.cases.isMistaken(c)) wrong++;
        const out = { point_appeals_filed: filed, point_appeals_won: won.length, point_appeals_won_wrongful: wrong, point_appeals_restored: restored, point_appeals_time_share: judge.timeShare };
        filed = 0;
        restored = 0;
        won = [];
        return out;
      },
    };
  },
});
