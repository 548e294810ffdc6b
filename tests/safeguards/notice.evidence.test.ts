/**
 * `notice` decides on evidence: a notified person answers when they can show something and can
 * afford it, and the authority withdraws the proposal when the answer outweighs the file. Which
 * proposals are withdrawn moves with evidence quality, the officers' caseload and independence.
 *
 * World (evidence-world.ts): misidentification → risk-list (90-day window and term), 2,000 agents,
 * 150 daily steps, seed 1; control without notice (same seed; identical at d′ 1 and 3). The notice
 * period itself delays every listing by 30 days, so "lost" (true listed share) is ≈ 0.30 in every
 * run; the decision shows in the counts of withdrawals, mistaken and true. The officer looks with
 * diligence 1.5 here (default 0.5), so that caseload has something to take away.
 * Measured (seed 1), withdrawals mistaken / true: d′ 1 → 96 / 8, d′ 3 → 157 / 4 (cut 0.484 → 0.643);
 * staffed 108 / 8 vs overloaded (0.001 staff per 1,000) 87 / 5; independence 0 (default) 108 / 8,
 * independence 1 → 162 / 31. Tolerances: about half the measured differences.
 */
import { describe, expect, it } from 'vitest';
import { evidenceRuns } from './evidence-world.js';

describe('notice on evidence', () => {
  it('withdrawals of mistaken and true proposals move with evidence quality, caseload and independence', async () => {
    const r = await evidenceRuns('notice', { par: { diligence: 1.5 }, lowStaff: 0.001 });
    const s = r.sums;
    const wrong = (x: Record<string, number>) => x.notice_withdrawn_mistaken!;
    const right = (x: Record<string, number>) => x.notice_withdrawn! - x.notice_withdrawn_mistaken!;
    expect(r.control3).toEqual(r.control1);
    expect(wrong(s.q3) - wrong(s.q1)).toBeGreaterThan(40);
    expect(r.q3.cut - r.q1.cut).toBeGreaterThan(0.1);
    expect(wrong(s.staffed) - wrong(s.overloaded)).toBeGreaterThan(10);
    expect(wrong(s.independent) - wrong(s.dependent)).toBeGreaterThan(25);
    expect(right(s.independent) - right(s.dependent)).toBeGreaterThan(10);
  }, 60_000);
});
