/**
 * Drives a regime's hooks by hand for exact tiny-world tests: the core's step (src/core/simulation.ts)
 * without behave and observe, with hand-made records in their place.
 */
import type { Hooks } from '../../src/core/contracts.js';
import type { EventBuffer } from '../../src/core/events.js';
import type { World } from '../../src/core/world.js';

export function driveStep(world: World, hooks: Hooks, push?: (records: EventBuffer) => void): void {
  world.records.clear();
  push?.(world.records);
  world.benefit.fill(0);
  world.benefitEligible.fill(0);
  hooks.score?.();
  world.lists.settle(world.day);
  hooks.publish?.();
  world.incomeMult.fill(1);
  hooks.sanction?.();
  hooks.adapt?.();
  world.step++;
  world.day += world.daysPerStep;
}

/** Steps a simulation `steps` times and counts, over agents and steps, how often a score rose and fell. */
export function countMoves(sim: { step(): void }, score: Float64Array, steps: number): { rose: number; fell: number } {
  const before = new Float64Array(score.length);
  let rose = 0;
  let fell = 0;
  for (let t = 0; t < steps; t++) {
    before.set(score);
    sim.step();
    for (let i = 0; i < score.length; i++) {
      if (score[i]! > before[i]!) rose++;
      if (score[i]! < before[i]!) fell++;
    }
  }
  return { rose, fell };
}
