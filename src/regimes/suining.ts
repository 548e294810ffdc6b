/**
 * `suining`: the Suining "mass credit" scheme — points for conduct, residents ranked by points,
 * consequences by rank.
 *
 * Rules:
 * - everyone starts at `startPoints`;
 * - every observed record changes points at once by `points[domain]` (no court or regulator step,
 *   unlike `rongcheng`): violations in finance, law, commerce and consumption and, when
 *   `points.speech` < 0, expressions of dissent are deducted (≤ 0); civic good deeds are added (≥ 0);
 * - records older than POLICY.expiryDays lapse (their points are given back); none lapse by default;
 * - residents are ranked by points each step. The bottom `bottomShare` (agents at or below the
 *   points of rank ⌊bottomShare·n⌋ from the bottom) lose opportunities (one per `opportunityDays`)
 *   and earn × `bottomIncomeMult`; the top `topShare` (at or above the points of rank ⌊topShare·n⌋
 *   from the top) receive benefits (world.benefit); everyone is eligible;
 * - ties: agents with equal points are treated equally (all in, or all out, so a class can hold
 *   more than its share), and an agent whose points equal `startPoints` is never ranked into either
 *   class (a rank alone, with no conduct on record, brings no consequence).
 * Ranking is an O(n) order statistic (quickselect), not a sort.
 */
import { defineRegime } from '../core/contracts.js';
import { ACT_EXPRESSION, ACT_GOOD, ACT_VIOLATION } from '../core/events.js';
import { UserError } from '../core/errors.js';
import { num, numRecord, prob } from '../core/params.js';
import { POLICY, policyOf } from '../core/policy.js';
import { DOMAINS, DOMAIN_INDEX } from '../core/population.js';
import { DatedLedger, kthSmallest, opportunityTicks } from './local-common.js';

const SRC = 'MODEL.md: Suining "mass credit": points added or deducted for individual conduct; residents ranked; ranks bring consequences';
const W = 'modelling assumption [W]: CALIBRATION.md has no Suining numbers ("ranking rule" only)';

export const suining = defineRegime({
  id: 'suining',
  title: 'Suining "mass credit" (points for conduct, ranked residents)',
  summary: 'points added for good deeds and deducted for violations; residents ranked; bottom share restricted, top share rewarded',
  doc:
    'Every resident starts with the same points. Each observed violation deducts points and each good deed adds ' +
    'points, at once, without a court decision. Residents are ranked by points. Those in the bottom share lose ' +
    'opportunities and part of their income; those in the top share receive benefits. People with equal points are ' +
    'treated alike, and nobody is punished or rewarded for rank alone if nothing is on their record.',
  sources: [SRC, 'CALIBRATION.md (no Suining-specific figures; parameters are modelling assumptions) [W]'],
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
  },
  columns: ['suining_bottom_share', 'suining_top_share'],
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
    const ledger = new DatedLedger(); // (day, agent, domain, points)
    const scratch = new Float64Array(n);
    const rankAll = () => {
      const mb = Math.floor(p.bottomShare * n);
      const mt = Math.floor(p.topShare * n);
      const qb = mb > 0 ? kthSmallest(score, mb - 1, scratch) : -Infinity;
      const qt = mt > 0 ? kthSmallest(score, n - mt, scratch) : Infinity;
      for (let i = 0; i < n; i++) {
        const s = score[i]!;
        rank[i] = s <= qb && s < p.startPoints ? 0 : s >= qt && s > p.startPoints ? 2 : 1;
      }
    };
    return {
      init() {
        score.fill(p.startPoints);
        rankAll();
      },
      score() {
        const r = world.records;
        for (let k = 0; k < r.length; k++) {
          const d = r.domain[k]!;
          const v = pts[d]!;
          if (v === 0 || r.kind[k] !== kindOf(d)) continue;
          const i = r.agent[k]!;
          score[i]! += v;
          ledger.push(world.day, i, d, v);
        }
        const expiry = policyOf(world, POLICY.expiryDays, Infinity);
        ledger.popUntil(world.day - expiry, (i, _d, v) => (score[i]! -= v));
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
        return { suining_bottom_share: n ? b / n : null, suining_top_share: n ? t / n : null };
      },
    };
  },
});
