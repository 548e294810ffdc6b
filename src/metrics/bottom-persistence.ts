/**
 * `bottom_persistence` — share of agents who have been in the bottom wealth decile at every
 * recorded step of the window.
 *
 * bottom_persistence = # agents in the bottom wealth decile (floor(10 · rank / n) = 0, ranks by
 * wealth, ties broken by agent index) at every recorded step from the reference step to now ÷ n.
 * Reference step: the latest recorded step at least `window` days before now (parameter
 * `bottom_persistence.window`, default the Shorrocks window `shorrocks_mobility.window`, 364 days);
 * before a full window has passed, the earliest recorded step. O(n) per step: the closure made by
 * `make()` keeps, per agent, the last recorded step at which the agent was outside the bottom
 * decile. A run restarting (day going back) or a change in n resets the history. Null at the first
 * recorded step and when n = 0.
 */
import type { MetricSpec } from '../core/snapshot.js';
import { refIndex, windowOf } from './mobility.js';
import { wealthOrder } from './util.js';

export const bottomPersistence: MetricSpec = {
  id: 'bottom_persistence',
  columns: ['bottom_persistence'],
  doc: 'Share of agents in the bottom wealth decile at every recorded step of the window (bottom_persistence.window days, default the Shorrocks window).',
  make: () => {
    let lastOut = new Int32Array(0);
    let keep = new Int32Array(0);
    let days: number[] = [];
    let seqs: number[] = [];
    let seq = 0, n0 = -1, last = -Infinity;
    return (s) => {
      const window = windowOf(s, 'bottom_persistence.window');
      if (s.n !== n0 || s.day < last) {
        lastOut = new Int32Array(s.n).fill(-1);
        days = [];
        seqs = [];
        seq = 0;
        n0 = s.n;
      }
      last = s.day;
      // bottom decile = the first ceil(n/10) agents in wealth order (floor(10·rank/n) = 0)
      const order = wealthOrder(s), bottom = Math.ceil(s.n / 10);
      if (keep.length !== bottom) keep = new Int32Array(bottom); // scratch, kept between steps
      for (let r = 0; r < bottom; r++) keep[r] = lastOut[order[r]!]!;
      lastOut.fill(seq);
      for (let r = 0; r < bottom; r++) lastOut[order[r]!] = keep[r]!;
      days.push(s.day);
      seqs.push(seq);
      const first = seq === 0;
      seq++;
      if (first || s.n === 0) return { bottom_persistence: null };
      const r = refIndex(days, s.day, window);
      days.splice(0, r);
      seqs.splice(0, r);
      const ref = seqs[0]!;
      let c = 0; // only agents in the bottom decile now can have been there since `ref`
      for (let r = 0; r < bottom; r++) if (lastOut[order[r]!]! < ref) c++;
      return { bottom_persistence: c / s.n };
    };
  },
};
