/**
 * `approval_mean` — mean approval of the scoring system (column `approval`, in [0, 1]), also by
 * group (`approval_mean_majority`: group 0, `approval_mean_minority`: group 1) and by wealth
 * quintile (`approval_q1` poorest … `approval_q5` richest; quintile = floor(5 · rank / n) of wealth,
 * ties broken by agent index). A cell is null when its set of agents is empty or the column is absent.
 *
 * Reference: Kostka, "China's social credit systems and public opinion: Explaining high levels of
 * approval", New Media & Society 21:1565 (2019) (approval by income and education).
 */
import type { MetricSpec } from '../core/snapshot.js';
import type { Row } from '../core/contracts.js';
import { fin, groupSizes, wealthQuantile } from './util.js';

const Q = ['approval_q1', 'approval_q2', 'approval_q3', 'approval_q4', 'approval_q5'];
const COLUMNS = ['approval_mean', 'approval_mean_minority', 'approval_mean_majority', ...Q];

export const approvalMean: MetricSpec = {
  id: 'approval_mean',
  columns: COLUMNS,
  doc: 'Mean approval of the system; by group (minority, majority) and by wealth quintile (q1 poorest).',
  reference: 'Kostka, New Media & Society 21:1565 (2019)',
  make: () => (s) => {
    const a = s.column('approval');
    const row: Row = {};
    for (const c of COLUMNS) row[c] = null;
    if (!a || s.n === 0) return row;
    const q = wealthQuantile(s, 5), group = s.group, n = s.n, sizes = groupSizes(s);
    const sq = new Float64Array(5); // per quintile, in index order
    let all = 0, min = 0, maj = 0;
    for (let i = 0; i < n; i++) {
      const v = a[i]!;
      const g = group[i]!;
      all += v;
      if (g === 1) min += v;
      else if (g === 0) maj += v;
      sq[q[i]!]! += v;
    }
    // agents per cell: n, the group sizes, and the quintile sizes (labels floor(5·rank/n))
    const sum = [all, min, maj, ...sq], cnt = [n, sizes[1]!, sizes[0]!];
    for (let c = 0, r = 0; c < 5; c++) {
      const end = c + 1 < 5 ? Math.ceil(((c + 1) * n) / 5) : n;
      cnt.push(end - r);
      r = end;
    }
    for (let k = 0; k < COLUMNS.length; k++) row[COLUMNS[k]!] = cnt[k]! > 0 ? fin(sum[k]! / cnt[k]!) : null;
    return row;
  },
};
