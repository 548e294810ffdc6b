/**
 * `audit` decides on evidence: the entries the audit body strikes, mistaken and true, move with
 * evidence quality, the auditors' caseload and their independence.
 *
 * World (evidence-world.ts): misidentification → risk-list (90-day window, 365-day term), 2,000
 * agents, 150 daily steps, seed 1; audits every 30 days of half of each list (sampleShare 0.5) so
 * that the effect is large enough to measure. Control: the same world without audits (identical
 * at d′ 1 and 3).
 * Measured (seed 1): d′ 1 → cut 0.350, lost 0.127; d′ 3 → cut 0.466, lost 0.007; 1 auditor per
 * 1,000 (time share 1) cut 0.452, lost 0.052 vs 0.0005 per 1,000 (overloaded) cut 0.379, lost 0.079;
 * independence 0 → cut 0.144, lost 0.010; independence 1 (default) → cut 0.381, lost 0.079.
 * Tolerances: about half the measured differences.
 */
import { describe, expect, it } from 'vitest';
import { evidenceRuns } from './evidence-world.js';

describe('audit on evidence', () => {
  it('wrongful listings cut and true listings lost move with evidence quality, caseload and independence', async () => {
    const r = await evidenceRuns('audit', { par: { sampleShare: 0.5, everyDays: 30 }, termDays: 365, lowStaff: 0.0005, highStaff: 1 });
    expect(r.control3).toEqual(r.control1);
    expect(r.q3.cut - r.q1.cut).toBeGreaterThan(0.045);
    expect(r.q1.lost - r.q3.lost).toBeGreaterThan(0.06);
    expect(r.staffed.cut - r.overloaded.cut).toBeGreaterThan(0.035);
    expect(r.overloaded.lost - r.staffed.lost).toBeGreaterThan(0.01);
    expect(r.independent.cut - r.dependent.cut).toBeGreaterThan(0.1);
    expect(r.independent.lost - r.dependent.lost).toBeGreaterThan(0.04);
  }, 60_000);
});
