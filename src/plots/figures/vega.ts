/**
 * The vega-lite pieces every figure builder of src/plots/figures.ts shares: colours (Okabe–Ito,
 * viridis), title wrapping and alignment, the metric y encoding, the top-level spec with its
 * fonts and axis style, grids of panels and facet columns.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FigureSpec } from '../../experiment/define.js';
import { metricAxisFormat, metricLabel, metricTitle, paramLabel, yDomain } from '../labels.js';
import type { SweepFolder } from '../sweep-data.js';
import { levels, type Panel } from './shared.js';

export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const VIRIDIS = { name: 'viridis', extent: [0, 0.9] };
export const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export function colorScale(f: SweepFolder, key: string): Record<string, unknown> {
  const l = levels(f, key);
  return l.numeric && l.values.length > 2 ? { domain: l.texts, scheme: VIRIDIS } : { domain: l.texts, range: OKABE_ITO };
}

/** Splits a title into lines of at most `max` characters at spaces (vega draws an array as lines). */
export function wrapText(text: string, max = 34): string | string[] {
  if (text.length <= max) return text;
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** Panel titles with as many lines each (blank lines first), so that the plots of a row line up. */
export function evenTitles(panels: Panel[]): Panel[] {
  const lines = (p: Panel) => {
    const t = (p.title as { text?: string | string[] } | undefined)?.text;
    return Array.isArray(t) ? t : t === undefined ? [] : [t];
  };
  const most = Math.max(0, ...panels.map((p) => lines(p).length));
  return panels.map((p) => {
    const l = lines(p);
    if (!p.title || l.length === most) return p;
    return { ...p, title: { ...(p.title as object), text: [...Array<string>(most - l.length).fill(''), ...l] } };
  });
}

/** A parameter's axis or legend title: "words (unit)", or the words and the unit on two lines when long. */
export function paramTitle(path: string, max: number): string | string[] {
  const p = paramLabel(path);
  if (p.title.length <= max) return p.title;
  return p.unit ? [...[wrapText(p.short, max)].flat(), `(${p.unit})`] : wrapText(p.title, max);
}

/** A legend title for points told apart by `keys`: their words when one or two, else 'design point'. */
export function legendTitle(keys: string[]): string | string[] {
  if (!keys.length) return '';
  if (keys.length > 2) return 'design point';
  return wrapText(keys.map((k) => paramLabel(k).short).join(', '), 40);
}

/** Columns of a grid of n equal panels: 1, 2, 3, then 2 × 2, then rows of 3. */
export const gridColumns = (n: number) => (n <= 3 ? n : n === 4 ? 2 : 3);

export function yEncoding(metric: string, values: number[], field = 'mean'): Record<string, unknown> {
  const domain = yDomain(metric, values);
  return {
    field,
    type: 'quantitative',
    // label and unit on two lines when one would be longer than the panel is high
    title: metricTitle(metric).length > 36 ? titleLines(metric) : metricTitle(metric),
    axis: { format: metricAxisFormat(metric) },
    scale: domain ? { domain, nice: false, zero: false } : { zero: false },
  };
}

export function top(fig: FigureSpec, title: string, body: Record<string, unknown>): TopLevelSpec {
  return {
    $schema: SCHEMA,
    // a long title on lines of its own rather than cut at the figure's edge
    title: { text: wrapText(fig.title ?? title, 72), anchor: 'start', fontSize: 14 },
    ...body,
    config: {
      font: FONT,
      view: { stroke: '#ddd' },
      axis: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal', gridColor: '#eee', labelSeparation: 6 },
      legend: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal', labelLimit: 320, titleLimit: 360 },
      header: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' },
    },
  } as TopLevelSpec;
}

export function concat(fig: FigureSpec, title: string, panels: Panel[], columns = 2, extra: Record<string, unknown> = {}): TopLevelSpec {
  if (panels.length === 1) return top(fig, title, { ...panels[0]!, ...extra });
  return top(fig, title, { concat: panels, columns: Math.min(columns, panels.length), resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } }, ...extra });
}

export function withFacet(f: SweepFolder, facet: string | undefined, panel: Panel): Panel {
  if (!facet) return panel;
  const { data, ...spec } = panel;
  return { data, facet: { column: { field: 'facet', type: 'ordinal', title: paramLabel(facet).title, sort: levels(f, facet).texts } }, spec };
}

/** A metric's title as two lines (label, unit) for a legend. */
export function titleLines(metric: string): string[] {
  const m = metricLabel(metric);
  return m.unit ? [m.label, `(${m.unit})`] : [m.label];
}

export const metricFormatOf = (m: string) => (metricLabel(m).kind === 'share' ? '.3~%' : ',.4~r');
