/**
 * `informing` — people report a household member's or a neighbour's violation to protect their own
 * score, when the points regime rewards reports.
 *
 * Rule, each step of Δ days at the observe stage (after the core's observation, so the records join
 * the step's records and are scored with them):
 *   reward   — a points regime (src/core/points.ts, world.services 'points:<id>') credits
 *              `informReward` > 0 points per confirmed report. No regime rewards reports by default,
 *              and without a reward no one informs: the motive is the reward (rongcheng.informReward,
 *              suining.informReward; modelling choices, see those files);
 *   motive   — agent i informs when it knows the rules (knowledge = 1) and its score is at risk on a
 *              rewarding regime: below the score at which benefits begin (`benefitAt`), or lower than
 *              at the last step (falling);
 *   witness  — for each violation a of this step (world.acts: what people truly did) by agent j in a
 *              domain the regime deducts for, each motivated member of j's household and each
 *              motivated neighbour of j (the social graph) sees it with probability `witness` and,
 *              seeing it, reports it with probability `willingness` (keyed: informant, day, act);
 *              the first who does (household first, then neighbours in adjacency order) makes the
 *              report. A report is observation by a person: a record (world.records.push, source 2)
 *              whose evidence the regime weighs like any other; the regime is told who reported it
 *              (`report`) and credits the reward only when it confirms the record. The authority does
 *              not match a report with its own record of the same act (a modelling choice: acts carry
 *              no identity), so a seen act may count twice;
 *   false    — a motivated agent also makes a false report with probability 1 − (1 − falseRate)^Δ per
 *              step: a record with mistaken = true (source 3) against a uniformly drawn neighbour or
 *              household member, in a uniformly drawn non-finance reportable domain (one cannot invent
 *              a bank default), so wrong records — and, where the regime's evidence check lets them
 *              through, wrong deductions and rewards — come out of the motive too.
 * Every draw is keyed (stream 'adaptation:informing': agent, day, purpose, act key).
 * Sources: the source describes people reporting relatives and neighbours to protect their score;
 * the witness, willingness and false-report rates are modelling choices (no source measures them).
 */
import { defineAdaptation } from '../core/contracts.js';
import { ACT_VIOLATION } from '../core/events.js';
import { prob } from '../core/params.js';
import { pointsServices, type PointsService } from '../core/points.js';
import { DOMAIN_INDEX } from '../core/population.js';
import { chanceOverDays } from '../core/rates.js';

const SRC_TRUE = 2;
const SRC_FALSE = 3;
const WITNESS = 0, WILL = 1, LIE = 2, WHO = 3, WHAT = 4;

export const informing = defineAdaptation({
  id: 'informing',
  title: 'Informing on relatives and neighbours',
  summary: 'people whose score is at risk report the violations they see around them when the points regime rewards reports',
  doc:
    'When a points scheme rewards people for reporting others, those who know the rules and whose score is low or ' +
    'falling start to report what they see their relatives and neighbours do wrong. Each report becomes a record that ' +
    'the scheme weighs like any other; the informer gains points when it is confirmed. Some reports are false. Without ' +
    'a reward nobody informs.',
  sources: ['the source: people report relatives and neighbours to protect their own score', 'src/core/points.ts (the reward is a parameter of the points regime: a modelling choice)'],
  params: {
    witness: prob(0.2, { unit: 'probability per act', doc: 'probability that a household member or neighbour sees a given violation of the step (modelling choice)' }),
    willingness: prob(0.5, { unit: 'probability', doc: 'probability that a motivated agent who saw a violation reports it (modelling choice)' }),
    falseRate: prob(0.002, { unit: 'probability per day', doc: 'probability per day that a motivated agent makes a false report against a contact (modelling choice)' }),
  },
  columns: ['informing_motivated_share', 'informing_reports', 'informing_false_reports'],
  create(world, p) {
    const n = world.n;
    const key = world.keyed('adaptation:informing');
    const motivated = new Uint8Array(n);
    let last: Float64Array[] = [];
    let motivatedCount = 0, reports = 0, falseReports = 0;
    const ord = new Map<number, number>(); // act key (j, domain) → violations of j in it so far this step
    return {
      observe() {
        const day = world.day;
        const pop = world.pop;
        const svcs: PointsService[] = pointsServices(world).filter((s) => s.informReward > 0);
        if (last.length !== svcs.length) last = svcs.map((s) => Float64Array.from(s.score));
        motivated.fill(0);
        motivatedCount = 0;
        if (svcs.length === 0) return;
        const domains = new Set<number>();
        for (const s of svcs) for (const d of s.reportDomains) domains.add(d);
        for (let i = 0; i < n; i++) {
          if (pop.knowledge[i]! < 1) continue;
          for (let k = 0; k < svcs.length; k++) {
            const s = svcs[k]!.score[i]!;
            if (s < svcs[k]!.benefitAt() || s < last[k]![i]!) {
              motivated[i] = 1;
              motivatedCount++;
              break;
            }
          }
        }
        for (let k = 0; k < svcs.length; k++) last[k]!.set(svcs[k]!.score);
        const { start, deg, targets } = world.adj;
        const hh = world.households();
        const house = pop.household;
        const rec = world.records;
        const report = (r: number, informant: number) => {
          for (const s of svcs) s.report(r, informant);
        };
        // true reports of witnessed violations
        const acts = world.acts;
        ord.clear();
        for (let a = 0; a < acts.length; a++) {
          const d = acts.domain[a]!;
          if (acts.kind[a] !== ACT_VIOLATION || !domains.has(d)) continue;
          const j = acts.agent[a]!;
          const ok = j * 8 + d;
          const o = ord.get(ok) ?? 0;
          ord.set(ok, o + 1);
          const actKey = ok * 8 + Math.min(o, 7);
          const sees = (i: number) => i !== j && motivated[i] === 1 && key.chance(p.witness, i, day, WITNESS, actKey) && key.chance(p.willingness, i, day, WILL, actKey);
          let who = -1;
          const h = house[j]!;
          for (let m = hh.start[h]!; m < hh.start[h + 1]! && who < 0; m++) if (sees(hh.members[m]!)) who = hh.members[m]!;
          for (let t = start[j]!; t < start[j]! + deg[j]! && who < 0; t++) {
            const i = targets[t]!;
            if (house[i] !== h && sees(i)) who = i;
          }
          if (who < 0) continue;
          report(rec.push(j, d, ACT_VIOLATION, acts.size[a]!, acts.tag[a]!, false, SRC_TRUE), who);
          reports++;
        }
        // false reports
        const lieDomains = [...domains].filter((d) => d !== DOMAIN_INDEX.finance).sort((x, y) => x - y);
        const pl = chanceOverDays(p.falseRate, world.daysPerStep);
        if (lieDomains.length === 0 || pl <= 0) return;
        for (let i = 0; i < n; i++) {
          if (!motivated[i] || !key.chance(pl, i, day, LIE)) continue;
          const h = house[i]!;
          const hsize = hh.start[h + 1]! - hh.start[h]!;
          const c = hsize - 1 + deg[i]!; // household members other than i, then neighbours (a tie may count twice)
          if (c <= 0) continue;
          const x = key.int(c, i, day, WHO);
          let j: number;
          if (x < hsize - 1) {
            const m = hh.start[h]! + x;
            j = hh.members[m]! === i ? hh.members[hh.start[h]! + hsize - 1]! : hh.members[m]!;
          } else j = targets[start[i]! + x - (hsize - 1)]!;
          if (j === i) continue;
          const d = lieDomains[key.int(lieDomains.length, i, day, WHAT)]!;
          report(rec.push(j, d, ACT_VIOLATION, 1, 0, true, SRC_FALSE), i);
          falseReports++;
        }
      },
      record() {
        const out = { informing_motivated_share: n ? motivatedCount / n : null, informing_reports: reports, informing_false_reports: falseReports };
        reports = falseReports = 0;
        return out;
      },
    };
  },
});
