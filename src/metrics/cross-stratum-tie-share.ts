/**
 * `cross_stratum_tie_share` — share of ties joining agents in different score quintiles
 * (+ `cross_stratum_tie_share_online`, `cross_stratum_tie_share_offline`).
 *
 * Strata are score quintiles: agents ranked by primary score (ties broken by agent index),
 * quintile = floor(5 · rank / n). cross_stratum_tie_share = ties joining different quintiles ÷ ties;
 * the `_online` (`_offline`) variant restricts both counts to ties whose layer code has bit 2
 * (bit 1) set (strata.ts). Each is null without a score or without (matching) ties. The counts come
 * from the shared pass over the tie ends (tie-pass.ts), with the group and assortativity sums.
 * No published reference: a plain count (docs/metrics.md).
 */
import { LAYER_OFFLINE, LAYER_ONLINE } from '../core/adjacency.js';
import type { MetricSpec, TieNeed } from '../core/snapshot.js';
import { crossShareOf } from './strata.js';
import { snapshotTiePass } from './tie-pass.js';

const needs: TieNeed[] = ['strata'];

export const crossStratumTieShare: MetricSpec = {
  id: 'cross_stratum_tie_share',
  columns: ['cross_stratum_tie_share', 'cross_stratum_tie_share_online', 'cross_stratum_tie_share_offline'],
  doc: 'Share of ties joining agents in different score quintiles; also among online ties (layer bit 2) and offline ties (layer bit 1).',
  needs,
  make: () => (s) => {
    const p = s.score ? snapshotTiePass(s, needs) : null;
    return {
      cross_stratum_tie_share: p && crossShareOf(p, 0),
      cross_stratum_tie_share_online: p && crossShareOf(p, LAYER_ONLINE),
      cross_stratum_tie_share_offline: p && crossShareOf(p, LAYER_OFFLINE),
    };
  },
};
