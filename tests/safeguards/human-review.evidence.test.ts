/**
 * `human-review` decides on evidence (issue "Mechanisms, not parameters", finding 1): the share of
 * wrongful listings it stops and of true listings it loses move with the evidence quality of the
 * records, with the reviewers' caseload and with their independence — neither is a parameter.
 *
 * World (evidence-world.ts): misidentification → risk-list (90-day window and term), 2,000 agents,
 * 150 daily steps, seed 1. Outcome: time-averaged share listed on mistaken entries ("wrongful") and
 * on true entries, each as a cut relative to the control without review (same seed).
 * Controls: without review, the listings at d′ 1 and d′ 3 are identical (risk-list ignores evidence:
 * d′ acts only through the reviewer); caseload acts only through the reviewer's own look and
 * independence only through the criterion (exact controls in decider.test.ts).
 * Measured (seed 1): d′ 1 → cut 0.464, lost 0.056; d′ 3 → cut 0.870, lost −0.005. Default staff
 * (time share 1) cut 0.618; 0.001 reviewers per 1,000 (time share < 0.2) cut 0.486. Independence 0
 * → cut 0.397, lost 0.002; independence 1 → cut 0.793, lost 0.149 (an independent reviewer stops
 * more false matches and more true listings). Tolerances: differences at least about half the
 * measured ones (the spread between seeds is a few hundredths).
 */
import { describe, expect, it } from 'vitest';
import { evidenceRuns } from './evidence-world.js';

describe('human review on evidence', () => {
  it('wrongful listings stopped and true listings lost move with evidence quality, caseload and independence', async () => {
    const r = await evidenceRuns('human-review', { lowStaff: 0.001 });
    expect(r.control3).toEqual(r.control1);
    expect(r.q3.cut - r.q1.cut).toBeGreaterThan(0.2);
    expect(r.q1.lost - r.q3.lost).toBeGreaterThan(0.04);
    expect(r.staffed.cut - r.overloaded.cut).toBeGreaterThan(0.06);
    expect(r.sums.overloaded.review_time_share! / 30).toBeLessThan(0.2); // the overloaded office gave each case < 20% of the time
    expect(r.independent.cut - r.dependent.cut).toBeGreaterThan(0.2);
    expect(r.independent.lost - r.dependent.lost).toBeGreaterThan(0.08);
  }, 60_000);
});
