/**
 * What the worker shows of a run, read from the engine without changing it: the page's sliders
 * (from the plug-ins' parameter tables, src/core/params.ts), a layout of the network, the per-agent
 * colours of a frame, and one agent for the inspector.
 */
import { UndirectedGraph } from 'graphology';
import * as fa2 from 'graphology-layout-forceatlas2';
import { FAMILIES } from '../core/contracts.js';
import type { ParamTable } from '../core/params.js';
import { DOMAINS } from '../core/population.js';
import { makeRng } from '../core/rng.js';
import { findPlugin, SECTION } from '../scenario/registry.js';
import type { ResolvedScenario } from '../scenario/resolve.js';
import type { Engine } from './engine.js';
import type { AgentInfo, Frame, ParamInfo } from './protocol.js';

// CommonJS package: its default export is the module itself under NodeNext typing
const forceAtlas2 = ((fa2 as unknown as { default?: unknown }).default ?? fa2) as {
  (g: UndirectedGraph, o: { iterations: number; settings?: Record<string, unknown> }): Record<string, { x: number; y: number }>;
  inferSettings(g: UndirectedGraph): Record<string, unknown>;
};

/** Upper end of a slider whose table gives only the automatic bound (`affordableBound`): a few times the default. */
function sliderMax(def: number, max: number | undefined, int: boolean | undefined): number {
  if (max !== undefined && max <= Math.max(1000, 100 * Math.abs(def))) return max;
  const hi = def > 0 ? def * 4 : 10;
  return int ? Math.ceil(hi) : hi;
}

/**
 * A power-of-ten step of about a hundredth of the range, made finer until the preset's value lies on
 * the slider's grid (a range input snaps its value to min + k·step: 0.002 on a grid of 0.01 would be 0).
 */
function sliderStep(min: number, max: number, values: number[], int: boolean): number {
  if (int) return 1;
  let step = 10 ** Math.floor(Math.log10((max - min) / 100 || 1));
  const on = (x: number) => Math.abs(Math.round((x - min) / step) * step - (x - min)) < step * 1e-6;
  while (step > 1e-9 && !values.every(on)) step /= 10;
  return Number(step.toPrecision(1));
}

/** The numeric and on/off parameters of the scenario's plug-ins (not its behaviour model), as sliders and switches. */
export function paramInfos(engine: Engine, base: ResolvedScenario): ParamInfo[] {
  const out: ParamInfo[] = [];
  const s = engine.scenario;
  for (const f of FAMILIES) {
    if (f === 'behaviour') continue;
    const section = SECTION[f];
    for (const [id, values] of Object.entries(s[section])) {
      const spec = findPlugin(id);
      if (!spec) continue;
      for (const [name, def] of Object.entries(spec.params as ParamTable)) {
        const v = (values as Record<string, unknown>)[name];
        const path = `${section}.${id}.${name}`;
        const b = (base[section][id] as Record<string, unknown> | undefined)?.[name];
        if (typeof v === 'boolean') {
          out.push({ path, label: `${id}: ${name}`, kind: 'boolean', unit: '', doc: def.doc, min: 0, max: 1, step: 1, value: v, base: typeof b === 'boolean' ? b : v });
        } else if (typeof v === 'number' && typeof def.default === 'number') {
          const bv = typeof b === 'number' ? b : v;
          const min = def.min !== undefined && def.min > -Math.max(1000, 100 * Math.abs(def.default)) ? def.min : Math.min(0, v, bv);
          const max = Math.max(sliderMax(def.default, def.max, def.int), v, bv);
          const step = sliderStep(min, max, [v, bv], def.int === true);
          out.push({ path, label: `${id}: ${name}`, kind: 'number', unit: def.unit, doc: def.doc, min, max, step, value: v, base: typeof b === 'number' ? b : v });
        }
      }
    }
  }
  return out;
}

/** Positions of the agents: seeded random start, then ForceAtlas2 (fewer rounds for larger networks). */
export function layout(engine: Engine): { x: Float32Array; y: Float32Array; src: Int32Array; dst: Int32Array } {
  const w = engine.sim.world;
  const n = w.n;
  const { src, dst } = w.adj.edges();
  const rng = makeRng(`scorelab-app-layout:${engine.scenario.seed}`);
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(i, { x: rng() * 100, y: rng() * 100 });
  for (let e = 0; e < src.length; e++) g.mergeEdge(src[e]!, dst[e]!);
  const iterations = n <= 500 ? 100 : n <= 2500 ? 25 : 8;
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: n > 1000 };
  const pos = forceAtlas2(g, { iterations, settings });
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = pos[i]!.x;
    y[i] = pos[i]!.y;
  }
  return { x, y, src: Int32Array.from(src), dst: Int32Array.from(dst) };
}

/** Colours of a frame: the primary score scaled by its declared range, whether listed, which first ties remain. */
export function frame(engine: Engine, ties: { src: Int32Array; dst: Int32Array } | null, tiesChanged: boolean): Frame {
  const w = engine.sim.world;
  const n = w.n;
  const score = new Float32Array(n).fill(NaN);
  const s = w.primaryScore();
  if (s && w.primary) {
    const { min, max } = w.primary;
    const span = max - min || 1;
    for (let i = 0; i < n; i++) score[i] = (s[i]! - min) / span;
  }
  const listed = new Uint8Array(n);
  for (const l of w.lists.lists.values()) {
    if (l.kind !== 'black') continue;
    for (let i = 0; i < n; i++) if (l.on[i]) listed[i] = 1;
  }
  const f: Frame = { score, listed };
  if (ties && tiesChanged) {
    const alive = new Uint8Array(ties.src.length);
    for (let e = 0; e < alive.length; e++) alive[e] = w.adj.hasEdge(ties.src[e]!, ties.dst[e]!) ? 1 : 0;
    f.alive = alive;
  }
  return f;
}

/** One agent for the inspector. */
export function agentInfo(engine: Engine, id: number): AgentInfo {
  const w = engine.sim.world;
  if (!Number.isInteger(id) || id < 0 || id >= w.n) throw new Error(`no agent ${id}: agents are numbered 0 to ${w.n - 1}`);
  const history = new Float32Array(engine.scoreHistory.length);
  engine.scoreHistory.forEach((col, k) => (history[k] = col[id]!));
  const lists = [...w.lists.lists.values()].map((l) => ({ id: l.id, kind: l.kind, on: l.on[id] === 1, times: l.times[id]!, since: l.on[id] ? l.since[id]! : null }));
  const sanctions = DOMAINS.map((d, k) => ({ domain: d, count: engine.sanctionCounts[id * 6 + k]! })).filter((x) => x.count > 0);
  const friends: number[] = [];
  const a = w.adj;
  for (let k = a.start[id]!, end = k + a.deg[id]!; k < end; k++) friends.push(a.targets[k]!);
  friends.sort((p, q) => p - q);
  return { type: 'agent', id, group: w.pop.group[id]!, scoreName: w.primary?.column ?? null, history, lists, sanctions, incomeMult: w.incomeMult[id]!, friends };
}
