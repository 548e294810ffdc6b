/**
 * What the re-run figures (distribution, network) of src/plots/figures.ts share: agent column
 * names and titles, the points a figure's `where` picks, the experiment to re-run and the
 * reproduction note of each re-run (./agents.ts).
 */
import type { FigureSpec } from '../../experiment/define.js';
import type { AgentState, Rerun } from '../agents.js';
import { fmt } from '../labels.js';
import type { SweepFolder } from '../sweep-data.js';
import { type BuiltFigure, FigureError, same } from './shared.js';

export const AGENT_COLUMNS: Record<string, { label: string; unit: string }> = {
  wealth: { label: 'wealth', unit: 'currency' },
  income: { label: 'income potential', unit: 'currency per day' },
  approval: { label: 'approval of the system', unit: '0–1' },
  degree: { label: 'ties', unit: 'count' },
  dissent: { label: 'dissent propensity', unit: 'per day' },
  risk: { label: 'risk', unit: '' },
  knowledge: { label: 'knows the rules', unit: '0/1' },
  listed: { label: 'on a blacklist', unit: '0/1' },
};

export function agentTitle(column: string, s: AgentState): string {
  if (column === 'score') return s.scoreDoc ?? `score${s.scoreColumn ? ` (${s.scoreColumn.replace(/_/g, ' ')})` : ''}`;
  const a = AGENT_COLUMNS[column];
  if (a) return a.unit ? `${a.label} (${a.unit})` : a.label;
  return column.replace(/^on_/, 'on list ').replace(/_/g, ' ');
}

export function byText(by: string, v: number): string {
  if (by === 'group') return v === 1 ? 'minority' : 'majority';
  if (by === 'listed' || by.startsWith('on_')) return v ? 'listed' : 'not listed';
  return fmt(v, ',.4~r');
}

/** The column of an agent state named `name` (a list id is read as `on_<list>`). */
export function agentColumn(s: AgentState, name: string, fig: FigureSpec, field: string): Float64Array {
  const c = s.columns.get(name) ?? s.columns.get(`on_${name.replace(/-/g, '_')}`);
  if (!c) throw new FigureError(`figure '${fig.id}': ${field}: no agent column '${name}' in this run (columns: ${[...s.columns.keys()].sort().join(', ')})`);
  return c;
}

/** Points matching `where` (every given key equal); every point when `where` is absent. */
export function pointsWhere(f: SweepFolder, fig: FigureSpec, where: Record<string, unknown> | undefined): number[] {
  const hits = f.plan.points.map((p, i) => ({ p, i })).filter(({ p }) => !where || Object.entries(where).every(([k, v]) => same(p[k], v)));
  if (!hits.length) throw new FigureError(`figure '${fig.id}': where ${JSON.stringify(where)}: no design point matches`);
  return hits.map((h) => h.i);
}

export function reproduction(rs: Rerun[]): NonNullable<BuiltFigure['reproduction']> {
  return rs.map((r) => ({ runId: r.run.runId, reproduced: r.comparison.against === 'none' ? null : !r.comparison.difference, note: r.note }));
}

export async function needExperiment(f: SweepFolder, fig: FigureSpec) {
  const exp = await f.experiment();
  if (!exp) throw new FigureError(`figure '${fig.id}' (${fig.kind}) re-runs replicate 0 from the experiment file: ${f.experimentError}`);
  return exp;
}
