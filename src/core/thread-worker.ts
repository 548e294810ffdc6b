/**
 * A worker of the per-agent passes (src/core/threads.ts; compiled to dist/core/thread-worker.js).
 * It waits on the shared control word for the next call, takes any new arrays of that kernel from
 * its port (synchronously: the main thread posts them before it wakes the workers), computes its
 * block of agents, counts itself done and waits again; the kernel id STOP ends it.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { KERNELS, type KernelArray } from './kernels.js';

const GEN = 0, DONE = 1, KERNEL = 2, COUNT = 3, FAILED = 4, STOP = -1;

const { ctrl, x, port, index, threads } = workerData as { ctrl: Int32Array; x: Float64Array; port: MessagePort; index: number; threads: number };
const arrays: (readonly KernelArray[])[] = [];

let seen = 0;
for (;;) {
  Atomics.wait(ctrl, GEN, seen);
  seen = Atomics.load(ctrl, GEN);
  const kernel = ctrl[KERNEL]!;
  if (kernel === STOP) break;
  try {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const msg = m.message as { kernel: number; arrays: KernelArray[] };
      arrays[msg.kernel] = msg.arrays;
    }
    const n = ctrl[COUNT]!;
    KERNELS[kernel]!(arrays[kernel]!, x, Math.floor((n * index) / threads), Math.floor((n * (index + 1)) / threads));
  } catch (e) {
    Atomics.store(ctrl, FAILED, 1);
    port.postMessage(e instanceof Error ? e.message : String(e));
  }
  Atomics.add(ctrl, DONE, 1);
  Atomics.notify(ctrl, DONE);
}
port.close();
