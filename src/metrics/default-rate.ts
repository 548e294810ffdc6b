/**
 * `default_rate` — defaults (finance-domain violations) per agent per day over the recording window.
 *
 * default_rate = stats.violations[finance] / (n × stats.days), from `stats` (reset after each
 * recorded step). Null when stats.days = 0 or n = 0.
 *
 * Reference: none needed (a plain rate; docs/metrics.md lists none).
 */
import { DOMAIN_INDEX } from '../core/population.js';
import type { MetricSpec } from '../core/snapshot.js';
import { perAgentDay } from './behaviour.js';

const FIN = DOMAIN_INDEX.finance;

export const defaultRate: MetricSpec = {
  id: 'default_rate',
  columns: ['default_rate'],
  doc: 'Defaults (finance-domain violations) per agent per day.',
  make: () => (s) => ({ default_rate: perAgentDay(s, s.stats.violations[FIN]!) }),
};
