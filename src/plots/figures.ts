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
 * One file per kind in ./figures/ (dose also draws `box`); shared helpers in ./figures/shared.ts
 * (tables, points, types), ./figures/vega.ts (spec pieces) and ./figures/rerun.ts (re-run figures).
 * This file dispatches on the kind and exports what callers import.
 *
 * Means and intervals are read from the tables as the sweep wrote them; nothing is averaged
 * here. Axis titles and units come from ./labels.ts; numbers are formatted with d3-format.
 * Colours: Okabe–Ito for categories and viridis for ordered values (both readable with the
 * common colour-vision deficiencies).
 */
import type { FigureSpec } from '../experiment/define.js';
import type { SweepFolder } from './sweep-data.js';
import type { BuiltFigure } from './figures/shared.js';
import { timeseries } from './figures/timeseries.js';
import { dose } from './figures/dose.js';
import { heatmap } from './figures/heatmap.js';
import { multiples } from './figures/multiples.js';
import { effects } from './figures/effects.js';
import { distribution } from './figures/distribution.js';
import { network } from './figures/network.js';

export { FigureError, pointText, type BuiltFigure } from './figures/shared.js';
export { OKABE_ITO, wrapText } from './figures/vega.js';
export { networkSample } from './figures/network.js';

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
