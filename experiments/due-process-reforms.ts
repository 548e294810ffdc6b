/**
 * due-process-reforms — what does each due-process safeguard the source proposes do, alone and all
 * together, to wrongful listings, true listings, delisting time and the burden on the minority?
 * (issue 11, experiment 4)
 *
 * Claim (the source, Part V, paraphrased; page not recorded): the harms of the blacklists can be
 * reduced by due process — notice before listing, human review of automated decisions, appeals,
 * correction of wrong data and an oversight body that audits the lists.
 *
 * Mechanism: on the national-composite world (one 0–100 score whose judicial area counts any
 * blacklist; a low area restricts everywhere) two blacklists propose listings: the court blacklist
 * (unpaid judgments) and a risk list (a recorded law violation in a year), fed by face recognition
 * that mismatches the minority ten times as often (`misidentification`, baseRate 0.0002/day). Each
 * safeguard decides on evidence only — the evidence behind the records, what the person can show
 * and afford, its own diligence, caseload and independence — never on whether a record is truly
 * mistaken: `notice` (answer before listing), `human-review` (a reviewer before any listing),
 * `appeals` and `rectification` (contest an entry), `audit` (periodic re-examination of a sample),
 * `point-appeals` (contest a deduction of composite points). Errors go both ways: a safeguard can
 * also remove true listings.
 *
 * Design: 8 points — none (control), each safeguard alone at its defaults, all six together — with
 * common random numbers, 4 replicates. `name` labels the point (a scenario field that changes
 * nothing in a run). Control: no safeguard — the same regimes, records and false matches, no due
 * process; effects.csv pairs every safeguard set with it, replicate by replicate.
 *
 * Outcomes (run summary, last recorded step): wrongful_listed_share (wrongful listings),
 * true_listed_share = listed_share − wrongful_listed_share (true listings kept), mean_days_to_delist
 * (mean over the run's recorded steps that have removals), listed_rate_ratio, bottom_persistence.
 *
 * Expected: wrongful_listed_share down and listed_rate_ratio down (the minority's extra listings
 * are false matches); true_listed_share about unchanged ('none': a safeguard that deciding on
 * evidence also drops some true listings shows here); mean_days_to_delist and bottom_persistence
 * are reported as found.
 *
 *   npx scorelab sweep experiments/due-process-reforms.ts          # full: 32 runs
 *   npx scorelab sweep experiments/due-process-reforms.ts --quick
 *
 * Full sweep: 32 runs in 29.0 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/due-process-reforms/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineExperiment, type Row, type SummaryContext } from 'scorelab';

const SOURCE = "the law-review article on the human-rights implications of China's Social Credit System that scorelab models (its text does not ship with the project)";

const SAFEGUARDS = ['notice', 'human-review', 'appeals', 'rectification', 'audit', 'point-appeals'] as const;

/** One design point: the named safeguards on (defaults), the others off. */
function only(name: string, on: readonly string[]): Record<string, string | boolean> {
  const p: Record<string, string | boolean> = { name };
  for (const s of SAFEGUARDS) p[`safeguards.${s}`] = on.includes(s);
  return p;
}

const last = (rows: Row[], col: string): number | null => {
  for (let k = rows.length - 1; k >= 0; k--) {
    const v = rows[k]![col];
    if (v !== null && v !== undefined && Number.isFinite(v)) return v;
  }
  return null;
};

const meanOf = (rows: Row[], col: string): number | null => {
  const xs = rows.map((r) => r[col]).filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
};

/** Last-step outcomes, the true listings kept, and the delisting time over the run. */
function summary(rows: Row[], _ctx: SummaryContext): Record<string, number | null> {
  const listed = last(rows, 'listed_share');
  const wrongful = last(rows, 'wrongful_listed_share');
  return {
    wrongful_listed_share: wrongful,
    true_listed_share: listed !== null && wrongful !== null ? listed - wrongful : null,
    listed_share: listed,
    mean_days_to_delist: meanOf(rows, 'mean_days_to_delist'),
    listed_rate_ratio: last(rows, 'listed_rate_ratio'),
    listed_without_notice_share: last(rows, 'listed_without_notice_share'),
    bottom_persistence: last(rows, 'bottom_persistence'),
    gini_wealth: last(rows, 'gini_wealth'),
  };
}

export default defineExperiment({
  id: 'due-process-reforms',
  title: 'Due-process safeguards, alone and together, on the national composite',
  question: 'Which of the due-process reforms the source proposes cut wrongful listings and the burden on the minority, and at what cost in true listings lost?',
  claim: {
    quote: 'Paraphrase: the blacklists punish without due process; notice before listing, human review of automated decisions, appeals, correction of wrong data and an independent oversight body would reduce wrongful listings and their harms.',
    source: SOURCE,
    page: 'Part V; page not recorded',
  },
  mechanism:
    'Misidentification makes false law records (10× for the minority); the risk list and the court blacklist propose listings; each safeguard decides on evidence (signal detection: diligence, caseload, independence; what the person can show and afford), so both wrongful and true listings can be blocked or removed.',
  control: {
    set: { name: 'none', ...Object.fromEntries(SAFEGUARDS.map((s) => [`safeguards.${s}`, false])) },
    label: 'no safeguard',
  },
  crn: true,
  expected: { wrongful_listed_share: 'down', listed_rate_ratio: 'down', true_listed_share: 'none' },
  base: 'national-composite',
  set: {
    'observation.misidentification': { baseRate: 0.0002, falseMatchRatio: 10 },
    'regimes.court-blacklist': {},
    'regimes.risk-list': {},
    'population.traits.finance': 0.0005,
  },
  agents: 2000,
  steps: 365,
  replicates: 4,
  metrics: ['listed_share', 'wrongful_listed_share', 'listed_rate_ratio', 'listed_without_notice_share', 'mean_days_to_delist', 'mean_score', 'score_gap', 'gini_wealth', 'bottom_persistence'],
  design: {
    kind: 'points',
    points: [only('none', []), ...SAFEGUARDS.map((s) => only(s, [s])), only('all', SAFEGUARDS)],
  },
  summary,
  quick: { agents: 400, steps: 100, replicates: 2 },
  figures: [
    { id: 'outcomes', kind: 'multiples', metrics: ['wrongful_listed_share', 'listed_share', 'listed_rate_ratio', 'mean_days_to_delist', 'bottom_persistence'], by: 'name', title: 'Outcomes by safeguard set' },
    { id: 'effects', kind: 'effects', metrics: ['wrongful_listed_share', 'true_listed_share', 'listed_rate_ratio', 'mean_days_to_delist', 'bottom_persistence'] },
    { id: 'wrongful-over-time', kind: 'timeseries', metrics: ['wrongful_listed_share', 'listed_share'], color: 'name' },
  ],
});
