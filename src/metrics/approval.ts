/**
 * `approval_mean` — mean approval of the scoring system (column `approval`, in [0, 1]), also by
 * group (`approval_mean_majority`: group 0, `approval_mean_minority`: group 1) and by wealth
 * quintile (`approval_q1` poorest … `approval_q5` richest; quintile = floor(5 · rank / n) of wealth,
 * ties broken by agent index). A cell is null when its set of agents is empty or the column is absent.
 */
import type { MetricSpec } from '../core/snapshot.js';
import type { Row } from '../core/contracts.js';
import { fin, wealthQuantile } from './util.js';

const Q = ['approval_q1', 'approval_q2', 'approval_q3', 'approval_q4', 'approval_q5'];
const COLUMNS = ['approval_mean', 'approval_mean_minority', 'approval_mean_majority', ...Q];

export const approvalMean: MetricSpec = {
  id: 'approval_mean',
  columns: COLUMNS,
  doc: 'Mean approval of the system; by group (minority, majority) and by wealth quintile (q1 poorest).',
  make: () => (s) => {
    const a = s.column('approval');
    const row: Row = Object.fromEntries(COLUMNS.map((c) => [c, null]));
    if (!a || s.n === 0) return row;
    const q = wealthQuantile(s, 5), group = s.group, n = s.n;
    const sum = new Float64Array(8), cnt = new Float64Array(8); // 0 all, 1 minority, 2 majority, 3..7 quintiles
    let all = 0, min = 0, maj = 0, nMin = 0, nMaj = 0;
    for (let i = 0; i < n; i++) {
      const v = a[i]!;
      const g = group[i]!;
      all += v;
      if (g === 1) {
        min += v;
        nMin++;
      } else if (g === 0) {
        maj += v;
        nMaj++;
      }
      sum[3 + q[i]!]! += v;
      cnt[3 + q[i]!]!++;
    }
    sum.set([all, min, maj]);
    cnt.set([n, nMin, nMaj]);
    COLUMNS.forEach((c, k) => (row[c] = cnt[k]! > 0 ? fin(sum[k]! / cnt[k]!) : null));
    return row;
  },
};
