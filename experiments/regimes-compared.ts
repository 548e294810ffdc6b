/**
 * regimes-compared — every scoring regime the source describes, one at a time, on one population
 * with common random numbers: what does each do to polarization, discrimination, stratification,
 * compliance, speech and approval? (issue 11, experiment 8)
 *
 * Claim (the source, paraphrased; page not recorded, section not recorded): the Chinese systems —
 * municipal points, Sesame Credit, court blacklists with joint punishment, redlists, speech
 * blacklists, the planned national score — and Western scoring (credit bureaus, platform ratings,
 * Facebook's trust score and lending patent, registries, consensual monitoring) differ in degree
 * rather than kind; each can discriminate, sort people and sanction without due process.
 *
 * Mechanism: each regime is its own plug-in (src/regimes), run at its defaults on the same world:
 * 1,500 agents on a group-homophilous network (homophily 0.5), a poorer minority (wealth and income
 * 0.7 of the majority's), face recognition that mismatches the minority 10× as often
 * (misidentification, law), and three adaptations that act only where a regime gives them a reason:
 * social cleanup (a motive only where a score reads friends), self-censorship (only from speech
 * sanctions seen) and approval (from benefits and sanctions experienced). The joint-punishment
 * system runs with the court blacklist it sanctions on.
 *
 * Design: 18 points — the baseline (no scores, lists or sanctions: the control) and each regime
 * alone — × 3 replicates, common random numbers (same people, network and acts drawn from the same
 * keyed streams in every point). `name` labels the point (a scenario field that changes nothing in
 * a run); every point lists every regime, on (its defaults) or off. Control: the baseline;
 * effects.csv pairs every regime with it, replicate by replicate. The run summary is the mean of
 * the last 13 recorded weeks (a quarter): a rate over one week (violations, dissent) of 1,500
 * people moves by too few acts to compare regimes.
 *
 * Expected (against no regime): violation_rate down where sanctions deter, gini_wealth up where
 * sanctions cut income; many regimes leave a metric empty (no list, no score) or unchanged — the
 * table reports each as found.
 *
 *   npx scorelab sweep experiments/regimes-compared.ts          # full: 54 runs
 *   npx scorelab sweep experiments/regimes-compared.ts --quick   # the main job (npm start): 800 agents, 3 replicates, ≈ 30 s
 *
 * Full sweep: 54 runs in 38.6 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/regimes-compared/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineExperiment } from 'scorelab';

const SOURCE = "the law-review article on the human-rights implications of China's Social Credit System that scorelab models (its text does not ship with the project)";

/** Every regime of the source (the friend-cleanup benchmark model is not one of them). */
const REGIMES = [
  'baseline',
  'rongcheng',
  'suining',
  'sesame',
  'redlist',
  'national-composite',
  'court-blacklist',
  'joint-punishment',
  'speech-blacklist',
  'risk-list',
  'public-registry',
  'fico',
  'uk-scoring',
  'nosedive',
  'platform-rating',
  'facebook-trust',
  'facebook-lending',
  'telematics',
] as const;

/** One point: `name` and the regimes switched on (defaults); every other regime off. */
function point(name: string, on: readonly string[]): Record<string, string | boolean> {
  const p: Record<string, string | boolean> = { name };
  for (const r of REGIMES) p[`regimes.${r}`] = on.includes(r);
  return p;
}

const POINTS = [
  point('baseline', ['baseline']),
  ...REGIMES.filter((r) => r !== 'baseline' && r !== 'joint-punishment').map((r) => point(r, [r])),
  point('court-blacklist + joint-punishment', ['court-blacklist', 'joint-punishment']),
];

const OUTCOMES = [
  'score_assortativity',
  'cross_stratum_tie_share',
  'listed_share',
  'wrongful_listed_share',
  'listed_rate_ratio',
  'benefit_disparate_impact',
  'score_gap',
  'gini_wealth',
  'bottom_persistence',
  'shorrocks_mobility',
  'violation_rate',
  'dissent_rate',
  'approval_mean',
  'data_points_per_agent',
];

export default defineExperiment({
  id: 'regimes-compared',
  title: 'Every regime of the source on one population, against no regime',
  question: 'On the same people, network and acts, what does each scoring regime the source describes do to polarization, discrimination, stratification, compliance, speech and approval, compared with no regime at all?',
  claim: {
    quote: 'Paraphrase: the Chinese systems and Western scoring — credit bureaus, platform ratings, Facebook’s trust score and lending patent, public registries, consensual monitoring — differ in degree rather than in kind; each can discriminate, sort people and sanction without due process.',
    source: SOURCE,
    page: 'page not recorded; section not recorded',
  },
  mechanism:
    'Each regime’s own rules (src/regimes, at defaults) on one world with misidentification of the minority; cleanup, self-censorship and approval adaptations that act only where a regime gives a motive; deterrence in the standard behaviour.',
  control: {
    set: { name: 'baseline', ...Object.fromEntries(REGIMES.map((r) => [`regimes.${r}`, r === 'baseline'])) },
    label: 'no regime (baseline)',
  },
  crn: true,
  expected: { violation_rate: 'down', gini_wealth: 'up' },
  base: {
    name: 'regimes-compared',
    seed: 1,
    steps: 365,
    population: { agents: 10000, minorityWealthRatio: 0.7 },
    graph: { model: 'sbm', meanDegree: 10, homophily: 0.5, onlineOnlyShare: 0.3 },
    observation: { misidentification: { baseRate: 0.0001, falseMatchRatio: 10 } },
    regimes: { baseline: {} },
    adaptations: { cleanup: {}, 'self-censorship': {}, approval: {} },
    record: { every: 7 },
  },
  agents: 1500,
  steps: 365,
  replicates: 3,
  metrics: OUTCOMES,
  design: { kind: 'points', points: POINTS },
  summary: { metrics: OUTCOMES, meanOfLast: 13 },
  quick: { agents: 800, steps: 365, replicates: 3 },
  figures: [
    { id: 'polarization', kind: 'multiples', metrics: ['score_assortativity', 'cross_stratum_tie_share'], by: 'name', title: 'Polarization by regime' },
    { id: 'discrimination', kind: 'multiples', metrics: ['listed_rate_ratio', 'benefit_disparate_impact', 'wrongful_listed_share'], by: 'name', title: 'Discrimination by regime' },
    { id: 'stratification', kind: 'multiples', metrics: ['gini_wealth', 'bottom_persistence', 'shorrocks_mobility'], by: 'name', title: 'Stratification by regime' },
    { id: 'behaviour', kind: 'multiples', metrics: ['violation_rate', 'dissent_rate', 'approval_mean', 'data_points_per_agent'], by: 'name', title: 'Compliance, speech, approval, privacy by regime' },
    { id: 'effects', kind: 'effects', metrics: ['gini_wealth', 'bottom_persistence', 'violation_rate', 'listed_rate_ratio', 'benefit_disparate_impact', 'approval_mean'] },
  ],
});
