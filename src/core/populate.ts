/**
 * Initial agent state (docs/model.md#entities): groups, households, wealth and income potential
 * (lognormal by default), per-domain propensities, dissent, risk attitude, knowledge of the rules
 * and approval. All draws come from the `traits` stream (households from `households`).
 *
 * Defaults: the two groups have the same distributions unless the scenario says otherwise, so any
 * disparity in outcomes emerges from the mechanisms. Knowledge: only 11% of people in pilot areas
 * knew of their local scheme (MERICS 2020, docs/calibration.md#public-opinion). Approval: about 80% approve
 * (Kostka 2019, docs/calibration.md#public-opinion).
 */
import { UserError } from './errors.js';
import { DOMAINS, type Domain } from './population.js';
import type { World } from './world.js';

/** Parameters of the population model (`population:` in a scenario). */
export interface PopulationParams {
  agents: number;
  /** Share of agents in the minority group. */
  minorityShare: number;
  /** Lognormal wealth: median (currency units) and sigma of log wealth. */
  wealthMedian: number;
  wealthSigma: number;
  /** Minority median wealth ÷ majority median wealth (1 = equal). */
  minorityWealthRatio: number;
  /** Lognormal income potential per day: median and sigma of log. */
  incomeMedian: number;
  incomeSigma: number;
  /** Correlation of log income with log wealth, in [0, 1). */
  incomeWealthCorrelation: number;
  /** Mean household size (1 = everyone alone). */
  householdSize: number;
  /**
   * Mean propensity per day for each domain (violations; civic = good deeds; speech = dissent).
   * Defaults: finance 0.0003/day ≈ 11% of people default at least once a year before stress
   * (about the share of US consumers with a new serious delinquency in a year is a few percent;
   * stress raises it); law 0.002/day (traffic and minor offences ≈ 0.7 a year); speech 0.02/day
   * (a dissenting remark every ~7 weeks). Not calibrated from a source: parameters to sweep.
   */
  traits: Record<Domain, number>;
  /** Sigma of the lognormal spread of individual propensities around the mean. */
  traitSigma: number;
  /** Share of agents who know the rules. */
  knowledgeShare: number;
  /** Mean initial approval of the system, in [0, 1]. */
  approval: number;
  /**
   * false: leave out the standard population (households, groups, wealth, income, traits, dissent,
   * risk, knowledge, approval): agents have only ids, the group a graph file gives, and the
   * plug-ins' columns, and agents.csv holds only those. For models that need no economy (a voter
   * model); absent or true: the standard population.
   */
  standard?: boolean;
  /** 'float32': regimes' score columns (`score_*`) are stored in 32 bits; absent: 64 bits. */
  scorePrecision?: 'float64' | 'float32';
}

/**
 * Metrics that read the standard population (wealth, income, households or approval): with
 * `population.standard: false` they cannot be recorded.
 */
export const STANDARD_POPULATION_METRICS = ['gini_wealth', 'theil_wealth', 'approval_mean', 'bottom_persistence', 'shorrocks_mobility', 'household_spillover'];
/** Plug-ins that read the standard population (the economy of the `standard` behaviour). */
export const STANDARD_POPULATION_PLUGINS = ['standard'];

/**
 * With `population.standard: false`, refuses (a UserError naming the metric or plug-in and the
 * option) the metrics and plug-ins that need wealth, income, households or approval: they would
 * record zeros or NaN, not a result.
 */
export function checkStandardPopulation(p: PopulationParams, metrics: readonly string[], plugins: readonly string[], file?: string): void {
  if (p.standard !== false) return;
  const where = file ? `${file}: ` : '';
  for (const m of metrics) {
    if (STANDARD_POPULATION_METRICS.includes(m)) {
      throw new UserError(`${where}metrics: '${m}' cannot be recorded with population.standard: false (it reads the wealth, income, households or approval that option leaves out); remove the metric or the option`, file, 'metrics');
    }
  }
  for (const id of plugins) {
    if (STANDARD_POPULATION_PLUGINS.includes(id)) {
      throw new UserError(`${where}behaviour.${id}: the '${id}' behaviour needs the standard population (wealth, income, traits) that population.standard: false leaves out; use behaviour: {} or another behaviour, or remove the option`, file, `behaviour.${id}`);
    }
  }
}

/** Default population parameters (docs/calibration.md#world-defaults). */
export const POPULATION_DEFAULTS: PopulationParams = {
  agents: 10_000,
  minorityShare: 0.2,
  wealthMedian: 50_000,
  wealthSigma: 1.0,
  minorityWealthRatio: 1,
  incomeMedian: 100,
  incomeSigma: 0.5,
  incomeWealthCorrelation: 0.5,
  householdSize: 2.5,
  traits: { finance: 0.0003, law: 0.002, commerce: 0.0005, speech: 0.02, civic: 0.002, consumption: 0.005 },
  traitSigma: 0.8,
  knowledgeShare: 0.11,
  approval: 0.8,
};

/** Draws the population of a world (groups, households, wealth, income, traits) from its parameters and the seed. */
export function populate(world: World, p: PopulationParams): void {
  const n = world.n;
  const pop = world.pop;
  if (p.scorePrecision === 'float32') pop.scorePrecision = 'float32';
  if (p.standard === false) {
    pop.leaveOutStandard();
    return;
  }
  const hr = world.rng('households');
  // households: sizes 1 + Poisson(mean − 1), consecutive ids; a household shares a group
  const household = pop.household;
  const group = pop.group;
  const hMean = Math.max(0, p.householdSize - 1);
  const minorityShare = p.minorityShare;
  let id = 0;
  for (let i = 0; i < n; ) {
    const size = Math.max(1, 1 + hr.poisson(hMean));
    const minority = hr() < minorityShare ? 1 : 0;
    const end = Math.min(n, i + size);
    for (; i < end; i++) {
      household[i] = id;
      group[i] = minority;
    }
    id++;
  }
  const r = world.rng('traits');
  const lnW = Math.log(p.wealthMedian);
  const lnR = Math.log(p.minorityWealthRatio);
  const lnI = Math.log(p.incomeMedian);
  const rho = p.incomeWealthCorrelation;
  const rhoC = Math.sqrt(1 - rho * rho);
  const mean = -0.5 * p.traitSigma * p.traitSigma; // keeps the mean propensity at the stated value
  const wealth0 = pop.addColumn('wealth_initial', 'f64', 'core', 'wealth at the start of the run');
  // one pass per agent, drawing in the order of the columns below (the stream's order is the
  // population's identity); the parameters and columns are read once, outside the loop
  const wealth = pop.wealth;
  const income = pop.income;
  const trait = pop.trait;
  const dissent = pop.dissent;
  const risk = pop.risk;
  const knowledge = pop.knowledge;
  const approval = pop.approval;
  const wealthSigma = p.wealthSigma;
  const incomeSigma = p.incomeSigma;
  const traitSigma = p.traitSigma;
  const knowledgeShare = p.knowledgeShare;
  const approval0 = p.approval;
  const traitMean = Float64Array.from(DOMAINS, (d) => p.traits[d]);
  const domains = DOMAINS.length;
  const speech = DOMAINS.indexOf('speech');
  for (let i = 0; i < n; i++) {
    const zw = r.normal();
    const zi = rho * zw + rhoC * r.normal();
    const shift = group[i] ? lnR : 0;
    const w = Math.exp(lnW + shift + wealthSigma * zw);
    wealth[i] = w;
    income[i] = Math.exp(lnI + shift + incomeSigma * zi);
    for (let d = 0, k = i; d < domains; d++, k += n) {
      const t = traitMean[d]! * Math.exp(mean + traitSigma * r.normal());
      trait[k] = t;
      if (d === speech) dissent[i] = t; // both f32: the same rounding as reading trait back
    }
    risk[i] = r();
    wealth0[i] = w;
    knowledge[i] = r() < knowledgeShare ? 1 : 0;
    approval[i] = Math.min(1, Math.max(0, approval0 + 0.15 * r.normal()));
  }
}
