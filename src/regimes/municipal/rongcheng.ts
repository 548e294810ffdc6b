/**
 * `rongcheng`: the Rongcheng municipal points system.
 *
 * Rules:
 * - everyone starts at `startPoints` (1000);
 * - an observed record becomes an act of the official table: finance defaults are bank arrears,
 *   contract breaches, lending or guarantee breaches, debt judgments, court-confirmed arrears or
 *   late public-service fees; commerce violations are fraud, counterfeit goods, illegal
 *   fundraising or other commercial cases; law violations are traffic tickets, drunk driving,
 *   tampering with heating, stealing utilities or destroying public equipment; civic good deeds
 *   are heroic acts or blood donations. The act is drawn from `actMix` (shares within the domain)
 *   on keyed stream `regime:rongcheng:map`. Speech and consumption are not in the table: not scored;
 * - points move only on records an official decision backs: a record enters a court or regulator
 *   queue and is decided `decisionDelayDays` later, on evidence (src/core/truth.ts): the official
 *   combines the file's evidence e with an own check of it, e₂ = decisionQuality·[true] + z (keyed
 *   stream `regime:rongcheng:decision`), as s = (e + e₂)/√2, and confirms when s ≥ decisionCriterion
 *   (decisionQuality 0: s = e, a rubber stamp). Errors go both ways — true records dropped, mistaken
 *   ones confirmed — at rates that come from the overlap of the evidence, never from a parameter;
 * - a confirmed deduction is reported to `world.experience` as a sanction of the act's domain, a
 *   confirmed reward as a reward;
 * - a confirmed act adds its `points` (deductions ≤ 0, rewards ≥ 0); drunk driving drops the
 *   person straight to grade C: to at most the top of C (B's lower bound − 1), plus its own entry;
 * - confirmed acts older than POLICY.expiryDays lapse (their change is undone); none lapse by default;
 * - points service (src/core/points.ts, world.services 'points:rongcheng'): every confirmed change is an
 *   entry (agent, case, points, day); the entries of the last decision round are `recent`, and
 *   `restore(entry)` undoes one (a won appeal: the `point-appeals` safeguard); a restored entry no
 *   longer lapses;
 * - reports (`informReward`, default 0 = none): a record that the `informing` adaptation registered as
 *   a report goes through the same queue and decision; when the official confirms it, the informant
 *   gains `informReward` points (its own entry, which lapses like any other). A modelling choice: the
 *   deduction table of the Rongcheng measures has no reward for reporting; the parameter lets an
 *   experiment add one;
 * - grades AAA, AA, A, B, C, D by the lower bounds `bands` (AAA ≥ 1050 … C ≥ 600, D below);
 * - AAA and AA receive benefits (heating discounts, deposit-free services: world.benefit); every
 *   resident is eligible. C and D are restricted: income × `incomeMultC` / `incomeMultD` and one lost
 *   opportunity (loan, licence, subsidy, promotion) every `opportunityDays` days in C or D.
 */
// Columns: rongcheng_wrong_live_points (points still deducted on mistaken records, ground truth read
// in `record` only) and rongcheng_reports_rewarded (reports confirmed and paid for since the last row).
import { defineRegime } from '../../core/contracts.js';
import { ACT_GOOD, ACT_VIOLATION } from '../../core/events.js';
import { num, numList, numRecord, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { UserError } from '../../core/errors.js';
import { bookService, PointBook, pointsServiceKey } from '../../core/points.js';
import { DOMAIN_INDEX } from '../../core/population.js';
import { checkDecreasing, DatedLedger, opportunityTicks } from './helpers.js';
import { ACTS, actTable, GOOD_DOMAIN, KEYS } from './rongcheng-acts.js';

const SRC_TABLE = 'docs/calibration.md#rongcheng-municipal-points: official deduction table [P]; traffic ticket −5, heroic act +30, drunk driving → grade C [S]; blood donation +10 (Suqian) [S]';

export const rongcheng = defineRegime({
  id: 'rongcheng',
  title: 'Rongcheng municipal points (start at 1000, grades AAA–D)',
  summary: 'municipal points from officially decided acts: start 1000, point table, grades AAA–D with rewards and restrictions',
  doc:
    'Every resident starts with 1000 points. When a court or regulator has decided on an act, points are deducted ' +
    '(a traffic ticket −5, bank arrears −10, fraud −30, destroying public equipment −100) or added (a heroic act +30, ' +
    'blood donation +10); drunk driving drops a person straight to grade C. Decisions take time and sometimes err: ' +
    'they drop some true records and confirm some mistaken ones, because the official decides on the evidence in the file and on its own check of it, never on what really happened. Points give grades AAA, AA, A, B, C, D. AAA and AA ' +
    'bring benefits; C and D bring restrictions that cut income and cost opportunities. Speech and spending are not ' +
    'in the table.',
  sources: [
    'docs/calibration.md#rongcheng-municipal-points: start at 1000, grades A+++ to D [S] (Mistreanu, Foreign Policy 2018)',
    'docs/calibration.md#rongcheng-municipal-points: grade structure A/B/C/D, A split into A, AA, AAA [P] (Rongcheng Measures, Art. 5)',
    'docs/calibration.md#rongcheng-municipal-points: bands AAA ≥ 1050, AA 1030–1049, A 960–1029, B 850–959, C 600–849, D ≤ 599 [W]',
    SRC_TABLE,
    'docs/calibration.md#rongcheng-municipal-points: points fall only on punishments issued by courts or regulators [P/S] (J. Daum)',
  ],
  params: {
    startPoints: num(1000, { unit: 'points', doc: 'points everyone starts with', source: 'docs/calibration.md#rongcheng-municipal-points [S]' }),
    bands: numList([1050, 1030, 960, 850, 600], { length: 5, unit: 'points', doc: 'lower bounds of AAA, AA, A, B, C (strictly decreasing); below the last is D', source: 'docs/calibration.md#rongcheng-municipal-points bands [W, unverified]' }),
    points: numRecord(actTable(2), { unit: 'points', doc: 'points per confirmed act (violations ≤ 0, heroicAct and bloodDonation ≥ 0); drunkDriving is an extra deduction on top of the drop to grade C', source: SRC_TABLE }),
    actMix: numRecord(actTable(3), { min: 0, unit: 'share within domain', doc: 'how often a record of a domain is each act of the table (normalised within finance, commerce, law, civic)', source: 'modelling assumption [W]: no source gives act frequencies' }),
    decisionDelayDays: num(30, { min: 0, unit: 'days', doc: 'days from a record to the court or regulator decision that lets it count', source: 'modelling assumption [W]; the decision step itself [P/S] (J. Daum)' }),
    decisionQuality: num(2, { min: 0, unit: 'sd units (d′)', doc: 'quality of the official’s own check of a record (0 = rubber stamp: the file’s evidence alone)', source: 'modelling choice: no source measures it' }),
    decisionCriterion: num(1.25, { unit: 'sd units', doc: 'the decision confirms a record when the combined evidence (file and own check, Stouffer) reaches this; lower = readier to confirm', source: 'modelling choice: midway between a mistaken and a true record at the default qualities' }),
    incomeMultC: num(0.95, { min: 0, max: 1, unit: 'factor', doc: 'income multiplier while in grade C', source: 'modelling assumption [W]' }),
    incomeMultD: num(0.85, { min: 0, max: 1, unit: 'factor', doc: 'income multiplier while in grade D', source: 'modelling assumption [W]' }),
    opportunityDays: num(30, { min: 1, unit: 'days', doc: 'one opportunity is lost per this many days in grade C or D', source: 'modelling assumption [W]' }),
    informReward: num(0, { min: 0, unit: 'points per confirmed report', doc: 'points credited to a resident whose report of another resident’s violation the official confirms (0 = reports are not rewarded)', source: 'modelling choice: the Rongcheng table has no reward for reporting' }),
  },
  columns: ['rongcheng_pending', 'rongcheng_wrong_confirmed', 'rongcheng_wrong_dropped', 'rongcheng_aa_share', 'rongcheng_cd_share', 'rongcheng_wrong_live_points', 'rongcheng_reports_rewarded'],
  create(world, p) {
    const n = world.n;
    const DRUNK = KEYS.indexOf('drunkDriving');
    checkDecreasing('rongcheng', 'bands', p.bands);
    const pts = KEYS.map((k) => p.points[k]);
    KEYS.forEach((k, e) => {
      if (ACTS[e]![1] === GOOD_DOMAIN ? pts[e]! < 0 : pts[e]! > 0)
        throw new UserError(`rongcheng: points.${k} must be ${ACTS[e]![1] === GOOD_DOMAIN ? '≥ 0 (a reward)' : '≤ 0 (a deduction)'}, found ${pts[e]}`, undefined, `regimes.rongcheng.points.${k}`);
    });
    // cumulative act shares by domain: acts[d] = entry indices, cum[d] = cumulative normalised shares
    const acts: number[][] = [];
    const cum: number[][] = [];
    for (let e = 0; e < ACTS.length; e++) (acts[ACTS[e]![1]] ??= []).push(e);
    for (const [d, list] of acts.entries()) {
      if (!list) continue;
      const tot = list.reduce((s, e) => s + p.actMix[KEYS[e]!], 0);
      let c = 0;
      cum[d] = list.map((e) => (c += tot > 0 ? p.actMix[KEYS[e]!] / tot : 0));
    }
    const score = world.pop.addColumn('score_rongcheng', 'f64', 'rongcheng', 'Rongcheng points');
    const grade = world.pop.addColumn('grade_rongcheng', 'u8', 'rongcheng', 'grade: 5 AAA, 4 AA, 3 A, 2 B, 1 C, 0 D');
    world.offerPrimaryScore('score_rongcheng', 0, 1200, 'rongcheng');
    const pending = new DatedLedger(); // (due day, agent, act, case)
    const confirmed = new DatedLedger(); // (decision day, agent, act or −1 for a report reward, entry id)
    const book = new PointBook();
    const informantOf = new Map<number, number>(); // case → informant, for reports awaiting decision
    let rewarded = 0;
    const mapKey = world.keyed('regime:rongcheng:map');
    const decKey = world.keyed('regime:rongcheng:decision');
    const cases = world.cases;
    const b = p.bands;
    const cTop = b[3]! - 1;
    // cases decided since the last record: their truth is counted there (metrics only)
    const win = { confirmed: [] as number[], dropped: [] as number[] };
    const regrade = () => {
      for (let i = 0; i < n; i++) grade[i] = gradeOf(score[i]!);
    };
    // the official's decision: the file's evidence and an own check of it, combined (Stouffer)
    const decide = (i: number, e: number, c: number, dueDay: number) => {
      const look = p.decisionQuality > 0 ? cases.reexamine(c, p.decisionQuality, decKey.normal(i, dueDay, e)) : NaN;
      const s = p.decisionQuality > 0 ? (cases.evidence(c) + look) / Math.SQRT2 : cases.evidence(c);
      if (s < p.decisionCriterion) {
        win.dropped.push(c);
        return;
      }
      win.confirmed.push(c);
      if (pts[e]! < 0 || e === DRUNK) world.experience.sanction(i, ACTS[e]![1]);
      else if (pts[e]! > 0) world.experience.reward(i, ACTS[e]![1]);
      const delta = e === DRUNK ? Math.min(0, cTop - score[i]!) + pts[e]! : pts[e]!;
      score[i]! += delta;
      confirmed.push(world.day, i, e, book.add(i, c, delta, world.day));
      const inf = informantOf.get(c);
      if (inf !== undefined) {
        informantOf.delete(c);
        if (p.informReward > 0) {
          score[inf]! += p.informReward;
          confirmed.push(world.day, inf, -1, book.add(inf, -1, p.informReward, world.day));
          world.experience.reward(inf, DOMAIN_INDEX.civic);
          rewarded++;
        }
      }
    };
    const gradeOf = (s: number) => (s >= b[0]! ? 5 : s >= b[1]! ? 4 : s >= b[2]! ? 3 : s >= b[3]! ? 2 : s >= b[4]! ? 1 : 0);
    const service = bookService(world, {
      regime: 'rongcheng',
      score,
      min: 0,
      max: 1200,
      informReward: p.informReward,
      benefitAt: () => b[1]!, // AA and AAA bring benefits
      reportDomains: [...new Set(ACTS.filter(([, d]) => d !== GOOD_DOMAIN).map(([, d]) => d))],
      book,
      undo: (i, v) => {
        score[i]! -= v;
        grade[i] = gradeOf(score[i]!);
      },
    });
    world.services.set(pointsServiceKey('rongcheng'), service);
    return {
      init() {
        score.fill(p.startPoints);
        regrade();
      },
      score() {
        const r = world.records;
        for (let k = 0; k < r.length; k++) {
          const d = r.domain[k]!;
          const list = acts[d];
          if (!list || r.kind[k] !== (d === GOOD_DOMAIN ? ACT_GOOD : ACT_VIOLATION)) continue;
          const u = mapKey.u(r.agent[k]!, world.day, d * 4 + r.kind[k]!);
          const c = cum[d]!;
          let j = 0;
          while (j < c.length - 1 && u >= c[j]!) j++;
          if (c[j]! <= 0) continue; // the domain's acts all have share 0
          const cs = r.cause(k);
          const inf = book.informant(world.step, k);
          if (inf >= 0) informantOf.set(cs, inf);
          pending.push(world.day + p.decisionDelayDays, r.agent[k]!, list[j]!, cs);
        }
        book.startWindow();
        const expiry = policyOf(world, POLICY.expiryDays, Infinity);
        confirmed.popUntil(world.day - expiry, (i, _e, id) => (score[i]! -= book.take(id)));
        pending.popUntil(world.day, decide);
        regrade();
        world.stats.dataPoints += confirmed.size;
      },
      sanction() {
        const ticks = opportunityTicks(world.day, world.daysPerStep, p.opportunityDays);
        for (let i = 0; i < n; i++) {
          world.benefitEligible[i] = 1;
          const g = grade[i]!;
          if (g >= 4) world.benefit[i] = 1;
          else if (g <= 1) {
            world.incomeMult[i]! *= g === 1 ? p.incomeMultC : p.incomeMultD;
            world.lostOpportunity[i]! += ticks;
          }
        }
      },
      record() {
        // points deducted on mistaken records that are still in force (ground truth: metrics only)
        const wrongLive = () => {
          let w = 0;
          for (let id = 0; id < book.points.length; id++) {
            const v = book.points[id]!, c = book.caseId[id]!;
            if (book.inForce[id] === 1 && v < 0 && c >= 0 && cases.isMistaken(c)) w -= v;
          }
          return w;
        };
        let aa = 0, cd = 0;
        for (let i = 0; i < n; i++) {
          if (grade[i]! >= 4) aa++;
          else if (grade[i]! <= 1) cd++;
        }
        const row = {
          rongcheng_pending: pending.size,
          rongcheng_wrong_confirmed: win.confirmed.filter((c) => cases.isMistaken(c)).length,
          rongcheng_wrong_dropped: win.dropped.filter((c) => !cases.isMistaken(c)).length,
          rongcheng_aa_share: n ? aa / n : null,
          rongcheng_cd_share: n ? cd / n : null,
          rongcheng_wrong_live_points: wrongLive(),
          rongcheng_reports_rewarded: rewarded,
        };
        rewarded = 0;
        win.confirmed.length = win.dropped.length = 0;
        return row;
      },
    };
  },
});
