/**
 * A growable edge list for generators and readers whose tie count is not known in advance.
 */
import type { EdgeList } from './types.js';

export class EdgeBuffer {
  src: Int32Array;
  dst: Int32Array;
  layer: Uint8Array | null;
  length = 0;

  constructor(capacity = 1024, withLayer = false) {
    const c = Math.max(16, Math.ceil(capacity));
    this.src = new Int32Array(c);
    this.dst = new Int32Array(c);
    this.layer = withLayer ? new Uint8Array(c) : null;
  }

  push(i: number, j: number, layer = 0): void {
    if (this.length === this.src.length) this.grow();
    this.src[this.length] = i;
    this.dst[this.length] = j;
    if (this.layer) this.layer[this.length] = layer;
    this.length++;
  }

  /** The ties as an `EdgeList` on `n` nodes (arrays trimmed to length; the buffer is spent). */
  toEdgeList(n: number): EdgeList {
    const len = this.length;
    const el: EdgeList = { n, src: this.src.slice(0, len), dst: this.dst.slice(0, len) };
    if (this.layer) el.layer = this.layer.slice(0, len);
    return el;
  }

  private grow(): void {
    const c = this.src.length * 2;
    const s = new Int32Array(c);
    s.set(this.src);
    this.src = s;
    const d = new Int32Array(c);
    d.set(this.dst);
    this.dst = d;
    if (this.layer) {
      const l = new Uint8Array(c);
      l.set(this.layer);
      this.layer = l;
    }
  }
}
