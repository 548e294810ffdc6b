/**
 * The default preset's "what to watch" says what its run shows: each number it quotes is the
 * run's (seed 1, 365 steps, rounded as quoted), and each trend it states holds over the recorded
 * rows. One run of 10,000 agents × 365 steps, in-process (≈ 8 s).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScenario } from '../../src/index.js';
import { ROOT } from '../helpers.js';

describe('scenarios/default.yaml watch', () => {
  it('quotes the numbers and trends of the run', async () => {
    const watch = (parse(readFileSync(join(ROOT, 'scenarios', 'default.yaml'), 'utf8')) as { watch: string }).watch.replace(/\s+/g, ' ');
    const { rows } = await runScenario('default', { steps: 365 });
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const col = (c: string) => rows.map((r) => r[c] as number);
    expect(last.day).toBe(365);
    expect(watch).toContain(`from about ${Math.round(first.mean_score as number)} to ${Math.round(last.mean_score as number)}`);
    expect(watch).toContain(`from ${((first.fico_approval_rate as number) * 100).toFixed(1)} % to ${((last.fico_approval_rate as number) * 100).toFixed(1)} %`);
    expect(watch).toContain(`from ${(first.gini_wealth as number).toFixed(3)} to ${(last.gini_wealth as number).toFixed(3)}`);
    // "climbs slowly … without levelling off": the last quarter still gains
    const score = col('mean_score');
    const q = Math.floor((score.length * 3) / 4);
    expect(score.at(-1)! - score[q]!).toBeGreaterThan(1);
    // "falls steadily": every recorded row below the one before
    const gini = col('gini_wealth');
    expect(gini.every((g, i) => i === 0 || g < gini[i - 1]!)).toBe(true);
    expect(watch).toContain('within ±0.003 of zero');
    expect(Math.max(...col('score_assortativity').map(Math.abs))).toBeLessThanOrEqual(0.003);
    expect(watch).toContain(`(${(first.tie_count as number).toLocaleString('en-US')})`);
    expect(new Set(col('tie_count')).size).toBe(1);
    expect(watch).toContain(`mean degree (${(first.mean_degree as number).toFixed(1)}`);
    expect(rows.every((r) => r.listed_share === null)).toBe(true);
  }, 60_000);
});
