/**
 * joint-punishment-stratification — do many agencies' sanctions on the blacklisted, and entries that
 * stick after the debt is paid, make a lower class? (issue 11, experiment 3)
 *
 * Claim (the source, paraphrased; page not recorded, section not recorded): under the Joint
 * Punishment System "broken trust in one place, restrictions everywhere" — dozens of agencies bar
 * the blacklisted from travel, senior posts, subsidies, property and credit, and delisting is slow
 * and sticky in practice — so the listed fall behind and stay behind: a de facto lower class.
 *
 * Mechanism: `court-blacklist` lists a person who can pay a court judgment but does not; the
 * `joint-punishment` regime applies the sanction catalogue to everyone on a blacklist, each agency
 * with probability `breadth` (income potential cut by bars on senior posts, subsidies, real
 * estate and credit; benefits withdrawn; trips blocked). `stickiness` is the chance that a removal
 * check fails after the person has paid, so the entry — and every agency's sanction — stays.
 * Lower income eats savings (spending adjusts slowly), stress raises defaults, defaults lead to
 * new judgments: the loop that can trap people.
 *
 * Sanction breadth is `regimes.joint-punishment.breadth` (share of the ~60 agencies that apply their
 * sanctions); stickiness is `regimes.court-blacklist.stickiness`. Both are parameters today.
 *
 * Design: breadth 0, 0.5, 1 × stickiness 0, 0.9, 0.99 (a paid-up entry stays on average about 0,
 * 10 or 100 more days: each step's removal check fails with that probability); two years (730 days) so that the one-year
 * mobility window follows a year of sanctions; finance propensity 0.0005/day (more debtors than the
 * joint-punishment preset's 0.0002) so that enough people are listed at 2,000 agents; 3 replicates
 * with common random numbers. Control: breadth 0 — the listing and its own court travel ban stay,
 * no agency adds sanctions; effects.csv pairs every point with breadth 0 at the same stickiness.
 *
 * Expected: gini_wealth and bottom_persistence rise with breadth (more with stickiness),
 * shorrocks_mobility falls.
 *
 *   npx scorelab sweep experiments/joint-punishment-stratification.ts          # full: 27 runs
 *   npx scorelab sweep experiments/joint-punishment-stratification.ts --quick
 *
 * Trial run (2026-12-07, full sweep, before the last mechanisms of issue 10 landed): gini_wealth
 * rose with breadth (+0.0011 at breadth 1, 95 % interval 0.0008–0.0014, the same at every
 * stickiness) but bottom_persistence and shorrocks_mobility did not move beyond noise: the court
 * lists only debtors able to pay, so the sanctioned are rarely the poorest, and two years are
 * short. Stickiness raised the days to delisting (5, 13, 67) but not inequality.
 *
 * Full sweep: 27 runs in 28.1 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/joint-punishment-stratification/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineExperiment, type Row } from 'scorelab';

const SOURCE = "the law-review article on the human-rights implications of China's Social Credit System that scorelab models (its text does not ship with the project)";

const last = (rows: Row[], col: string): number | null => {
  for (let k = rows.length - 1; k >= 0; k--) {
    const v = rows[k]![col];
    if (v !== null && v !== undefined && Number.isFinite(v)) return v;
  }
  return null;
};

/** Last-step outcomes; the delisting time as the mean over the recorded steps that had removals. */
function summary(rows: Row[]): Record<string, number | null> {
  const days = rows.map((r) => r.mean_days_to_delist).filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  return {
    gini_wealth: last(rows, 'gini_wealth'),
    bottom_persistence: last(rows, 'bottom_persistence'),
    shorrocks_mobility: last(rows, 'shorrocks_mobility'),
    listed_share: last(rows, 'listed_share'),
    default_rate: last(rows, 'default_rate'),
    mean_days_to_delist: days.length ? days.reduce((a, b) => a + b, 0) / days.length : null,
  };
}

export default defineExperiment({
  id: 'joint-punishment-stratification',
  title: 'Joint punishment breadth × sticky delisting → inequality, persistence at the bottom, mobility',
  question: 'Do sanctions applied by many agencies to everyone on a blacklist, and entries that stay after the debt is paid, widen inequality and trap people at the bottom?',
  claim: {
    quote: 'Paraphrase: "broken trust in one place, restrictions everywhere" — dozens of agencies restrict the blacklisted in travel, jobs, subsidies, property and credit, and removal from the list is slow and sticky, creating a de facto lower class.',
    source: SOURCE,
    page: 'page not recorded; section not recorded',
  },
  mechanism:
    'court-blacklist lists able debtors who do not pay; joint-punishment cuts the income potential of everyone listed (each agency with probability breadth), withdraws benefits and blocks trips; stickiness keeps paid-up debtors listed; lost income eats savings and stress raises defaults.',
  control: { set: { 'regimes.joint-punishment.breadth': 0 }, label: 'no agency sanctions (breadth 0)' },
  crn: true,
  expected: { gini_wealth: 'up', bottom_persistence: 'up', shorrocks_mobility: 'down' },
  base: 'joint-punishment',
  set: { 'population.traits.finance': 0.0005 },
  agents: 2000,
  steps: 730,
  replicates: 3,
  metrics: ['listed_share', 'mean_days_to_delist', 'default_rate', 'gini_wealth', 'bottom_persistence', 'shorrocks_mobility', 'theil_wealth'],
  design: {
    kind: 'grid',
    factors: {
      'regimes.joint-punishment.breadth': [0, 0.5, 1],
      'regimes.court-blacklist.stickiness': [0, 0.9, 0.99],
    },
  },
  summary,
  quick: { agents: 500, steps: 180, replicates: 2 },
  figures: [
    { id: 'gini-heatmap', kind: 'heatmap', x: 'regimes.joint-punishment.breadth', y: 'regimes.court-blacklist.stickiness', metric: 'gini_wealth' },
    { id: 'persistence-dose', kind: 'dose', x: 'regimes.joint-punishment.breadth', y: 'bottom_persistence', color: 'regimes.court-blacklist.stickiness' },
    { id: 'mobility-dose', kind: 'dose', x: 'regimes.joint-punishment.breadth', y: 'shorrocks_mobility', color: 'regimes.court-blacklist.stickiness' },
    { id: 'over-time', kind: 'timeseries', metrics: ['listed_share', 'gini_wealth', 'bottom_persistence'], color: 'regimes.joint-punishment.breadth', facet: 'regimes.court-blacklist.stickiness' },
    { id: 'effects', kind: 'effects', metrics: ['gini_wealth', 'bottom_persistence', 'shorrocks_mobility'] },
  ],
});
