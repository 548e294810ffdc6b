/**
 * The world of the seeded evidence tests of the safeguards (a helper, not a test): misidentification
 * (false law records, 0.0005 per majority member per day, 10× for the minority) feeding `risk-list`;
 * law propensity 0.006 per day (3× the default, so that true entries are as many as mistaken ones);
 * 2,000 agents, 150 daily steps, recorded every 5 steps. The evidence quality d′ of every
 * observation is the scenario's `evidenceQuality` (the same in every domain).
 * risk-list never reads evidence, so without a deciding safeguard its listings do not depend on d′.
 */
import { DOMAINS, runScenario } from '../../src/index.js';

/** The scenario field `evidenceQuality` with d′ = q in every domain. */
export const everyDomain = (q: number): Record<string, number> => Object.fromEntries(DOMAINS.map((d) => [d, q]));

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export interface Outcome {
  /** Time-averaged share of agents listed on a mistaken entry. */
  wrongful: number;
  /** Time-averaged share of agents listed on a true entry. */
  true: number;
  /** Sum over the recorded rows of each numeric column (the safeguards' counts of decisions). */
  sum: Record<string, number>;
}

export async function listingWorld(safeguards: Record<string, unknown>, o: { q?: number; termDays?: number; seed?: number } = {}): Promise<Outcome> {
  const { rows } = await runScenario({
    name: 'safeguard-evidence-test',
    seed: o.seed ?? 1,
    steps: 150,
    population: { agents: 2000, traits: { law: 0.006 } },
    graph: { model: 'erdos-renyi', meanDegree: 4 },
    observation: { misidentification: { baseRate: 0.0005, falseMatchRatio: 10 } },
    evidenceQuality: everyDomain(o.q ?? 1.5),
    regimes: { 'risk-list': { windowDays: 90, termDays: o.termDays ?? 90 } },
    safeguards,
    metrics: ['wrongful_listed_share', 'listed_share'],
    record: { every: 5 },
  });
  const r = rows.slice(1);
  const w = mean(r.map((x) => x.wrongful_listed_share as number));
  const all = mean(r.map((x) => x.listed_share as number));
  const sum: Record<string, number> = {};
  for (const row of r) for (const [k, v] of Object.entries(row)) if (typeof v === 'number') sum[k] = (sum[k] ?? 0) + v;
  return { wrongful: w, true: all - w, sum };
}

/** Wrongful listings cut and true listings lost by a treatment, relative to a control (shares of the control). */
export const effect = (treated: Outcome, control: Outcome) => ({
  cut: 1 - treated.wrongful / control.wrongful,
  lost: 1 - treated.true / control.true,
});

/**
 * The seven runs of an evidence test of one safeguard `id` (treatment params `par` added to its
 * defaults; `base` safeguards in every run, treatment and control): control at d′ 1 and 3, the
 * safeguard at d′ 1 and 3, at `highStaff` (default: its default staff) and at `lowStaff`, and at
 * independence 0 and 1 (d′ 1.5 for the last four).
 */
export async function evidenceRuns(id: string, o: { base?: Record<string, unknown>; par?: Record<string, unknown>; termDays?: number; lowStaff: number; highStaff?: number }) {
  const base = o.base ?? {};
  const run = (par: Record<string, unknown>, q: number) => listingWorld({ ...base, [id]: { ...o.par, ...par } }, { q, termDays: o.termDays });
  const control1 = await listingWorld(base, { q: 1, termDays: o.termDays });
  const control3 = await listingWorld(base, { q: 3, termDays: o.termDays });
  const q1 = await run({}, 1), q3 = await run({}, 3);
  const staffed = await run(o.highStaff === undefined ? {} : { staffPer1000: o.highStaff }, 1.5), overloaded = await run({ staffPer1000: o.lowStaff }, 1.5);
  const dependent = await run({ independence: 0 }, 1.5), independent = await run({ independence: 1 }, 1.5);
  const e = (x: Outcome) => effect(x, control1);
  const out = {
    control1, control3,
    q1: e(q1), q3: e(q3), staffed: e(staffed), overloaded: e(overloaded), dependent: e(dependent), independent: e(independent),
    sums: { q1: q1.sum, q3: q3.sum, staffed: staffed.sum, overloaded: overloaded.sum, dependent: dependent.sum, independent: independent.sum },
  };
  const f = (x: { cut: number; lost: number }) => `cut ${x.cut.toFixed(3)} lost ${x.lost.toFixed(3)}`;
  console.log(`${id}: q1 ${f(out.q1)} | q3 ${f(out.q3)} | staffed ${f(out.staffed)} | overloaded ${f(out.overloaded)} | dependent ${f(out.dependent)} | independent ${f(out.independent)}`);
  return out;
}
