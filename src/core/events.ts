/**
 * Per-step event buffers: acts (what agents truly did) and records (what institutions observed,
 * possibly wrongly). Struct-of-arrays that grow as needed and are cleared at the start of a step.
 * MODEL.md: "actions become records only when observed".
 */

/** Act kinds. */
export const ACT_VIOLATION = 0;
export const ACT_GOOD = 1;
export const ACT_EXPRESSION = 2;

export class EventBuffer {
  length = 0;
  agent = new Int32Array(1024);
  domain = new Uint8Array(1024);
  kind = new Uint8Array(1024);
  /** Size of the act: a debt amount, a point value, or 1. */
  size = new Float64Array(1024);
  /** 1 when the record does not correspond to a true act (misidentification, error). */
  mistaken = new Uint8Array(1024);
  /** Free tag for the producing plug-in (e.g. an act code in a point table). */
  tag = new Int32Array(1024);

  clear(): void {
    this.length = 0;
  }

  push(agent: number, domain: number, kind: number, size = 1, mistaken = 0, tag = 0): number {
    if (this.length === this.agent.length) this.grow();
    const k = this.length++;
    this.agent[k] = agent;
    this.domain[k] = domain;
    this.kind[k] = kind;
    this.size[k] = size;
    this.mistaken[k] = mistaken;
    this.tag[k] = tag;
    return k;
  }

  private grow(): void {
    const n = this.agent.length * 2;
    const g = <T extends Int32Array | Uint8Array | Float64Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(n);
      b.set(a);
      return b;
    };
    this.agent = g(this.agent, Int32Array);
    this.domain = g(this.domain, Uint8Array);
    this.kind = g(this.kind, Uint8Array);
    this.size = g(this.size, Float64Array);
    this.mistaken = g(this.mistaken, Uint8Array);
    this.tag = g(this.tag, Int32Array);
  }
}
