/**
 * sensitivity.csv: Sobol indices (sobol designs) or Morris elementary effects (morris designs) of
 * every summary metric, from the runs of a whole sweep.
 *
 * The output of a design point is the mean of the metric over its replicates (finished runs with
 * a finite value). A metric with a design point that has no such run is left out, with a note in
 * the manifest. Estimators: ./designs/saltelli.ts (S1 Saltelli 2010, ST Jansen 1999, bootstrap
 * 95 % half-widths with a generator seeded from the experiment id and the metric) and
 * ./designs/morris.ts (μ, μ*, σ per unit of the factor's normalised range).
 *
 *   sobol:  metric, factor, S1, S1_conf, ST, ST_conf
 *   morris: metric, factor, mu, mu_star, sigma
 */
import * as aq from 'arquero';
import { makeRng } from '../core/rng.js';
import { morrisIndices, sobolIndices, type DesignPlan } from './designs/index.js';
import type { Plan } from './plan.js';
import type { RunRecord } from './store.js';

export function sensitivityTable(plan: Plan, records: Map<string, RunRecord>, metrics: string[]): { table: aq.ColumnTable | null; notes: string[] } {
  const notes: string[] = [];
  const meta = plan.design.meta as { factors: string[] };
  const design: DesignPlan = { kind: plan.design.estimator!, points: plan.design.pointOf.map((i) => plan.points[i]!), meta };
  const sobol = design.kind === 'saltelli';
  const cols: Record<string, unknown[]> = sobol
    ? { metric: [], factor: [], S1: [], S1_conf: [], ST: [], ST_conf: [] }
    : { metric: [], factor: [], mu: [], mu_star: [], sigma: [] };
  const push = (row: Record<string, unknown>) => Object.entries(row).forEach(([k, v]) => cols[k]!.push(v));
  for (const m of metrics) {
    const sum = new Float64Array(plan.points.length);
    const n = new Uint32Array(plan.points.length);
    for (const r of plan.runs) {
      const v = records.get(r.runId)?.summary?.[m];
      if (records.get(r.runId)?.status === 'ok' && typeof v === 'number' && Number.isFinite(v)) {
        sum[r.point] += v;
        n[r.point]++;
      }
    }
    const empty = n.findIndex((c) => c === 0);
    if (empty >= 0) {
      notes.push(`${m}: left out: point ${empty} has no finished run with a finite value`);
      continue;
    }
    const y = plan.design.pointOf.map((i) => sum[i]! / n[i]!);
    if (sobol) {
      const resamples = (plan.design.spec as { resamples?: number }).resamples ?? 500;
      const ix = sobolIndices(design, y, { resamples, rng: makeRng(`scorelab:experiment:${plan.experiment.id}:bootstrap:${m}`) });
      meta.factors.forEach((f, i) =>
        push({ metric: m, factor: f, S1: ix.S1[i], S1_conf: ix.S1_conf?.[i] ?? null, ST: ix.ST[i], ST_conf: ix.ST_conf?.[i] ?? null }),
      );
    } else {
      const ix = morrisIndices(design, y);
      meta.factors.forEach((f, i) => push({ metric: m, factor: f, mu: ix.mu[i], mu_star: ix.muStar[i], sigma: ix.sigma[i] }));
    }
  }
  return { table: aq.table(cols), notes };
}
