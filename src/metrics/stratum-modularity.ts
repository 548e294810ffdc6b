/**
 * `stratum_modularity` — modularity of the partition of agents into score quintiles.
 *
 * Strata are score quintiles: agents ranked by primary score (ties broken by agent index),
 * quintile = floor(5 · rank / n). Q = (1/2m) Σ_ij [A_ij − k_i k_j / 2m] δ(c_i, c_j)
 * = Σ_c [ e_c / 2m − (K_c / 2m)² ], e_c = ordered tie ends inside quintile c, K_c = sum of degrees
 * in c (strata.ts); ties of every layer. Null without a score or without ties. The counts come from
 * the shared pass over the tie ends (tie-pass.ts), with the group and assortativity sums.
 *
 * Reference: M. E. J. Newman & M. Girvan, "Finding and evaluating community structure in
 * networks", Phys. Rev. E 69, 026113 (2004), eq. (5).
 */
import type { MetricSpec, TieNeed } from '../core/snapshot.js';
import { modularityOf } from './strata.js';
import { snapshotTiePass } from './tie-pass.js';

const needs: TieNeed[] = ['strata'];

export const stratumModularity: MetricSpec = {
  id: 'stratum_modularity',
  columns: ['stratum_modularity'],
  doc: 'Modularity Q of the partition of agents into score quintiles (ties of every layer).',
  reference: 'Newman & Girvan, Phys. Rev. E 69:026113 (2004)',
  needs,
  make: () => (s) => ({ stratum_modularity: s.score ? modularityOf(snapshotTiePass(s, needs)) : null }),
};
