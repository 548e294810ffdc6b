/**
 * The timeseries figure (src/plots/figures.ts): points.csv's mean and 95 % band per point over
 * the days of the run, one row per metric with the facets as columns.
 */
import type { FigureSpec } from '../../experiment/define.js';
import { fmtParam, metricAxisFormat, metricLabel, paramLabel, yDomain } from '../labels.js';
import { labelKeys, type SweepFolder } from '../sweep-data.js';
import { type BuiltFigure, checkFactor, FigureError, levels, metricRows, need, nRange, num, type Panel, pointOf, pointText, type Row } from './shared.js';
import { colorScale, evenTitles, gridColumns, legendTitle, OKABE_ITO, paramTitle, top, wrapText } from './vega.js';

export function timeseries(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'timeseries' }>): BuiltFigure {
  const t = need(f, 'points', fig);
  checkFactor(f, fig, 'color', fig.color);
  checkFactor(f, fig, 'facet', fig.facet);
  const fixed = [fig.facet, fig.color].filter((k): k is string => k !== undefined);
  const seriesKeys = labelKeys(f.plan, fixed);
  const colorKey = fig.color ?? (seriesKeys.length ? null : undefined);
  const notes: string[] = [];
  const built: { metric: string; values: Record<string, unknown>[]; ys: number[] }[] = [];
  const all: Row[] = [];
  for (const metric of fig.metrics) {
    const rows = metricRows(t, fig, metric).filter((r) => num(r.mean) !== null && num(r.day) !== null);
    if (!rows.length) {
      notes.push(`${metricLabel(metric).label}: no values in any run (the metric does not apply here), so no panel`);
      continue;
    }
    all.push(...rows);
    const values = rows.map((r) => {
      const p = pointOf(f, r);
      return {
        day: num(r.day),
        mean: num(r.mean),
        lo: num(r.ci_low),
        hi: num(r.ci_high),
        point: r.point,
        color: fig.color ? fmtParam(p[fig.color]) : pointText(p, seriesKeys) || 'all runs',
        facet: fig.facet ? fmtParam(p[fig.facet]) : null,
      };
    });
    built.push({ metric, values, ys: values.flatMap((v) => [v.mean, v.lo, v.hi]).filter((x): x is number => x !== null) });
  }
  if (!built.length) throw new FigureError(`figure '${fig.id}': none of ${fig.metrics.join(', ')} has a value in any run`);
  const days = all.map((r) => num(r.day)!);
  const dayDomain = [Math.min(...days), Math.max(...days)];
  const series = new Set(built[0]!.values.map((v) => v.point)).size / (fig.facet ? Math.max(1, levels(f, fig.facet).values.length) : 1);
  // bands of many series on one panel overlap: the more lines, the fainter each band
  const bandOpacity = series <= 2 ? 0.2 : series <= 4 ? 0.13 : 0.08;
  const color =
    colorKey === undefined
      ? { value: OKABE_ITO[0] }
      : fig.color
        ? { field: 'color', type: 'ordinal', title: paramTitle(fig.color, 30), scale: colorScale(f, fig.color) }
        : { field: 'color', type: 'nominal', title: legendTitle(seriesKeys), scale: { range: OKABE_ITO } };
  const lineColor = 'field' in color ? { ...color, legend: { symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolOpacity: 1 } } : color;
  const x = { field: 'day', type: 'quantitative', title: 'day', scale: { domain: dayDomain, nice: false }, axis: { format: ',~f', tickCount: 6 } };
  const facetLevels = fig.facet ? levels(f, fig.facet).texts : [];
  const width = fig.facet ? (facetLevels.length > 3 ? 200 : 260) : 300;
  // one row per metric: facets side by side, or (without facets) up to three metrics in a row
  const columns = fig.facet ? 1 : gridColumns(built.length);
  const panels: Panel[] = evenTitles(built.map(({ metric, values, ys }) => {
    const m = metricLabel(metric);
    const domain = yDomain(metric, ys);
    const y = {
      field: 'mean',
      type: 'quantitative',
      title: m.unit ? wrapText(m.unit, 26) : null,
      axis: { format: metricAxisFormat(metric), tickCount: 5 },
      scale: domain ? { domain, nice: false, zero: false } : { zero: false },
    };
    const layer = [
      // lines first and the legend's symbols drawn as lines (a band's pale swatch reads as another colour)
      { mark: { type: 'line', strokeWidth: 1.6 }, encoding: { x, y, color: lineColor, detail: { field: 'point' } } },
      { mark: { type: 'area', opacity: bandOpacity }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: lineColor, detail: { field: 'point' } } },
    ];
    const head = { text: wrapText(m.label, fig.facet ? 80 : 40), fontSize: 12, fontWeight: 'normal', anchor: 'start' };
    if (!fig.facet) return { data: { values }, width, height: 170, title: head, layer };
    return {
      data: { values },
      title: head,
      facet: {
        column: {
          field: 'facet',
          type: 'ordinal',
          sort: facetLevels,
          // each column's header names the facet and its value
          title: null,
          header: { labelExpr: `'${paramLabel(fig.facet).short.replace(/'/g, "\\'")} = ' + datum.value` },
        },
      },
      spec: { width, height: 150, layer },
    };
 }));
  const labels = built.map((b) => metricLabel(b.metric).label);
  const title = labels.length <= 2 ? `${labels.join(' and ')} over time` : `${labels.length} outcomes over time`;
  return {
    spec:
      panels.length === 1
        ? top(fig, title, panels[0]!)
        : fig.facet
          ? top(fig, title, { vconcat: panels, spacing: 20, resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } } })
          : top(fig, title, { concat: panels, columns, spacing: { row: 20, column: 24 }, align: 'none', resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } } }),
    caption:
      fig.caption ??
      `Mean over ${nRange(all)} of each design point (lines) with the 95 % t-interval of the mean (bands), from points.csv, at every recorded step.`,
    notes,
  };
}
