/**
 * A live line chart of one recorded metric over the steps (vega-lite through vega-embed), with a
 * text summary for screen readers. Expressions are evaluated by vega-interpreter (`ast: true`),
 * so the page's content-security policy needs no 'unsafe-eval'. Redrawn at most once per frame.
 */
import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { Row } from '../../core/contracts.js';
import { OKABE_ITO } from './palette.js';

/** A number as a class reads it: up to four significant digits, no exponent for everyday sizes. */
export function fmt(v: unknown): string {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '—';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return String(Number(v.toPrecision(4)));
}

/** One sentence on how a metric moved, e.g. "listed_share rose from 0 to 0.042 over 30 steps". */
export function summarize(rows: Row[], metric: string, label = ''): string {
  const pts = rows.filter((r) => typeof r[metric] === 'number');
  const who = label ? `${label}: ` : '';
  if (!pts.length) return `${who}${metric} has no value yet${rows.length ? ` (${rows.length} recorded step${rows.length === 1 ? '' : 's'})` : ''}.`;
  const a = pts[0]!;
  const b = pts[pts.length - 1]!;
  const x0 = a[metric] as number;
  const x1 = b[metric] as number;
  const span = (b.step as number) - (a.step as number);
  if (pts.length === 1) return `${who}${metric} is ${fmt(x0)} at step ${fmt(a.step)}.`;
  const verb = x1 > x0 ? 'rose' : x1 < x0 ? 'fell' : 'stayed';
  const vals = pts.map((r) => r[metric] as number);
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const range = lo !== Math.min(x0, x1) || hi !== Math.max(x0, x1) ? ` (between ${fmt(lo)} and ${fmt(hi)} on the way)` : '';
  return verb === 'stayed'
    ? `${who}${metric} stayed at ${fmt(x0)} over ${span} steps${range}.`
    : `${who}${metric} ${verb} from ${fmt(x0)} to ${fmt(x1)} over ${span} steps${range}.`;
}

export class MetricChart {
  private result: Result | null = null;
  private metric = '';
  private rows: Row[] = [];
  private queued = false;
  private building: Promise<void> | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly summaryEl: HTMLElement,
    private readonly label: string,
  ) {}

  /** Shows `metric` over `rows` (re-embeds when the metric changes). */
  async show(metric: string, rows: Row[]): Promise<void> {
    this.rows = rows;
    if (metric !== this.metric || !this.result) {
      this.metric = metric;
      this.result?.finalize();
      const spec = {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        width: 'container' as const,
        height: 220,
        description: `${metric} over the steps of run ${this.label}`,
        data: { name: 'table' },
        mark: { type: 'line' as const, point: rows.length < 60, color: this.label === 'B' ? OKABE_ITO.orange : OKABE_ITO.blue },
        encoding: {
          x: { field: 'step', type: 'quantitative' as const, title: 'step' },
          y: { field: 'value', type: 'quantitative' as const, title: metric, scale: { zero: false } },
        },
      };
      this.building = embed(this.el, spec, { ast: true, expr: expressionInterpreter, actions: false, renderer: 'svg' }).then((r) => {
        this.result = r;
      });
    }
    await this.building;
    this.draw();
  }

  /** New rows arrived: redraw on the next animation frame. */
  update(rows: Row[]): void {
    this.rows = rows;
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => {
      this.queued = false;
      this.draw();
    });
  }

  private draw(): void {
    this.summaryEl.textContent = summarize(this.rows, this.metric, this.label === 'B' ? 'B' : '');
    if (!this.result) return;
    const values = this.rows.filter((r) => typeof r[this.metric] === 'number').map((r) => ({ step: r.step, value: r[this.metric] }));
    void this.result.view.data('table', values).runAsync();
  }

  /** The chart as a PNG data URL. */
  async png(): Promise<string> {
    if (!this.result) throw new Error('there is no chart yet');
    return this.result.view.toImageURL('png', 2);
  }
}
