/**
 * Per-step chances from per-day quantities: the two conversions every plug-in family needs when a
 * step lasts `daysPerStep` days. They are different models; pick by what the parameter means.
 *
 * - `chanceOverDays(probPerDay, days)`: the parameter is a **probability per day** (each day an
 *   independent trial: "a listed person appeals with probability 0.01 per day"). The chance of at
 *   least one success over `days` days is 1 − (1 − p)^days. Use it for parameters declared with
 *   `prob(…, { unit: 'per day' })`.
 * - `chanceFromRate(ratePerDay, days)`: the parameter is a **rate** (expected events per day, may
 *   exceed 1: "4 job searches a year" = 4/365 per day) of a Poisson process. The chance of at
 *   least one event over `days` days is 1 − e^(−rate·days). Use it for counts per day / per year.
 *
 * For small values and one-day steps the two nearly agree (p ≈ rate); over long steps they differ
 * (a probability of 0.5 per day over 2 days is 0.75; a rate of 0.5 per day over 2 days is 0.632).
 */

/**
 * Chance of at least one success in a step of `days` days, given a probability per day:
 * 1 − (1 − p)^days; 0 when p ≤ 0, 1 when p ≥ 1.
 *
 *   const pa = chanceOverDays(p.rate, world.daysPerStep); // p.rate: probability per day
 *   if (rng() < pa) appeal(i);
 */
export function chanceOverDays(probPerDay: number, days: number): number {
  if (probPerDay <= 0) return 0;
  if (probPerDay >= 1) return 1;
  return 1 - Math.pow(1 - probPerDay, days);
}

/**
 * Chance of at least one event in a step of `days` days for a Poisson process with
 * `ratePerDay` expected events per day: 1 − e^(−rate·days).
 *
 *   const pJob = chanceFromRate(p.jobSearchesPerYear / 365, world.daysPerStep);
 */
export function chanceFromRate(ratePerDay: number, days: number): number {
  return 1 - Math.exp(-ratePerDay * days);
}
