/**
 * The page's side of one simulation worker (run A or run B): requests go out one at a time and
 * each reply settles its request; the rows received so far are kept for the chart, cards and
 * `window.scorelab.rows()`.
 */
import type { Row } from '../../core/contracts.js';
import type { AgentInfo, Built, BuildRequest, Frame, NetworkReply, Reply, Request, Stepped } from '../protocol.js';

/** The error of requests cut short by `terminate` (B switched off while a batch was under way). */
export const REPLACED = 'the run was replaced';

export class Runner {
  private worker: Worker;
  private pending: { resolve(r: Reply): void; reject(e: Error): void }[] = [];
  rows: Row[] = [];
  built: Built | null = null;
  tick = 0;
  done = false;
  stopped: string | null = null;
  /** The latest frame not drawn yet. */
  frame: Frame | null = null;

  constructor(url: string) {
    this.worker = new Worker(url, { type: 'module' });
    this.worker.onmessage = (ev: MessageEvent<Reply>) => {
      const p = this.pending.shift();
      if (!p) return;
      if (ev.data.type === 'error') p.reject(new Error(ev.data.message));
      else p.resolve(ev.data);
    };
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      const msg = ev.message || 'the simulation worker failed to start';
      for (const p of this.pending.splice(0)) p.reject(new Error(msg));
    };
  }

  private ask(req: Request): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(req);
    });
  }

  async build(req: Omit<BuildRequest, 'type'>): Promise<Built> {
    const r = (await this.ask({ type: 'build', ...req })) as Built;
    this.built = r;
    this.rows = [...r.rows];
    this.tick = 0;
    this.done = r.total === 0;
    this.stopped = null;
    this.frame = r.frame ?? null;
    return r;
  }

  async advance(n: number, budgetMs: number, frame: boolean): Promise<Stepped> {
    const r = (await this.ask({ type: 'advance', n, budgetMs, frame })) as Stepped;
    this.apply(r);
    return r;
  }

  /** Asks for a frame now (when the network is switched on mid-run). */
  async refreshFrame(): Promise<void> {
    this.apply((await this.ask({ type: 'frame' })) as Stepped);
  }

  private apply(r: Stepped): void {
    this.rows.push(...r.rows);
    this.tick = r.tick;
    this.done = r.done;
    this.stopped = r.stopped;
    if (r.frame) {
      // ties that changed earlier stay known when this frame reports none changed
      if (!r.frame.alive && this.frame?.alive) r.frame.alive = this.frame.alive;
      this.frame = r.frame;
    }
  }

  /** Asks for the network of a run built without it; returns the run with its network. */
  async layout(): Promise<Built> {
    const r = (await this.ask({ type: 'layout' })) as NetworkReply;
    if (!this.built) throw new Error('no run is built yet');
    this.built = { ...this.built, network: r.network, frame: r.frame };
    this.frame = r.frame;
    return this.built;
  }

  async agent(id: number): Promise<AgentInfo> {
    return (await this.ask({ type: 'agent', id })) as AgentInfo;
  }

  async csv(): Promise<string> {
    const r = (await this.ask({ type: 'csv' })) as { type: 'csv'; text: string };
    return r.text;
  }

  terminate(): void {
    this.worker.terminate();
    for (const p of this.pending.splice(0)) p.reject(new Error(REPLACED));
  }
}
