/**
 * `renderExperiment(dir)`: the figures (`scorelab plot`) and then the report (`scorelab report`)
 * of a results folder, as a sweep does when it ends. A figure that cannot be drawn is a warning,
 * not a failure: the tables are already written and stay as they are.
 */
import { plotExperiment, type PlotResult } from '../plots/plot.js';
import { openSweep } from '../plots/sweep-data.js';
import { writeReport, type ReportResult } from './report.js';

/** What `renderExperiment` wrote: the report and its figures. */
export interface RenderResult {
  dir: string;
  plot: PlotResult;
  report: ReportResult;
  /** One line per figure not drawn. */
  warnings: string[];
}

/** Renders a results folder's report (report.html) from its tables. */
export async function renderExperiment(dir: string, opts: { experiment?: string } = {}): Promise<RenderResult> {
  const f = openSweep(dir, opts);
  const plot = await plotExperiment(dir, opts, f);
  const report = await writeReport(dir, opts, f);
  const warnings = plot.failed.map((x) => `figure '${x.id}' (${x.kind}) not drawn: ${x.error}`);
  return { dir: f.dir, plot, report, warnings };
}
