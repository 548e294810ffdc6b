/**
 * `violation_rate` — true violations per agent per day over the recording window, all domains but
 * speech (dissent is not a violation here).
 *
 * violation_rate = Σ_{d ≠ speech} stats.violations[d] / (n × stats.days), from `stats` (reset after
 * each recorded step). Null when stats.days = 0 or n = 0.
 *
 * Reference: none needed (a plain rate; docs/metrics.md lists none).
 */
import { DOMAIN_INDEX, DOMAINS } from '../core/population.js';
import type { MetricSpec } from '../core/snapshot.js';
import { perAgentDay } from './behaviour.js';

const SPEECH = DOMAIN_INDEX.speech;

export const violationRate: MetricSpec = {
  id: 'violation_rate',
  columns: ['violation_rate'],
  doc: 'True violations per agent per day, all domains except speech.',
  make: () => (s) => {
    let v = 0;
    for (let d = 0; d < DOMAINS.length; d++) if (d !== SPEECH) v += s.stats.violations[d]!;
    return { violation_rate: perAgentDay(s, v) };
  },
};
