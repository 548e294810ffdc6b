/**
 * The worker pool of a sweep: piscina with exactly N threads (minThreads = maxThreads = N; the
 * default maxThreads of 1.5 × cores oversubscribes CPU-bound runs, docs/benchmark.md#performance-facts) running
 * dist/experiment/worker.js, and a per-run timeout that aborts the task — piscina terminates the
 * thread running it and starts a fresh one — counted from the moment the run starts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { PACKAGE_ROOT } from '../scenario/load.js';
import type { Overrides } from './plan.js';
import type { WarmTask, WorkerResult, WorkerTask } from './worker.js';

/** A run stopped by its time limit. */
export class RunTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`timed out after ${seconds} s`);
    this.name = 'RunTimeout';
  }
}

/** Compiled worker file: next to this module in dist/, or the package's dist/ when running from src/ (tests). */
export function workerFile(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = resolve(PACKAGE_ROOT, 'dist', 'experiment', 'worker.js');
  if (existsSync(built)) return built;
  throw new Error(`experiment: the worker file ${built} is missing; run \`npm run build\``);
}

/** The pool of worker threads that runs a sweep's runs, with time limits. */
export class RunPool {
  private readonly pool: Piscina<WorkerTask | WarmTask, WorkerResult>;

  /** `preload`: the experiment every thread starts importing at once. */
  constructor(
    readonly threads: number,
    preload?: { file: string; overrides: Overrides },
  ) {
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      workerData: preload ? { scorelabPreload: preload } : undefined,
    });
  }

  /** Runs one task; rejects with `RunTimeout` after `timeoutS` seconds of running. */
  async run(task: Omit<WorkerTask, 'port'>, timeoutS?: number): Promise<WorkerResult> {
    const ctrl = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    port1.on('message', () => {
      if (timeoutS) timer = setTimeout(() => ctrl.abort(), timeoutS * 1000);
    });
    try {
      return await this.pool.run({ ...task, port: port2 }, { transferList: [port2], signal: ctrl.signal });
    } catch (e) {
      if (ctrl.signal.aborted && timeoutS) throw new RunTimeout(timeoutS);
      throw e;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  /**
   * Starts every thread and has each import the experiment, so that a measurement that follows
   * counts runs only (a barrier keeps each thread on its own warm-up task until all have one).
   */
  async warm(file: string, overrides: Overrides = {}): Promise<void> {
    const barrier = new SharedArrayBuffer(8);
    new Int32Array(barrier)[1] = this.threads;
    await Promise.all(Array.from({ length: this.threads }, () => this.pool.run({ file, overrides, barrier })));
  }

  /** Stops every thread now (runs in flight are lost). */
  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
