/**
 * The simulation worker: one run of the page (A or B) on the same core as the CLI, stepped in
 * batches so that the page stays responsive. Replies carry new rows and, when asked, a frame of
 * per-agent colours as transferred typed arrays.
 */
import { UserError } from '../core/errors.js';
import { Engine, prepare } from './engine.js';
import type { Frame, Reply, Request } from './protocol.js';
import { agentInfo, frame, layout, paramInfos } from './view.js';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<Request>) => void) | null;
  postMessage(msg: Reply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let engine: Engine | null = null;
let ties: { src: Int32Array; dst: Int32Array } | null = null;
let tiesRemoved = 0;
let tiesAdded = 0;
let sent = 0;

function frameTransfer(f: Frame): Transferable[] {
  return [f.score.buffer, f.listed.buffer, ...(f.alive ? [f.alive.buffer] : [])];
}

function currentFrame(): Frame {
  const adj = engine!.sim.world.adj;
  const changed = adj.tiesRemoved !== tiesRemoved || adj.tiesAdded !== tiesAdded;
  tiesRemoved = adj.tiesRemoved;
  tiesAdded = adj.tiesAdded;
  return frame(engine!, ties, changed);
}

function newRows() {
  const rows = engine!.rows.slice(sent);
  sent = engine!.rows.length;
  return rows;
}

function handle(msg: Request): void {
  if (msg.type === 'build') {
    engine = null;
    const e = new Engine(msg.raw, msg.label, { sets: msg.sets, seed: msg.seed, agents: msg.agents });
    engine = e;
    sent = 0;
    tiesRemoved = e.sim.world.adj.tiesRemoved;
    tiesAdded = e.sim.world.adj.tiesAdded;
    const net = msg.network ? layout(e) : undefined;
    ties = net ? { src: net.src, dst: net.dst } : null;
    const f = msg.network ? frame(e, null, false) : undefined;
    const columns = e.columns;
    const reply: Reply = {
      type: 'built',
      name: e.scenario.name,
      n: e.sim.world.n,
      total: e.total,
      every: e.scenario.record.every,
      columns,
      metrics: columns.filter((c) => c !== 'step' && c !== 'day' && c !== 'seed'),
      params: paramInfos(e, prepare(msg.raw, msg.label, { seed: msg.seed, agents: msg.agents })),
      scoreName: e.sim.world.primary?.column ?? null,
      rows: newRows(),
      group: Uint8Array.from(e.sim.world.pop.group),
      ...(net ? { network: { x: net.x, y: net.y, src: net.src.slice(), dst: net.dst.slice() } } : {}),
      ...(f ? { frame: f } : {}),
    };
    const transfer: Transferable[] = [reply.group.buffer];
    if (reply.network) transfer.push(reply.network.x.buffer, reply.network.y.buffer, reply.network.src.buffer, reply.network.dst.buffer);
    if (f) transfer.push(...frameTransfer(f));
    scope.postMessage(reply, transfer);
    return;
  }
  if (!engine) throw new Error('no run is built yet');
  if (msg.type === 'advance') {
    const t0 = performance.now();
    const taken = engine.advance(msg.n, msg.budgetMs);
    const ms = performance.now() - t0;
    const f = msg.frame ? currentFrame() : undefined;
    const stop = engine.sim.stopped;
    const reply: Reply = { type: 'stepped', tick: engine.tick, taken, done: engine.done, stopped: stop ? `${stop.by}: ${stop.reason}` : null, rows: newRows(), ms, ...(f ? { frame: f } : {}) };
    scope.postMessage(reply, f ? frameTransfer(f) : []);
  } else if (msg.type === 'frame') {
    const f = currentFrame();
    scope.postMessage({ type: 'stepped', tick: engine.tick, taken: 0, done: engine.done, stopped: null, rows: [], ms: 0, frame: f }, frameTransfer(f));
  } else if (msg.type === 'layout') {
    const net = layout(engine);
    ties = { src: net.src, dst: net.dst };
    const f = frame(engine, null, false);
    const network = { x: net.x, y: net.y, src: net.src.slice(), dst: net.dst.slice() };
    scope.postMessage({ type: 'network', network, frame: f }, [network.x.buffer, network.y.buffer, network.src.buffer, network.dst.buffer, ...frameTransfer(f)]);
  } else if (msg.type === 'agent') {
    const info = agentInfo(engine, msg.id);
    scope.postMessage(info, [info.history.buffer]);
  } else if (msg.type === 'csv') {
    scope.postMessage({ type: 'csv', text: engine.csv() });
  }
}

scope.onmessage = (ev) => {
  try {
    handle(ev.data);
  } catch (e) {
    const message = e instanceof UserError || e instanceof Error ? e.message : String(e);
    scope.postMessage({ type: 'error', message });
  }
};
