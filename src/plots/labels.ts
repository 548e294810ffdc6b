/**
 * Words and number formats for figures and reports: what a metric column or a scenario parameter
 * is called on an axis, in which unit, and how its numbers are written for people.
 *
 * Metric specs (src/metrics) carry a formula but no short label or unit, so the table below gives
 * one for every canonical column (tests/plots/labels.test.ts checks that none is missing).
 * Columns written by plug-ins' `record` hooks fall back to a label made from the name, with the
 * unit guessed from its suffix (`_share`, `_rate`). Parameters of plug-ins take their words and
 * units from the plug-in's parameter table (src/core/params.ts: `doc`, `unit`); the world's own
 * parameters (population, graph, detection) from a small table here.
 *
 * `range` is the natural span of a metric (a correlation lies in [−1, 1]); figures use a tenth of
 * it as the least height of a y-axis, so noise is not stretched into a trend. `zero` puts zero on
 * the axis (shares, counts, rates).
 */
import * as vega from 'vega';
import { findPlugin, SECTION } from '../scenario/registry.js';

export type MetricKind = 'share' | 'count' | 'rate' | 'index' | 'ratio' | 'level' | 'days';

export interface MetricLabel {
  /** Short name for an axis or a panel, no unit. */
  label: string;
  /** Unit, or '' when the number is a pure index. */
  unit: string;
  kind: MetricKind;
  /** Natural bounds of the metric, when it has them. */
  range?: [number, number];
}

const share = (label: string): MetricLabel => ({ label, unit: 'share of agents', kind: 'share', range: [0, 1] });
const tieShare = (label: string): MetricLabel => ({ label, unit: 'share of ties', kind: 'share', range: [0, 1] });
const corr = (label: string, unit = 'correlation'): MetricLabel => ({ label, unit, kind: 'index', range: [-1, 1] });
const unitIndex = (label: string, unit = 'index, 0–1'): MetricLabel => ({ label, unit, kind: 'index', range: [0, 1] });
const approval = (who: string): MetricLabel => ({ label: `approval of the system, ${who}`, unit: 'mean, 0–1', kind: 'index', range: [0, 1] });

/** One entry per canonical metric column (docs/metrics.md names). */
export const METRIC_LABELS: Record<string, MetricLabel> = {
  mean_score: { label: 'mean score', unit: 'score units', kind: 'level' },
  score_sd: { label: 'standard deviation of scores', unit: 'score units', kind: 'level' },
  score_assortativity: corr('score assortativity', 'Pearson r over ties'),
  stratum_modularity: { label: 'modularity of score quintiles', unit: 'Newman Q', kind: 'index', range: [-0.5, 1] },
  cross_stratum_tie_share: tieShare('ties across score quintiles'),
  cross_stratum_tie_share_online: tieShare('online ties across score quintiles'),
  cross_stratum_tie_share_offline: tieShare('offline ties across score quintiles'),
  group_assortativity: corr('group assortativity', 'Newman r'),
  group_ei_index: corr('E–I index of groups', 'index, −1 to 1'),
  group_freeman_segregation: corr('Freeman segregation of groups', 'index'),
  score_bimodality: unitIndex('score bimodality', 'coefficient, > 5/9 bimodal'),
  score_esteban_ray: unitIndex('Esteban–Ray polarization of scores', 'index'),
  components: { label: 'connected components', unit: 'count', kind: 'count' },
  largest_component_share: share('agents in the largest component'),
  listed_rate_ratio: { label: 'blacklisting rate, minority ÷ majority', unit: 'ratio', kind: 'ratio' },
  wrongful_record_rate_ratio: { label: 'mistaken-record rate, minority ÷ majority', unit: 'ratio', kind: 'ratio' },
  benefit_disparate_impact: { label: 'benefit rate, lowest ÷ highest group', unit: 'ratio', kind: 'ratio', range: [0, 1] },
  score_gap: { label: 'score gap, majority − minority', unit: 'score units', kind: 'level' },
  equalized_odds_gap: unitIndex('equalized-odds gap', 'max |ΔTPR|, |ΔFPR|'),
  gini_wealth: unitIndex('Gini of wealth', 'index'),
  gini_score: unitIndex('Gini of scores', 'index'),
  theil_wealth: { label: 'Theil T of wealth', unit: 'nats', kind: 'index', range: [0, 1] },
  theil_wealth_between: { label: 'Theil T of wealth between groups', unit: 'nats', kind: 'index', range: [0, 1] },
  shorrocks_mobility: { label: 'Shorrocks mobility of wealth quintiles', unit: 'index, 0–1.25', kind: 'index', range: [0, 1.25] },
  bottom_persistence: share('agents kept in the bottom wealth decile'),
  household_spillover: corr('household spillover of sanctions'),
  listed_share: share('agents on a blacklist'),
  redlisted_share: share('agents on a redlist'),
  wrongful_listed_share: share('agents blacklisted on a mistaken record'),
  listed_without_notice_share: { label: 'listings made without notice', unit: 'share of listings', kind: 'share', range: [0, 1] },
  mean_days_to_delist: { label: 'days from performance to removal', unit: 'days', kind: 'days' },
  violation_rate: { label: 'violations', unit: 'per agent per day', kind: 'rate' },
  default_rate: { label: 'defaults', unit: 'per agent per day', kind: 'rate' },
  dissent_rate: { label: 'expressions of dissent', unit: 'per agent per day', kind: 'rate' },
  approval_mean: approval('all'),
  approval_mean_minority: approval('minority'),
  approval_mean_majority: approval('majority'),
  approval_q1: approval('poorest wealth quintile'),
  approval_q2: approval('2nd wealth quintile'),
  approval_q3: approval('3rd wealth quintile'),
  approval_q4: approval('4th wealth quintile'),
  approval_q5: approval('richest wealth quintile'),
  data_points_per_agent: { label: 'data items used', unit: 'per agent per step', kind: 'rate' },
  tie_count: { label: 'ties', unit: 'count', kind: 'count' },
  mean_degree: { label: 'mean degree', unit: 'ties per agent', kind: 'count' },
  ties_dropped: { label: 'ties dropped since the previous record', unit: 'count', kind: 'count' },
  ties_made: { label: 'ties made since the previous record', unit: 'count', kind: 'count' },
};

/** The label of a step-table column: the table's, or one made from a plug-in column's name. */
export function metricLabel(column: string): MetricLabel {
  const known = METRIC_LABELS[column];
  if (known) return known;
  const words = column.replace(/_/g, ' ');
  if (/_share$/.test(column)) return { label: words.replace(/ share$/, ''), unit: 'share', kind: 'share', range: [0, 1] };
  if (/_rate$/.test(column)) return { label: words, unit: 'share', kind: 'share', range: [0, 1] };
  if (/_mean$/.test(column)) return { label: words, unit: '', kind: 'level' };
  // a count only when the name says so (clusters, components, …); else a level without a unit
  // (a plug-in's `deffuant_spread` or `degroot_consensus` is no count)
  if (/(_count|_clusters|_components|_n)$/.test(column)) return { label: words, unit: 'count', kind: 'count' };
  return { label: words, unit: '', kind: 'level' };
}

/** "label (unit)" for an axis title. */
export function metricTitle(column: string): string {
  const m = metricLabel(column);
  return m.unit ? `${m.label} (${m.unit})` : m.label;
}

/** d3-format string for the numbers of a metric in tables and labels. */
export function metricFormat(column: string): string {
  const m = metricLabel(column);
  if (m.kind === 'share') return '.3~%';
  if (m.kind === 'count') return ',.4~r';
  if (m.kind === 'days') return ',.1~f';
  return ',.3~r';
}

/** d3-format string for axis ticks (precision is chosen from the tick step by vega). */
export function metricAxisFormat(column: string): string {
  return metricLabel(column).kind === 'share' ? '~%' : ',~f';
}

// vega re-exports d3-format's locale (vega-format); its typings omit `defaultLocale`
const locale = (vega as unknown as { defaultLocale(): { format(spec: string): (v: number) => string } }).defaultLocale();
const formats = new Map<string, (v: number) => string>();
function numberFormat(spec: string): (v: number) => string {
  let f = formats.get(spec);
  if (!f) formats.set(spec, (f = locale.format(spec)));
  return f;
}

/** Formats a number with a d3-format string; null and non-finite numbers are written as such. */
export function fmt(v: number | null | undefined, spec = ',.3~r'): string {
  if (v === null || v === undefined) return '—';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return numberFormat(spec)(v);
}

/** A number in a metric's own format. */
export function fmtMetric(column: string, v: number | null | undefined): string {
  return fmt(v, metricFormat(column));
}

/**
 * The y domain of a panel: the values' span, widened to at least a tenth of the metric's natural
 * range (or of its level, when it has no natural range), with zero included for shares, counts,
 * rates and days. Returns null when there is no finite value. With `zero: 'shares'` only shares
 * keep zero on the axis (small multiples compare levels of rates and counts that differ by a few
 * per cent; the figure says so when its axis does not start at 0).
 */
export function yDomain(column: string, values: number[], zero: 'kinds' | 'shares' = 'kinds'): [number, number] | null {
  const xs = values.filter((v) => Number.isFinite(v));
  if (!xs.length) return null;
  const m = metricLabel(column);
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  const zeroKind = m.kind === 'share' || (zero === 'kinds' && (m.kind === 'count' || m.kind === 'rate' || m.kind === 'days'));
  if (zeroKind) {
    if (lo >= 0) lo = 0;
    if (hi <= 0) hi = 0;
  }
  const level = Math.max(Math.abs(lo), Math.abs(hi));
  const natural = m.range ? m.range[1] - m.range[0] : 0;
  const minSpan = natural > 0 ? natural / 10 : level > 0 ? level / 10 : 1;
  if (hi - lo < minSpan) {
    const mid = (lo + hi) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
    // keep a natural bound (a share below 0 means nothing)
    const floor = m.kind === 'share' || m.kind === 'count' || m.kind === 'rate' || m.kind === 'days' ? 0 : m.range?.[0];
    if (floor !== undefined && lo < floor && Math.min(...xs) >= floor) {
      hi += floor - lo;
      lo = floor;
    }
    if (m.range && hi > m.range[1] && Math.max(...xs) <= m.range[1]) {
      lo -= hi - m.range[1];
      hi = m.range[1];
    }
  }
  // a little air above and below (not below a zero that belongs on the axis)
  const air = (hi - lo) * 0.04;
  const zeroFloor = zeroKind && lo === 0;
  const nonNegative = (m.kind === 'share' || m.kind === 'count' || m.kind === 'rate' || m.kind === 'days') && lo >= 0;
  return [zeroFloor ? lo : nonNegative ? Math.max(0, lo - air) : lo - air, hi + air];
}

// --- parameters ------------------------------------------------------------------------------

export interface ParamLabel {
  /** Words for an axis or legend title, with the unit. */
  title: string;
  /** The words alone, without unit or the parameter's name (legends, point names). */
  short: string;
  /** The words alone. */
  label: string;
  unit: string;
  /** The longer description (the parameter's doc). */
  doc: string;
}

/** The world's own parameters (not plug-in parameters). */
const WORLD_PARAMS: Record<string, { label: string; unit: string; doc: string }> = {
  'population.agents': { label: 'agents', unit: 'count', doc: 'number of agents' },
  'population.minorityShare': { label: 'minority share', unit: 'share of agents', doc: 'share of agents in the minority group' },
  'population.wealthMedian': { label: 'median wealth', unit: 'currency', doc: 'median of the lognormal wealth distribution' },
  'population.wealthSigma': { label: 'wealth dispersion', unit: 'σ of log wealth', doc: 'sigma of log wealth' },
  'population.minorityWealthRatio': { label: 'minority ÷ majority median wealth', unit: 'ratio', doc: 'minority median wealth over majority median wealth' },
  'population.incomeMedian': { label: 'median income', unit: 'currency per day', doc: 'median income potential per day' },
  'population.incomeSigma': { label: 'income dispersion', unit: 'σ of log income', doc: 'sigma of log income' },
  'population.incomeWealthCorrelation': { label: 'income–wealth correlation', unit: 'correlation of logs', doc: 'correlation of log income with log wealth' },
  'population.householdSize': { label: 'mean household size', unit: 'persons', doc: 'mean household size' },
  'population.traitSigma': { label: 'propensity dispersion', unit: 'σ of log propensity', doc: 'spread of individual propensities' },
  'population.knowledgeShare': { label: 'share who know the rules', unit: 'share of agents', doc: 'share of agents who know the scoring rules' },
  'population.approval': { label: 'initial approval', unit: '0–1', doc: 'initial approval of the system' },
  'graph.meanDegree': { label: 'mean degree', unit: 'ties per agent', doc: 'mean number of ties per agent' },
  'graph.homophily': { label: 'homophily', unit: '0–1', doc: 'preference for ties inside one’s group' },
  'graph.rewire': { label: 'rewiring probability', unit: 'probability', doc: 'Watts–Strogatz rewiring probability' },
  'graph.model': { label: 'graph model', unit: '', doc: 'random graph model' },
  'graph.households': { label: 'household ties', unit: '', doc: 'household members tied to each other' },
  'graph.onlineOnlyShare': { label: 'online-only ties', unit: 'share of ties', doc: 'share of ties that are online only' },
  'graph.offlineOnlyShare': { label: 'offline-only ties', unit: 'share of ties', doc: 'share of ties that are offline only' },
  minorityDetectRatio: { label: 'surveillance ratio, minority ÷ majority', unit: 'ratio', doc: 'detection probability of the minority over that of the majority' },
  steps: { label: 'steps', unit: 'steps', doc: 'number of steps of a run' },
  name: { label: 'scenario', unit: '', doc: 'the name given to the scenario of a design point' },
  daysPerStep: { label: 'days per step', unit: 'days', doc: 'days per step' },
};

const SECTIONS = new Set(Object.values(SECTION));

/**
 * Short words for a parameter: the head of its doc before a colon ("cleanup rate: probability
 * per step …"), else its first clause when short, else the plug-in and parameter names in words
 * (sesame friendWeight → "sesame friend weight"); the whole doc goes to the report's table.
 */
function shortDoc(doc: string, name: string, plugin: string): string {
  const d = doc.trim();
  const colon = d.indexOf(':');
  if (colon > 0 && colon <= 40) return d.slice(0, colon);
  const clause = d.split(/[;,(—]/)[0]!.trim();
  if (clause && clause.length <= 36) return clause;
  const words = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
  return `${words(plugin)} ${words(name)}`;
}

/** Words and unit of a dotted scenario path (a design factor or a held setting). */
export function paramLabel(path: string): ParamLabel {
  const world = WORLD_PARAMS[path];
  if (world) return { ...world, short: world.label, title: world.unit ? `${world.label} (${world.unit})` : world.label };
  const segs = path.split('.');
  if (segs[0] === 'detect' && segs.length === 2) {
    const label = `detection probability, ${segs[1]}`;
    return { label, short: label, unit: 'probability', doc: `probability that an act in the ${segs[1]} domain is recorded`, title: `${label} (probability)` };
  }
  if (segs[0] === 'population' && segs[1] === 'traits' && segs.length === 3) {
    const label = `propensity, ${segs[2]}`;
    return { label, short: label, unit: 'per day', doc: `mean propensity per day in the ${segs[2]} domain`, title: `${label} (per day)` };
  }
  if (SECTIONS.has(segs[0] as never) && segs.length >= 2) {
    const plugin = findPlugin(segs[1]!);
    const name = plugin?.title ?? segs[1]!;
    if (segs.length === 2) {
      const label = `${name} switched on`;
      return { label, short: name, unit: '', doc: plugin?.summary ?? label, title: label };
    }
    const def = plugin?.params?.[segs[2]!];
    if (def) {
      const words = shortDoc(def.doc ?? '', segs[segs.length - 1]!, segs[1]!);
      const label = `${words} (${segs[1]} ${segs.slice(2).join('.')})`;
      const unit = def.unit ?? '';
      return { label, short: words, unit, doc: def.doc, title: unit ? `${words} (${unit})` : words };
    }
  }
  const fallback = segs[segs.length - 1]!.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
  const label = segs.length > 1 ? `${fallback} (${segs.slice(0, -1).join(' ')})` : fallback;
  return { label, short: fallback, unit: '', doc: '', title: label };
}

/** A parameter value for a legend or a table: numbers formatted, booleans as on/off. */
export function fmtParam(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return fmt(v, ',.4~r');
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
