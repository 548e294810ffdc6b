/**
 * Drives a regime's hooks by hand for exact tiny-world tests: the core's step (src/core/simulation.ts)
 * without behave and observe, with hand-made records in their place.
 */
import type { Hooks } from '../../src/core/contracts.js';
import type { RecordBuffer } from '../../src/core/events.js';
import type { World } from '../../src/core/world.js';

export function driveStep(world: World, hooks: Hooks, push?: (records: RecordBuffer) => void): void {
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

/** Reads whether agent i's entry on a list is mistaken, as a metric would (the label is open only then). */
export function mistakenOn(world: World, list: { isMistaken(i: number): boolean }, i: number): 0 | 1 {
  const was = world.cases.open;
  world.cases.open = true;
  try {
    return list.isMistaken(i) ? 1 : 0;
  } finally {
    world.cases.open = was;
  }
}

/** Whether a case is mistaken, read as a metric would. */
export function caseMistaken(world: World, c: number): boolean {
  const was = world.cases.open;
  world.cases.open = true;
  try {
    return world.cases.isMistaken(c);
  } finally {
    world.cases.open = was;
  }
}

/** Calls a plug-in's record hook as the simulation does (ground truth open for its columns). */
export function recordRow(world: World, hooks: Hooks): Record<string, number | null> | void {
  world.cases.open = true;
  try {
    return hooks.record?.();
  } finally {
    world.cases.open = false;
  }
}
