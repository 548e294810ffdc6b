/**
 * Every core in one run: the per-agent passes of a step (a regime's neighbour mean, the tie pass of
 * the recorded metrics) run on worker threads over shared memory, each thread on its own block of
 * agents, with results identical to one thread bit for bit.
 *
 * A Simulation made with `threads: N` attaches a `Parallel` to its world; plug-ins and the tie pass
 * find it with `parallel(world)` (one thread: the same kernels, run inline). `run(kernel, arrays,
 * numbers, n)` is synchronous: the main thread writes the call into shared control words, wakes
 * the N − 1 workers (`Atomics.notify`), and every thread claims blocks of agents until none is left
 * (thread-protocol.ts: a busy core does fewer, none waits for a thread that has not woken); the
 * main thread then waits (`Atomics.wait`) for the blocks still running — so the step loop stays
 * synchronous and no plug-in hook changes. Kernels (src/core/kernels.ts) write per-agent values only; sums over agents are taken
 * by the caller in agent order on the main thread, so the block split never changes a bit.
 *
 * The arrays a kernel reads or writes must live in SharedArrayBuffers: `f64`/`u8` allocate them,
 * `share(adj)` moves the adjacency's arrays into shared memory (again whenever the adjacency
 * reallocated them on growth), `scratch(name, n)` is a shared work array kept by the pool.
 *
 * Browser-safe to import: `worker_threads` is reached through `process.getBuiltinModule` only when
 * a pool of more than one thread starts (Node ≥ 20.16); with one thread nothing of Node is used.
 */
import type { Adjacency } from './adjacency.js';
import { UserError } from './errors.js';
import { KERNELS, type KernelArray } from './kernels.js';
import { CHUNKS, claim, CONTROL_WORDS, COUNT, DONE, FAILED, KERNEL, MAX_CHUNKS, SIZE, STOP, TICKET } from './thread-protocol.js';

export interface Parallel {
  /** Threads of the per-agent passes (1: inline on the calling thread). */
  readonly threads: number;
  /** Milliseconds spent in `run` so far (the per-agent passes), for benchmarks. */
  passMs: number;
  /** Blocks of agents computed so far, all and by the main thread (the workers' share shows how much they helped). */
  readonly blocks: { all: number; main: number };
  /** A Float64Array the kernels can read and write (shared memory with more than one thread). */
  f64(n: number): Float64Array;
  /** A Uint8Array the kernels can read and write. */
  u8(n: number): Uint8Array;
  /** An Int32Array the kernels can read and write. */
  i32(n: number): Int32Array;
  /** A work array of at least n entries kept under `name` (shared with more than one thread). */
  scratch(name: string, n: number): Float64Array;
  /** Makes the adjacency's start, deg, targets and layer arrays readable by the kernels; returns it. */
  share(adj: Adjacency): Adjacency;
  /** Runs kernel `kernel` (src/core/kernels.ts) over agents [0, n), split into one block per thread. */
  run(kernel: number, arrays: readonly KernelArray[], numbers: readonly number[], n: number): void;
  /** Stops the workers (a later `run` starts them again). */
  close(): void;
}

/** The most threads a run may ask for: four per core. */
export function maxThreads(): number {
  return 4 * cores();
}

function cores(): number {
  const os = nodeModule<{ availableParallelism?: () => number; cpus: () => unknown[] }>('node:os');
  if (os) return os.availableParallelism?.() ?? os.cpus().length;
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return nav?.hardwareConcurrency ?? 1;
}

/** Checks a thread count (an integer from 1 to four per core); `what` names it in the error (e.g. `--threads`). */
export function checkThreads(threads: unknown, what = 'threads'): number {
  const max = maxThreads();
  const t = typeof threads === 'string' && /^\s*\d+\s*$/.test(threads) ? Number(threads) : threads; // a flag's text
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1 || t > max) {
    throw new UserError(`${what}: expected an integer from 1 to ${max} (four per core on this machine), found ${JSON.stringify(threads)}`, undefined, what);
  }
  return t;
}

/** One thread: the kernels run inline over all agents. */
class Inline implements Parallel {
  readonly threads = 1;
  passMs = 0;
  readonly blocks = { all: 0, main: 0 };
  private readonly scratches = new Map<string, Float64Array>();
  private readonly x = new Float64Array(16);
  f64(n: number): Float64Array {
    return new Float64Array(n);
  }
  u8(n: number): Uint8Array {
    return new Uint8Array(n);
  }
  i32(n: number): Int32Array {
    return new Int32Array(n);
  }
  scratch(name: string, n: number): Float64Array {
    let a = this.scratches.get(name);
    if (!a || a.length < n) this.scratches.set(name, (a = new Float64Array(n)));
    return a;
  }
  share(adj: Adjacency): Adjacency {
    return adj;
  }
  run(kernel: number, arrays: readonly KernelArray[], numbers: readonly number[], n: number): void {
    const t0 = performance.now();
    this.x.set(numbers);
    KERNELS[kernel]!(arrays, this.x, 0, n);
    this.blocks.all++;
    this.blocks.main++;
    this.passMs += performance.now() - t0;
  }
  close(): void {}
}

/** How long the main thread waits for the workers of one call before it gives up (a dead worker). */
const PATIENCE_MS = 120_000;

interface WorkerLike {
  unref(): void;
  terminate(): Promise<number>;
}
interface PortLike {
  postMessage(m: unknown): void;
  close(): void;
}
interface WorkerThreads {
  Worker: new (file: URL, opts: { workerData: unknown; transferList: unknown[]; execArgv: string[] }) => WorkerLike;
  MessageChannel: new () => { port1: PortLike; port2: PortLike };
  receiveMessageOnPort(port: PortLike): { message: unknown } | undefined;
}

function nodeModule<T>(id: string): T | null {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (p?.getBuiltinModule?.(id) as T | undefined) ?? null;
}

/** The compiled worker: next to this module in dist/, or the package's dist/core/ when running from src/ (tests). */
export function threadWorkerFile(): URL {
  const fs = nodeModule<{ existsSync(p: URL): boolean }>('node:fs');
  const here = new URL('./thread-worker.js', import.meta.url);
  if (fs?.existsSync(here)) return here;
  const built = new URL('../../dist/core/thread-worker.js', import.meta.url);
  if (fs?.existsSync(built)) return built;
  throw new Error(`threads: the worker file ${built.pathname} is missing; run \`npm run build\``);
}

/** More than one thread: N − 1 workers over shared memory, the main thread doing block 0. */
class Pool implements Parallel {
  passMs = 0;
  readonly blocks = { all: 0, main: 0 };
  private wt: WorkerThreads | null = null;
  private workers: WorkerLike[] = [];
  private ports: PortLike[] = [];
  // fresh control words for every start, so that a closing worker never reads the next pool's calls
  private ctrl: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private gen = 0;
  private x: Float64Array<ArrayBufferLike> = new Float64Array(0);
  /** The arrays each kernel's workers hold (re-sent when one changes). */
  private sent: (readonly KernelArray[] | null)[] = [];
  private readonly scratches = new Map<string, Float64Array>();

  constructor(readonly threads: number) {}

  f64(n: number): Float64Array {
    return new Float64Array(new SharedArrayBuffer(n * 8));
  }
  u8(n: number): Uint8Array {
    return new Uint8Array(new SharedArrayBuffer(Math.max(n, 1)));
  }
  i32(n: number): Int32Array {
    return new Int32Array(new SharedArrayBuffer(Math.max(n, 1) * 4));
  }
  scratch(name: string, n: number): Float64Array {
    let a = this.scratches.get(name);
    if (!a || a.length < n) this.scratches.set(name, (a = this.f64(n)));
    return a;
  }

  share(adj: Adjacency): Adjacency {
    if (!isShared(adj.start)) adj.start = sharedCopy(adj.start, adj.start.length);
    if (!isShared(adj.deg)) adj.deg = sharedCopy(adj.deg, adj.deg.length);
    // targets and layer are reallocated when a block outgrows the arrays (Adjacency.grow): a copy
    // with 1/16 headroom lets the next growths happen inside shared memory
    if (!isShared(adj.targets)) adj.targets = sharedCopy(adj.targets, adj.targets.length + (adj.targets.length >> 4));
    if (!isShared(adj.layer)) adj.layer = sharedCopy(adj.layer, adj.targets.length);
    return adj;
  }

  private start(): void {
    if (this.workers.length) return;
    const wt = nodeModule<WorkerThreads>('node:worker_threads');
    if (!wt) throw new Error('threads: more than one thread needs Node ≥ 20.16 (process.getBuiltinModule and worker_threads)');
    this.wt = wt;
    const file = threadWorkerFile();
    this.ctrl = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
    this.gen = 0;
    this.x = new Float64Array(new SharedArrayBuffer(16 * 8));
    this.sent = [];
    for (let w = 1; w < this.threads; w++) {
      const { port1, port2 } = new wt.MessageChannel();
      const worker = new wt.Worker(file, {
        workerData: { ctrl: this.ctrl, x: this.x, port: port2 },
        transferList: [port2],
        // compiled JS: no loader (--import tsx …) inherited, whose hooks would wait on the main thread while it waits on the workers
        execArgv: [],
      });
      worker.unref(); // a pool left open never keeps the process alive
      this.workers.push(worker);
      this.ports.push(port1);
    }
  }

  run(kernel: number, arrays: readonly KernelArray[], numbers: readonly number[], n: number): void {
    const t0 = performance.now();
    this.start();
    const prev = this.sent[kernel];
    if (!prev || prev.length !== arrays.length || prev.some((a, k) => a !== arrays[k])) {
      for (const [k, a] of arrays.entries()) if (!isShared(a)) throw new Error(`threads: array ${k} of kernel ${kernel} is not in shared memory`);
      for (const p of this.ports) p.postMessage({ kernel, arrays: [...arrays] });
      this.sent[kernel] = [...arrays];
    }
    const c = this.ctrl;
    // blocks of agents: about 16 per thread (a busy core takes fewer), at least 512 agents each
    const size = Math.max(512, Math.ceil(n / (16 * this.threads)), Math.ceil(n / MAX_CHUNKS));
    const chunks = Math.ceil(n / size);
    this.x.set(numbers);
    c[KERNEL] = kernel;
    c[COUNT] = n;
    c[SIZE] = size;
    c[CHUNKS] = chunks;
    c[DONE] = 0;
    this.gen = (this.gen + 1) & 0x7fff;
    Atomics.store(c, TICKET, this.gen << 16); // publishes the call: block 0 of the next generation
    Atomics.notify(c, TICKET);
    const run = KERNELS[kernel]!;
    let mine = 0;
    for (let k = claim(c); k >= 0; k = claim(c)) {
      run(arrays, this.x, k * size, Math.min(n, (k + 1) * size));
      mine++;
    }
    this.waitDone(t0, chunks - mine);
    this.blocks.all += chunks;
    this.blocks.main += mine;
    // closes the call: the block field saturated, a worker that wakes late finds nothing left,
    // and one that read this call's ticket cannot claim a block of the next (its swap fails)
    Atomics.store(c, TICKET, (this.gen << 16) | 0xffff);
    if (Atomics.load(c, FAILED)) {
      const msgs = this.ports.map((p) => this.wt!.receiveMessageOnPort(p)?.message).filter(Boolean);
      this.close();
      throw new Error(`threads: a worker failed in kernel ${kernel}: ${msgs.join('; ') || 'unknown error'}`);
    }
    this.passMs += performance.now() - t0;
  }

  /** Waits until the workers have done `want` blocks of the call. */
  private waitDone(t0: number, want: number): void {
    const c = this.ctrl;
    for (let d = Atomics.load(c, DONE); d < want; d = Atomics.load(c, DONE)) {
      Atomics.wait(c, DONE, d, 1000);
      if (performance.now() - t0 > PATIENCE_MS) {
        this.close();
        throw new Error(`threads: the workers did not finish their blocks within ${PATIENCE_MS / 1000} s`);
      }
    }
  }

  close(): void {
    if (!this.workers.length) return;
    Atomics.store(this.ctrl, TICKET, STOP);
    Atomics.notify(this.ctrl, TICKET);
    for (const w of this.workers) void w.terminate();
    for (const p of this.ports) p.close();
    this.workers = [];
    this.ports = [];
    this.sent = [];
  }
}

function isShared(a: KernelArray): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer;
}

function sharedCopy<T extends KernelArray>(a: T, length: number): T {
  const C = a.constructor as new (b: SharedArrayBuffer) => T;
  const out = new C(new SharedArrayBuffer(Math.max(length, a.length) * a.BYTES_PER_ELEMENT));
  out.set(a as never);
  return out;
}

const attached = new WeakMap<object, Parallel>();
const inline = new WeakMap<object, Parallel>();

/** Attaches `threads` threads to a world (Simulation does, before the plug-ins' create). */
export function attachParallel(world: object, threads: number): Parallel {
  const prev = attached.get(world);
  if (prev && prev.threads === threads) return prev;
  prev?.close();
  const p = threads > 1 ? new Pool(threads) : new Inline();
  attached.set(world, p);
  return p;
}

/** The threads of a world's per-agent passes (one thread, inline, when none were attached). */
export function parallel(world: object): Parallel {
  const p = attached.get(world);
  if (p) return p;
  let q = inline.get(world);
  if (!q) inline.set(world, (q = new Inline()));
  return q;
}
