/**
 * The targets of issue 14 ("Population scale") read off a bench run's entries: each with what the
 * run measured and whether it met the target, so that `npm run bench` prints, and its markdown
 * file holds, the verdicts beside the timings they come from. A target whose measure the run did
 * not take (a size not benched, e.g. `--quick` leaves out 1M) is listed as not measured.
 */
import type { BenchEntry } from './main.js';

export interface TargetRow {
  target: string;
  /** What was measured, in words, with the numbers ('' when not measured). */
  measured: string;
  /** true: met, false: not met, null: not measured. */
  met: boolean | null;
}

const M = 1_000_000, K100 = 100_000;

function find(entries: BenchEntry[], section: string, agents: number, measure: string): BenchEntry | undefined {
  return entries.find((e) => e.section === section && e.agents === agents && e.measure === measure);
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1)) + ' ms';

/** At most `limit` ms: one measure, or the best of several (e.g. one and two threads), each quoted. */
function atMost(target: string, limit: number, got: [string, BenchEntry | undefined][]): TargetRow {
  const have = got.filter((g): g is [string, BenchEntry] => g[1] !== undefined);
  if (!have.length) return { target, measured: '', met: null };
  const best = Math.min(...have.map(([, e]) => e.value));
  return { target, measured: have.map(([label, e]) => `${label} ${ms(e.value)}`).join(', '), met: best <= limit };
}

export function targetRows(entries: BenchEntry[]): TargetRow[] {
  const rows: TargetRow[] = [];
  rows.push(
    atMost('100k agents / 1M ties: ≤ 10 ms per step with the step-4 record', 10, [
      ['1 thread', find(entries, 'friend-cleanup', K100, 'median step (record included)')],
      ['2 threads', find(entries, 'threads', K100, 'step, 2 thread(s)')],
    ]),
  );
  rows.push(atMost('1M agents / 10M ties: build ≤ 3 s', 3000, [['graph + world', find(entries, 'friend-cleanup', M, 'build (graph + world)')]]));
  rows.push(
    atMost('1M agents: ≤ 200 ms per step including the record', 200, [
      ['1 thread', find(entries, 'friend-cleanup', M, 'median step (record included)')],
      ['2 threads', find(entries, 'threads', M, 'step, 2 thread(s)')],
    ]),
  );
  const rss = find(entries, 'memory', M, 'peak RSS (tables written)');
  rows.push({
    target: '1M agents: peak RSS ≤ 1.5 GB through `scorelab run`, tables included',
    measured: rss ? `${((rss.value * 1024 ** 2) / 1e9).toFixed(2)} GB (a child process: build, steps, tables written)` : '',
    met: rss ? (rss.value * 1024 ** 2) / 1e9 <= 1.5 : null,
  });
  rows.push(atMost('a full national-composite step at 1M agents ≤ 1 s', 1000, [['all metrics', find(entries, 'composite', M, 'median step (all metrics)')]]));
  for (const n of [K100, M]) {
    const two = find(entries, 'threads', n, 'pass, 2 thread(s)');
    const speed = two?.toOneThread ? 1 / two.toOneThread : undefined;
    rows.push({
      target: `two threads ≥ 1.7× one thread on the per-agent passes (${n.toLocaleString('en-US')} agents)`,
      measured: speed !== undefined ? `${speed.toFixed(2)}× (pass ${ms(two!.value)} at 2 threads)` : '',
      met: speed !== undefined ? speed >= 1.7 : null,
    });
  }
  for (const n of [K100, M]) {
    // the cost of the metrics is what recording them adds to a step (a step recording all of them
    // less one recording none); the record stage alone is shown beside it
    const all = find(entries, 'record cost', n, 'record, all metrics'), dyn = find(entries, 'record cost', n, 'dynamics of the step');
    const added = find(entries, 'record cost', n, 'added by recording all metrics');
    rows.push({
      target: `all metrics recorded cost no more than the step's dynamics (${n.toLocaleString('en-US')} agents)`,
      measured:
        added && dyn
          ? `recording all metrics adds ${ms(added.value)} to a step, dynamics ${ms(dyn.value)} (${(added.value / dyn.value).toFixed(2)}×)${all ? `; the record stage alone ${ms(all.value)} (${(all.value / dyn.value).toFixed(2)}×)` : ''}`
          : '',
      met: added && dyn ? added.value <= dyn.value : null,
    });
  }
  return rows;
}

/** The targets as a markdown section. */
export function targetsMarkdown(rows: TargetRow[]): string {
  const verdict = (m: boolean | null) => (m === null ? 'not measured' : m ? 'met' : '**not met**');
  return ['## Targets (issue 14)', '', '| target | measured | verdict |', '|---|---|---|', ...rows.map((r) => `| ${r.target} | ${r.measured} | ${verdict(r.met)} |`)].join('\n') + '\n';
}
