/**
 * `suining`: the Suining "mass credit" scheme — points for conduct, residents ranked by points,
 * consequences by rank.
 *
 * Rules:
 * - everyone starts at `startPoints`;
 * - every observed record changes points at once by `points[domain]` (no court or regulator step,
 *   unlike `rongcheng`): violations in finance, law, commerce and consumption and, when
 *   `points.speech` < 0, expressions of dissent are deducted (≤ 0); civic good deeds are added (≥ 0);
 * - a deduction is reported to world.experience as a sanction of its domain, an addition as a reward;
 * - records older than POLICY.expiryDays lapse (their points are given back); none lapse by default;
 * - residents are ranked by points each step. The bottom `bottomShare` (agents at or below the
 *   points of rank ⌊bottomShare·n⌋ from the bottom) lose opportunities (one per `opportunityDays`)
 *   and earn × `bottomIncomeMult`; the top `topShare` (at or above the points of rank ⌊topShare·n⌋
 *   from the top) receive benefits (world.benefit); everyone is eligible;
 * - ties: agents with equal points are treated equally (all in, or all out, so a class can hold
 *   more than its share), and an agent whose points equal `startPoints` is never ranked into either
 *   class (a rank alone, with no conduct on record, brings no consequence).
 * - points service (src/core/points.ts, world.services 'points:suining'): each change is an entry
 *   (agent, the record's case, points, day); `restore(entry)` gives the points back (a won appeal,
 *   `point-appeals`), and a restored entry no longer lapses;
 * - reports (`informReward`, default 0 = none): a record the `informing` adaptation registered as a
 *   report counts like any other record (no decision step here), and the informant gains
 *   `informReward` points at once, as its own entry. A modelling choice: no source gives Suining's
 *   treatment of reports; the parameter lets an experiment add a reward.
 * Ranking is an O(n) order statistic (quickselect), not a sort.
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_EXPRESSION, ACT_GOOD, ACT_VIOLATION } from '../../core/events.js';
import { UserError } from '../../core/errors.js';
import { num, numRecord, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { DOMAINS, DOMAIN_INDEX } from '../../core/population.js';
import { bookService, PointBook, pointsServiceKey } from '../../core/points.js';
import { DatedLedger, kthSmallest, opportunityTicks } from './helpers.js';

const SRC = 'docs/model.md#suining-mass-credit: Suining "mass credit": points added or deducted for individual conduct; residents ranked; ranks bring consequences';
const W = 'modelling assumption [W]: docs/calibration.md#suining-mass-credit has no Suining numbers ("ranking rule" only)';

export const suining = defineRegime({
  id: 'suining',
  title: 'Suining "mass credit" (points for conduct, ranked residents)',
  summary: 'points added for good deeds and deducted for violations; residents ranked; bottom share restricted, top share rewarded',
  doc:
    'Every resident starts with the same points. Each observed violation deducts points and each good deed adds ' +
    'points, at once, without a court decision. Residents are ranked by points. Those in the bottom share lose ' +
    'opportunities and part of their income; those in the top share receive benefits. People with equal points are ' +
    'treated alike, and nobody is punished or rewarded for rank alone if nothing is on their record.',
  sources: [SRC, 'docs/calibration.md#suining-mass-credit (no Suining-specific figures; parameters are modelling assumptions) [W]'],
  params: {
    startPoints: num(1000, { unit: 'points', doc: 'points everyone starts with', source: W }),
    points: numRecord(
      { finance: -20, law: -10, commerce: -20, speech: 0, civic: 5, consumption: 0 },
      { unit: 'points per record', doc: 'change per observed record by domain: violations (and speech expressions) ≤ 0, civic good deeds ≥ 0', source: W },
    ),
    bottomShare: prob(0.1, { unit: 'share', doc: 'share of residents at the bottom of the ranking who are restricted', source: W }),
    topShare: prob(0.1, { unit: 'share', doc: 'share of residents at the top of the ranking who receive benefits', source: W }),
    bottomIncomeMult: num(0.9, { min: 0, max: 1, unit: 'factor', doc: 'income multiplier of the bottom class', source: W }),
    opportunityDays: num(30, { min: 1, unit: 'days', doc: 'one opportunity lost per this many days in the bottom class', source: W }),
    informReward: num(0, { min: 0, unit: 'points per report', doc: 'points credited to a resident for each reported violation of another resident that the scheme records (0 = reports are not rewarded)', source: 'modelling choice: no source on rewards for reporting in Suining' }),
  },
  columns: ['suining_bottom_share', 'suining_top_share', 'suining_reports_rewarded'],
  create(world, p) {
    const n = world.n;
    const C = DOMAIN_INDEX.civic;
    const S = DOMAIN_INDEX.speech;
    const pts = DOMAINS.map((d) => p.points[d]);
    DOMAINS.forEach((d, k) => {
      if (k === C ? pts[k]! < 0 : pts[k]! > 0)
        throw new UserError(`suining: points.${d} must be ${k === C ? '≥ 0 (a reward)' : '≤ 0 (a deduction)'}, found ${pts[k]}`, undefined, `regimes.suining.points.${d}`);
    });
    const kindOf = (d: number) => (d === C ? ACT_GOOD : d === S ? ACT_EXPRESSION : ACT_VIOLATION);
    const score = world.pop.addColumn('score_suining', 'f64', 'suining', 'Suining mass-credit points');
    const rank = world.pop.addColumn('class_suining', 'u8', 'suining', 'rank class: 0 bottom, 1 middle, 2 top');
    world.offerPrimaryScore('score_suining', 0, 1200, 'suining');
    const ledger = new DatedLedger(); // (day, agent, domain or −1 for a report reward, entry id)
    const book = new PointBook();
    const scratch = new Float64Array(n);
    let topAt = Infinity; // points at or above which the top class begins (benefits), after the last ranking
    let rewarded = 0;
    const rankAll = () => {
      const mb = Math.floor(p.bottomShare * n);
      const mt = Math.floor(p.topShare * n);
      const qb = mb > 0 ? kthSmallest(score, mb - 1, scratch) : -Infinity;
      const qt = mt > 0 ? kthSmallest(score, n - mt, scratch) : Infinity;
      // the top class needs points ≥ qt and > startPoints: the smallest such value (just above the start)
      topAt = qt > p.startPoints ? qt : p.startPoints + 1e-9 * Math.max(1, Math.abs(p.startPoints));
      for (let i = 0; i < n; i++) {
        const s = score[i]!;
        rank[i] = s <= qb && s < p.startPoints ? 0 : s >= qt && s > p.startPoints ? 2 : 1;
      }
    };
    const service = bookService(world, {
      regime: 'suining',
      score,
      min: 0,
      max: 1200,
      informReward: p.informReward,
      benefitAt: () => topAt,
      reportDomains: DOMAINS.map((_, d) => d).filter((d) => d !== C && pts[d]! < 0),
      book,
      undo: (i, v) => {
        score[i]! -= v; // the class follows at the next ranking
      },
    });
    world.services.set(pointsServiceKey('suining'), service);
    return {
      init() {
        score.fill(p.startPoints);
        rankAll();
      },
      score() {
        const r = world.records;
        book.startWindow();
        for (let k = 0; k < r.length; k++) {
          const d = r.domain[k]!;
          const v = pts[d]!;
          if (v === 0 || r.kind[k] !== kindOf(d)) continue;
          const i = r.agent[k]!;
          score[i]! += v;
          if (v < 0) world.experience.sanction(i, d);
          else world.experience.reward(i, d); // v ≠ 0 here
          ledger.push(world.day, i, d, book.add(i, r.cause(k), v, world.day));
          const inf = book.informant(world.step, k);
          if (inf >= 0 && v < 0 && p.informReward > 0) {
            score[inf]! += p.informReward;
            ledger.push(world.day, inf, -1, book.add(inf, -1, p.informReward, world.day));
            world.experience.reward(inf, C);
            rewarded++;
          }
        }
        const expiry = policyOf(world, POLICY.expiryDays, Infinity);
        ledger.popUntil(world.day - expiry, (i, _d, id) => (score[i]! -= book.take(id)));
        rankAll();
        world.stats.dataPoints += ledger.size;
      },
      sanction() {
        const ticks = opportunityTicks(world.day, world.daysPerStep, p.opportunityDays);
        for (let i = 0; i < n; i++) {
          world.benefitEligible[i] = 1;
          if (rank[i] === 2) world.benefit[i] = 1;
          else if (rank[i] === 0) {
            world.incomeMult[i]! *= p.bottomIncomeMult;
            world.lostOpportunity[i]! += ticks;
          }
        }
      },
      record() {
        let b = 0, t = 0;
        for (let i = 0; i < n; i++) {
          if (rank[i] === 0) b++;
          else if (rank[i] === 2) t++;
        }
        const out = { suining_bottom_share: n ? b / n : null, suining_top_share: n ? t / n : null, suining_reports_rewarded: rewarded };
        rewarded = 0;
        return out;
      },
    };
  },
});
