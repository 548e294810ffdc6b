/**
 * Done-when checks of issue 5 through the built CLI (run `npm run build` first):
 * - every adaptation id appears in `scorelab list --regimes`;
 * - a run with `metrics: all` writes every canonical column of docs/metrics.md to steps.csv
 *   (the list below is copied from its tables), with the adaptations' own columns beside them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readCsv, tmp } from '../helpers.js';

const CANONICAL = [
  'score_sd', 'score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share', 'group_assortativity', 'group_ei_index',
  'group_freeman_segregation', 'score_bimodality', 'score_esteban_ray', 'components', 'largest_component_share',
  'listed_rate_ratio', 'wrongful_record_rate_ratio', 'benefit_disparate_impact', 'score_gap', 'equalized_odds_gap',
  'gini_wealth', 'gini_score', 'theil_wealth', 'theil_wealth_between', 'shorrocks_mobility', 'bottom_persistence',
  'household_spillover', 'listed_share', 'redlisted_share', 'wrongful_listed_share', 'listed_without_notice_share',
  'mean_days_to_delist', 'violation_rate', 'default_rate', 'dissent_rate', 'approval_mean', 'data_points_per_agent',
  'tie_count', 'mean_degree', 'ties_dropped', 'ties_made',
];
const MECHANISMS = ['cleanup', 'self-censorship', 'gaming', 'opt-in', 'appealing', 'approval'];

describe('issue 5 done-when', () => {
  it('every adaptation id is listed by `scorelab list --regimes`', () => {
    const r = cli(['list', '--regimes']);
    expect(r.code, r.stderr).toBe(0);
    const section = r.stdout.split(/\n(?=\S)/).find((s) => s.startsWith('adaptations'))!;
    for (const id of MECHANISMS) expect(section).toMatch(new RegExp(`^  ${id} `, 'm'));
  });

  it('`metrics: all` writes every canonical column of docs/metrics.md to steps.csv', () => {
    const dir = tmp();
    const file = join(dir, 'all.yaml');
    writeFileSync(
      file,
      [
        'name: all-metrics',
        'seed: 4',
        'steps: 20',
        'population: { agents: 600 }',
        'graph: { model: sbm, meanDegree: 8, homophily: 0.5, onlineOnlyShare: 0.5 }',
        'regimes: { sesame: {}, court-blacklist: {}, redlist: {}, speech-blacklist: {} }',
        'safeguards: { appeals: {}, transparency: {} }',
        'adaptations: { cleanup: {}, self-censorship: {}, gaming: {}, opt-in: {}, appealing: {}, approval: {} }',
        'metrics: all',
        'record: { every: 5 }',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const r = cli(['run', file, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const rows = readCsv(join(out, 'steps.csv'));
    expect(rows.length).toBe(5);
    const header = Object.keys(rows[0]!);
    for (const c of CANONICAL) expect(header, c).toContain(c);
    for (const c of ['cleanup_dropped', 'censor_mean', 'gaming_mult_mean', 'optin_share', 'appeal_intent_share']) expect(header).toContain(c);
    const last = rows[rows.length - 1]!;
    for (const c of ['score_sd', 'score_assortativity', 'stratum_modularity', 'cross_stratum_tie_share', 'approval_mean', 'tie_count', 'ties_dropped', 'ties_made', 'optin_share']) {
      expect(last[c], c).not.toBe('');
    }
  });
});
