/**
 * The effects figure (src/plots/figures.ts): each treatment's paired difference from its control
 * from effects.csv, as a forest plot per metric.
 */
import type { FigureSpec } from '../../experiment/define.js';
import { fmtMetric, metricAxisFormat, metricLabel } from '../labels.js';
import { labelKeys, type SweepFolder } from '../sweep-data.js';
import { type BuiltFigure, FigureError, need, num, type Panel, pointText } from './shared.js';
import { evenTitles, gridColumns, top, wrapText } from './vega.js';

export function effects(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'effects' }>, controlLabel: string): BuiltFigure {
  const t = need(f, 'effects', fig);
  const known = [...new Set(t.rows.map((r) => String(r.metric)))];
  const metrics = fig.metrics ?? known;
  for (const m of metrics) if (!known.includes(m)) throw new FigureError(`figure '${fig.id}': metric '${m}' is not in ${t.file} (metrics there: ${known.join(', ')})`);
  const built: { metric: string; values: { label: string; diff: number | null; lo: number | null; hi: number | null; clear: string; text: string }[]; domain: [number, number]; unit: string; label: string }[] = [];
  const notes: string[] = [];
  for (const metric of metrics) {
    const values = t.rows
      .filter((r) => r.metric === metric && num(r.diff) !== null)
      .map((r) => {
        const ti = num(r.treatment);
        const p = ti !== null ? f.plan.points[ti] : undefined;
        const ci = num(r.control);
        const c = ci !== null ? f.plan.points[ci] : undefined;
        const differ = p && c ? f.plan.paramKeys.filter((k) => JSON.stringify(p[k] ?? null) !== JSON.stringify(c[k] ?? null)) : [];
        const label = p ? pointText(p, labelKeys(f.plan, [], differ)) || `point ${ti}` : String(r.treatment);
        const lo = num(r.ci_low);
        const hi = num(r.ci_high);
        const clear = lo !== null && hi !== null && (lo > 0 || hi < 0);
        return { label, diff: num(r.diff), lo, hi, clear: clear ? 'interval excludes 0' : 'interval includes 0', text: fmtMetric(metric, num(r.diff)) };
      });
    if (!values.length) {
      notes.push(`${metricLabel(metric).label}: no paired differences, so no panel`);
      continue;
    }
    const xs = values.flatMap((v) => [v.diff, v.lo, v.hi]).filter((x): x is number => x !== null);
    let lo = Math.min(0, ...xs);
    let hi = Math.max(0, ...xs);
    const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
    lo -= pad;
    hi += pad;
    const m = metricLabel(metric);
    built.push({ metric, values, domain: [lo, hi] as [number, number], unit: m.unit, label: m.label });
  }
  if (!built.length) throw new FigureError(`figure '${fig.id}': effects.csv has no difference for ${metrics.join(', ')}`);
  // every panel lists the same treatments in the same order, so only the first of a row names them
  const labels = [...new Set(built.flatMap((b) => b.values.map((v) => v.label)))];
  const columns = gridColumns(built.length);
  const color = { field: 'clear', type: 'nominal', title: '95 % interval', scale: { domain: ['interval excludes 0', 'interval includes 0'], range: ['#0072B2', '#999999'] } };
  const panels: Panel[] = evenTitles(built.map(({ values, domain, unit, label, metric }, i) => {
    const first = i % columns === 0;
    const x = {
      field: 'diff',
      type: 'quantitative',
      title: [...[wrapText(`difference from ${controlLabel}`, 44)].flat(), ...(unit ? [`(${unit})`] : [])],
      scale: { domain, nice: false, zero: false },
      axis: { format: metricAxisFormat(metric), tickCount: 4 },
    };
    const y = {
      field: 'label',
      type: 'nominal',
      title: null,
      sort: labels,
      scale: { domain: labels },
      // vega estimates text widths without a canvas (0.8 em a character), so the limit is generous
      axis: first ? { labelLimit: 560 } : { labels: false, ticks: false },
    };
    return {
      data: { values },
      width: 230,
      height: { step: 20 },
      title: { text: wrapText(label, 38), fontSize: 12, fontWeight: 'normal', anchor: 'start' },
      layer: [
        { mark: { type: 'rule', color: '#444', strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: 'quantitative', scale: x.scale } } },
        { mark: { type: 'rule', strokeWidth: 1.6 }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' }, color } },
        { mark: { type: 'point', filled: true, size: 50, opacity: 1 }, encoding: { y, x, color, tooltip: [{ field: 'label', title: 'treatment' }, { field: 'text', title: 'difference' }] } },
      ],
    };
 }));
  const title = `Effects against ${controlLabel}`;
  return {
    spec:
      panels.length === 1
        ? top(fig, title, panels[0]!)
        : top(fig, title, { concat: panels, columns, spacing: { row: 22, column: 26 }, align: 'none', resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } } }),
    caption:
      fig.caption ??
      `Each treatment's difference from ${controlLabel}, paired by replicate (common random numbers), with its 95 % t-interval, from effects.csv. Blue: the interval excludes 0. Each panel has its own scale; the dashed line is no difference.`,
    notes,
  };
}
