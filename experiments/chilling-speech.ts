/**
 * chilling-speech — do vague speech rules, and the publication of who was punished, silence lawful
 * dissent? (issue 11, experiment 6)
 *
 * Claim (the source, paraphrased; page not recorded, section not recorded): websites keep
 * blacklists of "illegal" statements whose line is vague, so people cannot tell what is allowed
 * and censor themselves: vague rules chill lawful speech.
 *
 * Mechanism: `speech-blacklist` — a moderator reads each statement with noise; `vagueness` is the
 * share of lawful dissent whose reading falls on the illegal side; three statements judged illegal
 * in a year list the person and ban the account for six months. `publish` decides whether the
 * names are published. The `self-censorship` adaptation forms each person's perceived risk of
 * speaking only from sanctions they experience — their own ban, banned neighbours, and (only when
 * the names are published) published bans; the direct "announcement" term is off — and suppresses
 * dissent more the more cautious they are. Vagueness acts only through what is actually sanctioned,
 * publication only through who hears of it.
 *
 * Design: vagueness 0, 0.1, 0.3, 0.5 × `regimes.speech-blacklist.publish` false, true; 2,000
 * agents, 364 days, 3 replicates, common random numbers. Control: vagueness 0 — the same blacklist
 * and moderator, clear rules (lawful statements are misjudged only at the clear line,
 * Φ(−2.5) ≈ 0.6 %); effects.csv pairs every point with it at the same publication setting. With
 * (almost) nobody listed under clear rules the switch has nothing to publish, so the two controls
 * coincide (tests/regimes/courts/speech-blacklist-publish.test.ts checks identical rows when nobody is
 * listed).
 *
 * Expected: dissent_rate down with vagueness, less so when the bans are not published (own and
 * neighbours' bans alone); wrongful_listed_share up.
 *
 *   npx scorelab sweep experiments/chilling-speech.ts          # full: 24 runs
 *   npx scorelab sweep experiments/chilling-speech.ts --quick
 *
 * Full sweep: 24 runs in 13.7 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/chilling-speech/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineExperiment } from 'scorelab';

const SOURCE = "the law-review article on the human-rights implications of China's Social Credit System that scorelab models (its text does not ship with the project)";

export default defineExperiment({
  id: 'chilling-speech',
  title: 'Vague speech rules × publication of bans → dissent',
  question: 'How much lawful dissent do vague speech rules silence, when people judge the risk only from the bans they see, and how much does publishing the bans add?',
  claim: {
    quote: 'Paraphrase: sites keep blacklists of "illegal" statements drawn with vague lines, so people cannot know what is allowed and censor themselves — vague rules chill lawful speech.',
    source: SOURCE,
    page: 'page not recorded; section not recorded',
  },
  mechanism:
    'Vagueness puts lawful dissent across the moderator’s line → more bans → people who are banned, see banned neighbours or (when the list publishes names) read published bans perceive more risk → self-censorship suppresses dissent (no direct announcement term).',
  control: { set: { 'regimes.speech-blacklist.vagueness': 0 }, label: 'clear rules (vagueness 0)' },
  crn: true,
  expected: { dissent_rate: 'down', wrongful_listed_share: 'up' },
  base: 'chilled-speech',
  agents: 2000,
  steps: 364,
  replicates: 3,
  metrics: ['dissent_rate', 'listed_share', 'wrongful_listed_share', 'listed_rate_ratio'],
  design: {
    kind: 'grid',
    factors: {
      'regimes.speech-blacklist.vagueness': [0, 0.1, 0.3, 0.5],
      'regimes.speech-blacklist.publish': [false, true],
    },
  },
  summary: { metrics: ['dissent_rate', 'listed_share', 'wrongful_listed_share'], meanOfLast: 8 },
  quick: { agents: 500, steps: 120, replicates: 2 },
  figures: [
    { id: 'dissent-dose', kind: 'dose', x: 'regimes.speech-blacklist.vagueness', y: 'dissent_rate', color: 'regimes.speech-blacklist.publish' },
    { id: 'dissent-heatmap', kind: 'heatmap', x: 'regimes.speech-blacklist.vagueness', y: 'regimes.speech-blacklist.publish', metric: 'dissent_rate' },
    { id: 'over-time', kind: 'timeseries', metrics: ['dissent_rate', 'listed_share'], color: 'regimes.speech-blacklist.vagueness', facet: 'regimes.speech-blacklist.publish' },
    { id: 'effects', kind: 'effects', metrics: ['dissent_rate', 'wrongful_listed_share'] },
  ],
});
