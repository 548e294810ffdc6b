/**
 * The scenario schema (zod): what a scenario YAML file may contain. Plug-in parameters are
 * checked afterwards against each plug-in's own table (src/core/params.ts).
 *
 * A scenario: name and description (for the classroom), seed, steps, days per step, population,
 * graph, base detection probabilities, the plug-ins by family (`regimes: { fico: { … } }`),
 * metrics to record and how often.
 */
import { z } from 'zod';
import { didYouMean, describeValue, UserError } from '../core/errors.js';
import { GRAPH_ORDERS } from '../graphs/relabel.js';

const prob = z.number().min(0).max(1);

/**
 * Largest population: what fits in 24 GB at the default graph (mean degree 10 and households,
 * about 6 ties per agent). The run-time check (src/scenario/build.ts `memoryEstimate`, 926 bytes
 * per agent at that graph) admits 27.8 million in 24 GiB. Measured through `scorelab run` with
 * every file written (tables streamed to disk), the default preset peaks at 0.35 GiB plus 681
 * bytes per agent (1.05 GiB at 1M, 2.89 GiB at 4M, 10.5 GiB at 16M agents), which puts 27M at
 * about 17.5 GiB and the most that fits in 24 GiB near 37 million; national-composite takes 562
 * bytes per agent. The maximum is the estimate's limit, so every population the schema accepts
 * passes the check in 24 GB, with about a third to spare against the measurement
 * (docs/benchmark.md#population-scale).
 */
export const MAX_AGENTS = 27_000_000;

/** A name used in folder names and messages: printable, one line, no path separators' tricks. */
const nameText = z
  .string()
  .min(1)
  .max(200)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: 'a name of printable characters (no NUL, tab, newline or other control character)' });
const domainRates = z
  .object({
    finance: z.number().min(0).max(1),
    law: z.number().min(0).max(1),
    commerce: z.number().min(0).max(1),
    speech: z.number().min(0).max(1),
    civic: z.number().min(0).max(1),
    consumption: z.number().min(0).max(1),
  })
  .partial()
  .strict();
/** Evidence quality d′ by domain (sd units; src/core/truth.ts). */
const domainDprime = z
  .object({
    finance: z.number().min(0).max(10),
    law: z.number().min(0).max(10),
    commerce: z.number().min(0).max(10),
    speech: z.number().min(0).max(10),
    civic: z.number().min(0).max(10),
    consumption: z.number().min(0).max(10),
  })
  .partial()
  .strict();

export const PopulationSchema = z
  .object({
    // what fits in 24 GB at the default graph (src/scenario/build.ts memoryEstimate); a run is also
    // checked against the memory of the machine before it starts
    agents: z.number().int().min(2).max(MAX_AGENTS),
    minorityShare: prob,
    wealthMedian: z.number().positive().max(1e12),
    wealthSigma: z.number().min(0).max(5),
    minorityWealthRatio: z.number().positive().max(100),
    incomeMedian: z.number().positive().max(1e9),
    incomeSigma: z.number().min(0).max(5),
    incomeWealthCorrelation: z.number().min(0).max(0.99),
    householdSize: z.number().min(1).max(20),
    traits: domainRates,
    traitSigma: z.number().min(0).max(5),
    knowledgeShare: prob,
    approval: prob,
    // false: no standard population (wealth, income, households, traits): agents have only ids, the
    // group a graph file gives, and the plug-ins' columns (src/core/populate.ts)
    standard: z.boolean(),
    // float32: regimes' score columns (score_*) stored in 32 bits (docs/benchmark.md#float32-scores)
    scorePrecision: z.enum(['float64', 'float32']),
  })
  .partial()
  .strict();

export const GraphSchema = z
  .object({
    // a built-in model or one registered with registerGraph: checked in ./resolve.ts (did-you-mean)
    model: z.string().min(1),
    // parameters of a model registered with registerGraph, checked against its table in ./resolve.ts
    params: z.record(z.string(), z.unknown()),
    meanDegree: z.number().min(0).max(10_000),
    p: prob,
    rewire: prob,
    homophily: z.number().min(0).max(0.999),
    households: z.boolean(),
    file: z.string().min(1),
    onlineOnlyShare: prob,
    offlineOnlyShare: prob,
    // true: the adjacency keeps self-ties and repeated ties (voter and rewiring models)
    multigraph: z.boolean(),
    // the agents' internal numbering (src/graphs/relabel.ts): as built, or renumbered for locality
    order: z.enum(GRAPH_ORDERS),
  })
  .partial()
  .strict();

/**
 * A plug-in section: id → parameters. `{}` or nothing (null) switches the plug-in on with its
 * defaults; `true` does the same (so a design can switch it on: `'safeguards.notice': true`);
 * `false` leaves it out (so a design or `--set safeguards.notice=false` can switch off one that
 * the base scenario has).
 */
const pluginMap = z.record(z.string(), z.union([z.record(z.string(), z.unknown()), z.null(), z.boolean()]));

/**
 * Bounds of the metric parameters (`record.params`) whose value sets a metric's work: Esteban–Ray
 * is O(bins²) per record. Every numeric metric parameter must be finite.
 */
export const RECORD_PARAM_BOUNDS: Record<string, number> = {
  'score_esteban_ray.bins': 1_000,
  'score_esteban_ray.alpha': 100,
  'shorrocks_mobility.window': 1_000_000,
  'bottom_persistence.window': 1_000_000,
};

const recordParams = z.record(z.string(), z.unknown()).superRefine((params, ctx) => {
  for (const [k, v] of Object.entries(params)) {
    const max = Object.hasOwn(RECORD_PARAM_BOUNDS, k) ? RECORD_PARAM_BOUNDS[k]! : undefined;
    if (typeof v === 'number' && (!Number.isFinite(v) || (max !== undefined && Math.abs(v) > max))) {
      ctx.addIssue({ code: 'custom', path: [k], input: v, message: max !== undefined ? `a number of at most ${max} (what a run can afford)` : 'a finite number' });
    }
  }
});

export const ScenarioSchema = z
  .object({
    name: nameText,
    title: z.string(),
    description: z.string(),
    watch: z.string(),
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    steps: z.number().int().min(0).max(10_000_000),
    daysPerStep: z.number().int().min(1).max(3650),
    population: PopulationSchema,
    graph: GraphSchema,
    detect: domainRates,
    minorityDetectRatio: z.number().min(0).max(1000),
    evidenceQuality: domainDprime,
    behaviour: pluginMap,
    observation: pluginMap,
    regimes: pluginMap,
    safeguards: pluginMap,
    adaptations: pluginMap,
    plugins: z.array(z.string()),
    primaryScore: z.string(),
    metrics: z.union([z.array(z.string()), z.literal('all')]),
    record: z.object({ every: z.number().int().min(1), params: recordParams }).partial().strict(),
  })
  .partial()
  .strict();

export type ScenarioInput = z.infer<typeof ScenarioSchema>;

/** Known keys of the object schema at a path (for did-you-mean). */
function keysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  let s: any = schema;
  for (const seg of [...path, null]) {
    while (s?._zod?.def?.innerType) s = s._zod.def.innerType;
    if (s?._zod?.def?.type === 'union') s = s._zod.def.options.find((o: any) => o?._zod?.def?.type === 'object') ?? s;
    if (seg === null) break;
    if (s?.shape) s = s.shape[seg as string];
    else return [];
  }
  return s?.shape ? Object.keys(s.shape) : [];
}

function expectedOf(issue: any): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : issue.expected === 'record' ? 'an object' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'too_small':
      return `${issue.origin === 'array' ? 'a list of at least' : issue.origin === 'string' ? 'a string of at least' : 'a number ≥'} ${issue.minimum}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'too_big':
      return issue.origin === 'string' ? `a string of at most ${issue.maximum} characters` : issue.origin === 'array' ? `a list of at most ${issue.maximum}` : `a number ≤ ${issue.maximum}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v: unknown) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'an object of parameters, nothing or true (on, with defaults), or false (off)';
    default:
      return issue.message;
  }
}

/** Validates against the schema; throws a UserError naming the file, field, expected and found. */
export function checkScenario(raw: unknown, file: string): ScenarioInput {
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserError(`${file}: expected a mapping of scenario fields at the top level, found ${describeValue(raw)}`, file, '');
  }
  const r = ScenarioSchema.safeParse(raw, { reportInput: true });
  if (r.success) return r.data;
  let issue: any = r.error.issues[0];
  const field = issue.path.join('.');
  if (issue.code === 'too_big') {
    // an integer field past its maximum also fails the safe-integer bound: quote the tighter one
    for (const o of r.error.issues as any[]) if (o.code === 'too_big' && o.path.join('.') === field && Number(o.maximum) < Number(issue.maximum)) issue = o;
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const known = keysAt(ScenarioSchema, issue.path);
    const at = field ? `${field}.${key}` : key;
    throw new UserError(`${file}: ${at}: unknown field '${key}'${didYouMean(key, known)}; expected one of ${known.join(', ')}`, file, at);
  }
  throw new UserError(`${file}: ${field || '(top level)'}: expected ${expectedOf(issue)}, found ${describeValue(issue.input)}`, file, field);
}
