/**
 * `group_assortativity` — Newman's categorical assortativity of the network by group.
 *
 * With M the group mixing matrix (tie ends over both directions of every tie, group-mixing.ts),
 * e = M / ΣM, a_g = Σ_h e_gh, b_h = Σ_g e_gh: r = (Σ_g e_gg − Σ_g a_g b_g) / (1 − Σ_g a_g b_g).
 * 1 when every tie is inside a group, 0 for random mixing. Null with fewer than two groups present,
 * without ties, or when 1 − Σ a_g b_g ≤ 1e-15 (one group holds every tie end).
 *
 * Reference: M. E. J. Newman, "Mixing patterns in networks", Phys. Rev. E 67, 026126 (2003), eq. (2).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { categoricalAssortativity, groupMatrix } from './group-mixing.js';

export const groupAssortativity: MetricSpec = {
  id: 'group_assortativity',
  columns: ['group_assortativity'],
  doc: "Newman's categorical assortativity r = (Σ e_gg − Σ a_g b_g)/(1 − Σ a_g b_g) of the group mixing matrix.",
  reference: 'Newman, Phys. Rev. E 67:026126 (2003)',
  needs: ['groups'], // the mixing matrix of the tie pass (groupMatrix)
  make: () => (s) => {
    const m = groupMatrix(s);
    return { group_assortativity: m ? categoricalAssortativity(m) : null };
  },
};
