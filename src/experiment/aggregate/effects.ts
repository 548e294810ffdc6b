/**
 * The effects table of a sweep (effects.csv; src/experiment/aggregate.ts): the control rule, the
 * pairing of each treatment point with its control, and the paired differences by replicate.
 */
import { UserError } from '../../core/errors.js';
import { canonicalJson } from '../canonical.js';
import type { ControlSpec } from '../define.js';
import type { Point } from '../designs/index.js';
import { finite, replicateStats } from './replicate-stats.js';
import { byCanonicalOrder, param, type RunValues, type TidyRow, type TidyTable } from './points.js';

export const EFFECT_STATS = ['n', 'treatment_mean', 'control_mean', 'diff', 'diff_sd', 'ci_low', 'ci_high', 'rel_diff'];

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Whether a point is a control: it equals `control.set` on every key of the set. */
export function isControl(point: Point, control: ControlSpec): boolean {
  return Object.entries(control.set).every(([k, v]) => point[k] !== undefined && same(point[k], v));
}

/** How runs are paired with the control for paired effects (common random numbers). */
export interface Pairing {
  /** Indices of the control points. */
  controls: number[];
  /** Each treatment point paired with its control point. */
  pairs: { treatment: number; control: number }[];
  /** Treatment points whose control point is not in the design. */
  unpaired: number[];
}

/** Pairs every treatment point of the design with its control point (see the file header). */
export function pairPoints(points: readonly Point[], control: ControlSpec): Pairing {
  const index = new Map<string, number>();
  points.forEach((p, i) => {
    const key = canonicalJson(p);
    if (!index.has(key)) index.set(key, i);
  });
  const out: Pairing = { controls: [], pairs: [], unpaired: [] };
  points.forEach((p, i) => {
    if (isControl(p, control)) return void out.controls.push(i);
    const c = index.get(canonicalJson({ ...p, ...control.set }));
    if (c === undefined) out.unpaired.push(i);
    else out.pairs.push({ treatment: i, control: c });
  });
  return out;
}

/**
 * Checks a control against the design before anything runs: every key of `control.set` must be a
 * design factor, and some design point must be a control.
 */
export function checkControl(points: readonly Point[], paramKeys: readonly string[], control: ControlSpec, where: string): void {
  for (const k of Object.keys(control.set)) {
    if (!paramKeys.includes(k)) {
      throw new UserError(
        `${where}: control.set.${k}: expected a factor of the design (${paramKeys.join(', ') || 'none'}), found a key the design does not vary`,
        where,
        `control.set.${k}`,
      );
    }
  }
  if (!points.some((p) => isControl(p, control))) {
    throw new UserError(`${where}: control.set: expected a design point with ${canonicalJson(control.set)}, found none: no treatment would have a control`, where, 'control.set');
  }
}

/** Paired effects against the control: one row per metric and point (effects.csv). */
export interface Effects extends TidyTable {
  pairing: Pairing;
  /** Replicate pairs (treatment run, control run) that both finished. */
  runPairs: number;
}

/**
 * effects.csv: columns `treatment, control, <paramKeys of the treatment point>, metric, n,
 * treatment_mean, control_mean, diff, diff_sd, ci_low, ci_high, rel_diff`, one row per paired
 * treatment point and metric. `metrics` (the summary columns) defaults to the summary keys in
 * order of first appearance. Paired runs must have equal seeds (common random numbers).
 */
export function pairedEffects(
  points: readonly Point[],
  paramKeys: readonly string[],
  control: ControlSpec,
  runs: readonly RunValues[],
  metrics?: readonly string[],
): Effects {
  const ordered = byCanonicalOrder(runs);
  const names = metrics ? [...metrics] : [];
  if (!metrics) for (const r of ordered) for (const k of Object.keys(r.summary ?? {})) if (!names.includes(k)) names.push(k);
  const pairing = pairPoints(points, control);
  const run = new Map<string, RunValues>();
  for (const r of ordered) run.set(`${r.point}/${r.replicate}`, r);
  const columns = ['treatment', 'control', ...paramKeys, 'metric', ...EFFECT_STATS];
  const rows: TidyRow[] = [];
  let runPairs = 0;
  for (const { treatment, control: ctl } of pairing.pairs) {
    const matched: [RunValues, RunValues][] = [];
    for (const t of ordered) {
      if (t.point !== treatment) continue;
      const c = run.get(`${ctl}/${t.replicate}`);
      if (!c) continue;
      if (t.seed !== c.seed) {
        throw new Error(`effects: treatment point ${treatment} and control point ${ctl}, replicate ${t.replicate}: seeds differ (${t.seed} and ${c.seed}); pairs need common random numbers`);
      }
      matched.push([t, c]);
    }
    runPairs += matched.length;
    for (const metric of names) {
      const tv: number[] = [];
      const cv: number[] = [];
      const dv: number[] = [];
      for (const [t, c] of matched) {
        const a = t.summary?.[metric];
        const b = c.summary?.[metric];
        if (!finite(a) || !finite(b)) continue;
        tv.push(a);
        cv.push(b);
        dv.push(a - b);
      }
      const d = replicateStats(dv);
      const cm = replicateStats(cv).mean;
      const row: TidyRow = { treatment, control: ctl };
      for (const k of paramKeys) row[k] = param(points[treatment], k);
      Object.assign(row, {
        metric,
        n: d.n,
        treatment_mean: replicateStats(tv).mean,
        control_mean: cm,
        diff: d.mean,
        diff_sd: d.sd,
        ci_low: d.low,
        ci_high: d.high,
        rel_diff: d.mean === null || cm === null || cm === 0 ? null : d.mean / Math.abs(cm),
      });
      rows.push(row);
    }
  }
  return { columns, rows, pairing, runPairs };
}
