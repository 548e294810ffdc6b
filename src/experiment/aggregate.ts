/**
 * Aggregates of a sweep over its replicates: the per-point table (points.csv) and the paired
 * effects of each treatment against its control (effects.csv). Pure functions of the run records,
 * so the tables they feed are byte-identical however the sweep was run.
 *
 *   points   one row per design point, recorded step and metric column (tidy long form):
 *            n = replicates with a finite value, mean, sd (sample, n − 1), and the 95 % interval
 *            mean ± t(0.975, n − 1)·sd/√n. n = 1: sd and interval null; n = 0: mean null too.
 *   effects  one row per treatment point and summary column: the replicates of the treatment and
 *            of its control are paired by replicate (the same seed under common random numbers);
 *            diff = mean of the paired differences (treatment − control), diff_sd their sample sd,
 *            the 95 % interval from the t distribution on the n differences, rel_diff =
 *            diff / |control_mean| (null when control_mean is 0).
 *
 * A missing value (null, NaN, ±Infinity) is left out and never counts as 0. The control rule is
 * the one of `ControlSpec` (./define.ts): a point that equals `control.set` on all of its keys is
 * a control; any other point is a treatment, paired with the point equal to it except for the
 * control keys set to the control values. A treatment whose partner is not in the design has no
 * control: it is left out of the effects and counted (`unpaired`).
 *
 * The Student t quantile is computed (./aggregate/t-quantile.ts: the regularized incomplete beta
 * function by its continued fraction, then Newton's method with a bisection bracket) rather than
 * taken from a table, so any n works; it matches tabulated values to 1e-9.
 *
 * The parts live in ./aggregate/: t-quantile.ts (Student's t), replicate-stats.ts (one summary
 * of replicate values), points.ts (points.csv) and effects.ts (effects.csv); this file keeps the
 * formulas written into manifest.json and exports all of them.
 */
export { incompleteBeta, logGamma, tCdf, tQuantile } from './aggregate/t-quantile.js';
export { LEVEL, replicateStats, type Stats } from './aggregate/replicate-stats.js';
export { aggregatePoints, NOT_METRICS, POINT_STATS, type Cell, type RunValues, type TidyRow, type TidyTable } from './aggregate/points.js';
export { checkControl, EFFECT_STATS, isControl, pairedEffects, pairPoints, type Effects, type Pairing } from './aggregate/effects.js';

/** The formulas, as written into manifest.json. */
export const AGGREGATE_FORMULAS = {
  missing: 'null, NaN and ±Infinity are left out (never counted as 0)',
  n: 'replicates with a finite value (effects: replicate pairs where both runs have one)',
  mean: 'sum / n',
  sd: 'sample standard deviation, sqrt(Σ(x − mean)² / (n − 1)); null when n < 2',
  interval: '95 %: mean ± t(0.975, n − 1) · sd / √n (Student t quantile); null when n < 2',
  points: 'per design point, recorded step and step metric column, over the replicates',
  effects:
    'per treatment point and runs.csv summary column: replicate r of the treatment paired with replicate r of its control (equal seeds under common random numbers); diff = mean of (treatment − control), diff_sd their sd, interval on the differences; treatment_mean and control_mean over the same pairs; rel_diff = diff / |control_mean| (null when control_mean is 0)',
  pairing:
    'a point equal to control.set on all of its keys is a control; any other point is a treatment, paired with the point equal to it except for the control keys set to the control values; a treatment whose partner is not in the design is unpaired and left out',
} as const;
