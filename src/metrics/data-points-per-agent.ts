/**
 * `data_points_per_agent` — mean number of data items about an agent that the active regimes used
 * per step (privacy footprint).
 *
 * data_points_per_agent = stats.dataPoints / n / steps, steps = max(1, stats.days / daysPerStep)
 * (daysPerStep taken as 1 when it is not positive), from `stats` (reset after each recorded step).
 * Null when n = 0.
 *
 * Reference: docs/metrics.md lists none; the privacy footprint of the outcomes of docs/model.md#outcomes, read against
 * data minimisation (GDPR Art. 5(1)(c)).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { fin } from './util.js';

export const dataPointsPerAgent: MetricSpec = {
  id: 'data_points_per_agent',
  columns: ['data_points_per_agent'],
  doc: 'Data items about an agent used by the active regimes per step (privacy footprint).',
  make: () => (s) => {
    if (s.n === 0) return { data_points_per_agent: null };
    const steps = Math.max(1, s.stats.days / (s.daysPerStep > 0 ? s.daysPerStep : 1));
    return { data_points_per_agent: fin(s.stats.dataPoints / s.n / steps) };
  },
};
