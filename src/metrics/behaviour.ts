/**
 * Behaviour over the recording window (from `stats`, reset after each recorded step):
 * `violation_rate`, `default_rate`, `dissent_rate`, `data_points_per_agent`.
 *
 * - violation_rate = Σ_{d ≠ speech} stats.violations[d] / (n × stats.days): true violations per agent
 *   per day, all domains but speech (dissent is not a violation here).
 * - default_rate = stats.violations[finance] / (n × stats.days).
 * - dissent_rate = stats.expressions[speech] / (n × stats.days): expressions of dissent per agent per
 *   day (a chilling effect shows as its fall).
 * - data_points_per_agent = stats.dataPoints / n / steps, steps = max(1, stats.days / daysPerStep):
 *   data items about an agent used by the active regimes per step (privacy footprint).
 * The rates are null when stats.days = 0 (or n = 0).
 */
import { DOMAIN_INDEX, DOMAINS } from '../core/population.js';
import type { MetricSpec, Snapshot } from '../core/snapshot.js';
import { fin } from './util.js';

const FIN = DOMAIN_INDEX.finance;
const SPEECH = DOMAIN_INDEX.speech;

const perAgentDay = (s: Snapshot, x: number): number | null =>
  s.stats.days > 0 && s.n > 0 ? fin(x / (s.n * s.stats.days)) : null;

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

export const defaultRate: MetricSpec = {
  id: 'default_rate',
  columns: ['default_rate'],
  doc: 'Defaults (finance-domain violations) per agent per day.',
  make: () => (s) => ({ default_rate: perAgentDay(s, s.stats.violations[FIN]!) }),
};

export const dissentRate: MetricSpec = {
  id: 'dissent_rate',
  columns: ['dissent_rate'],
  doc: 'Expressions of dissent (speech domain) per agent per day; a chilling effect shows as its fall.',
  make: () => (s) => ({ dissent_rate: perAgentDay(s, s.stats.expressions[SPEECH]!) }),
};

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
