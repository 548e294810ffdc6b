/**
 * `group_freeman_segregation` — Freeman's segregation index of the network by group.
 *
 * S = (E[c] − c) / E[c], c = observed cross-group ties (half the off-diagonal of the group mixing
 * matrix, group-mixing.ts), E[c] = ties × (N² − Σ_g N_g²) / (N (N − 1)) the number expected when
 * ties ignore groups (N agents, N_g in group g; the many-group form of Bojanowski & Corten 2014).
 * 0 for a complete graph, 1 when no tie crosses groups. Null with fewer than two groups present,
 * without ties, or when E[c] = 0.
 *
 * References: L. C. Freeman, "Segregation in social networks", Sociological Methods & Research
 * 6(4):411–429 (1978); M. Bojanowski & R. Corten, "Measuring segregation in social networks",
 * Social Networks 39:14–32 (2014).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { freemanSegregation, groupMatrix, total } from './group-mixing.js';
import { groupSizes } from './util.js';

export const groupFreemanSegregation: MetricSpec = {
  id: 'group_freeman_segregation',
  columns: ['group_freeman_segregation'],
  doc: "Freeman's S = (E[c] − c)/E[c]: c cross-group ties, E[c] = ties × (N² − Σ N_g²)/(N(N − 1)).",
  reference: 'Freeman, "Segregation in social networks", Sociological Methods & Research 6:411 (1978)',
  needs: ['groups'], // the mixing matrix of the tie pass (groupMatrix)
  make: () => (s) => {
    const m = groupMatrix(s);
    if (!m) return { group_freeman_segregation: null };
    const t = total(m);
    let inside = 0;
    for (let g = 0; g < m.length; g++) inside += m[g]![g]!;
    const sizes = Array.from(groupSizes(s));
    return { group_freeman_segregation: freemanSegregation(t / 2, (t - inside) / 2, sizes) };
  },
};
