/**
 * `shorrocks_mobility` — Shorrocks' mobility index of the wealth-quintile transition matrix over a
 * window of recorded steps.
 *
 * M(P) = (k − tr P)/(k − 1) for the k × k row-stochastic quintile transition matrix P of wealth
 * (k = 5) between the reference step and now; 0 for no mobility (P = I), 1 when every row is the
 * same (the destination does not depend on the origin), k/(k − 1) at most (tr P = 0).
 * Reference step: the latest recorded step at least `window` days before now (parameter
 * `shorrocks_mobility.window`, default 364 days = 52 weeks); before a full window has passed, the
 * earliest recorded step. Wealth quintile = floor(5 · rank / n), ties broken by agent index. Past
 * quintile vectors are kept inside the closure made by `make()` (4 bits per agent per recorded
 * step of the window). A run restarting (day going back) or a change in n resets the history.
 * Null at the first recorded step and with fewer than 5 agents.
 *
 * Reference: A. F. Shorrocks, "The measurement of mobility", Econometrica 46(5):1013–1024 (1978).
 */
import type { MetricSpec } from '../core/snapshot.js';
import { refIndex, shorrocks, transitionCounts, windowOf } from './mobility.js';
import { fin, wealthQuantile } from './util.js';

export const shorrocksMobility: MetricSpec = {
  id: 'shorrocks_mobility',
  columns: ['shorrocks_mobility'],
  doc: "Shorrocks' M(P) = (k − tr P)/(k − 1) of the wealth-quintile transition matrix over the window (shorrocks_mobility.window days, default 364).",
  reference: 'Shorrocks, Econometrica 46:1013 (1978)',
  make: () => {
    let days: number[] = [];
    let packed: Uint8Array[] = [];
    const spare: Uint8Array[] = [];
    let n0 = -1, last = -Infinity;
    return (s) => {
      const window = windowOf(s, 'shorrocks_mobility.window');
      const n = s.n;
      if (n !== n0 || s.day < last) {
        days = [];
        packed = [];
        n0 = n;
      }
      last = s.day;
      const q = wealthQuantile(s, 5);
      let out: number | null = null;
      if (days.length > 0 && n >= 5) {
        const r = refIndex(days, s.day, window);
        days.splice(0, r);
        for (const old of packed.splice(0, r)) spare.push(old); // buffers no longer in the window
        out = fin(shorrocks(transitionCounts(packed[0]!, q, n)));
      }
      let p = spare.pop();
      if (!p || p.length !== (n + 1) >> 1) p = new Uint8Array((n + 1) >> 1);
      for (let i = 0; i + 1 < n; i += 2) p[i >> 1] = q[i]! | (q[i + 1]! << 4);
      if (n & 1) p[n >> 1] = q[n - 1]!;
      days.push(s.day);
      packed.push(p);
      return { shorrocks_mobility: out };
    };
  },
};
