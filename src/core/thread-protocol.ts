/**
 * The control words shared by the main thread and the workers of src/core/threads.ts (an
 * Int32Array over a SharedArrayBuffer), and the claim of the next block of agents.
 *
 * A call splits the agents [0, n) into `chunks` blocks of `size` agents. Every thread — the main
 * thread too — claims blocks one at a time until none is left: a compare-and-swap on the TICKET
 * word, which holds the call's generation (bits 16–30) and the next free block (bits 0–15), so a
 * thread that was slow to wake takes what is left of the current call and never a block of a
 * finished one. What a kernel writes for an agent does not depend on which thread computed it, so
 * the split never changes a bit; a busy core only does fewer blocks.
 */

export const TICKET = 0, DONE = 1, KERNEL = 2, COUNT = 3, SIZE = 4, CHUNKS = 5, FAILED = 6;
export const CONTROL_WORDS = 8;
// A call: the main thread writes KERNEL, COUNT (n), SIZE (agents per block), CHUNKS (blocks),
// DONE = 0, then publishes TICKET = generation << 16 (Atomics.store: the writes before it are
// seen by whoever reads the new ticket) and wakes the workers; it ends the call, once every
// block is done, with TICKET = generation << 16 | 0xffff.
/** TICKET of a pool that is closing: its workers end. */
export const STOP = -1;
/** Most blocks per call (the block field of TICKET has 16 bits; 0xffff marks a finished call). */
export const MAX_CHUNKS = 4096;

/** Claims the next block of the current call: its index, or -1 when none is left (or the pool stops). */
export function claim(ctrl: Int32Array): number {
  for (;;) {
    const t = Atomics.load(ctrl, TICKET);
    if (t === STOP) return -1;
    const k = t & 0xffff;
    if (k >= Atomics.load(ctrl, CHUNKS)) return -1;
    if (Atomics.compareExchange(ctrl, TICKET, t, t + 1) === t) return k;
  }
}
