/**
 * The run loop: A (and B, when on) advance in lockstep — each batch asks every run for the same
 * number of steps and waits for all. At a set speed a token bucket decides how many steps are due;
 * at "max" each batch takes about 40 ms of work, sized from the last batch's time per step.
 */
import type { Runner } from './runner.js';

/** The speed slider's top value, which means "as fast as the machine goes". */
export const SPEED_MAX = 100;

export class Loop {
  running = false;
  private busy = false;
  private tokens = 0;
  private last = 0;
  private msPerStep = 50;
  private history: { t: number; tick: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly runners: () => Runner[],
    private readonly speed: () => number,
    private readonly wantFrame: () => boolean,
    private readonly onBatch: () => void,
    private readonly onEnd: (why: string) => void,
    private readonly onError: (e: Error) => void,
    /** Milliseconds the page's last redraw took: a batch takes at least twice that, so drawing never throttles the run. */
    private readonly drawMs: () => number = () => 0,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.last = performance.now();
    this.tokens = 1;
    this.history = [{ t: this.last, tick: this.runners()[0]?.tick ?? 0 }];
    this.pump();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One step now (pauses a running loop first). */
  async stepOnce(): Promise<void> {
    this.stop();
    while (this.busy) await new Promise((r) => setTimeout(r, 10));
    await this.batch(1);
  }

  /** Steps per second over the last two seconds of running (0 when paused). */
  stepsPerSecond(): number {
    if (this.history.length < 2) return 0;
    const a = this.history[0]!;
    const b = this.history[this.history.length - 1]!;
    return b.t > a.t ? ((b.tick - a.tick) * 1000) / (b.t - a.t) : 0;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, ms);
  }

  private pump(): void {
    if (!this.running || this.busy) return;
    const rs = this.runners();
    if (!rs.length || rs.every((r) => r.done)) {
      this.stop();
      this.onEnd(rs[0]?.stopped ? `stopped by ${rs[0].stopped}` : 'the run reached its last step');
      return;
    }
    const s = this.speed();
    let n: number;
    if (s >= SPEED_MAX) n = Math.max(1, Math.min(1000, Math.round(Math.max(40, 2 * this.drawMs()) / Math.max(0.01, this.msPerStep))));
    else {
      const now = performance.now();
      this.tokens = Math.min(this.tokens + ((now - this.last) * s) / 1000, Math.max(1, s / 2));
      this.last = now;
      n = Math.floor(this.tokens);
      if (n < 1) {
        this.schedule(((1 - this.tokens) * 1000) / s);
        return;
      }
      this.tokens -= n;
    }
    void this.batch(n).then(() => this.running && this.schedule(0));
  }

  private async batch(n: number): Promise<void> {
    const rs = this.runners().filter((r) => !r.done);
    if (!rs.length) return;
    this.busy = true;
    try {
      const frame = this.wantFrame();
      const replies = await Promise.all(rs.map((r) => r.advance(n, Infinity, frame)));
      const taken = Math.max(...replies.map((r) => r.taken));
      const ms = Math.max(...replies.map((r) => r.ms));
      if (taken > 0) this.msPerStep = ms / taken;
      const now = performance.now();
      this.history.push({ t: now, tick: this.runners()[0]!.tick });
      while (this.history.length > 2 && now - this.history[0]!.t > 2000) this.history.shift();
      this.onBatch();
    } catch (e) {
      this.stop();
      this.onError(e as Error);
    } finally {
      this.busy = false;
    }
  }
}
