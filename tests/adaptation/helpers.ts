/** Tiny hand-built worlds for the exact tests of the adaptation mechanisms. */
import { Adjacency, LAYER_BOTH, World, defaults, type AnyPlugin, type Hooks } from '../../src/index.js';

/** A world of n agents with the given ties [i, j, layer?] (layer defaults to both). */
export function tinyWorld(n: number, ties: [number, number, number?][], seed = 'tiny', daysPerStep = 1): World {
  const w = new World(n, seed, daysPerStep);
  w.adj = Adjacency.fromEdges(
    n,
    ties.map((t) => t[0]),
    ties.map((t) => t[1]),
    ties.map((t) => t[2] ?? LAYER_BOTH),
  );
  return w;
}

/** Creates a plug-in on a world with its defaults overridden by `params`. */
export function make(spec: AnyPlugin, world: World, params: Record<string, unknown> = {}): Hooks {
  return spec.create(world, { ...defaults(spec.params), ...params });
}

/** Declares a primary score column 0–1 with these values. */
export function setScore(world: World, values: number[]): Float64Array {
  const s = world.pop.addColumn('score_test', 'f64', 'test', 'test score');
  s.set(values);
  world.offerPrimaryScore('score_test', 0, 1, 'test');
  return s;
}
