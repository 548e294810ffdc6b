/**
 * validation-degroot — a DeGroot averaging plug-in, written here through the public API only,
 * reproduces the exact influence vector of the metrics fixture. (issue 11, validation)
 *
 * Reference: DeGroot, "Reaching a consensus", JASA 69:118–121 (1974); the fixture is Jackson,
 * Social and Economic Networks (2008), ch. 8: the trust matrix
 *
 *       T = [[1/3, 1/3, 1/3],
 *            [1/2, 1/2,   0],
 *            [  0, 1/4, 3/4]]
 *
 * has the influence vector s = (3/11, 4/11, 4/11) (s T = s, Σ s = 1), so beliefs updated by
 * b(t + 1) = T b(t) reach the consensus s · b(0) in every agent. Started from the unit belief of
 * agent j (b(0) = e_j), the consensus is s_j: three runs recover the whole vector.
 *
 * Mechanism: the `degroot-averaging` adaptation below (defined in this file; nothing in src/) keeps
 * a belief column and at each step replaces every agent's belief by the T-weighted mean of the
 * beliefs of the step before. The world has 3 agents and no ties (T is the network); no behaviour
 * model and no regime other than the baseline run.
 *
 * Design: grid over the agent whose belief starts at 1 (`focus` 0, 1, 2), 100 steps (T¹⁰⁰ agrees
 * with the limit to 1e-12), one replicate. The summary gives the consensus, the fixture's value
 * s_focus and the absolute error; the check passes when every error is below 1e-9.
 * No control and no expected direction: a validation compares with a known value, not with a
 * control.
 *
 *   npx scorelab sweep experiments/validation-degroot.ts          # runs.csv: consensus, expected, abs_error
 *   npx scorelab sweep experiments/validation-degroot.ts --quick
 *
 * Full sweep: 3 runs in 1.9 s wall time on a 2-core machine (2 workers, figures and
 * report included, other jobs running, load ≈ 5): the committed results in results/validation-degroot/,
 * made by scripts/reproduce-results.sh on 2026-12-07; their report.html says what was found.
 */
import { defineAdaptation, defineExperiment, num, type Row, type SummaryContext } from 'scorelab';

/** Jackson (2008), ch. 8: the trust matrix of the metrics fixture and its influence vector. */
const T = [
  [1 / 3, 1 / 3, 1 / 3],
  [1 / 2, 1 / 2, 0],
  [0, 1 / 4, 3 / 4],
];
const INFLUENCE = [3 / 11, 4 / 11, 4 / 11];

const degroot = defineAdaptation({
  id: 'degroot-averaging',
  title: 'DeGroot averaging on a fixed trust matrix (validation plug-in)',
  summary: 'beliefs become the trust-weighted mean of the beliefs of the step before',
  doc:
    'Each agent holds a belief in [0, 1]. At the start, the agent `focus` believes 1 and the others 0. At every ' +
    'step each agent replaces its belief by Σ_j T_ij b_j over the beliefs of the step before, with the fixed ' +
    'row-stochastic trust matrix T of the fixture (Jackson 2008, ch. 8). Records the mean belief (the ' +
    'consensus once converged), the spread max − min, and each belief.',
  sources: ['DeGroot, Reaching a consensus, JASA 69:118–121 (1974)', 'Jackson, Social and Economic Networks (2008), ch. 8'],
  params: {
    focus: num(0, { min: 0, max: 2, int: true, unit: 'agent', doc: 'the agent whose belief starts at 1 (the others start at 0)' }),
  },
  columns: ['degroot_consensus', 'degroot_spread', 'degroot_b0', 'degroot_b1', 'degroot_b2'],
  create(world, p) {
    const k = T.length;
    if (world.n !== k) throw new Error(`degroot-averaging: the trust matrix is ${k} × ${k}; the world has ${world.n} agents (set agents: ${k})`);
    const b = world.pop.addColumn('degroot_belief', 'f64', 'degroot-averaging', 'belief (DeGroot averaging)');
    const next = new Float64Array(k);
    return {
      init() {
        for (let i = 0; i < k; i++) b[i] = i === p.focus ? 1 : 0;
      },
      adapt() {
        for (let i = 0; i < k; i++) {
          let v = 0;
          for (let j = 0; j < k; j++) v += T[i]![j]! * b[j]!;
          next[i] = v;
        }
        b.set(next);
      },
      record() {
        let lo = Infinity, hi = -Infinity, sum = 0;
        for (let i = 0; i < k; i++) {
          lo = Math.min(lo, b[i]!);
          hi = Math.max(hi, b[i]!);
          sum += b[i]!;
        }
        return { degroot_consensus: sum / k, degroot_spread: hi - lo, degroot_b0: b[0]!, degroot_b1: b[1]!, degroot_b2: b[2]! };
      },
    };
  },
});

/** The consensus at the last step against the fixture's influence of the focal agent. */
function summary(rows: Row[], ctx: SummaryContext): Record<string, number | null> {
  const end = rows[rows.length - 1];
  const focus = Number(ctx.point['adaptations.degroot-averaging.focus']);
  const consensus = end?.degroot_consensus ?? null;
  const expected = INFLUENCE[focus] ?? null;
  return {
    consensus,
    expected,
    abs_error: consensus !== null && expected !== null ? Math.abs(consensus - expected) : null,
    spread: end?.degroot_spread ?? null,
  };
}

export default defineExperiment({
  id: 'validation-degroot',
  title: 'Validation: DeGroot averaging reproduces the influence vector (3/11, 4/11, 4/11)',
  question: 'Does a DeGroot averaging rule written against the public plug-in API reach the consensus that the exact influence vector of the fixture predicts?',
  claim: {
    quote: 'Under DeGroot updating b(t+1) = T b(t) with a strongly connected, aperiodic trust matrix, beliefs converge to the consensus s · b(0), where s is the unit left eigenvector of T; for Jackson’s T, s = (3/11, 4/11, 4/11).',
    source: 'DeGroot, Reaching a consensus, JASA 69:118–121 (1974); Jackson, Social and Economic Networks (2008), ch. 8',
    page: 'Jackson (2008), ch. 8',
  },
  mechanism: 'A plug-in defined in this file replaces each belief by the trust-weighted mean of the beliefs of the step before, on the fixture’s 3 × 3 trust matrix.',
  crn: true,
  base: {
    name: 'validation-degroot',
    seed: 1,
    steps: 100,
    population: { agents: 3, householdSize: 1 },
    graph: { model: 'erdos-renyi', meanDegree: 0, households: false },
    behaviour: {},
    regimes: { baseline: {} },
    adaptations: { 'degroot-averaging': {} },
    metrics: [],
    record: { every: 1 },
  },
  plugins: [degroot],
  steps: 100,
  replicates: 1,
  design: { kind: 'grid', factors: { 'adaptations.degroot-averaging.focus': [0, 1, 2] } },
  summary,
  quick: { steps: 60, replicates: 1 },
  figures: [
    { id: 'convergence', kind: 'timeseries', metrics: ['degroot_spread', 'degroot_consensus'], color: 'adaptations.degroot-averaging.focus', title: 'Beliefs converge to the focal agent’s influence' },
    { id: 'influence', kind: 'dose', x: 'adaptations.degroot-averaging.focus', y: 'degroot_consensus', title: 'Consensus from a unit belief of each agent (fixture: 3/11, 4/11, 4/11)' },
  ],
});
