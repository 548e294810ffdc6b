/**
 * `misidentification`: false matches (face recognition, record linkage) that create records against
 * innocent agents, at group-specific rates.
 *
 * Rule, each step of Δ days, in the observe stage, for every agent i:
 *   rateᵢ = baseRate · (falseMatchRatio if i is in the minority, else 1)
 *           · (watchᵢ if scaleWithWatch) · (detect[d, gᵢ] ÷ detect[d, majority] if scaleWithSurveillance);
 *   with probability 1 − exp(−rateᵢ·Δ) one record is added in `domain`, kind violation, with
 *   mistaken = 1 (size = `sizeDays` days of income in finance, 1 elsewhere; tag = `tag`).
 * The agent may or may not have acted: the record never corresponds to a true act. The core then
 * marks the agent in `wrong_record_window`, which `wrongful_record_rate_ratio` reads; regimes treat
 * the record like any other (they cannot tell), and lists carry its `mistaken` flag.
 *
 * Source (docs/calibration.md#surveillance-and-misidentification): NIST FRVT Part 3, Demographic Effects (NISTIR 8280, Grother, Ngan &
 * Hanaoka, Dec 2019): one-to-one false-positive rates higher for Asian and African-American faces
 * than for white faces, often by a factor of 10 to 100; women 2–5× men [P/S]. The base rate (false
 * matches per person per day) depends on how often people are scanned and is not in the source.
 */
import { defineObservation } from '../core/contracts.js';
import { ACT_VIOLATION } from '../core/events.js';
import { bool, num, oneOf } from '../core/params.js';
import { DOMAINS, DOMAIN_INDEX } from '../core/population.js';
import { chanceFromRate } from '../core/rates.js';

const NIST = 'NIST FRVT Part 3, NISTIR 8280 (2019): false positives 10–100× higher for some groups [P/S]';

export const misidentification = defineObservation({
  id: 'misidentification',
  title: 'Misidentification: false matches against innocent people',
  summary: 'false matches create mistaken records, falseMatchRatio times more often for the minority',
  doc:
    'Face recognition and record matching sometimes attach an act to the wrong person. Every day each person has a ' +
    'small chance of being falsely matched to a violation; for the minority that chance is falseMatchRatio times ' +
    'higher, as NIST measured for many algorithms. The false record looks like any other to the scoring regimes, ' +
    'which may score, list and sanction an innocent person on it; lists remember that the entry was mistaken.',
  sources: [NIST, 'docs/calibration.md#surveillance-and-misidentification'],
  params: {
    baseRate: num(1e-4, {
      min: 0,
      max: 1,
      unit: 'per agent per day',
      doc: 'false matches per majority member per day (depends on how often people are scanned; not from a source)',
    }),
    falseMatchRatio: num(10, { min: 0, unit: 'minority ÷ majority', doc: 'false-match rate of the minority relative to the majority', source: NIST }),
    domain: oneOf('law', DOMAINS, { doc: 'domain of the mistaken records (law: a camera matches a face to an offence)' }),
    scaleWithWatch: bool(true, { doc: 'more monitoring of a person (watch, e.g. predictive profiling) means more scans and so more false matches' }),
    scaleWithSurveillance: bool(false, {
      doc: 'false matches also scale with the group’s detection intensity in the domain (differential surveillance scans the minority more)',
    }),
    sizeDays: num(30, { min: 0, unit: 'days of income', doc: 'size of a mistaken finance record (a misattributed default); other domains use size 1' }),
    tag: num(0, { int: true, unit: 'code', doc: 'tag written on the records (regimes with act codes read it)' }),
  },
  columns: ['false_matches'],
  create(world, p) {
    const n = world.n;
    const key = world.keyed('observation:misidentification');
    const d = DOMAIN_INDEX[p.domain];
    const finance = d === DOMAIN_INDEX.finance;
    let window = 0;
    return {
      observe() {
        const dt = world.daysPerStep;
        const g = world.pop.group;
        const base = world.detect[d * 2]!;
        const rec = world.records;
        for (let i = 0; i < n; i++) {
          const gi = g[i]!;
          let rate = p.baseRate * (gi === 1 ? p.falseMatchRatio : 1);
          if (p.scaleWithWatch) rate *= world.watch[i]!;
          if (p.scaleWithSurveillance && gi === 1) rate *= base > 0 ? world.detect[d * 2 + 1]! / base : 1;
          const u = key.u(i, world.day, 0); // keyed by agent and day (common random numbers)
          if (u < chanceFromRate(rate, dt)) {
            rec.push(i, d, ACT_VIOLATION, finance ? p.sizeDays * world.pop.income[i]! : 1, p.tag, true, 1);
            window++;
          }
        }
      },
      record() {
        const out = { false_matches: window };
        window = 0;
        return out;
      },
    };
  },
});
