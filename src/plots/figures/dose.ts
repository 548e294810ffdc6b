/**
 * The dose figure (and its alias `box`, src/plots/figures.ts): points.csv's mean and 95 % interval
 * at one step against a numeric factor.
 */
import type { FigureSpec } from '../../experiment/define.js';
import { fmt, fmtParam, metricLabel, paramLabel } from '../labels.js';
import { labelKeys, type SweepFolder } from '../sweep-data.js';
import { atStep, type BuiltFigure, checkFactor, FigureError, levels, metricRows, need, nRange, num, pointOf, pointText } from './shared.js';
import { colorScale, legendTitle, metricFormatOf, OKABE_ITO, paramTitle, top, withFacet, yEncoding } from './vega.js';

export function dose(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'dose' | 'box' }>): BuiltFigure {
  const t = need(f, 'points', fig);
  for (const [field, k] of [['x', fig.x], ['color', fig.color], ['facet', fig.facet]] as const) checkFactor(f, fig, field, k);
  const { rows, step, day } = atStep(metricRows(t, fig, fig.y), fig, fig.y, fig.step);
  const others = labelKeys(f.plan, [fig.x, fig.facet, fig.color].filter((k): k is string => k !== undefined));
  const numeric = rows.every((r) => typeof pointOf(f, r)[fig.x] === 'number');
  const values = rows
    .filter((r) => num(r.mean) !== null)
    .map((r) => {
      const p = pointOf(f, r);
      return {
        x: numeric ? p[fig.x] : fmtParam(p[fig.x]),
        mean: num(r.mean),
        lo: num(r.ci_low),
        hi: num(r.ci_high),
        series: pointText(p, [...(fig.color ? [fig.color] : []), ...others]) || 'all',
        color: fig.color ? fmtParam(p[fig.color]) : pointText(p, others) || 'all',
        facet: fig.facet ? fmtParam(p[fig.facet]) : null,
      };
    });
  if (!values.length) throw new FigureError(`figure '${fig.id}': '${fig.y}' has no value at step ${step} in any point`);
  const ys = values.flatMap((v) => [v.mean, v.lo, v.hi]).filter((x): x is number => x !== null);
  const px = paramLabel(fig.x);
  // a numeric factor: ticks at the design's own levels (when few), the axis spanning them exactly
  const xLevels = numeric ? (levels(f, fig.x).values as number[]) : [];
  const xSpan = numeric ? [xLevels[0]!, xLevels[xLevels.length - 1]!] : [];
  const x = numeric
    ? {
        field: 'x',
        type: 'quantitative',
        title: paramTitle(fig.x, 56),
        // ticks at the design's levels carry their own precision: a format without one would let
        // vega round to the tick step (0.15 was written "0.1" on an axis of 0, 0.05, 0.15, 0.3)
        axis: xLevels.length <= 10 ? { format: ',.4~r', values: xLevels, labelOverlap: true, grid: false } : { format: ',~r', tickCount: 6, labelOverlap: true, grid: false },
        scale: xSpan[0] === xSpan[1] ? { zero: false } : { domain: xSpan, nice: false, zero: false, padding: 14 },
      }
    : { field: 'x', type: 'ordinal', title: paramTitle(fig.x, 56), sort: levels(f, fig.x).texts };
  const colors = [...new Set(values.map((v) => v.color))];
  // a sampled design (LHS, Sobol): every point its own series; a legend of them says nothing
  const scattered = !fig.color && others.length > 0 && colors.length > OKABE_ITO.length;
  const color = fig.color
    ? { field: 'color', type: 'ordinal', title: paramTitle(fig.color, 30), scale: colorScale(f, fig.color) }
    : others.length && !scattered
      ? { field: 'color', type: 'nominal', title: legendTitle(others), scale: { range: OKABE_ITO } }
      : { value: OKABE_ITO[0] };
  // a few series at the same levels: set apart a little, so their intervals do not hide each other
  const dodge = numeric && !scattered && colors.length >= 2 && colors.length <= 6 && xSpan[1]! > xSpan[0]!;
  const plotted = values.map((v) => {
    if (!dodge) return { ...v, xd: v.x };
    const k = colors.indexOf(v.color);
    return { ...v, xd: (v.x as number) + (xSpan[1]! - xSpan[0]!) * 0.014 * (k - (colors.length - 1) / 2) };
  });
  const xd = { ...x, field: 'xd' };
  const y = yEncoding(fig.y, ys);
  const tooltip = [{ field: 'x', title: px.short }, { field: 'mean', format: metricFormatOf(fig.y), title: metricLabel(fig.y).label }];
  const panel = withFacet(f, fig.facet, {
    data: { values: plotted },
    width: 340,
    height: 220,
    layer: scattered
      ? [
          { mark: { type: 'rule', strokeWidth: 1, opacity: 0.35 }, encoding: { x: xd, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } },
          { mark: { type: 'point', filled: true, size: 22, opacity: 0.7 }, encoding: { x: xd, y, color, tooltip } },
        ]
      : [
          { mark: { type: 'line', strokeWidth: 1.2, opacity: 0.7 }, encoding: { x: xd, y, color, detail: { field: 'series' } } },
          { mark: { type: 'rule', strokeWidth: 1.4 }, encoding: { x: xd, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } },
          { mark: { type: 'point', filled: true, size: 45, opacity: 1 }, encoding: { x: xd, y, color, tooltip } },
        ],
  });
  const when = day === null ? `step ${step}` : `day ${fmt(day, ',~f')} (step ${step})`;
  const extra =
    (scattered ? ` Each dot is one of ${fmt(colors.length, ',d')} design points; the other factors (${others.map((k) => paramLabel(k).short).join(', ')}) vary between them, so the spread at one level is theirs.` : '') +
    (dodge ? ' Dots of different colours at one level are drawn slightly apart so that their intervals do not cover each other.' : '');
  return {
    spec: top(fig, `${metricLabel(fig.y).label} against ${px.short}`, panel),
    caption: (fig.caption ?? `${metricLabel(fig.y).label} at ${when}: mean over ${nRange(rows)} per design point (dots) with the 95 % t-interval of the mean (bars), from points.csv.`) + extra,
    notes: [],
  };
}
