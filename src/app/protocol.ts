/**
 * Messages between the page (src/app/main.ts) and its simulation worker (src/app/worker.ts).
 * Large per-agent data travel as transferred typed arrays; each `advance` may take several steps,
 * so one message carries a batch and the page draws at most once per animation frame.
 */
import type { Row } from '../core/contracts.js';

/** A slider or switch of the page: a plug-in parameter with its table's unit, range and doc. */
export interface ParamInfo {
  /** The `--set` path, e.g. `regimes.speech-blacklist.vagueness`. */
  path: string;
  label: string;
  kind: 'number' | 'boolean';
  unit: string;
  doc: string;
  min: number;
  max: number;
  step: number;
  /** The value in this run (after the page's overrides). */
  value: number | boolean;
  /** The preset's own value (its table's default when the preset does not set it). */
  base: number | boolean;
}

export interface BuildRequest {
  type: 'build';
  raw: Record<string, unknown>;
  label: string;
  sets: string[];
  seed: number;
  agents: number;
  /** Send the network (positions and ties) and per-agent colours. */
  network: boolean;
}

export type Request =
  | BuildRequest
  | { type: 'advance'; n: number; budgetMs: number; frame: boolean }
  | { type: 'frame' }
  | { type: 'layout' }
  | { type: 'agent'; id: number }
  | { type: 'csv' };

/** Per-agent state for colouring: score scaled to 0…1 (NaN: no score), listed flag. */
export interface Frame {
  score: Float32Array;
  listed: Uint8Array;
  /** One flag per tie of the first network (1 = still there); absent when no tie changed. */
  alive?: Uint8Array;
}

export interface Built {
  type: 'built';
  name: string;
  n: number;
  total: number;
  every: number;
  columns: string[];
  /** Recorded metric columns (the columns less step, day, seed). */
  metrics: string[];
  params: ParamInfo[];
  scoreName: string | null;
  rows: Row[];
  group: Uint8Array;
  network?: { x: Float32Array; y: Float32Array; src: Int32Array; dst: Int32Array };
  frame?: Frame;
}

export interface Stepped {
  type: 'stepped';
  tick: number;
  taken: number;
  done: boolean;
  stopped: string | null;
  rows: Row[];
  ms: number;
  frame?: Frame;
}

export interface AgentInfo {
  type: 'agent';
  id: number;
  group: number;
  scoreName: string | null;
  /** Score after each step (index 0: before the first step). */
  history: Float32Array;
  lists: { id: string; kind: string; on: boolean; times: number; since: number | null }[];
  sanctions: { domain: string; count: number }[];
  incomeMult: number;
  friends: number[];
}

/** The network of a run built without it (the page's network switched on mid-run): the ties of now. */
export interface NetworkReply {
  type: 'network';
  network: NonNullable<Built['network']>;
  frame: Frame;
}

export type Reply = Built | Stepped | AgentInfo | NetworkReply | { type: 'csv'; text: string } | { type: 'error'; message: string };
