/**
 * The picture of a run: one small line chart per recorded metric over the days of the run
 * (vega-lite spec → vega view → SVG, headless, no browser or canvas needed). Titles and units
 * come from the metric table (./labels.ts); ticks are formatted by their step (no
 * `60,587.000000`); a metric with no value in the run gets no panel; a series equal to an earlier
 * one is drawn once; each panel's y-axis spans at least a tenth of the metric's natural range
 * (or level) and includes zero for shares and counts, so noise does not look like a trend.
 * Written beside the tables as `figure.svg` and `figure.png`; the spec itself as `figure.vl.json`, so the figure
 * can be restyled or re-rendered in any vega-lite tool.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import { parse, View } from 'vega';
import type { Row } from '../core/contracts.js';
import { metricAxisFormat, metricLabel, yDomain } from './labels.js';

const SKIP = new Set(['step', 'day', 'seed']);

export interface RunPanel {
  column: string;
  /** Other columns whose series is the same, value for value (drawn once, named in the title). */
  same: string[];
  values: { day: number; value: number }[];
}

/**
 * The panels of a run figure: one per metric column with at least one finite value, in column
 * order; a column whose series equals an earlier one's exactly (fico_mean and mean_score when
 * FICO is the primary score) is not drawn again but named in that panel's title.
 */
export function runPanels(rows: Row[], columns: string[]): RunPanel[] {
  const panels: RunPanel[] = [];
  const keys = new Map<string, RunPanel>();
  for (const c of columns) {
    if (SKIP.has(c)) continue;
    const values: { day: number; value: number }[] = [];
    for (const r of rows) {
      const v = r[c];
      if (typeof v === 'number' && Number.isFinite(v)) values.push({ day: r.day as number, value: v });
    }
    if (!values.length) continue; // an empty metric (does not apply to this run): no panel
    const key = rows.map((r) => String(r[c] ?? '')).join(',');
    const twin = keys.get(key);
    if (twin) {
      twin.same.push(c);
      continue;
    }
    const p: RunPanel = { column: c, same: [], values };
    keys.set(key, p);
    panels.push(p);
  }
  return panels;
}

export function runFigureSpec(rows: Row[], columns: string[], title: string): TopLevelSpec {
  const panels = runPanels(rows, columns).map((p) => {
    const m = metricLabel(p.column);
    const domain = yDomain(p.column, p.values.map((v) => v.value));
    const same = p.same.length ? ` (= ${p.same.map((c) => metricLabel(c).label).join(', ')})` : '';
    return {
      title: { text: `${m.label}${same}`, fontSize: 11, fontWeight: 'bold', anchor: 'start', limit: 240 },
      data: { values: p.values },
      width: 220,
      height: 120,
      mark: { type: 'line', strokeWidth: 1.6, color: '#0072B2' },
      encoding: {
        x: { field: 'day', type: 'quantitative', title: 'day', axis: { format: ',~f' } },
        y: {
          field: 'value',
          type: 'quantitative',
          title: m.unit || null,
          axis: { format: metricAxisFormat(p.column), tickCount: 4 },
          scale: domain ? { domain, nice: false, zero: false } : { zero: false },
        },
      },
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 14 },
    concat: panels,
    columns: Math.min(3, Math.max(1, panels.length)),
    config: {
      font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
      view: { stroke: '#ddd' },
      axis: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: 'normal', gridColor: '#eee' },
    },
  } as TopLevelSpec;
}

// Advance widths of DejaVu Sans (the font resvg draws with here), in em. Without a canvas vega
// guesses 0.8 em for every character, about a third too wide: panels were pushed apart by
// room for labels that the picture never used, and labels were cut short that would have fit.
const EM: Record<string, number> = {
  ' ': 0.318, a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635, h: 0.634, i: 0.278, j: 0.278, k: 0.579, l: 0.278, m: 0.974,
  n: 0.634, o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392, u: 0.634, v: 0.592, w: 0.818, x: 0.592, y: 0.592, z: 0.525,
  '.': 0.318, ',': 0.318, ':': 0.337, ';': 0.337, '(': 0.39, ')': 0.39, '[': 0.39, ']': 0.39, '-': 0.361, '–': 0.5, '—': 1, '=': 0.838, '+': 0.838,
  '−': 0.838, '÷': 0.838, '×': 0.838, '%': 0.95, '/': 0.337, "'": 0.275, '’': 0.318, '…': 1, '|': 0.337, '>': 0.838, '<': 0.838,
};
const DIGIT = 0.636;
const UPPER = 0.7;
const OTHER = 0.62;

/** The width of a line of text as DejaVu Sans draws it (bold ~15 % wider). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += EM[ch] ?? (ch >= '0' && ch <= '9' ? DIGIT : ch >= 'A' && ch <= 'Z' ? UPPER : OTHER);
  return em * fontSize * (bold ? 1.15 : 1);
}

type TextItem = { fontSize?: number | string; fontWeight?: string | number; limit?: number | string };
// vega asks for the width both to lay out (of the text as drawn, cut at `limit`) and to decide
// where to cut (any width at or over `limit` means cut): the least of the two answers both
function vegaTextWidth(item: TextItem, text: unknown): number {
  const t = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
  const w = textWidth(t, size, bold);
  const limit = item.limit != null ? +item.limit : 0;
  return limit > 0 ? Math.min(w, limit) : w;
}

/** Renders a vega-lite spec to an SVG string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // vega's typings omit textMetrics (vega-scenegraph's), which it exports for this purpose
  (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics.width = vegaTextWidth;
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/**
 * SVG → PNG with resvg (system fonts; DejaVu on these machines). Node only: loaded lazily so the
 * spec and SVG code stay browser-safe.
 */
export async function svgToPng(svg: string, width = 1100): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, { font: { loadSystemFonts: true }, fitTo: { mode: 'width', value: width }, background: 'white' });
  return r.render().asPng();
}
