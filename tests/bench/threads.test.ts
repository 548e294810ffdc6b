/** benchThreads (src/bench/threads.ts): one row per size and thread count, times of the per-agent passes and of whole steps. */
import { describe, expect, it } from 'vitest';
import { benchThreads } from '../../src/bench/threads.js';

describe('benchThreads', () => {
  it('times 1 and 2 threads on the benchmark model (and checks they ran the same)', async () => {
    const rows = await benchThreads({ agents: [3000], degree: 10, threads: [1, 2], steps: 4, warmup: 1 });
    expect(rows.map((r) => [r.agents, r.threads])).toEqual([
      [3000, 1],
      [3000, 2],
    ]);
    expect(rows[0]!.ties).toBe(rows[1]!.ties);
    for (const r of rows) {
      expect(r.passMs).toBeGreaterThan(0);
      expect(r.stepMs).toBeGreaterThanOrEqual(r.passMs);
      expect(r.passMsMin).toBeLessThanOrEqual(r.passMs);
      expect(r.stepMsMax).toBeGreaterThanOrEqual(r.stepMs);
      expect(r.workerShare).toBeGreaterThanOrEqual(0);
      expect(r.workerShare).toBeLessThan(r.threads === 1 ? 1e-9 : 1);
    }
  }, 60_000);
});
