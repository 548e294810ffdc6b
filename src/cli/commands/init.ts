/**
 * `scorelab init <dir>`: writes a ready project into a new or empty folder — an ESM package.json
 * that depends on scorelab, a regime of your own (regimes/strike-score.ts), a scenario that uses
 * it (scenarios/my-study.yaml), an experiment with a control under common random numbers
 * (experiments/my-experiment.ts), an exact test of the regime on a tiny world (tests/), and a
 * README with the three commands. The templates are the string constants below; a test packs the
 * package, installs it into a folder made by this command, and runs all three
 * (tests/cli/init.test.ts). docs/extending.md explains every name the templates use.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { scorelabVersion } from '../../results/manifest.js';
import { parse } from '../args.js';

export const usage = `Usage: scorelab init <dir> [--from <path-or-tarball>]

Writes a ready project into <dir> (a new or empty folder): package.json ("type": "module",
scorelab as a dependency, vitest), regimes/strike-score.ts (a regime of your own),
scenarios/my-study.yaml, experiments/my-experiment.ts, tests/regime.test.ts and a README.
Then: cd <dir> && npm install && npm test

  --from P    depend on scorelab at P (a folder or a packed .tgz) through a file: path,
              instead of the version of this scorelab from the npm registry
  -h, --help  this help`;

/** The vitest range the scaffold's test uses (the one scorelab's own tests run on). */
const VITEST_RANGE = '^3.2.7';

export const REGIME = `/**
 * strike-score — a regime of your own. Every person starts with \`start\` points; each observed
 * financial default (a record the world's observation made of a true act, or a false finding)
 * costs \`penalty\` points; points come back at \`recoveryPerYear\` a year, up to \`start\`.
 * Whoever is below \`threshold\` is sanctioned at each step: a share \`incomeCut\` of the income
 * of that step is withheld.
 *
 * The whole contract is in docs/extending.md of the scorelab package (in node_modules/scorelab/).
 */
import { ACT_VIOLATION, DOMAIN_INDEX, defineRegime, num, prob } from 'scorelab';

export const strikeScore = defineRegime({
  id: 'strike-score',
  title: 'Strike score with an income sanction below a threshold',
  summary: 'points lost per observed default, recovered over time; below the threshold part of income is withheld',
  doc:
    'Every person starts with start points. Each observed financial default costs penalty points; ' +
    'points recover at recoveryPerYear per year up to start. A person below threshold after scoring ' +
    'loses the share incomeCut of the income of that step.',
  sources: ['Replace with your source: the statute, rulebook or paper the rule comes from.'],
  params: {
    start: num(100, { min: 1, max: 1000, unit: 'points', doc: 'score of a person with no record', source: 'a 0–100 scale, chosen for readability' }),
    penalty: num(25, { min: 0, max: 1000, unit: 'points per record', doc: 'points lost for each observed default', source: 'assumption: four defaults take a person from the top to zero' }),
    recoveryPerYear: num(10, { min: 0, max: 1000, unit: 'points per year', doc: 'points regained each year without a record', source: 'assumption: one default is forgiven after two and a half years' }),
    threshold: num(80, { min: 0, max: 1000, unit: 'points', doc: 'below this score a person is sanctioned', source: 'assumption: one default means half a year under sanction' }),
    incomeCut: prob(0.2, { unit: 'share of income', doc: 'share of income withheld at each step below the threshold (0: no sanction)', source: 'assumption; the control of experiments/my-experiment.ts sets it to 0' }),
  },
  columns: ['strike_sanctioned_share'],
  create(world, p) {
    // the parts of the world this regime uses (docs/extending.md#the-world-a-hook-sees)
    const { time, people, observed, economy, experience, scores } = world;
    // one number per person, exported to agents.csv; the primary score is what mean_score reads
    const score = people.addColumn('score_strike', 'f64', 'strike-score', 'strike score (points)');
    scores.offerPrimaryScore('score_strike', 0, p.start, 'strike-score');
    const FINANCE = DOMAIN_INDEX.finance;
    let sanctioned = 0;
    return {
      init() {
        score.fill(p.start);
      },
      score() {
        const recovery = (p.recoveryPerYear * time.daysPerStep) / 365; // points per step
        for (let i = 0; i < time.n; i++) score[i] = Math.min(p.start, score[i]! + recovery);
        const r = observed.records; // this step's observed acts
        for (let k = 0; k < r.length; k++) {
          if (r.domain[k] !== FINANCE || r.kind[k] !== ACT_VIOLATION) continue;
          const i = r.agent[k]!;
          score[i] = Math.max(0, score[i]! - p.penalty);
        }
      },
      sanction() {
        sanctioned = 0;
        for (let i = 0; i < time.n; i++) {
          if (score[i]! >= p.threshold || p.incomeCut === 0) continue;
          economy.incomeMult[i]! *= 1 - p.incomeCut; // multiply, never set: other regimes sanction too
          experience.sanction(i, FINANCE); // the person (and, through perceptions, others) lives it
          sanctioned++;
        }
      },
      record() {
        return { strike_sanctioned_share: sanctioned / time.n };
      },
    };
  },
});
`;

export const TEST = `// An exact test of the regime on a tiny world: three people, records made by hand.
import { describe, expect, it } from 'vitest';
import { ACT_GOOD, ACT_VIOLATION, DOMAIN_INDEX, tinyWorld } from 'scorelab';
import { strikeScore } from '../regimes/strike-score.ts';

const FINANCE = DOMAIN_INDEX.finance;

describe('strike-score', () => {
  it('takes penalty points for each observed default and sanctions below the threshold', () => {
    const t = tinyWorld(strikeScore, { agents: 3, params: { penalty: 25, threshold: 60, recoveryPerYear: 0 } });
    t.step((records) => {
      records.push(0, FINANCE, ACT_VIOLATION); // one default: 75, above 60
      records.push(1, FINANCE, ACT_VIOLATION); // two defaults: 50, below 60
      records.push(1, FINANCE, ACT_VIOLATION);
      records.push(2, FINANCE, ACT_GOOD); // a good deed is not a strike
    });
    expect([...t.world.people.column('score_strike')!]).toEqual([75, 50, 100]);
    expect(t.world.economy.incomeMult[0]).toBe(1);
    expect(t.world.economy.incomeMult[1]).toBeCloseTo(0.8, 6);
    expect(t.world.economy.incomeMult[2]).toBe(1);
    expect(t.record()).toEqual({ strike_sanctioned_share: 1 / 3 });
  });

  it('gives points back over time, and lifts the sanction once above the threshold', () => {
    const t = tinyWorld(strikeScore, { agents: 1, daysPerStep: 365, params: { penalty: 50, threshold: 60, recoveryPerYear: 10 } });
    t.step((records) => records.push(0, FINANCE, ACT_VIOLATION)); // 100 + 10 (capped at 100) − 50 = 50
    expect(t.world.people.column('score_strike')![0]).toBe(50);
    expect(t.world.economy.incomeMult[0]).toBeCloseTo(0.8, 6);
    t.step(); // a year later: 60, no longer below
    expect(t.world.people.column('score_strike')![0]).toBe(60);
    expect(t.world.economy.incomeMult[0]).toBe(1);
  });

  it('with incomeCut 0 (the control) sanctions no one', () => {
    const t = tinyWorld(strikeScore, { agents: 1, params: { penalty: 100, incomeCut: 0 } });
    t.step((records) => records.push(0, FINANCE, ACT_VIOLATION));
    expect(t.world.economy.incomeMult[0]).toBe(1);
    expect(t.record()).toEqual({ strike_sanctioned_share: 0 });
  });
});
`;

export const SCENARIO = `name: my-study
title: A strike score with an income sanction
description: |
  Two thousand people on a random social network earn, save, meet shocks and sometimes default.
  Observed defaults cost points of a strike score (regimes/strike-score.ts); whoever falls below
  the threshold loses part of their income at each step until the points come back.
seed: 1
steps: 365
population:
  agents: 2000
graph:
  model: erdos-renyi
  meanDegree: 8
# code of your own: scorelab imports it only with --allow-plugins (see README.md)
plugins: [../regimes/strike-score.ts]
regimes:
  strike-score:
    threshold: 80
    incomeCut: 0.2
metrics: [mean_score, default_rate, gini_wealth, tie_count]
record:
  every: 7
`;

export const EXPERIMENT = `/**
 * my-experiment — does withholding income below the threshold make defaults more common (a poverty
 * trap)? The design sweeps the income cut; the control (incomeCut 0) keeps the score and removes
 * the sanction. Under common random numbers (crn) every treatment run is paired with the control
 * run of the same replicate: effects.csv gives their differences with 95 % intervals.
 *
 *   npx scorelab sweep experiments/my-experiment.ts --quick   # a smoke run: results/my-experiment-quick/
 *   npx scorelab sweep experiments/my-experiment.ts           # the full sweep: results/my-experiment/
 */
import { defineExperiment } from 'scorelab';

export default defineExperiment({
  id: 'my-experiment',
  base: '../scenarios/my-study.yaml', // relative to this file; its plugins: are loaded with it
  question: 'Does withholding income from people with a low strike score raise the default rate?',
  mechanism: 'a sanction lowers income, financial stress raises defaults, defaults lower the score further',
  design: { kind: 'grid', factors: { 'regimes.strike-score.incomeCut': [0, 0.2, 0.5] } },
  replicates: 3,
  crn: true,
  control: { set: { 'regimes.strike-score.incomeCut': 0 }, label: 'no income withheld' },
  expected: { default_rate: 'up' },
  summary: { metrics: ['default_rate', 'gini_wealth', 'mean_score'] },
  quick: { agents: 200, steps: 20, replicates: 2 },
});
`;

export function readme(name: string): string {
  return `# ${name}

A study made with [scorelab](https://www.npmjs.com/package/scorelab): a regime of your own
(\`regimes/strike-score.ts\`), a scenario that runs it (\`scenarios/my-study.yaml\`), an experiment
with a control (\`experiments/my-experiment.ts\`) and an exact test of the regime (\`tests/\`).

## The three commands

\`\`\`sh
npm install && npm test                                        # install, then the regime's exact tests
npx scorelab run scenarios/my-study.yaml --allow-plugins       # one run → results/my-study/ (npm run study)
npx scorelab sweep experiments/my-experiment.ts --quick        # a quick sweep → results/my-experiment-quick/
\`\`\`

\`npm run sweep\` runs the full sweep (drop \`--quick\`); add \`--agents 200 --steps 20\` to \`scorelab run\`
for a fast look.

**Why \`--allow-plugins\`:** the scenario's \`plugins:\` list names code (\`regimes/strike-score.ts\`),
and importing a module runs it with all your rights. scorelab therefore never imports a
scenario's plug-ins unless you say so: \`--allow-plugins\` (you wrote them, or read them), or name
one module yourself with \`--plugin regimes/strike-score.ts\`. Keep doing that for scenarios you get
from others. An experiment file is code you run on purpose, so \`scorelab sweep\` loads the plug-ins
of its base scenario without the flag.

## Next

- Change the rule in \`regimes/strike-score.ts\`; its parameters (unit, default, source) show in
  \`npx scorelab describe scenarios/my-study.yaml --plugin regimes/strike-score.ts\`.
- Everything a plug-in can read and write — regimes, safeguards, adaptations, metrics, graphs — is
  in \`docs/extending.md\` of the scorelab package (in \`node_modules/scorelab/\`).
`;
}

export function packageJson(name: string, scorelab: string): string {
  const pkg = {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      test: 'vitest run',
      study: 'scorelab run scenarios/my-study.yaml --allow-plugins',
      sweep: 'scorelab sweep experiments/my-experiment.ts',
    },
    dependencies: { scorelab },
    devDependencies: { vitest: VITEST_RANGE },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

const GITIGNORE = 'node_modules/\nresults/\n';

/** A package name from a folder name: lower case, a-z 0-9 . _ -, not starting with . or _. */
function packageName(dir: string): string {
  const n = basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '').slice(0, 214);
  return n || 'my-scorelab-study';
}

/** The dependency spec: `file:` + an absolute path with --from, else a caret range of this version. */
function dependencySpec(from: string | undefined): string {
  if (from === undefined) {
    const v = scorelabVersion();
    if (!/^\d+\.\d+\.\d+/.test(v)) throw new UserError(`cannot tell the version of this scorelab (found '${v}'); name the package with --from <path-or-tarball>`);
    return `^${v}`;
  }
  const abs = resolve(from);
  if (!existsSync(abs)) throw new UserError(`--from: expected a scorelab folder or a packed .tgz, found no such path '${from}'`, undefined, '--from');
  const st = statSync(abs);
  if (st.isDirectory() ? !existsSync(join(abs, 'package.json')) : !/\.t(ar\.)?gz$/.test(abs)) {
    throw new UserError(`--from: expected a scorelab folder (with package.json) or a packed .tgz, found '${from}'`, undefined, '--from');
  }
  return `file:${abs}`;
}

/** The files of a new project, by path relative to its folder. */
export function scaffold(dir: string, from?: string): Record<string, string> {
  const name = packageName(dir);
  return {
    'package.json': packageJson(name, dependencySpec(from)),
    '.gitignore': GITIGNORE,
    'README.md': readme(name),
    'regimes/strike-score.ts': REGIME,
    'scenarios/my-study.yaml': SCENARIO,
    'experiments/my-experiment.ts': EXPERIMENT,
    'tests/regime.test.ts': TEST,
  };
}

export async function init(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { from: { type: 'string' } }, usage);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new UserError(`expected one folder to create the project in, found ${positionals.length ? positionals.join(' ') : 'none'}\n\n${usage}`);
  const dir = resolve(positionals[0]!);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UserError(`${positionals[0]}: expected a new or empty folder, found a file`);
    const entries = readdirSync(dir);
    if (entries.length) {
      const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
      throw new UserError(`${positionals[0]}: expected a new or empty folder, found ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} (${shown}); nothing was written`);
    }
  }
  const files = scaffold(dir, values.from);
  for (const [path, text] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text, { flag: 'wx' });
  }
  const shown = relative(process.cwd(), dir) || '.';
  const cd = isAbsolute(shown) || shown.startsWith('..') ? dir : shown;
  console.log(`scorelab init: wrote ${Object.keys(files).length} files into ${dir}`);
  for (const p of Object.keys(files)) console.log(`  ${p}`);
  console.log(`\nNext:\n  cd ${cd}\n  npm install && npm test\n  npx scorelab run scenarios/my-study.yaml --allow-plugins\n  npx scorelab sweep experiments/my-experiment.ts --quick`);
  return 0;
}
