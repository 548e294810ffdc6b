/**
 * `national-composite`: one national score from four areas of "sincerity" — government affairs,
 * commercial, societal and judicial — with the spillover "broken trust in one place,
 * restrictions everywhere".
 *
 * Rules:
 * - each area k has a value aₖ ∈ [0, 100], starting at `start`; observed records move it:
 *   finance defaults → judicial (a court judgment) with probability `judicialShare`, otherwise
 *   commercial; commerce violations → commercial; law violations → government affairs
 *   (administrative dealings: taxes, permits, fees) with probability `govShare`, otherwise
 *   societal; civic good deeds → societal, + `goodDeedPoints`. Routing draws are keyed (stream
 *   `regime:national-composite:route`: agent, day, domain, ordinal of the agent's records of the
 *   domain that day). Speech and consumption are not scored. Each violation
 *   deducts `deductions[k]`; aₖ = clamp(start + Σ live changes, 0, 100);
 * - records count for `memoryDays` (or POLICY.expiryDays when shorter), then lapse;
 * - while the person is on any blacklist (e.g. `court-blacklist`), the judicial area is at most
 *   `listedJudicial`;
 * - composite = Σₖ wₖ·aₖ / Σₖ wₖ (the primary score, 0–100);
 * - spillover: if any one area is below `areaFloor`, the person is restricted in all: income ×
 *   `restrictIncomeMult`, one lost opportunity per `opportunityDays`, and no benefits; otherwise
 *   a composite ≥ `benefitThreshold` brings benefits (world.benefit). Everyone is eligible.
 * - points service (src/core/points.ts, world.services 'points:national-composite'): each record's
 *   change is an entry (agent, the record's case, day, and as `points` its weight on the composite,
 *   wₖ·change/Σw, clamping aside); `restore(entry)` takes the change out of its area (a won appeal,
 *   `point-appeals`) and the composite is re-evaluated for the person; a restored entry no longer
 *   lapses. Deductions are reported to world.experience as sanctions of the record's domain, good
 *   deeds as rewards. The composite does not reward reports (informReward 0).
 * For private persons government-affairs sincerity captures only their administrative dealings:
 * the area concerns mainly public bodies and officials. The source notes that the fragmented
 * reality is three separate systems (financial credit, court enforcement, local pilots), not one
 * score: this regime is the planned aggregate, a thought experiment on it.
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_GOOD, ACT_VIOLATION } from '../../core/events.js';
import { UserError } from '../../core/errors.js';
import { num, numList, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { DOMAIN_INDEX as D } from '../../core/population.js';
import { bookService, PointBook, pointsServiceKey } from '../../core/points.js';
import { DatedLedger, opportunityTicks } from '../municipal/helpers.js';

const GOV = 0, COM = 1, SOC = 2, JUD = 3;
const W = 'modelling assumption [W]: the four areas are named by the source (docs/model.md#national-composite-score), no weights or points are published';
const FOUR = 'docs/model.md#national-composite-score: national composite aggregates government-affairs, commercial, societal and judicial sincerity; the fragmented reality is three separate systems';

export const nationalComposite = defineRegime({
  id: 'national-composite',
  title: 'National composite score (four areas of sincerity, restrictions everywhere)',
  summary: 'one 0–100 score from government-affairs, commercial, societal and judicial areas; a low area restricts everywhere',
  doc:
    'One national score that adds up four areas: dealings with government, commercial honesty (debts, fraud), ' +
    'social conduct (traffic and public order, good deeds) and obeying court judgments. A low value in any single ' +
    'area restricts the person everywhere: income falls, opportunities are lost and no benefits are given. Being on ' +
    'a court blacklist counts against the judicial area. In reality these are three separate systems, not one score.',
  sources: [FOUR, 'docs/calibration.md#court-blacklist-and-joint-punishment: "broken trust in one place, restrictions everywhere"; 60 agencies join in since 2016 [S]'],
  params: {
    weights: numList([0.25, 0.25, 0.25, 0.25], { length: 4, min: 0, unit: 'weight', doc: 'weights of government affairs, commercial, societal, judicial', source: W }),
    start: num(80, { min: 0, max: 100, unit: 'points', doc: 'starting value of each area', source: W }),
    deductions: numList([20, 20, 10, 40], { length: 4, min: 0, unit: 'points per record', doc: 'deduction per record in government affairs, commercial, societal, judicial', source: W }),
    goodDeedPoints: num(20, { min: 0, unit: 'points', doc: 'societal points per recorded good deed', source: W }),
    judicialShare: prob(0.3, { doc: 'share of finance defaults that are court judgments (judicial area)', source: W }),
    govShare: prob(0.2, { doc: 'share of law violations that concern dealings with government (taxes, permits, fees)', source: W }),
    listedJudicial: num(0, { min: 0, max: 100, unit: 'points', doc: 'judicial area at most this while on any blacklist', source: W }),
    memoryDays: num(730, { min: 1, unit: 'days', doc: 'days a record counts', source: 'modelling assumption [W]; docs/calibration.md#safeguards-and-reforms, credit repair: serious records public 1–3 years [P/S]' }),
    areaFloor: num(60, { min: 0, max: 100, unit: 'points', doc: 'an area below this restricts the person in all areas', source: W }),
    restrictIncomeMult: num(0.9, { min: 0, max: 1, unit: 'factor', doc: 'income multiplier while restricted', source: W }),
    opportunityDays: num(30, { min: 1, unit: 'days', doc: 'one lost opportunity per this many days restricted', source: W }),
    benefitThreshold: num(85, { min: 0, max: 100, unit: 'points', doc: 'composite at or above which an unrestricted person gets benefits', source: W }),
  },
  columns: ['composite_restricted_share', 'composite_spillover_share'],
  create(world, p) {
    const n = world.n;
    const w = p.weights;
    const wsum = w[0]! + w[1]! + w[2]! + w[3]!;
    if (!(wsum > 0)) throw new UserError('national-composite: weights must not all be 0', undefined, 'regimes.national-composite.weights');
    const score = world.pop.addColumn('score_composite', 'f64', 'national-composite', 'national composite score 0–100');
    const restricted = world.pop.addColumn('restricted_composite', 'u8', 'national-composite', '1 = an area below the floor');
    const area = new Float64Array(4 * n); // net live change by area: area[k * n + i]
    const below = new Uint8Array(n); // number of areas below the floor
    const black = new Uint8Array(n);
    const ledger = new DatedLedger(); // (day, agent, area, entry id)
    const book = new PointBook();
    const change: number[] = []; // area change of each entry
    const areaOf: number[] = []; // area of each entry
    const route = world.keyed('regime:national-composite:route');
    const ord = new Map<number, number>(); // agent·8 + domain → records so far this step
    world.offerPrimaryScore('score_composite', 0, 100, 'national-composite');
    const add = (i: number, k: number, v: number, c: number, d: number) => {
      area[k * n + i]! += v;
      const id = book.add(i, c, (w[k]! * v) / wsum, world.day);
      change[id] = v;
      areaOf[id] = k;
      ledger.push(world.day, i, k, id);
      if (v < 0) world.experience.sanction(i, d);
      else if (v > 0) world.experience.reward(i, d);
    };
    const evalOne = (i: number) => {
      let s = 0;
      let b = 0;
      for (let k = 0; k < 4; k++) {
        let a = Math.min(100, Math.max(0, p.start + area[k * n + i]!));
        if (k === JUD && black[i]) a = Math.min(a, p.listedJudicial);
        if (a < p.areaFloor) b++;
        s += w[k]! * a;
      }
      score[i] = s / wsum;
      below[i] = b;
      restricted[i] = b > 0 ? 1 : 0;
    };
    const evaluate = () => {
      world.lists.anyBlack(black);
      for (let i = 0; i < n; i++) evalOne(i);
    };
    const draw = (i: number, d: number) => {
      const key = i * 8 + d;
      const o = ord.get(key) ?? 0;
      ord.set(key, o + 1);
      return route.u(i, world.day, d, o);
    };
    const service = bookService(world, {
      regime: 'national-composite',
      score,
      min: 0,
      max: 100,
      informReward: 0,
      benefitAt: () => p.benefitThreshold,
      reportDomains: [D.finance, D.commerce, D.law],
      book,
      undo: (i, _v, id) => {
        area[areaOf[id]! * n + i]! -= change[id]!;
        evalOne(i);
      },
    });
    world.services.set(pointsServiceKey('national-composite'), service);
    return {
      init: evaluate,
      score() {
        const r = world.records;
        const ded = p.deductions;
        book.startWindow();
        ord.clear();
        for (let k = 0; k < r.length; k++) {
          const i = r.agent[k]!;
          const d = r.domain[k]!;
          if (r.kind[k] === ACT_GOOD) {
            if (d === D.civic && p.goodDeedPoints > 0) add(i, SOC, p.goodDeedPoints, r.cause(k), d);
            continue;
          }
          if (r.kind[k] !== ACT_VIOLATION) continue;
          if (d === D.finance) {
            const a = draw(i, d) < p.judicialShare ? JUD : COM;
            add(i, a, -ded[a]!, r.cause(k), d);
          } else if (d === D.commerce) add(i, COM, -ded[COM]!, r.cause(k), d);
          else if (d === D.law) {
            const a = draw(i, d) < p.govShare ? GOV : SOC;
            add(i, a, -ded[a]!, r.cause(k), d);
          }
        }
        const look = Math.min(p.memoryDays, policyOf(world, POLICY.expiryDays, Infinity));
        ledger.popUntil(world.day - look, (i, k, id) => {
          if (book.live(id)) {
            book.take(id);
            area[k * n + i]! -= change[id]!;
          }
        });
        evaluate();
        world.stats.dataPoints += ledger.size + n;
      },
      sanction() {
        const ticks = opportunityTicks(world.day, world.daysPerStep, p.opportunityDays);
        for (let i = 0; i < n; i++) {
          world.benefitEligible[i] = 1;
          if (restricted[i]) {
            world.incomeMult[i]! *= p.restrictIncomeMult;
            world.lostOpportunity[i]! += ticks;
          } else if (score[i]! >= p.benefitThreshold) world.benefit[i] = 1;
        }
      },
      record() {
        let r = 0, one = 0;
        for (let i = 0; i < n; i++) {
          if (!restricted[i]) continue;
          r++;
          if (below[i] === 1) one++;
        }
        return { composite_restricted_share: n ? r / n : null, composite_spillover_share: n ? one / n : null };
      },
    };
  },
});
