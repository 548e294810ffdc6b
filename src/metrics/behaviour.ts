/**
 * Shared helper of the behaviour rates (no metric of its own), used by violation-rate.ts,
 * default-rate.ts and dissent-rate.ts.
 *
 * - `perAgentDay(s, x)` = x / (n × stats.days): a count taken over the recording window (`stats`,
 *   reset after each recorded step) per agent per day; null when stats.days = 0 or n = 0.
 */
import type { Snapshot } from '../core/snapshot.js';
import { fin } from './util.js';

export const perAgentDay = (s: Snapshot, x: number): number | null =>
  s.stats.days > 0 && s.n > 0 ? fin(x / (s.n * s.stats.days)) : null;
