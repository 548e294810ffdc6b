/**
 * The warm-up of `buildSimulation` (src/scenario/build.ts): before a large run, a small copy of the
 * scenario is stepped for V8's compiler and thrown away. Moved out of build.ts as it was; build.ts
 * hands its own `buildSimulation` in, so the two modules do not import each other.
 */
import type { AnyPlugin } from '../core/contracts.js';
import { FAMILIES } from '../core/contracts.js';
import type { Simulation } from '../core/simulation.js';
import { findGraph } from '../graphs/registry.js';
import { isBuiltinMetric, metricById } from '../metrics/index.js';
import type { BuildOptions } from './build.js';
import { isBuiltinPlugin, SECTION } from './registry.js';
import type { ResolvedScenario } from './resolve.js';

/** Agents from which `buildSimulation` steps a small copy of the scenario first (`warmUp`). */
export const WARM_UP_FROM = 20_000;
const WARM_UP_AGENTS = 400;
/** What was warmed in this process (plug-ins, metrics, graph model): a later run of the same kinds is not warmed again. */
const warmed = new Set<string>();
/** How many warm-ups `buildSimulation` ran and how many of them a scenario's own limits stopped (for tests). */
export const warmUpCounts = { ran: 0, failed: 0 };

/**
 * Steps a copy of the scenario with WARM_UP_AGENTS agents, on one thread, for a few records, and
 * throws it away: a warm-up of V8's compiler, which changes no value of the run (the copy is a
 * world of its own, with its own streams; tests/scenario/warm-up.test.ts compares the tables).
 *
 * Why. A function that runs once a step over every agent (a regime's stage, the record's passes)
 * is compiled by V8 in the middle of its first call's loop (on-stack replacement), before the code
 * after that loop has ever run; that code then gives up at the loop's end, and Node 20's V8 enters
 * the same stale compiled loop again at every later call, each time only after a part of the loop
 * has run in the slower tiers. `node --trace-deopt` showed up to eight such functions giving up at
 * every step of the benchmark model at 100,000 agents (which ones varied from run to run), and the
 * record's per-agent sums at two threads took 1.5 ms where the same loop alone took 0.35 ms. After
 * the small copy's steps every path has run once, and none gave up again.
 *
 * Once per process for the same plug-ins, metrics and graph model (a sweep's later runs find the
 * compiled code warm). Only the library's own code is stepped: a plug-in, metric or graph model defined outside it might
 * count its calls or write somewhere, and nothing the user did not ask for may run. A scenario that
 * cannot run at this size (its own limits) is not warmed; the run itself goes on as it would.
 */
export function warmUp(s: ResolvedScenario, plugins: AnyPlugin[] | undefined, build: (s: ResolvedScenario, opts: BuildOptions) => Simulation): void {
  const key = JSON.stringify([FAMILIES.map((f) => Object.keys(s[SECTION[f]]).sort()), [...s.metrics].sort(), s.graph.model, s.record.every > 1, (plugins ?? []).map((p) => p.id)]);
  if (warmed.has(key)) return;
  warmed.add(key);
  const steps = Math.min(60, Math.max(4, 3 * s.record.every));
  let small: Simulation | null = null;
  warmUpCounts.ran++;
  try {
    small = build({ ...s, population: { ...s.population, agents: WARM_UP_AGENTS } }, { threads: 1, warmUp: false, plugins });
    small.init();
    for (let k = 0; k < steps && !small.stopped; k++) small.step();
  } catch {
    // an optimisation only: the run's own first steps warm the compiler as before
    warmUpCounts.failed++;
  } finally {
    small?.close();
  }
}

/** Whether `warmUp` may run for this scenario: only the library's own plug-ins, metrics and graph models. */
export function warmable(s: ResolvedScenario, opts: BuildOptions): boolean {
  if (opts.graph || opts.plugins?.length) return false;
  if (!findGraph(s.graph.model)?.builtin) return false;
  if (!s.metrics.every((id) => { const m = metricById(id); return m !== undefined && isBuiltinMetric(m.id); })) return false;
  return FAMILIES.every((f) => Object.keys(s[SECTION[f]]).every(isBuiltinPlugin));
}
