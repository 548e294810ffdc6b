/**
 * A worker of the per-agent passes (src/core/threads.ts; compiled to dist/core/thread-worker.js).
 * It sleeps on the TICKET control word; woken by a call, it claims blocks of agents
 * (thread-protocol.ts) and computes them until none is left, counting each block done, then
 * sleeps again. New arrays of a kernel come on its port before the call that uses them
 * (read synchronously); the ticket STOP ends it.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { KERNELS, type KernelArray } from './kernels.js';
import { claim, COUNT, DONE, FAILED, KERNEL, SIZE, STOP, TICKET } from './thread-protocol.js';

const { ctrl, x, port } = workerData as { ctrl: Int32Array; x: Float64Array; port: MessagePort };
const arrays: (readonly KernelArray[])[] = [];

for (;;) {
  const seen = Atomics.load(ctrl, TICKET);
  if (seen === STOP) break;
  for (let k = claim(ctrl); k >= 0; k = claim(ctrl)) {
    // the call cannot end while this block is not done: its kernel, n and arrays are the current ones
    try {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const msg = m.message as { kernel: number; arrays: KernelArray[] };
        arrays[msg.kernel] = msg.arrays;
      }
      const kernel = ctrl[KERNEL]!, n = ctrl[COUNT]!, size = ctrl[SIZE]!;
      KERNELS[kernel]!(arrays[kernel]!, x, k * size, Math.min(n, (k + 1) * size));
    } catch (e) {
      Atomics.store(ctrl, FAILED, 1);
      port.postMessage(e instanceof Error ? e.message : String(e));
    }
    Atomics.add(ctrl, DONE, 1);
    Atomics.notify(ctrl, DONE);
  }
  Atomics.wait(ctrl, TICKET, seen); // returns at once when a new call (or STOP) came meanwhile
}
port.close();
