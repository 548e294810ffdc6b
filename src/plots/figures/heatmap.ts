/**
 * The heatmap figure (src/plots/figures.ts): points.csv's mean at one step over two factors.
 */
import type { FigureSpec } from '../../experiment/define.js';
import { fmt, fmtMetric, fmtParam, metricAxisFormat, metricLabel, paramLabel, yDomain } from '../labels.js';
import { labelKeys, type SweepFolder } from '../sweep-data.js';
import { atStep, type BuiltFigure, checkFactor, FigureError, levels, metricRows, need, nRange, num, type Panel, pointOf, pointText } from './shared.js';
import { paramTitle, titleLines, top } from './vega.js';

export function heatmap(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'heatmap' }>): BuiltFigure {
  const t = need(f, 'points', fig);
  checkFactor(f, fig, 'x', fig.x);
  checkFactor(f, fig, 'y', fig.y);
  const { rows, step, day } = atStep(metricRows(t, fig, fig.metric), fig, fig.metric, fig.step);
  const others = labelKeys(f.plan, [fig.x, fig.y]);
  const values = rows
    .filter((r) => num(r.mean) !== null)
    .map((r) => {
      const p = pointOf(f, r);
      return { x: fmtParam(p[fig.x]), y: fmtParam(p[fig.y]), mean: num(r.mean), text: fmtMetric(fig.metric, num(r.mean)), facet: pointText(p, others) || null };
    });
  if (!values.length) throw new FigureError(`figure '${fig.id}': '${fig.metric}' has no value at step ${step} in any point`);
  const means = values.map((v) => v.mean!);
  // the colour scale spans at least a tenth of the metric's natural range (as a y axis would),
  // so that a difference in the third digit is not painted from the darkest to the brightest
  const domain = yDomain(fig.metric, means) ?? [Math.min(...means), Math.max(...means)];
  const mid = domain[0] + 0.55 * (domain[1] - domain[0]);
  const panel: Panel = {
    data: { values },
    width: { step: 64 },
    height: { step: 40 },
    encoding: {
      x: { field: 'x', type: 'ordinal', title: paramTitle(fig.x, 50), sort: levels(f, fig.x).texts, axis: { labelAngle: 0 } },
      y: { field: 'y', type: 'ordinal', title: paramTitle(fig.y, 30), sort: [...levels(f, fig.y).texts].reverse() },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'mean', type: 'quantitative', title: titleLines(fig.metric), scale: { scheme: 'viridis', domain, nice: false }, legend: { format: metricAxisFormat(fig.metric) } } } },
      { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'text' }, color: { condition: { test: `datum.mean < ${mid}`, value: 'white' }, value: 'black' } } },
    ],
  };
  const body = others.length ? { data: panel.data, facet: { column: { field: 'facet', type: 'nominal', title: null } }, spec: { ...panel, data: undefined } } : panel;
  const when = day === null ? `step ${step}` : `day ${fmt(day, ',~f')}`;
  return {
    spec: top(fig, `${metricLabel(fig.metric).label} over ${paramLabel(fig.x).short} and ${paramLabel(fig.y).short}`, body),
    caption:
      (fig.caption ?? `Mean ${metricLabel(fig.metric).label} at ${when} over ${nRange(rows)} per cell, from points.csv.`) +
      ` The colour scale runs from ${fmtMetric(fig.metric, domain[0])} to ${fmtMetric(fig.metric, domain[1])} (at least a tenth of the metric's natural range, so small differences stay pale).`,
    notes: [],
  };
}
