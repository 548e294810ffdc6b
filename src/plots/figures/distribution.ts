/**
 * The distribution figure (src/plots/figures.ts): an agent column by group at the start and the end
 * of replicate 0 of the points shown, re-run through ../agents.ts.
 */
import type { FigureSpec } from '../../experiment/define.js';
import { type Rerun, rerunAgents } from '../agents.js';
import { fmt } from '../labels.js';
import { labelKeys, type SweepFolder } from '../sweep-data.js';
import { type BuiltFigure, type Panel, pointText } from './shared.js';
import { OKABE_ITO, top } from './vega.js';
import { agentColumn, agentTitle, byText, needExperiment, pointsWhere, reproduction } from './rerun.js';

export async function distribution(f: SweepFolder, fig: Extract<FigureSpec, { kind: 'distribution' }>): Promise<BuiltFigure> {
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
