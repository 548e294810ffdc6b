/**
 * The run figure (`scorelab run` → figure.svg): titles and units from the metric table, a series
 * equal to an earlier one drawn once, no panel for a metric with no finite value, ticks formatted
 * by their step (no `6,028.000000` for a constant count), and y-scales with a least span, so a
 * flat metric with noise in the fourth decimal is not drawn as a trend.
 */
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/contracts.js';
import { renderSvg, runFigureSpec, runPanels } from '../../src/plots/run-figure.js';
import { METRIC_LABELS } from '../../src/plots/labels.js';

// 30 recorded days: a constant count, a noisy flat correlation, a rising share, an empty metric,
// and fico_mean equal to mean_score value for value (FICO is the primary score)
const rows: Row[] = Array.from({ length: 30 }, (_, d) => ({
  step: d,
  day: d * 7,
  seed: 1,
  mean_score: 690 + d * 0.05,
  tie_count: 6028,
  score_assortativity: -0.0215 + 0.0004 * Math.sin(d),
  listed_share: null,
  gini_wealth: 0.52 - d * 0.0001,
  fico_mean: 690 + d * 0.05,
  redlisted_share: Number.NaN,
}));
const columns = Object.keys(rows[0]!);

describe('the run figure', () => {
  it('draws each series once, leaves out empty metrics, and names panels from the table', async () => {
    const panels = runPanels(rows, columns);
    expect(panels.map((p) => p.column)).toEqual(['mean_score', 'tie_count', 'score_assortativity', 'gini_wealth']);
    expect(panels[0]!.same).toEqual(['fico_mean']);
    const spec = runFigureSpec(rows, columns, 'test run') as { concat: { title: { text: string }; encoding: { y: { scale: { domain: number[] }; title: string } } }[] };
    expect(spec.concat).toHaveLength(4);
    expect(spec.concat.map((p) => p.title.text)).toEqual(['mean score (= fico mean)', 'ties', 'score assortativity', 'Gini of wealth']);
    expect(spec.concat[1]!.encoding.y.title).toBe('count');
    // a count includes zero; the flat correlation spans at least a tenth of [−1, 1]
    expect(spec.concat[1]!.encoding.y.scale.domain[0]).toBe(0);
    const [lo, hi] = spec.concat[2]!.encoding.y.scale.domain as [number, number];
    expect(hi - lo).toBeGreaterThanOrEqual(0.2);
    const svg = await renderSvg(spec as never);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(texts.length).toBeGreaterThan(20);
    for (const t of texts) expect(t).not.toMatch(/\.\d*0{6}|\d\.\d{5,}/);
    expect(texts).toContain('6,000');
    expect(texts.join('|')).not.toMatch(/listed|redlist|fico_mean|mean_score/);
    // every panel of the figure is drawn from values
    expect(texts.filter((t) => t === 'day')).toHaveLength(4);
  });

  it('has a label and unit for every canonical metric column', async () => {
    const { METRIC_COLUMNS } = await import('../../src/metrics/index.js');
    const missing = METRIC_COLUMNS.filter((c) => !METRIC_LABELS[c]);
    expect(missing).toEqual([]);
  });
});
