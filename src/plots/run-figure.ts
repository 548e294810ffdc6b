/**
 * The picture of a run: one small line chart per recorded metric over the days of the run
 * (vega-lite spec → vega view → SVG, headless, no browser or canvas needed; PLATFORM_NOTES.md).
 * Written beside the tables as `figure.svg` and `figure.png`; the spec itself as `figure.vl.json`, so the figure
 * can be restyled or re-rendered in any vega-lite tool.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import type { Row } from '../core/contracts.js';

const SKIP = new Set(['step', 'day', 'seed']);

/** Long-form values (day, metric, value) of the numeric, non-empty metric columns. */
function longForm(rows: Row[], columns: string[]): { day: number; metric: string; value: number }[] {
  const out: { day: number; metric: string; value: number }[] = [];
  for (const c of columns) {
    if (SKIP.has(c)) continue;
    for (const r of rows) {
      const v = r[c];
      if (typeof v === 'number' && Number.isFinite(v)) out.push({ day: r.day as number, metric: c, value: v });
    }
  }
  return out;
}

export function runFigureSpec(rows: Row[], columns: string[], title: string): TopLevelSpec {
  const values = longForm(rows, columns);
  const metrics = [...new Set(values.map((v) => v.metric))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 14 },
    data: { values },
    facet: { field: 'metric', type: 'nominal', title: null, sort: metrics, header: { labelFontSize: 11, labelFontWeight: 'bold' } },
    columns: Math.min(3, Math.max(1, metrics.length)),
    spec: {
      width: 220,
      height: 120,
      mark: { type: 'line', strokeWidth: 1.6, color: '#3b6ea8' },
      encoding: {
        x: { field: 'day', type: 'quantitative', title: 'day' },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
      },
    },
    resolve: { scale: { y: 'independent' } },
    config: { font: 'DejaVu Sans, Helvetica, Arial, sans-serif', view: { stroke: '#ddd' } },
  } as TopLevelSpec;
}

/** Renders a vega-lite spec to an SVG string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
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
