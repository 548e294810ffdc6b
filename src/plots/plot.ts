/**
 * `scorelab plot`: every figure an experiment declares, drawn from its results folder and written
 * to figures/<id>.vl.json (the vega-lite spec, with the caption and notes under `usermeta`),
 * figures/<id>.svg and figures/<id>.png. Headless: vega-lite → vega → SVG → PNG (./run-figure.ts).
 * One figure that cannot be drawn does not stop the others; it is reported with its reason.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { FigureSpec } from '../experiment/define.js';
import { writeFileAtomic } from '../results/atomic.js';
import { buildFigure, FigureError, type BuiltFigure } from './figures.js';
import { renderSvg, svgToPng, textWidth } from './run-figure.js';
import { experimentText, openSweep, type SweepFolder } from './sweep-data.js';

export interface FigureMeta {
  id: string;
  kind: FigureSpec['kind'];
  title: string;
  caption: string;
  notes: string[];
  reproduction?: BuiltFigure['reproduction'];
}

/** A figure drawn: its id, title and files. */
export interface PlottedFigure extends FigureMeta {
  files: string[];
  seconds: number;
}

/** The figures `plotExperiment` drew. */
export interface PlotResult {
  dir: string;
  figures: PlottedFigure[];
  failed: { id: string; kind: string; error: string }[];
}

/** Options of `plotExperiment`: which figures, formats and folder. */
export interface PlotOptions {
  /** Only these figure ids. */
  only?: string[];
  /** The experiment file, when the folder's recorded path has moved. */
  experiment?: string;
}

/** The figures a folder declares (plan.json, else manifest.json). */
export function declaredFigures(f: SweepFolder): FigureSpec[] {
  return f.plan.figures ?? (f.manifest?.figures?.specs as FigureSpec[] | undefined) ?? [];
}

/** Draws the declared figures of a results folder (all, or `only`). */
export async function plotExperiment(dir: string, opts: PlotOptions = {}, folder?: SweepFolder): Promise<PlotResult> {
  const f = folder ?? openSweep(dir, { experiment: opts.experiment });
  let figs = declaredFigures(f);
  if (opts.only?.length) {
    const ids = figs.map((x) => x.id);
    const unknown = opts.only.filter((id) => !ids.includes(id));
    if (unknown.length) {
      throw new UserError(`--only: no figure '${unknown[0]}' in ${f.dir}/plan.json (figures: ${ids.join(', ') || 'none declared'})`, join(f.dir, 'plan.json'), '--only');
    }
    figs = figs.filter((x) => opts.only!.includes(x.id));
  }
  const out = join(f.dir, 'figures');
  const result: PlotResult = { dir: out, figures: [], failed: [] };
  if (!figs.length) return result;
  mkdirSync(out, { recursive: true });
  const text = figs.some((x) => x.kind === 'effects' || x.kind === 'multiples') ? await experimentText(f) : null;
  const controlLabel = text?.control?.label ?? (f.manifest?.control?.label as string | undefined) ?? 'the control';
  const control = (text?.control ?? f.manifest?.control ?? null) as { set: Record<string, unknown>; label?: string | null } | null;
  for (const fig of figs) {
    const t0 = performance.now();
    try {
      const built = await buildFigure(f, fig, { controlLabel, control });
      const text = (built.spec as { title?: { text?: unknown } }).title?.text;
      // a long title is drawn on several lines (an array); the index and report want it whole
      const title = Array.isArray(text) ? text.join(' ') : typeof text === 'string' ? text : fig.id;
      const meta: FigureMeta = { id: fig.id, kind: fig.kind, title, caption: built.caption, notes: built.notes, reproduction: built.reproduction };
      const spec = { ...built.spec, usermeta: { scorelab: { figure: fig, ...meta } } };
      const svg = await fitTitle(spec, await renderSvg(spec));
      // twice the figure's own size (sharp on screens and in print), at most 2,400 pixels wide
      const width = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]) || 550;
      const png = await svgToPng(svg, Math.min(2400, Math.round(width * 2)));
      const base = join(out, fig.id);
      writeFileAtomic(`${base}.vl.json`, JSON.stringify(spec, null, 1) + '\n');
      writeFileAtomic(`${base}.svg`, svg);
      writeFileAtomic(`${base}.png`, png);
      result.figures.push({ ...meta, files: [`${base}.vl.json`, `${base}.svg`, `${base}.png`], seconds: (performance.now() - t0) / 1000 });
    } catch (e) {
      if (!(e instanceof FigureError) && !(e instanceof UserError)) {
        // a bug or a vega error: still reported per figure, with its first line
        result.failed.push({ id: fig.id, kind: fig.kind, error: `${(e as Error).message?.split('\n')[0] ?? String(e)}` });
        continue;
      }
      result.failed.push({ id: fig.id, kind: fig.kind, error: (e as Error).message });
    }
  }
  writeIndex(out, declaredFigures(f), result);
  return result;
}

/**
 * Vega draws a figure's title without widening the figure for it, so a title longer than the
 * plots is cut at the edge: such a title is broken into lines that fit, and the figure drawn again.
 */
async function fitTitle(spec: Record<string, unknown>, svg: string): Promise<string> {
  const title = spec.title as { text?: unknown; fontSize?: number } | undefined;
  const width = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  if (!title || !width) return svg;
  const size = title.fontSize ?? 13;
  const room = width - 20;
  const lines = Array.isArray(title.text) ? (title.text as string[]) : [String(title.text ?? '')];
  if (lines.every((l) => textWidth(l, size, true) <= room)) return svg;
  const out: string[] = [];
  let line = '';
  for (const w of lines.join(' ').split(' ')) {
    const next = line ? `${line} ${w}` : w;
    if (line && textWidth(next, size, true) > room) {
      out.push(line);
      line = w;
    } else line = next;
  }
  if (line) out.push(line);
  spec.title = { ...title, text: out };
  return renderSvg(spec as never);
}

/** One figure's entry in figures/index.json. */
export interface FigureIndexEntry {
  id: string;
  kind: string;
  rendered: boolean;
  /** When it was last drawn (ISO 8601), or null when it never was. */
  at: string | null;
  files?: string[];
  seconds?: number;
  /** Why it could not be drawn, when the last attempt failed. */
  error?: string;
}

/** figures/index.json: which declared figures are drawn, when, and why any is not. */
export interface FigureIndex {
  written: string;
  figures: FigureIndexEntry[];
}

/** Reads figures/index.json of a results folder (null when there is none or it is not readable). */
export function readFigureIndex(dir: string): FigureIndex | null {
  const file = join(dir, 'figures', 'index.json');
  if (!existsSync(file)) return null;
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as FigureIndex;
    return Array.isArray(j.figures) ? j : null;
  } catch {
    return null;
  }
}

/**
 * Records what this plot drew in figures/index.json, keeping the entries of figures not drawn
 * this time (an --only run), so the index always says, figure by figure, what is on disk.
 */
function writeIndex(out: string, drawn: FigureSpec[], result: PlotResult): void {
  const now = new Date().toISOString();
  const before = readFigureIndex(join(out, '..'));
  const byId = new Map((before?.figures ?? []).map((e) => [e.id, e]));
  for (const f of result.figures) byId.set(f.id, { id: f.id, kind: f.kind, rendered: true, at: now, files: f.files.map((x) => basename(x)), seconds: Math.round(f.seconds * 1000) / 1000 });
  for (const f of result.failed) {
    const was = byId.get(f.id);
    byId.set(f.id, { id: f.id, kind: f.kind, rendered: false, at: was?.rendered ? was.at : null, error: f.error });
  }
  const order = drawn.map((f) => f.id);
  const figures = [...byId.values()].sort((a, b) => (order.indexOf(a.id) + 1 || 1e9) - (order.indexOf(b.id) + 1 || 1e9));
  writeFileAtomic(join(out, 'index.json'), JSON.stringify({ written: now, figures } satisfies FigureIndex, null, 1) + '\n');
}
