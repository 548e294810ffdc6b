/**
 * Helpers shared by the safeguards: which lists a safeguard covers (`lists: []` = every blacklist),
 * and per-list state created on first sight (regimes may create their lists at any time).
 */
import type { ListState } from '../core/lists.js';
import type { ParamDef } from '../core/params.js';
import type { World } from '../core/world.js';

/** A list of list ids; empty means every blacklist. Accepts "court,speech" on the command line. */
export function listIds(o: { doc?: string } = {}): ParamDef<string[]> {
  return {
    default: [],
    unit: 'list ids',
    doc: o.doc ?? 'blacklists this safeguard covers (empty = every blacklist)',
    expected: 'a list of list ids (strings)',
    parse: (v) => {
      const arr = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : v;
      if (!Array.isArray(arr) || arr.some((x) => typeof x !== 'string')) return undefined;
      return arr as string[];
    },
  };
}

/** Whether a list is covered: a blacklist, and named in `ids` when `ids` is not empty. */
export function covers(ids: readonly string[], l: ListState): boolean {
  return l.kind === 'black' && (ids.length === 0 || ids.includes(l.id));
}

/** The covered blacklists of the world now. */
export function coveredLists(world: World, ids: readonly string[]): ListState[] {
  return world.lists.black().filter((l) => covers(ids, l));
}

/** Per-list state made on first use. */
export function perList<T>(make: (l: ListState) => T): (l: ListState) => T {
  const m = new Map<ListState, T>();
  return (l) => {
    let s = m.get(l);
    if (s === undefined) {
      s = make(l);
      m.set(l, s);
    }
    return s;
  };
}

/** Probability of at least one event in a step of Δ days, given a probability per day. */
export const perStep = (probPerDay: number, days: number): number => 1 - Math.pow(1 - Math.min(1, probPerDay), days);

/**
 * Orders to take people off lists (a won appeal, a correction, an audit finding). An order marks
 * the entry due (`markDue`), so the listing regime removes it by its own rule (court-blacklist: its
 * delisting deadline, which also annuls the obligation behind a mistaken entry; risk-list: at once).
 * If the entry is still in force `enforceDays` after the order, the safeguard removes it itself
 * (regimes that never read `dueSince`); enforceDays = 0 removes at once.
 */
export class RemovalOrders {
  private readonly state = perList((l) => ({ day: new Int32Array(l.n).fill(-1), episode: new Int32Array(l.n).fill(-1), open: 0 }));
  private readonly lists: ListState[] = [];
  /** Removals the safeguard made itself since the last `take()`. */
  enforced = 0;

  constructor(private readonly enforceDays: number) {}

  /** Orders the removal of agent i from list l, due since `dueDay`, ordered on `today`. */
  order(l: ListState, i: number, dueDay: number, today: number): void {
    if (!l.on[i]) return;
    l.markDue(i, dueDay);
    if (this.enforceDays <= 0) {
      l.remove(i, today, true);
      return;
    }
    const s = this.state(l);
    if (s.open === 0 && !this.lists.includes(l)) this.lists.push(l);
    if (s.day[i]! >= 0 && s.episode[i] === l.since[i]) return; // an earlier order stands
    if (s.day[i]! < 0) s.open++;
    s.day[i] = today;
    s.episode[i] = l.since[i]!;
  }

  /** Removes entries whose order is at least enforceDays old; forgets entries already gone. */
  sweep(today: number): void {
    for (const l of this.lists) {
      const s = this.state(l);
      if (s.open === 0) continue;
      for (let i = 0; i < l.n; i++) {
        const d = s.day[i]!;
        if (d < 0) continue;
        const gone = !l.on[i] || l.since[i] !== s.episode[i];
        if (!gone && today < d + this.enforceDays) continue;
        if (!gone) {
          l.remove(i, today, true);
          this.enforced++;
        }
        s.day[i] = -1;
        s.open--;
      }
    }
  }
}
