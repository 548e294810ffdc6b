/**
 * `dissent_rate` — expressions of dissent (speech domain) per agent per day over the recording
 * window; a chilling effect shows as its fall.
 *
 * dissent_rate = stats.expressions[speech] / (n × stats.days), from `stats` (reset after each
 * recorded step). Null when stats.days = 0 or n = 0.
 *
 * References (the chilling effect its fall shows): Schauer, "Fear, Risk and the First Amendment:
 * Unraveling the Chilling Effect", Boston University Law Review 58:685 (1978); Penney, "Chilling
 * Effects: Online Surveillance and Wikipedia Use", Berkeley Technology Law Journal 31:117 (2016).
 */
import { DOMAIN_INDEX } from '../core/population.js';
import type { MetricSpec } from '../core/snapshot.js';
import { perAgentDay } from './behaviour.js';

const SPEECH = DOMAIN_INDEX.speech;

export const dissentRate: MetricSpec = {
  id: 'dissent_rate',
  columns: ['dissent_rate'],
  doc: 'Expressions of dissent (speech domain) per agent per day; a chilling effect shows as its fall.',
  reference: 'Schauer, Boston Univ. Law Rev. 58:685 (1978); Penney, Berkeley Tech. Law J. 31:117 (2016)',
  make: () => (s) => ({ dissent_rate: perAgentDay(s, s.stats.expressions[SPEECH]!) }),
};
