/**
 * `court-blacklist`: the list of dishonest persons subject to enforcement (失信被执行人名单).
 *
 * Rules, each step of Δ days (stage score unless said otherwise):
 *  1. Obligations: an observed financial default (record: finance, ACT_VIOLATION, size = amount)
 *     goes to court with probability `suitRate` (the creditor sues); the court judges the suit on
 *     the evidence (judge.ts: the file, the judge's own look, the defendant's answer when
 *     served, able and holding exculpatory evidence; judgment for the claim when the log-likelihood
 *     ratio clears λ = courtStandard − (1 − courtIndependence)·courtBias), so wrongful judgments on
 *     mistaken records, and dismissed true claims, come out of evidence quality, the court's
 *     caseload and its independence. A judgment becomes enforceable `judgmentDays` later
 *     (ledger.ts); judgments against one person merge into one obligation, due from the day
 *     the first unpaid one matured.
 *  2. Performance: an agent able to pay (wealth ≥ amount owed) pays the whole obligation with
 *     probability 1 − exp(−rate·Δ), rate = `payRate` per day before listing and `listedPayRate`
 *     once listed; paying lowers wealth. A listed payer is marked due for removal (markDue).
 *  3. Removal: an entry due since day d is removed by the court at the first check at or after
 *     d + `delistDays`; each check fails with probability `stickiness` (the entry stays and is
 *     retried next step). The removal is dated max(today, d + delistDays); an obligation still open
 *     then (the entry was marked due by an appeal) is annulled. An entry whose term ends is removed;
 *     a remaining obligation restarts the grace period (a repeat listing may follow), as it does when
 *     another plug-in erases the entry (expiry); one removed by an order that found it wrong
 *     (list.cleared: a won appeal, a correction, an audit finding) is annulled.
 *  4. Listing: non-performance with the ability to pay (`requireAbility`) for `graceDays` after the
 *     obligation fell due leads to a proposal on list 'court-blacklist'; with probability
 *     `noticeRate` prior notice is given: the listing takes effect `noticeDays` later unless the
 *     person has paid by then. Term `termDays`, + `repeatExtraDays` for a repeat listing; both capped
 *     by the expiry policy. Severity = amount owed in months of income. A listing is mistaken when
 *     the obligation rests only on mistaken records (misidentification).
 *  5. Publish stage: names of the listed are published; the court's restriction on high consumption
 *     bars them from flights and upper rail classes (travel.ts; blocked tickets counted).
 *  6. Sanction stage, option `association`: household members lose school admissions
 *     (association.ts).
 *  7. Sanction stage, option `exitBan` (off by default): the court bars the listed from leaving the
 *     country (Exit-Entry Administration Law 2012, Art. 12: a person a people's court has barred in
 *     an unresolved civil case may not exit); a person who travels abroad for work (`abroadShare`,
 *     fixed per person) loses each blocked trip's opportunity and `daysLostPerTrip` days of income
 *     (travel.ts, exitBan; shared with joint punishment's exit ban, so a person banned by both
 *     is drawn once). Counted: exit_bans, blocked_departures.
 * Every per-agent draw is keyed (agent, day, purpose; a suit also by its ordinal among the agent's
 * records of the day): common random numbers.
 * Sources: docs/calibration.md#court-blacklist-and-joint-punishment; the court's judgment: judge.ts.
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_VIOLATION } from '../../core/events.js';
import { bool, num, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { chanceFromRate } from '../../core/rates.js';
import { DOMAIN_INDEX } from '../../core/population.js';
import { Association, association, associationParams } from './association.js';
import { CourtJudge, judgeParams } from './judge.js';
import { CourtLedger } from './ledger.js';
import { exitCostParams, travelBans, travelParams, TravelBans } from './travel.js';

const CAL = 'docs/calibration.md#court-blacklist-and-joint-punishment';

export const courtBlacklist = defineRegime({
  id: 'court-blacklist',
  title: 'Court blacklist of dishonest persons subject to enforcement',
  summary: 'unpaid court obligations → listing after grace (notice optional), published names, travel bans, sticky delisting',
  doc:
    'Observed defaults become court judgments. A person who can pay but does not, for the grace period after the ' +
    'judgment, is put on a public blacklist for two years (longer when listed before), sometimes with prior notice ' +
    'that lets them pay first. Listed people cannot buy plane or upper-class train tickets. When a listed person ' +
    'pays, the court must remove the name within 3 working days, but removal sometimes sticks and is delayed.',
  sources: [
    `${CAL}: six listing triggers, trigger 1 "refusing to pay though able" (SPC provisions 2013, rev. 2017) [P]`,
    `${CAL}: term 2 years, +1 to 3 years for repeat violations; early deletion on payment [P]`,
    `${CAL}: deletion within 3 working days of performance [P/S]; 2019 opinion: grace periods allowed [P/S]`,
    `${CAL}: Sep 2018, 3.22M of 12.11M listed complied (≈ 0.27) [S]; Jul 2019 blocked tickets [S]`,
    'docs/model.md#court-blacklist: prior notice required by rule but often missing; delisting often sticky in practice',
  ],
  params: {
    suitRate: prob(1, { doc: 'share of observed defaults that creditors take to court', source: '[W] assumption' }),
    judgmentDays: num(90, { min: 0, unit: 'days', doc: 'days from an observed default to an enforceable judgment', source: '[W] assumption' }),
    payRate: num(0.02, { min: 0, unit: 'per day', doc: 'daily probability that an agent able to pay performs before listing (≈ 45% within a 30-day grace)', source: '[W] assumption' }),
    listedPayRate: num(0.0005, { min: 0, unit: 'per day', doc: 'daily probability that a listed agent able to pay performs (≈ 0.31 within a 2-year term)', source: `${CAL}: complied ≈ 0.27 of listed (Sep 2018) [S]` }),
    requireAbility: bool(true, { doc: 'list only agents able to pay (wealth ≥ amount owed)', source: `${CAL}: trigger 1 [P]` }),
    graceDays: num(30, { min: 0, unit: 'days', doc: 'days of non-performance after the judgment before listing', source: `${CAL}: 2019 opinion allows grace periods [P/S]; length [W]` }),
    noticeRate: prob(0.5, { doc: 'probability that prior notice is given before listing', source: 'docs/model.md#court-blacklist: notice required by rule but often missing; rate [W]' }),
    noticeDays: num(10, { min: 0, unit: 'days', doc: 'days between notice and listing, during which paying withdraws the listing', source: '[W] assumption' }),
    termDays: num(730, { min: 1, unit: 'days', doc: 'listing term (2 years)', source: `${CAL} [P]` }),
    repeatExtraDays: num(730, { min: 0, unit: 'days', doc: 'extra term for a repeat listing (+1 to 3 years; midpoint 2 years)', source: `${CAL} [P]` }),
    delistDays: num(5, { min: 0, unit: 'days', doc: 'removal deadline after performance: 3 working days, taken as 5 calendar days (the worst case, across a weekend)', source: `${CAL} [P/S]` }),
    stickiness: prob(0.8, { doc: 'probability that a removal check fails (the entry stays, retried next step)', source: 'docs/model.md#court-blacklist: delisting often sticky in practice; rate [W]' }),
    ...judgeParams(),
    ...travelParams(),
    ...associationParams(),
    exitBan: bool(false, { doc: 'the court bars the listed from leaving the country (costs those who travel abroad for work: abroadShare, abroadTripsPerYear, daysLostPerTrip)', source: 'Exit-Entry Administration Law of the PRC (2012) Art. 12: no exit for a person a people’s court has barred in an unresolved civil case [P]' }),
    ...exitCostParams(),
  },
  columns: ['court_suits', 'court_dismissed', 'court_dismissed_mistaken', 'court_wrongful_judgments', 'court_listed', 'court_published', 'court_removed', 'court_complied', 'court_mistaken', 'court_obligations', 'blocked_flights', 'blocked_trains', 'school_admissions_denied', 'exit_bans', 'blocked_departures'],
  create(world, p) {
    const n = world.n;
    const pop = world.pop;
    const list = world.lists.get('court-blacklist', 'black', { domain: DOMAIN_INDEX.finance, published: true });
    const ledger = new CourtLedger(world);
    const severity = pop.addColumn('severity_court_blacklist', 'f32', 'court-blacklist', 'amount owed at listing, months of income', false);
    const proposed = new Uint8Array(n); // a proposal with notice is pending
    const wasOn = new Uint8Array(n); // listed at the end of the last score stage
    const key = world.keyed('regime:court-blacklist'); // per-agent draws, keyed (common random numbers)
    const u = (i: number, day: number, purpose: number, k = 0) => key.u(i, day, purpose, k);
    const SUIT = 0, PAY = 1, DELIST = 2, NOTICE = 3, SERVE = 4, LOOK = 5;
    const judge = new CourtJudge(world, key, p);
    const ord = new Int32Array(n); // suits of the agent so far this step
    let suits = 0;
    let judged: number[] = [], dismissed: number[] = [];
    const travel = travelBans(world);
    const exit = { abroadShare: p.abroadShare, abroadTripsPerYear: p.abroadTripsPerYear, daysLostPerTrip: p.daysLostPerTrip };
    const assoc = association(world);
    const F = DOMAIN_INDEX.finance;
    let complied = 0;
    let expiry = Infinity;
    const performs = (i: number, rate: number) => pop.wealth[i]! >= ledger.owed[i]! && u(i, world.day, PAY) < chanceFromRate(rate, world.daysPerStep);
    return {
      init() {
        expiry = policyOf(world, POLICY.expiryDays, Infinity);
      },
      score() {
        const day = world.day;
        const dt = world.daysPerStep;
        const r = world.records;
        const sued: number[] = [];
        for (let k = 0; k < r.length; k++) {
          if (r.domain[k] !== F || r.kind[k] !== ACT_VIOLATION) continue;
          world.stats.dataPoints++;
          const i = r.agent[k]!;
          const o = ord[i]!++;
          if (u(i, day, SUIT, o) < p.suitRate) sued.push(k, o);
        }
        judge.load(sued.length / 2);
        for (let j = 0; j < sued.length; j += 2) {
          const k = sued[j]!, o = sued[j + 1]!;
          const i = r.agent[k]!, c = r.cause(k);
          suits++;
          if (judge.upholds(c, i, o, SERVE, LOOK)) {
            ledger.judge(i, r.size[k]!, c, day + p.judgmentDays);
            judged.push(c);
          } else dismissed.push(c);
        }
        for (let k = 0; k < r.length; k++) ord[r.agent[k]!] = 0;
        ledger.mature(day);
        const { owed, dueSince } = ledger;
        for (let i = 0; i < n; i++) {
          if (wasOn[i] && !list.on[i] && owed[i]! > 0) {
            // removed by someone else: an order that found the entry wrong (an appeal won, a
            // correction, an audit finding) annuls the obligation; an erasure (expiry) does not, and
            // the unperformed obligation needs a new grace period before any new listing
            if (list.cleared[i]) ledger.clear(i);
            else dueSince[i] = day;
          }
          if (list.on[i]) {
            if (owed[i]! > 0 && performs(i, p.listedPayRate)) {
              ledger.pay(i);
              complied++;
              list.markDue(i, day);
            }
            const due = list.dueSince[i]!;
            if (due >= 0) {
              const deadline = due + p.delistDays;
              if (day + dt > deadline && u(i, day, DELIST) >= p.stickiness) {
                if (owed[i]! > 0) ledger.clear(i); // marked due by someone else (cleared on appeal)
                list.remove(i, Math.max(day, deadline));
              }
            } else if (day >= list.until[i]!) {
              list.remove(i, day);
              if (owed[i]! > 0) dueSince[i] = day; // still unperformed: a new grace period
            }
            continue;
          }
          if (owed[i]! <= 0) continue;
          if (performs(i, p.payRate)) {
            ledger.pay(i);
            continue;
          }
          if (proposed[i]) {
            if (world.lists.isPending(list, i)) continue;
            proposed[i] = 0;
          }
          if (day - dueSince[i]! < p.graceDays || (p.requireAbility && pop.wealth[i]! < owed[i]!)) continue;
          const notice = u(i, day, NOTICE) < p.noticeRate;
          const term = Math.min(expiry, p.termDays + (list.times[i]! > 0 ? p.repeatExtraDays : 0));
          const sev = owed[i]! / (pop.income[i]! * 30);
          severity[i] = sev;
          const out = world.lists.propose({
            list, agent: i, day, cause: ledger.cause(i), severity: sev, termDays: term,
            notice, effectiveDay: notice ? day + p.noticeDays : day, stillDue: () => ledger.owed[i]! > 0,
          });
          if (out === 'pending') proposed[i] = 1;
          else if (out === 'blocked') dueSince[i] = day; // a guard blocked it: a new grace period
        }
        wasOn.set(list.on);
      },
      publish() {
        for (let i = 0; i < n; i++) if (list.on[i]) travel.ban(i, p.flightsPerYear, p.trainsPerYear);
      },
      sanction() {
        if (p.exitBan) for (let i = 0; i < n; i++) if (list.on[i]) travel.exitBan(i, exit);
        if (p.association) assoc.apply(list.on, { strength: p.associationStrength, admissionRate: p.admissionRate, schoolingPenalty: p.schoolingPenalty });
      },
      record() {
        let mistaken = 0;
        for (let i = 0; i < n; i++) if (list.isMistaken(i)) mistaken++;
        let wrongful = 0, dismissedWrong = 0;
        for (const c of judged) if (world.cases.isMistaken(c)) wrongful++;
        for (const c of dismissed) if (world.cases.isMistaken(c)) dismissedWrong++;
        const suitCount = suits, dismissedCount = dismissed.length;
        judged = [];
        dismissed = [];
        suits = 0;
        return {
          court_suits: suitCount,
          court_dismissed: dismissedCount,
          court_dismissed_mistaken: dismissedWrong,
          court_wrongful_judgments: wrongful,
          court_listed: list.count,
          court_published: list.window.listings,
          court_removed: list.window.removals,
          court_complied: complied,
          court_mistaken: mistaken,
          court_obligations: ledger.openCount(),
          ...TravelBans.columns(world),
          ...(p.exitBan ? TravelBans.exitColumns(world) : {}),
          ...Association.columns(world),
        };
      },
    };
  },
});
