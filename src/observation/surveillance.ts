/**
 * `surveillance`: differential surveillance — one group's acts are observed more often.
 *
 * Rule: for every domain d in `domains`,
 *   detect[d, minority] = min(1, detect[d, majority] · ratio),
 * where detect[d, majority] is the scenario's base detection probability (`detect:`). Set once in
 * `create`, so every plug-in (and the behaviour model's deterrence belief) sees the same rates from
 * the first step. Domains not listed keep the scenario's values (including `minorityDetectRatio`).
 * The mechanism changes only who is *seen*, never what anyone *does*: with equal true behaviour a
 * disparity in records and listings is then the product of observation alone.
 *
 * Source (docs/calibration.md#surveillance-and-misidentification): police in one city checked whether
 * residents were Uighurs 500,000 times in one month — P. Mozur, "One Month, 500,000 Face Scans: How
 * China Is Using A.I. to Profile a Minority", New York Times, 14 Apr 2019 [S]. The source gives no
 * ratio of intensities: `ratio` is a parameter to sweep.
 */
import { defineObservation } from '../core/contracts.js';
import { num } from '../core/params.js';
import { domainList, domainIndices } from './util.js';

const NYT = 'NYT (2019): police checked whether residents were Uighurs 500,000 times in one month [S]';

export const surveillance = defineObservation({
  id: 'surveillance',
  title: 'Differential surveillance of the minority',
  summary: 'minority acts are observed `ratio` times as often as the majority’s in the chosen domains',
  doc:
    'Police and cameras watch one group more closely than the other. In each chosen domain, the probability that ' +
    'an act of a minority member is observed is the majority’s probability times the surveillance ratio (at most 1). ' +
    'What people actually do is the same in both groups; only how often it is seen differs, so any gap in records, ' +
    'scores or listings comes from watching, not from behaviour.',
  sources: [NYT, 'docs/calibration.md#surveillance-and-misidentification'],
  params: {
    ratio: num(3, {
      min: 0,
      unit: 'minority ÷ majority',
      doc: 'surveillance intensity of the minority relative to the majority (1 = equal; not from a source, sweep it)',
      source: NYT,
    }),
    domains: domainList(['law', 'commerce', 'speech'], {
      doc: "domains where the minority is watched more (street policing and speech by default; 'all' for every domain)",
    }),
  },
  create(world, p) {
    for (const d of domainIndices(p.domains)) world.detect[d * 2 + 1] = Math.min(1, world.detect[d * 2]! * p.ratio);
    return {};
  },
});
