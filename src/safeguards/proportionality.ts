/**
 * `proportionality`: sanctions no heavier than the act deserves.
 *
 * Rule:
 * - in `create`, sets POLICY.sanctionCap = `cap`: regimes that honour it limit the strength of a
 *   sanction to cap × the severity of its cause (in the regime's own units);
 * - a list guard on the covered blacklists: a proposal whose severity is below `minSeverity` is
 *   blocked (no listing for trivial causes); otherwise, when `maxTermPerSeverity` > 0, its term is
 *   shortened to at most maxTermPerSeverity × severity days (the list's `until`); at the publish
 *   stage this safeguard removes entries whose shortened term has run out, so the cap holds even
 *   for a regime that keeps its own longer clock.
 * Severity is what the proposing regime passes (court-blacklist: the unpaid amount; point-based
 * regimes: points), so `minSeverity` and `maxTermPerSeverity` are in that regime's units; use
 * `lists` to set them per list with one proportionality entry per regime if units differ.
 *
 * Sources: SPC provisions (2013, rev. 2017): 2-year term in general, +1 to 3 years only for
 * violence or repeat violations [P]; China credit repair rules (2023–2025): publication terms graded
 * by severity, minor ≤ 3 months, general ≤ 1 year, serious 1–3 years [P/S] (docs/calibration.md#safeguards-and-reforms); the
 * source's Part V: sanctions proportionate to the act.
 */
import { defineSafeguard } from '../core/contracts.js';
import { num } from '../core/params.js';
import { POLICY } from '../core/policy.js';
import { coveredLists, covers, listIds, perList } from './util.js';

const REPAIR = 'China credit repair rules 2023–2025: terms graded by severity (≤ 3 months, ≤ 1 year, 1–3 years) [P/S]';

export const proportionality = defineSafeguard({
  id: 'proportionality',
  title: 'Proportionality: sanctions capped by the severity of the act',
  summary: 'no listing below minSeverity; list terms at most maxTermPerSeverity × severity; sanction cap policy',
  doc:
    'A punishment must fit the act. Trivial causes do not lead to a listing at all, the time on a list grows with how ' +
    'serious the cause was instead of being the same for everyone, and regimes that honour the policy cap the ' +
    'strength of their sanctions in proportion to the cause.',
  sources: [REPAIR, 'SPC provisions (2013, rev. 2017): 2-year term, longer only for violence or repeats [P]'],
  params: {
    cap: num(0.05, {
      min: 0,
      unit: 'sanction per unit of severity',
      doc: 'POLICY.sanctionCap: largest sanction strength per unit of severity, for regimes that honour it (joint-punishment and speech-blacklist: share of income cut per month of income owed / per statement)',
    }),
    minSeverity: num(0, { min: 0, unit: 'severity units of the regime', doc: 'proposals with a smaller severity are blocked (0 = none blocked)' }),
    maxTermPerSeverity: num(0, { min: 0, unit: 'days per severity unit', doc: 'longest term per unit of severity (0 = no limit on terms)', source: REPAIR }),
    lists: listIds(),
  },
  columns: ['proportionality_blocked', 'proportionality_shortened'],
  create(world, p) {
    world.policy.set(POLICY.sanctionCap, p.cap);
    let blocked = 0, shortened = 0;
    const capTerm = perList(() => new Float64Array(world.n).fill(Infinity));
    world.lists.addGuard('proportionality', (prop) => {
      if (!covers(p.lists, prop.list)) return true;
      if (prop.severity < p.minSeverity) {
        blocked++;
        return false;
      }
      const term = capTerm(prop.list);
      term[prop.agent] = Infinity;
      if (p.maxTermPerSeverity > 0) {
        const max = p.maxTermPerSeverity * prop.severity;
        if (prop.termDays > max) {
          prop.termDays = max;
          term[prop.agent] = max;
          shortened++;
        }
      }
      return true;
    });
    return {
      publish() {
        if (p.maxTermPerSeverity <= 0) return;
        const day = world.day;
        for (const l of coveredLists(world, p.lists)) {
          const term = capTerm(l);
          for (let i = 0; i < world.n; i++) {
            if (l.on[i] && day - l.since[i]! >= term[i]!) {
              l.remove(i, day);
              term[i] = Infinity;
            }
          }
        }
      },
      record() {
        const out = { proportionality_blocked: blocked, proportionality_shortened: shortened };
        blocked = shortened = 0;
        return out;
      },
    };
  },
});
