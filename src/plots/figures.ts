/**
 * The figures an experiment declares (`figures:` in its file, FigureSpec in
 * src/experiment/define.ts), built as vega-lite specs from a sweep's results folder.
 *
 *   timeseries   points.csv: mean and 95 % band per point over the days of the run; one row per
 *                metric with the facets as columns (or up to three metrics in a row), the x axis
 *                ending on the last recorded day, bands fainter the more series share a panel
 *   dose         points.csv: mean and 95 % interval at one step against a numeric factor, ticks at
 *                the design's levels, a few series set slightly apart; a sampled design (every
 *                point its own series) as a cloud without a legend of points
 *   heatmap      points.csv: mean at one step over two factors; the colour scale spans at least a
 *                tenth of the metric's natural range
 *   multiples    points.csv: one panel per metric in a grid (2–3 columns), a dot and interval per
 *                value of a factor down the y axis in design order, the control's value as a
 *                dashed rule; axes of non-share metrics span the values (not from 0), and say so
 *   effects      effects.csv: each treatment's paired difference from its control (forest plot),
 *                one panel per metric in a grid, the treatments named once per row
 *   distribution re-run of replicate 0 (./agents.ts): an agent column by group, start and end
 *   network      re-run of replicate 0: the ties among a deterministic sample of agents, start
 *                and end, laid out with ForceAtlas2 (graphology), coloured by score, group or
 *                listing, listed agents ringed
 *
 * Means and intervals are read from the tables as the sweep wrote them; nothing is averaged
 * here. Axis titles and units come from ./labels.ts; numbers are formatted with d3-format.
 * Colours: Okabe–Ito for categories and viridis for ordered values (both readable with the
 * common colour-vision deficiencies).
 */
import { UndirectedGraph } from 'graphology';
import * as fa2 from 'graphology-layout-forceatlas2';
import { circular } from 'graphology-layout';
import type { TopLevelSpec } from 'vega-lite';
import type { FigureSpec } from '../experiment/define.js';
import type { Point } from '../experiment/designs/index.js';
import { rerunAgents, type AgentState, type Rerun } from './agents.js';
import { fmt, fmtMetric, fmtParam, metricAxisFormat, metricLabel, metricTitle, paramLabel, yDomain } from './labels.js';
import { labelKeys, varyingParams, type Cell, type CsvTable, type SweepFolder } from './sweep-data.js';

// a CommonJS module: its default export is the layout function with `assign` and `inferSettings`
type ForceAtlas2 = {
  assign(g: UndirectedGraph, o: { iterations: number; settings?: Record<string, unknown> }): void;
  inferSettings(g: UndirectedGraph): Record<string, unknown>;
};
const forceAtlas2 = ((fa2 as unknown as { default?: unknown }).default ?? fa2) as ForceAtlas2;

export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const VIRIDIS = { name: 'viridis', extent: [0, 0.9] };
const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A figure that cannot be drawn from this folder (a missing table, an unknown factor). */
export class FigureError extends Error {}

export interface BuiltFigure {
  spec: TopLevelSpec;
  caption: string;
  notes: string[];
  /** For re-run figures: the runs re-run and whether each reproduced the sweep's record. */
  reproduction?: { runId: string; reproduced: boolean | null; note: string }[];
}

type Row = Record<string, Cell>;
type Panel = Record<string, unknown>;

const num = (v: Cell | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function need(f: SweepFolder, name: 'points' | 'effects', fig: FigureSpec): CsvTable {
  const t = f.table(name);
  if (!t) {
    const why = name === 'effects' ? ' (written when the experiment declares a control)' : ' (the per-point means and intervals of the sweep)';
    throw new FigureError(`figure '${fig.id}' (${fig.kind}) needs ${name}.csv${why}, which ${f.dir} does not have; run the sweep again with --resume to rebuild its tables`);
  }
  return t;
}

function checkFactor(f: SweepFolder, fig: FigureSpec, field: string, name: string | undefined): void {
  if (name === undefined) return;
  if (!f.plan.paramKeys.includes(name)) {
    throw new FigureError(`figure '${fig.id}': ${field}: '${name}' is not a design factor of this sweep (factors: ${f.plan.paramKeys.join(', ') || 'none'})`);
  }
}

function metricRows(t: CsvTable, fig: FigureSpec, metric: string): Row[] {
  const rows = t.rows.filter((r) => r.metric === metric);
  if (!rows.length) {
    const known = [...new Set(t.rows.map((r) => String(r.metric)))];
    throw new FigureError(`figure '${fig.id}': metric '${metric}' is not in ${t.file} (metrics there: ${known.join(', ') || 'none'})`);
  }
  return rows;
}

/** The rows of one recorded step (the figure's `step`, else the last step of the metric). */
function atStep(rows: Row[], fig: FigureSpec, metric: string, step: number | undefined): { rows: Row[]; step: number; day: number | null } {
  const steps = [...new Set(rows.map((r) => num(r.step)).filter((s): s is number => s !== null))].sort((a, b) => a - b);
  const s = step ?? steps[steps.length - 1];
  if (s === undefined || !steps.includes(s)) {
    throw new FigureError(`figure '${fig.id}': step ${step} is not a recorded step of '${metric}' (recorded: ${steps.slice(0, 8).join(', ')}${steps.length > 8 ? ', …' : ''})`);
  }
  const at = rows.filter((r) => r.step === s);
  return { rows: at, step: s, day: num(at[0]?.day) };
}

function pointOf(f: SweepFolder, r: Row): Point {
  const i = num(r.point);
  const p = i === null ? undefined : f.plan.points[i];
  if (!p) throw new FigureError(`${f.dir}: a row names point ${String(r.point)}, which plan.json does not have`);
  return p;
}

/** "cleanup rate = 0.05, tolerance = 0.1" for the given factors (a point's `name` as it is). */
export function pointText(p: Point, keys: string[]): string {
  return keys.map((k) => (k === 'name' ? fmtParam(p[k]) : `${paramLabel(k).short} = ${fmtParam(p[k])}`)).join(', ');
}

/** Distinct values of a factor in design order, and their legend texts (numbers ascending). */
function levels(f: SweepFolder, key: string): { values: unknown[]; texts: string[]; numeric: boolean } {
  const seen = new Map<string, unknown>();
  for (const p of f.plan.points) {
    const v = p[key] ?? null;
    const k = JSON.stringify(v);
    if (!seen.has(k)) seen.set(k, v);
  }
  const values = [...seen.values()];
  const numeric = values.every((v) => typeof v === 'number');
  if (numeric) (values as number[]).sort((a, b) => a - b);
  return { values, texts: values.map(fmtParam), numeric };
}

function colorScale(f: SweepFolder, key: string): Record<string, unknown> {
  const l = levels(f, key);
  return l.numeric && l.values.length > 2 ? { domain: l.texts, scheme: VIRIDIS } : { domain: l.texts, range: OKABE_ITO };
}

function nRange(rows: Row[]): string {
  const ns = rows.map((r) => num(r.n)).filter((x): x is number => x !== null);
  if (!ns.length) return 'replicates';
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  return lo === hi ? `${lo} replicate${lo === 1 ? '' : 's'}` : `${lo}–${hi} replicates`;
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
function evenTitles(panels: Panel[]): Panel[] {
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
function paramTitle(path: string, max: number): string | string[] {
  const p = paramLabel(path);
  if (p.title.length <= max) return p.title;
  return p.unit ? [...[wrapText(p.short, max)].flat(), `(${p.unit})`] : wrapText(p.title, max);
}

/** A legend title for points told apart by `keys`: their words when one or two, else 'design point'. */
function legendTitle(keys: string[]): string | string[] {
  if (!keys.length) return '';
  if (keys.length > 2) return 'design point';
  return wrapText(keys.map((k) => paramLabel(k).short).join(', '), 40);
}

/** Columns of a grid of n equal panels: 1, 2, 3, then 2 × 2, then rows of 3. */
const gridColumns = (n: number) => (n <= 3 ? n : n === 4 ? 2 : 3);

/** The design points that are the control (every key of `set` that is a design factor matches). */
function controlPoints(f: SweepFolder, set: Record<string, unknown> | undefined): number[] {
  if (!set) return [];
  const keys = Object.keys(set).filter((k) => f.plan.paramKeys.includes(k));
  if (!keys.length) return [];
  return f.plan.points.map((p, i) => ({ p, i })).filter(({ p }) => keys.every((k) => same(p[k] ?? null, set[k] ?? null))).map(({ i }) => i);
}

function yEncoding(metric: string, values: number[], field = 'mean'): Record<string, unknown> {
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

function top(fig: FigureSpec, title: string, body: Record<string, unknown>): TopLevelSpec {
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

function concat(fig: FigureSpec, title: string, panels: Panel[], columns = 2, extra: Record<string, unknown> = {}): TopLevelSpec {
  if (panels.length === 1) return top(fig, title, { ...panels[0]!, ...extra });
  return top(fig, title, { concat: panels, columns: Math.min(columns, panels.length), resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } }, ...extra });
}

function withFacet(f: SweepFolder, facet: string | undefined, panel: Panel): Panel {
  if (!facet) return panel;
  const { data, ...spec } = panel;
  return { data, facet: { column: { field: 'facet', type: 'ordinal', title: paramLabel(facet).title, sort: levels(f, facet).texts } }, spec };
}

// --- timeseries ------------------------------------------------------------------------------

function timeseries(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'timeseries' }>): BuiltFigure {
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

// --- dose ------------------------------------------------------------------------------------

function dose(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'dose' | 'box' }>): BuiltFigure {
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

/** A metric's title as two lines (label, unit) for a legend. */
function titleLines(metric: string): string[] {
  const m = metricLabel(metric);
  return m.unit ? [m.label, `(${m.unit})`] : [m.label];
}

const metricFormatOf = (m: string) => (metricLabel(m).kind === 'share' ? '.3~%' : ',.4~r');

// --- heatmap ---------------------------------------------------------------------------------

function heatmap(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'heatmap' }>): BuiltFigure {
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

// --- multiples -------------------------------------------------------------------------------

function multiples(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'multiples' }>, control?: { set: Record<string, unknown>; label?: string | null }): BuiltFigure {
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

// --- effects ---------------------------------------------------------------------------------

function effects(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'effects' }>, controlLabel: string): BuiltFigure {
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

// --- agents: distribution and network --------------------------------------------------------

const AGENT_COLUMNS: Record<string, { label: string; unit: string }> = {
  wealth: { label: 'wealth', unit: 'currency' },
  income: { label: 'income potential', unit: 'currency per day' },
  approval: { label: 'approval of the system', unit: '0–1' },
  degree: { label: 'ties', unit: 'count' },
  dissent: { label: 'dissent propensity', unit: 'per day' },
  risk: { label: 'risk', unit: '' },
  knowledge: { label: 'knows the rules', unit: '0/1' },
  listed: { label: 'on a blacklist', unit: '0/1' },
};

function agentTitle(column: string, s: AgentState): string {
  if (column === 'score') return s.scoreDoc ?? `score${s.scoreColumn ? ` (${s.scoreColumn.replace(/_/g, ' ')})` : ''}`;
  const a = AGENT_COLUMNS[column];
  if (a) return a.unit ? `${a.label} (${a.unit})` : a.label;
  return column.replace(/^on_/, 'on list ').replace(/_/g, ' ');
}

function byText(by: string, v: number): string {
  if (by === 'group') return v === 1 ? 'minority' : 'majority';
  if (by === 'listed' || by.startsWith('on_')) return v ? 'listed' : 'not listed';
  return fmt(v, ',.4~r');
}

/** The column of an agent state named `name` (a list id is read as `on_<list>`). */
function agentColumn(s: AgentState, name: string, fig: FigureSpec, field: string): Float64Array {
  const c = s.columns.get(name) ?? s.columns.get(`on_${name.replace(/-/g, '_')}`);
  if (!c) throw new FigureError(`figure '${fig.id}': ${field}: no agent column '${name}' in this run (columns: ${[...s.columns.keys()].sort().join(', ')})`);
  return c;
}

const same = (a: unknown, b: unknown) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)));

/** Points matching `where` (every given key equal); every point when `where` is absent. */
function pointsWhere(f: SweepFolder, fig: FigureSpec, where: Record<string, unknown> | undefined): number[] {
  const hits = f.plan.points.map((p, i) => ({ p, i })).filter(({ p }) => !where || Object.entries(where).every(([k, v]) => same(p[k], v)));
  if (!hits.length) throw new FigureError(`figure '${fig.id}': where ${JSON.stringify(where)}: no design point matches`);
  return hits.map((h) => h.i);
}

function reproduction(rs: Rerun[]): NonNullable<BuiltFigure['reproduction']> {
  return rs.map((r) => ({ runId: r.run.runId, reproduced: r.comparison.against === 'none' ? null : !r.comparison.difference, note: r.note }));
}

async function needExperiment(f: SweepFolder, fig: FigureSpec) {
  const exp = await f.experiment();
  if (!exp) throw new FigureError(`figure '${fig.id}' (${fig.kind}) re-runs replicate 0 from the experiment file: ${f.experimentError}`);
  return exp;
}

async function distribution(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'distribution' }>): Promise<BuiltFigure> {
  const exp = await needExperiment(f, fig);
  let chosen: number[];
  if (fig.where?.length) chosen = [...new Set(fig.where.flatMap((w) => pointsWhere(f, fig, w)))];
  else {
    const all = f.plan.points.map((_, i) => i);
    chosen = all.length <= 4 ? all : [all[0]!, all[all.length - 1]!];
  }
  const varying = labelKeys(f.plan);
  const reruns: Rerun[] = [];
  const values: Record<string, unknown>[] = [];
  const MAX = 2000;
  const times: string[] = [];
  let sampled = false;
  let title = fig.column;
  for (const pi of chosen) {
    const r = await rerunAgents(f, exp, pi);
    reruns.push(r);
    const label = pointText(f.plan.points[pi]!, varying) || 'the run';
    for (const [when, s] of [['start', r.before], ['end', r.after]] as const) {
      const col = agentColumn(s, fig.column, fig, 'column');
      const by = agentColumn(s, fig.by, fig, 'by');
      title = agentTitle(fig.column, s);
      const stride = Math.max(1, Math.ceil(s.n / MAX));
      if (stride > 1) sampled = true;
      const time = `${when} (day ${fmt(s.day, ',~f')})`;
      if (!times.includes(time)) times.push(time);
      for (let i = 0; i < s.n; i += stride) {
        const v = col[i]!;
        if (Number.isFinite(v)) values.push({ point: label, time, by: byText(fig.by, by[i]!), value: v });
      }
    }
  }
  const byLabel = fig.by === 'group' ? 'group' : fig.by === 'listed' ? 'on a blacklist' : fig.by.replace(/^on_/, 'on list ').replace(/_/g, ' ');
  const panel: Panel = {
    data: { values },
    facet: {
      row: { field: 'point', type: 'nominal', title: null, sort: chosen.map((pi) => pointText(f.plan.points[pi]!, varying) || 'the run') },
      column: { field: 'time', type: 'nominal', title: null, sort: times },
    },
    spec: {
      width: 220,
      height: 150,
      mark: { type: 'boxplot', extent: 'min-max', size: 22 },
      encoding: {
        x: { field: 'by', type: 'nominal', title: byLabel, axis: { labelAngle: 0 } },
        y: { field: 'value', type: 'quantitative', title, axis: { format: ',~f' }, scale: { zero: false } },
        color: { field: 'by', type: 'nominal', title: byLabel, scale: { range: OKABE_ITO } },
      },
    },
  };
  const note = reruns.map((r) => r.note).join(' ');
  return {
    spec: top(fig, `${title} by ${byLabel}, start and end`, { ...panel, usermeta: undefined }),
    caption:
      (fig.caption ? `${fig.caption} ` : `Distribution of ${title} over agents by ${byLabel} (boxes: quartiles, whiskers: range) at the start and the end of replicate 0 of each point shown${sampled ? `, every ${Math.ceil(reruns[0]!.after.n / MAX)}th agent` : ''}. `) + note,
    notes: [],
    reproduction: reproduction(reruns),
  };
}

/** Agents shown in a network picture: breadth-first from the lowest agent id, neighbours in id order. */
export function networkSample(s: AgentState, k: number): number[] {
  const n = s.n;
  const seen = new Uint8Array(n);
  const out: number[] = [];
  for (let root = 0; root < n && out.length < k; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    const queue = [root];
    for (let q = 0; q < queue.length && out.length < k; q++) {
      const i = queue[q]!;
      out.push(i);
      const nb = Array.from(s.targets.subarray(s.start[i]!, s.start[i]! + s.deg[i]!)).sort((a, b) => a - b);
      for (const j of nb) {
        if (!seen[j]) {
          seen[j] = 1;
          queue.push(j);
        }
      }
    }
  }
  return out.sort((a, b) => a - b);
}

function layout(s: AgentState, nodes: number[]): { pos: Map<number, [number, number]>; edges: [number, number][] } {
  const g = new UndirectedGraph();
  const inSample = new Set(nodes);
  for (const i of nodes) g.addNode(String(i));
  const edges: [number, number][] = [];
  for (const i of nodes) {
    for (let e = s.start[i]!; e < s.start[i]! + s.deg[i]!; e++) {
      const j = s.targets[e]!;
      if (j > i && inSample.has(j)) {
        g.addEdge(String(i), String(j));
        edges.push([i, j]);
      }
    }
  }
  circular.assign(g);
  forceAtlas2.assign(g, { iterations: 150, settings: { ...forceAtlas2.inferSettings(g), gravity: 1.5, barnesHutOptimize: false } });
  const pos = new Map<number, [number, number]>();
  g.forEachNode((key: string, a: Record<string, unknown>) => pos.set(Number(key), [a.x as number, a.y as number]));
  return { pos, edges };
}

async function network(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'network' }>): Promise<BuiltFigure> {
  const exp = await needExperiment(f, fig);
  const pi = pointsWhere(f, fig, fig.where)[0]!;
  const r = await rerunAgents(f, exp, pi);
  const k = Math.min(fig.agents ?? 300, r.before.n);
  const nodes = networkSample(r.before, k);
  const hasScore = r.before.columns.has('score');
  const colorBy = fig.colorBy ?? (hasScore ? 'score' : 'group');
  if (colorBy === 'score' && !hasScore) throw new FigureError(`figure '${fig.id}': colorBy 'score': no regime of this run keeps a score; use 'group' or 'listed'`);
  const panels: Panel[] = [];
  let listedShown = 0;
  for (const [when, s] of [['start', r.before], ['end', r.after]] as const) {
    const { pos, edges } = layout(s, nodes);
    const score = s.columns.get('score');
    const listed = s.columns.get('listed')!;
    const group = s.columns.get('group')!;
    const nodeValues = nodes.map((i) => ({
      x: pos.get(i)![0],
      y: pos.get(i)![1],
      score: score ? score[i]! : null,
      group: group[i] ? 'minority' : 'majority',
      listed: listed[i] ? 'on a blacklist' : 'not listed',
      mark: listed[i] ? 1 : 0,
    }));
    if (when === 'end') listedShown = nodeValues.filter((v) => v.mark).length;
    const edgeValues = edges.map(([i, j]) => ({ x: pos.get(i)![0], y: pos.get(i)![1], x2: pos.get(j)![0], y2: pos.get(j)![1] }));
    const axis = { field: 'x', type: 'quantitative', axis: null, scale: { zero: false, nice: false } };
    const yAxis = { field: 'y', type: 'quantitative', axis: null, scale: { zero: false, nice: false } };
    const color =
      colorBy === 'score'
        ? { field: 'score', type: 'quantitative', title: 'score', scale: { scheme: 'viridis', domain: s.scoreRange ?? undefined } }
        : colorBy === 'group'
          ? { field: 'group', type: 'nominal', title: 'group', scale: { domain: ['majority', 'minority'], range: [OKABE_ITO[0], OKABE_ITO[1]] } }
          : { field: 'listed', type: 'nominal', title: 'listing', scale: { domain: ['not listed', 'on a blacklist'], range: ['#9a9a9a', OKABE_ITO[5]] } };
    panels.push({
      width: 320,
      height: 320,
      title: { text: `${when}: day ${fmt(s.day, ',~f')}, ${fmt(edges.length, ',d')} ties among the agents shown`, fontSize: 12, fontWeight: 'normal' },
      layer: [
        { data: { values: edgeValues }, mark: { type: 'rule', color: '#888', opacity: 0.35, strokeWidth: 0.6 }, encoding: { x: axis, y: yAxis, x2: { field: 'x2' }, y2: { field: 'y2' } } },
        { data: { values: nodeValues }, mark: { type: 'circle', size: 34, opacity: 0.95, stroke: 'white', strokeWidth: 0.4 }, encoding: { x: axis, y: yAxis, color } },
        {
          data: { values: nodeValues },
          transform: [{ filter: 'datum.mark == 1' }],
          mark: { type: 'point', shape: 'circle', size: 110, filled: false, stroke: 'black', strokeWidth: 1.4 },
          encoding: { x: axis, y: yAxis },
        },
      ],
      view: { stroke: null },
    });
  }
  const point = pointText(f.plan.points[pi]!, labelKeys(f.plan));
  const spec = top(fig, `The network${point ? ` at ${point}` : ''}, start and end`, {
    hconcat: panels,
    resolve: { scale: { color: 'shared', x: 'independent', y: 'independent' } },
  });
  const colorText = colorBy === 'score' ? 'score (viridis: dark low, yellow high)' : colorBy === 'group' ? 'group' : 'listing';
  return {
    spec,
    caption:
      (fig.caption ? `${fig.caption} ` : '') +
      `${k} of ${fmt(r.before.n, ',d')} agents (breadth-first from agent 0), the ties among them at the start and the end of replicate 0, laid out with ForceAtlas2; colour: ${colorText}; black rings: on a blacklist (${listedShown} at the end). ${r.note}`,
    notes: [],
    reproduction: reproduction([r]),
  };
}

/** Builds one declared figure from a results folder. */
export async function buildFigure(
  f: SweepFolder,
  fig: FigureSpec,
  opts: { controlLabel?: string; control?: { set: Record<string, unknown>; label?: string | null } | null } = {},
): Promise<BuiltFigure> {
  switch (fig.kind) {
    case 'timeseries':
      return timeseries(f, fig);
    case 'dose':
    case 'box':
      return dose(f, fig);
    case 'heatmap':
      return heatmap(f, fig);
    case 'multiples':
      return multiples(f, fig, opts.control ?? (f.manifest?.control as { set: Record<string, unknown>; label?: string | null } | null | undefined) ?? undefined);
    case 'effects':
      return effects(f, fig, opts.controlLabel ?? 'the control');
    case 'distribution':
      return distribution(f, fig);
    case 'network':
      return network(f, fig);
  }
}
