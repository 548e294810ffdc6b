/**
 * Emergence test 4 (issues 5 and "Mechanisms, not parameters" 3): approval comes from experience,
 * so where it ends depends on the regime and on what people live through — not on where it
 * started.
 *
 * World: 3,000 agents, SBM (mean degree 10, homophily 0.5), weekly steps (Δ = 7 days), 104 steps
 * (two years), seed 5, default population except the mean initial approval (population.approval,
 * drawn as clamp(mean + 0.15·z) from the same z in every arm). "Experience" regime: `fico`
 * (everyone applies for credit each step; approval above 620 is a benefit) plus `court-blacklist`
 * (debt defaults judged and blacklisted: own and seen sanctions).
 * Measured on the current code (end of run; approval_mean):
 *   fico + court, start 0.8                 0.8895
 *   fico + court, start 0.5                 0.8871   → |difference| 0.0025 (it was 0.30 at the start)
 *   control, no regime (no experience), start 0.8 / 0.5   0.7947 / 0.5010 → difference 0.294:
 *     the DeGroot term alone only averages the starting views; convergence comes from experience
 *   court only, start 0.8                   0.6045  (sanctions without benefits: the level is the regime's)
 * Tolerances: the two starts under fico + court end within 0.02 of each other; without experience
 * they stay more than 0.25 apart; court only ends at least 0.1 below fico + court.
 *
 * Calibration target, Kostka (New Media & Society 21:1565, 2019; online survey, 2,209 respondents):
 * about 80% approve, and approval is higher among the richer, better educated and urban. The model
 * has no education or urban column; it reports the wealth-quintile gap q5 − q1 and the group gap
 * (minority − majority; the minority is not an "advantaged" group in Kostka's sense). Measured:
 *   fico + court, start 0.8: mean 0.890 (a mean of approvals, not the share approving: roughly
 *     MET in level, a little high); q5 − q1 = −0.005 — NOT MET (no rise with wealth: almost everyone
 *     gets credit, and neighbours' views, which are not sorted by wealth, even out what differs);
 *     minority − majority = +0.016;
 *   the same with socialWeight 0 (no neighbour influence): q5 − q1 = +0.005 (the source's
 *     direction, but within noise) — reported, not a claim;
 *   Sesame + redlist + court-blacklist with opt-in (the `approval` preset's regimes), start 0.8:
 *     mean 0.660 (NOT MET: below 0.8), q5 − q1 = +0.006 (the source's direction, small),
 *     minority − majority = +0.016. In this world few people join Sesame, so experience is sparse
 *     and after two years the start still shows: from start 0.5 it ends at 0.490 — a limitation
 *     of the world (little experience), not an anchor in the rule.
 * The last test checks the verdicts above (level within 0.03 of 0.89; |q5 − q1| < 0.015; preset
 * level < 0.8 with q5 − q1 > 0; preset starts still > 0.1 apart). The tree is changing around
 * these regimes: re-measure the numbers when fico, court-blacklist or sesame change.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

const EXPERIENCE = { fico: {}, 'court-blacklist': {} };
const PRESET = { sesame: { thresholds: [650, 750, 850], costDays: 4.5 }, redlist: {}, 'court-blacklist': {} };

type End = { mean: number; gap: number; group: number };
const cache = new Map<string, Promise<End>>();

/** End-of-run approval of one arm (runs are deterministic, so an arm used twice is run once). */
function end(start: number, regimes: Record<string, unknown>, approval: Record<string, unknown> = {}, optIn = false): Promise<End> {
  const key = JSON.stringify([start, regimes, approval, optIn]);
  if (!cache.has(key)) cache.set(key, run(start, regimes, approval, optIn));
  return cache.get(key)!;
}

async function run(start: number, regimes: Record<string, unknown>, approval: Record<string, unknown>, optIn: boolean): Promise<End> {
  const r = await runScenario({
    seed: 5,
    steps: 104,
    daysPerStep: 7,
    population: { agents: 3000, approval: start },
    graph: { model: 'sbm', meanDegree: 10, homophily: 0.5 },
    regimes,
    adaptations: optIn ? { 'opt-in': {}, approval } : { approval },
    metrics: ['approval_mean'],
    record: { every: 104 },
  });
  const last = r.rows[r.rows.length - 1]!;
  const v = (k: string) => last[k] as number;
  return { mean: v('approval_mean'), gap: v('approval_q5') - v('approval_q1'), group: v('approval_mean_minority') - v('approval_mean_majority') };
}

describe('emergence: approval from experience', () => {
  it('two starting values end within 0.02 under a regime people experience; without experience they do not', async () => {
    const high = await end(0.8, EXPERIENCE);
    const low = await end(0.5, EXPERIENCE);
    expect(Math.abs(high.mean - low.mean)).toBeLessThan(0.02);
    const highNone = await end(0.8, {});
    const lowNone = await end(0.5, {});
    console.log({ high: high.mean, low: low.mean, highNone: highNone.mean, lowNone: lowNone.mean });
    expect(highNone.mean - lowNone.mean).toBeGreaterThan(0.25);
  });

  it('the end level depends on the regime', async () => {
    const both = await end(0.8, EXPERIENCE);
    const courtOnly = await end(0.8, { 'court-blacklist': {} });
    expect(both.mean - courtOnly.mean).toBeGreaterThan(0.1);
    console.log({ both: both.mean, courtOnly: courtOnly.mean });
  });

  it('Kostka (2019) pattern: reported numbers (met or not) are what the header says', async () => {
    const r = await end(0.8, EXPERIENCE);
    const noSocial = await end(0.8, EXPERIENCE, { socialWeight: 0 });
    const preset = await end(0.8, PRESET, {}, true);
    const presetLow = await end(0.5, PRESET, {}, true);
    console.log({ r, noSocial, preset, presetLow });
    // the header's verdicts, with room for small changes elsewhere in the tree (re-measure then)
    expect(Math.abs(r.mean - 0.89)).toBeLessThan(0.03); // level: roughly met
    expect(Math.abs(r.gap)).toBeLessThan(0.015); // no wealth gradient: not met
    expect(Math.abs(noSocial.gap)).toBeLessThan(0.015);
    expect(preset.mean).toBeLessThan(0.8); // level not met in the preset world
    expect(preset.gap).toBeGreaterThan(0); // direction of the source, small
    expect(preset.mean - presetLow.mean).toBeGreaterThan(0.1); // sparse experience: the start still shows
  });
});
