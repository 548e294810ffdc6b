/**
 * Byte identity of a full `national-composite` run (joint-punishment, cleanup, all metrics,
 * recorded every step): the SHA-256 of steps.csv and agents.csv at 3,000 agents, 30 steps,
 * two seeds, as the code gave them before the step path was optimised (issue 14). Any change
 * to a draw, its order, or the order of a floating-point operation shows here.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agentsTable, runScenario, stepsTable, toCsv } from '../../../src/index.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const EXPECTED: Record<number, { steps: string; agents: string }> = {
  1: { steps: '2d5e018c4efbf373bc059c1fe8a5de22c19feab95080d3f72f970819d01bc513', agents: 'dd165f3fe6a8a8d5231696cfa80320f7ac4963c65389fcf82458f7b2d92873b3' },
  2: { steps: '2a118be6d135cfca64ad55c956e6292f79357469e72844462ceed8bbcdb28b06', agents: '3d40ad08f1bc52749b1490156186f104b928451a8ef65a5706db64b5cb03356b' },
};

async function hashes(seed: number) {
  const r = await runScenario('national-composite', {
    agents: 3000,
    steps: 30,
    seed,
    set: ['regimes.joint-punishment=true', 'adaptations.cleanup=true', 'metrics=all', 'record.every=1'],
  });
  return { steps: sha(toCsv(stepsTable(r.rows, r.columns))), agents: sha(toCsv(agentsTable(r.simulation))) };
}

describe('national-composite + joint-punishment + cleanup + all metrics: byte identity', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: steps.csv and agents.csv hash as before`, async () => {
      const h = await hashes(seed);
      if (process.env.PRINT_HASHES) console.log(`HASH seed ${seed}`, JSON.stringify(h));
      expect(h).toEqual(EXPECTED[seed]);
    }, 120_000);
  }
});
