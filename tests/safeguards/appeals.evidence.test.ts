/**
 * `appeals` decides on evidence: appeals won against mistaken entries and against true ones move
 * with evidence quality, the adjudicators' caseload and their independence.
 *
 * World (evidence-world.ts): misidentification → risk-list (90-day window, 365-day term), 2,000
 * agents, 150 daily steps, seed 1; in every run (treatment and control) notice with no answers
 * (notice.rate 0), so that the listed know of their listing. To isolate the adjudicator everyone
 * who knows appeals (contestAt −5, rate 0.1 per day) and decisions come after 10 days. Control:
 * the same world without appeals (identical at d′ 1 and 3).
 * Measured (seed 1): d′ 1 → cut 0.388, lost 0.038; d′ 3 → cut 0.622, lost 0.010; 2 staff per 1,000
 * (time share 1) cut 0.511, lost 0.013 vs 0.002 per 1,000 (overloaded) cut 0.435, lost 0.038;
 * independence 0 → cut 0.348, lost 0.001; independence 1 → cut 0.576, lost 0.089. Appeals won on
 * mistaken / true entries: d′ 1 134 / 21, d′ 3 214 / 11; independence 0 116 / 4, 1 197 / 48.
 * Tolerances: about half the measured differences.
 */
import { describe, expect, it } from 'vitest';
import { evidenceRuns } from './evidence-world.js';

describe('appeals on evidence', () => {
  it('wrongful listings cut and true listings lost move with evidence quality, caseload and independence', async () => {
    const r = await evidenceRuns('appeals', { base: { notice: { rate: 0 } }, par: { rate: 0.1, delayDays: 10, contestAt: -5 }, termDays: 365, lowStaff: 0.002, highStaff: 2 });
    expect(r.control3).toEqual(r.control1);
    expect(r.q3.cut - r.q1.cut).toBeGreaterThan(0.1);
    expect(r.q1.lost - r.q3.lost).toBeGreaterThan(0.015);
    expect(r.staffed.cut - r.overloaded.cut).toBeGreaterThan(0.04);
    expect(r.overloaded.lost - r.staffed.lost).toBeGreaterThan(0.008);
    expect(r.independent.cut - r.dependent.cut).toBeGreaterThan(0.1);
    expect(r.independent.lost - r.dependent.lost).toBeGreaterThan(0.05);
  }, 60_000);
});
