/**
 * approval — who approves of the system, by wealth quintile and by group, when it brings benefits
 * (Sesame Credit and redlists) and when it brings sanctions (the court blacklist)? (issue 11,
 * experiment 9)
 *
 * Claim (the source, paraphrased; page not recorded, section not recorded): surveys find high
 * approval of social credit systems in China, and higher among the better-off and better-educated
 * — approval that follows from what the systems bring people, benefits to some and sanctions to
 * others. (An online survey found that pattern: Kostka, New Media & Society 21:1565, 2019.)
 *
 * Mechanism: the `approval` adaptation forms approval from experience only — a day with a benefit
 * or an honour pulls it up, a sanction suffered pulls it down more strongly (loss aversion), seeing
 * friends sanctioned pulls it down, and everyone drifts towards their friends' views (DeGroot).
 * Sesame Credit (voluntary, joined by the `opt-in` adaptation when expected benefits exceed the
 * cost; deposit-free services and credit above thresholds, at its defaults) and redlists (finite
 * honours) bring benefits; the court blacklist (unpaid judgments → listing, travel bans) brings
 * sanctions. Nothing says who should approve: every person starts at the same expected approval
 * (0.8, surveys), and the poorer minority (wealth and income 0.7 of the majority's) gets no
 * different rule.
 *
 * Design: 4 points — no regime (control), Sesame + redlist, court blacklist, all three — × 3
 * replicates, common random numbers, 2,000 agents over 364 days. `name` labels the point (a
 * scenario field that changes nothing in a run). Control: no regime — the same people, starting
 * views and social influence, nothing to experience; effects.csv pairs each regime set with it.
 *
 * Outcomes (run summary, last recorded step): approval_mean, approval by wealth quintile
 * (approval_q1 poorest … approval_q5 richest) and by group, and two gaps computed here:
 * approval_wealth_gap = q5 − q1 and approval_group_gap = majority − minority.
 *
 * Expected: under Sesame + redlist the gaps rise (the advantaged get the benefits); under the court
 * blacklist approval_mean falls. The headline directions below are for the gaps.
 *
 *   npx scorelab sweep experiments/approval.ts          # full: 12 runs
 *   npx scorelab sweep experiments/approval.ts --quick
 *
 * Trial run (2026-12-07, full sweep, before the last mechanisms of issue 10 landed): Sesame +
 * redlist raised approval by 0.17 and the rich–poor gap by 0.006 (interval 0.004–0.008); the
 * majority–minority gap rose by 0.0016, an interval that includes 0. The court blacklist lowered
 * approval by 0.08 with no wealth gradient.
 *
 * Full sweep: 12 runs in 10.3 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/approval/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineExperiment, type Row } from 'scorelab';

const SOURCE = "the law-review article on the human-rights implications of China's Social Credit System that scorelab models (its text does not ship with the project)";

const REGIMES = ['baseline', 'sesame', 'redlist', 'court-blacklist'] as const;

function point(name: string, on: readonly string[]): Record<string, string | boolean> {
  const p: Record<string, string | boolean> = { name };
  for (const r of REGIMES) p[`regimes.${r}`] = on.includes(r);
  return p;
}

const APPROVAL = ['approval_mean', 'approval_mean_minority', 'approval_mean_majority', 'approval_q1', 'approval_q2', 'approval_q3', 'approval_q4', 'approval_q5'];

/** Last-step approval columns and the rich–poor and majority–minority gaps. */
function summary(rows: Row[]): Record<string, number | null> {
  const end = rows[rows.length - 1] ?? {};
  const v = (c: string) => {
    const x = end[c];
    return x === null || x === undefined || !Number.isFinite(x) ? null : x;
  };
  const out: Record<string, number | null> = {};
  for (const c of APPROVAL) out[c] = v(c);
  const q1 = v('approval_q1'), q5 = v('approval_q5'), mi = v('approval_mean_minority'), ma = v('approval_mean_majority');
  out.approval_wealth_gap = q1 !== null && q5 !== null ? q5 - q1 : null;
  out.approval_group_gap = mi !== null && ma !== null ? ma - mi : null;
  out.listed_share = v('listed_share');
  out.redlisted_share = v('redlisted_share');
  return out;
}

export default defineExperiment({
  id: 'approval',
  title: 'Who approves: Sesame + redlist against the court blacklist, by wealth quintile and group',
  question: 'Does approval of the system come to differ by wealth and by group through what the system brings people — benefits under Sesame Credit and redlists, sanctions under the court blacklist?',
  claim: {
    quote: 'Paraphrase: surveys find approval of social credit systems high in China, and highest among the better-off and better-educated, who gain most from them.',
    source: SOURCE,
    page: 'page not recorded; section not recorded',
  },
  mechanism:
    'Approval from experience: benefits and honours pull it up, sanctions suffered (more strongly) and seen on friends pull it down, friends’ views pull it together; Sesame (opt-in, benefits above thresholds) and redlists bring benefits mostly to the better-off, the court blacklist brings sanctions.',
  control: {
    set: { name: 'no regime', ...Object.fromEntries(REGIMES.map((r) => [`regimes.${r}`, r === 'baseline'])) },
    label: 'no regime (nothing to experience)',
  },
  crn: true,
  expected: { approval_wealth_gap: 'up', approval_group_gap: 'up' },
  base: {
    name: 'approval',
    seed: 1,
    steps: 364,
    population: { agents: 10000, minorityWealthRatio: 0.7, approval: 0.8, traits: { finance: 0.0005 } },
    graph: { model: 'sbm', meanDegree: 10, homophily: 0.5 },
    regimes: { baseline: {} },
    adaptations: { 'opt-in': {}, approval: {} },
    record: { every: 7 },
  },
  agents: 2000,
  steps: 364,
  replicates: 3,
  metrics: [...APPROVAL, 'listed_share', 'redlisted_share', 'benefit_disparate_impact', 'gini_wealth'],
  design: {
    kind: 'points',
    points: [
      point('no regime', ['baseline']),
      point('sesame + redlist', ['sesame', 'redlist']),
      point('court-blacklist', ['court-blacklist']),
      point('sesame + redlist + court-blacklist', ['sesame', 'redlist', 'court-blacklist']),
    ],
  },
  summary,
  quick: { agents: 500, steps: 120, replicates: 2 },
  figures: [
    { id: 'by-quintile', kind: 'multiples', metrics: ['approval_q1', 'approval_q2', 'approval_q3', 'approval_q4', 'approval_q5'], by: 'name', title: 'Approval by wealth quintile (q1 poorest)' },
    { id: 'by-group', kind: 'multiples', metrics: ['approval_mean_majority', 'approval_mean_minority'], by: 'name', title: 'Approval by group' },
    {
      id: 'distribution',
      kind: 'distribution',
      column: 'approval',
      by: 'group',
      where: [{ name: 'no regime' }, { name: 'sesame + redlist' }, { name: 'court-blacklist' }],
      title: 'Final approval by group',
    },
    { id: 'over-time', kind: 'timeseries', metrics: ['approval_mean', 'approval_q1', 'approval_q5'], color: 'name' },
    { id: 'effects', kind: 'effects', metrics: ['approval_mean', 'approval_wealth_gap', 'approval_group_gap'] },
  ],
});
