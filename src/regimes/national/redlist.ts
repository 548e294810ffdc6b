/**
 * `redlist`: honours lists ("redlists") with finite slots and opaque selection.
 *
 * Rules:
 * - every `periodDays` days (first at the end of the first period), up to m = round(slots·n/1000)
 *   agents not on the redlist are honoured for `termDays` (or POLICY.expiryDays when shorter);
 * - of the m slots, round(opacity·m) go by noise: uniform draws among agents not on the redlist
 *   and not on any blacklist (stream `regime:redlist:noise`), whatever their conduct; the other
 *   slots go by merit: the agents with the most observed good deeds (civic records) in the period
 *   and no observed violation in the period, not on any blacklist; ties in merit broken by lot
 *   (stream `regime:redlist:merit`). Merit slots left over (too few candidates) stay empty;
 * - while on the redlist (world.lists.get('redlist', 'red', { domain: DOMAIN_INDEX.civic, published: true })): a benefit (deposit-free services,
 *   heating, gas, water and transport discounts: world.benefit) and income × `incomeMult` (> 1,
 *   the value of the discounts); every agent is eligible;
 * - entries give no reasons (the `redlist_merit` column keeps, for the analyst only, whether a
 *   slot went by merit). Honours are not sanctions: they are added directly, not through the
 *   listing guards of the safeguards.
 */
import { defineRegime } from '../../core/contracts.js';
import { ACT_GOOD, ACT_VIOLATION } from '../../core/events.js';
import { num, prob } from '../../core/params.js';
import { POLICY, policyOf } from '../../core/policy.js';
import { DOMAIN_INDEX } from '../../core/population.js';

const SRC = 'docs/calibration.md#redlists: no system-wide numbers; local rewards (heating-bill discounts, deposit-free bikes, gas, water, transport discounts); 36 joint reward-and-punishment memoranda by May 2018 [S]';
const OPAQUE = 'docs/calibration.md#redlists: redlist entries give no reasons while blacklist entries do (Engelmann et al., FAT* 2019) [S]';

export const redlist = defineRegime({
  id: 'redlist',
  title: 'Redlists (honours with finite slots and opaque selection)',
  summary: 'finite honours per period chosen by good deeds mixed with noise (opacity); benefits while listed',
  doc:
    'A fixed number of honours is handed out each period. Part of them go to the people with the most recorded good ' +
    'deeds and no recorded violation; the rest (the opacity share) go to people picked without regard to merit, as ' +
    'opaque criteria would. Honoured people appear on a public redlist, with no reason given, and enjoy discounts ' +
    'and deposit-free services while listed. Blacklisted people are not honoured.',
  sources: [SRC, OPAQUE, 'docs/model.md#redlists: redlists, honours with benefits, finite rewards, criteria opaque'],
  params: {
    slots: num(5, { min: 0, unit: 'honours per 1,000 agents per period', doc: 'new honours per period, per 1,000 agents (finite rewards)', source: 'modelling assumption [W]: ' + SRC }),
    periodDays: num(90, { min: 1, unit: 'days', doc: 'days between selections', source: 'modelling assumption [W]' }),
    termDays: num(365, { min: 1, unit: 'days', doc: 'days an honour lasts', source: 'modelling assumption [W]' }),
    opacity: prob(0.5, { unit: 'share', doc: 'share of the slots filled by noise rather than merit (0 = pure merit, 1 = lottery)', source: OPAQUE + '; value [W]' }),
    incomeMult: num(1.02, { min: 1, max: 2, unit: 'factor', doc: 'income multiplier while honoured (value of the discounts)', source: SRC + '; value [W]' }),
  },
  columns: ['redlist_new', 'redlist_merit_share'],
  create(world, p) {
    const n = world.n;
    const list = world.lists.get('redlist', 'red', { domain: DOMAIN_INDEX.civic, published: true });
    const merit = world.pop.addColumn('redlist_merit', 'u8', 'redlist', '1 = last honour went by merit, 0 = by noise');
    const good = new Int32Array(n);
    const bad = new Uint8Array(n);
    const chosen = new Uint8Array(n);
    const black = new Uint8Array(n);
    const key = new Float64Array(n);
    const kMerit = world.keyed('regime:redlist:merit');
    const rNoise = world.rng('regime:redlist:noise');
    const C = DOMAIN_INDEX.civic;
    let next = p.periodDays;
    let newHonours = 0;
    const honour = (i: number, byMerit: boolean, term: number) => {
      list.add(i, world.day, term, -1, true);
      merit[i] = byMerit ? 1 : 0;
      chosen[i] = 1;
      newHonours++;
    };
    const select = () => {
      const m = Math.round((p.slots * n) / 1000);
      const noise = Math.round(p.opacity * m);
      const term = Math.min(p.termDays, policyOf(world, POLICY.expiryDays, Infinity));
      world.lists.anyBlack(black);
      chosen.fill(0);
      // merit: candidates with good deeds and a clean period, most good deeds first, ties by lot
      const cand: number[] = [];
      for (let i = 0; i < n; i++) {
        if (good[i]! > 0 && !bad[i] && !list.on[i] && !black[i]) {
          cand.push(i);
          key[i] = -good[i]! + 0.5 * kMerit.u(i, world.day, 0);
        }
      }
      cand.sort((a, b) => key[a]! - key[b]!);
      for (let q = 0; q < Math.min(m - noise, cand.length); q++) honour(cand[q]!, true, term);
      // noise: uniform draws among the rest, a bounded number of tries
      for (let got = 0, tries = 0; got < noise && tries < 20 * noise + 100; tries++) {
        const i = rNoise.int(n);
        if (list.on[i] || black[i] || chosen[i]) continue;
        honour(i, false, term);
        got++;
      }
      good.fill(0);
      bad.fill(0);
    };
    return {
      score() {
        const r = world.records;
        for (let k = 0; k < r.length; k++) {
          const i = r.agent[k]!;
          if (r.kind[k] === ACT_GOOD && r.domain[k] === C) good[i]!++;
          else if (r.kind[k] === ACT_VIOLATION) bad[i] = 1;
        }
        world.stats.dataPoints += r.length;
      },
      publish() {
        for (let i = 0; i < n; i++) if (list.on[i] && list.until[i]! <= world.day) list.remove(i, world.day);
        if (world.day + world.daysPerStep > next) {
          select();
          while (next < world.day + world.daysPerStep) next += p.periodDays;
        }
      },
      sanction() {
        for (let i = 0; i < n; i++) {
          world.benefitEligible[i] = 1;
          if (list.on[i]) {
            world.benefit[i] = 1;
            world.incomeMult[i]! *= p.incomeMult;
          }
        }
      },
      record() {
        let on = 0, byMerit = 0;
        for (let i = 0; i < n; i++) {
          if (!list.on[i]) continue;
          on++;
          byMerit += merit[i]!;
        }
        const row = { redlist_new: newHonours, redlist_merit_share: on ? byMerit / on : null };
        newHonours = 0;
        return row;
      },
    };
  },
});
