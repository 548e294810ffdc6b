/**
 * The multiples figure (src/plots/figures.ts): one panel per metric, a dot and interval per value
 * of a factor, the control's value as a dashed rule.
 */
import type { FigureSpec } from '../../experiment/define.js';
import { fmt, fmtMetric, fmtParam, metricAxisFormat, metricLabel, paramLabel, yDomain } from '../labels.js';
import { labelKeys, type SweepFolder } from '../sweep-data.js';
import { atStep, type BuiltFigure, checkFactor, controlPoints, FigureError, levels, metricRows, need, nRange, num, type Panel, pointOf, pointText, type Row } from './shared.js';
import { evenTitles, gridColumns, legendTitle, OKABE_ITO, top, wrapText } from './vega.js';

export function multiples(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'multiples' }>, control?: { set: Record<string, unknown>; label?: string | null }): BuiltFigure {
  const t = need(f, 'points', fig);
  checkFactor(f, fig, 'by', fig.by);
  const others = labelKeys(f.plan, [fig.by]);
  const controls = new Set(controlPoints(f, control?.set));
  const byLevels = levels(f, fig.by);
  // the control's category is named as such, so the dashed rule has a row to point back to
  const controlTexts = new Set([...controls].map((i) => fmtParam(f.plan.points[i]![fig.by])));
  const shown = (text: string) => (controlTexts.has(text) ? `${text} (control)` : text);
  const cats = byLevels.texts.map(shown);
  const otherTexts = [...new Set(f.plan.points.map((p) => pointText(p, others) || 'all'))];
  const notes: string[] = [];
  const built: { metric: string; values: Record<string, unknown>[]; domain: [number, number] | null }[] = [];
  const used: Row[] = [];
  const notFromZero: string[] = [];
  let when = '';
  for (const metric of fig.metrics) {
    const { rows, step, day } = atStep(metricRows(t, fig, metric), fig, metric, fig.step);
    when = day === null ? `step ${step}` : `day ${fmt(day, ',~f')}`;
    const values = rows
      .filter((r) => num(r.mean) !== null)
      .map((r) => {
        const p = pointOf(f, r);
        return {
          by: shown(fmtParam(p[fig.by])),
          mean: num(r.mean),
          lo: num(r.ci_low),
          hi: num(r.ci_high),
          other: pointText(p, others) || 'all',
          control: controls.has(num(r.point) ?? -1),
          text: fmtMetric(metric, num(r.mean)),
        };
      });
    if (!values.length) {
      notes.push(`${metricLabel(metric).label}: no values (the metric does not apply here), so no panel`);
      continue;
    }
    used.push(...rows.filter((r) => num(r.mean) !== null));
    const xs = values.flatMap((v) => [v.mean, v.lo, v.hi]).filter((x): x is number => x !== null);
    const domain = yDomain(metric, xs, 'shares');
    if (domain && domain[0] > 0) notFromZero.push(metricLabel(metric).label);
    built.push({ metric, values, domain });
  }
  if (!built.length) throw new FigureError(`figure '${fig.id}': none of ${fig.metrics.join(', ')} has a value`);
  const columns = gridColumns(built.length);
  const step = others.length ? Math.max(7, Math.min(12, Math.floor(36 / otherTexts.length))) * otherTexts.length : 18;
  const color = others.length ? { field: 'other', type: 'nominal', title: legendTitle(others), sort: otherTexts, scale: { domain: otherTexts, range: OKABE_ITO } } : { value: OKABE_ITO[0] };
  const offset = others.length ? { yOffset: { field: 'other', sort: otherTexts, scale: { domain: otherTexts } } } : {};
  const panels: Panel[] = evenTitles(built.map(({ metric, values, domain }, i) => {
    const m = metricLabel(metric);
    const first = i % columns === 0;
    const cut = domain !== null && domain[0] > 0;
    const x = {
      field: 'mean',
      type: 'quantitative',
      title: wrapText(`${m.unit || 'value'}${cut ? ' (axis not from 0)' : ''}`, 40),
      axis: { format: metricAxisFormat(metric), tickCount: 5 },
      scale: domain ? { domain, nice: false, zero: false } : { zero: false },
    };
    const y = {
      field: 'by',
      type: 'nominal',
      title: first ? paramLabel(fig.by).short : null,
      sort: cats,
      scale: { domain: cats },
      axis: first ? { labelLimit: 320, labelFontSize: 10 } : { labels: false, ticks: false, title: null },
    };
    const layer: Panel[] = [];
    if (values.some((v) => v.control)) {
      layer.push({
        transform: [{ filter: 'datum.control' }],
        mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1, opacity: 0.8 },
        encoding: { x, color: others.length ? color : { value: '#555' } },
      });
    }
    layer.push(
      { mark: { type: 'rule', strokeWidth: 1.4 }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' }, color, ...offset } },
      { mark: { type: 'point', filled: true, size: 40, opacity: 1 }, encoding: { y, x, color, ...offset, tooltip: [{ field: 'by', title: paramLabel(fig.by).short }, { field: 'text', title: m.label }] } },
    );
    return {
      data: { values },
      width: 210,
      height: { step },
      title: { text: wrapText(m.label, 36), fontSize: 12, fontWeight: 'normal', anchor: 'start' },
      layer,
    };
  }));
  const spec = built.length === 1
    ? top(fig, `Outcomes by ${paramLabel(fig.by).short}`, panels[0]!)
    : top(fig, `Outcomes by ${paramLabel(fig.by).short}`, { concat: panels, columns, spacing: { row: 18, column: 24 }, align: 'none', resolve: { scale: { color: 'shared', y: 'shared' }, legend: { color: 'shared' } } });
  const empty = built.filter((b) => new Set(b.values.map((v) => v.by)).size < cats.length).map((b) => metricLabel(b.metric).label);
  const gaps = empty.length ? ` A row without a dot in ${empty.join(', ')}: the metric has no value at that point (it does not apply there, e.g. no score or no listing to measure).` : '';
  const ruled = built.filter((b) => b.values.some((v) => v.control)).length;
  const rule = ruled ? ` The dashed line marks ${control?.label ?? 'the control'} (the row marked control), so a difference from it reads as a distance from the line${ruled < built.length ? ' (where the control has a value)' : ''}. The intervals here are of each level; differences paired replicate by replicate with the control are narrower (effects.csv and the effects figure).` : '';
  const cut = notFromZero.length ? ` The axes of ${notFromZero.join(', ')} do not start at 0 (they span the values shown, so differences between rows are visible); shares start at 0.` : '';
  return {
    spec,
    caption:
      (fig.caption ? `${fig.caption} ` : `Each panel one outcome at ${when}: mean over ${nRange(used)} per design point (dots) with the 95 % t-interval of the mean (lines), from points.csv, in design order.`) + rule + cut + gaps,
    notes,
  };
}
