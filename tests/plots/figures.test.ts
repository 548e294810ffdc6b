/**
 * scorelab plot: every FigureSpec kind renders from a tiny sweep folder — the SVG parses as XML,
 * carries the axis titles of the metric and parameter tables and no raw dotted parameter path,
 * the PNG is written — and the re-run figures (distribution, network) say that replicate 0
 * reproduced the sweep's record. A figure that cannot be drawn is reported, and the others are.
 */
import { DOMParser } from '@xmldom/xmldom';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plotExperiment } from '../../src/plots/plot.js';
import { metricTitle, paramLabel } from '../../src/plots/labels.js';
import { cli, tmp } from '../helpers.js';
import { figureSweep } from './sweep-folder.js';

let dir = '';
beforeAll(() => {
  dir = figureSweep();
}, 60_000);

function svgText(file: string): string[] {
  const svg = readFileSync(file, 'utf8');
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svg, 'image/svg+xml');
  expect(errors, file).toEqual([]);
  expect(doc.documentElement?.nodeName).toBe('svg');
  return Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '');
}

describe('scorelab plot', () => {
  it('draws every kind of figure with titles and units from the tables', async () => {
    const r = await plotExperiment(dir);
    expect(r.failed).toEqual([]);
    expect(r.figures.map((f) => f.kind).sort()).toEqual(['distribution', 'dose', 'effects', 'heatmap', 'multiples', 'network', 'timeseries']);
    const c = 'regimes.friend-cleanup.c';
    const delta = 'regimes.friend-cleanup.delta';
    const want: Record<string, string[]> = {
      // a row per metric: the metric's words over the panel, its unit on the axis, the facet in each column's header
      series: ['score assortativity', 'Pearson r over ties', 'ties', 'day', paramLabel(c).title, `${paramLabel(delta).short} = 0.05`, `${paramLabel(delta).short} = 0.2`],
      // a long axis title: the metric's words, then its unit on a line of its own
      dose: ['score assortativity', '(Pearson r over ties)', paramLabel(c).title, paramLabel(delta).title],
      heat: [paramLabel(c).title, paramLabel(delta).title, 'score assortativity'],
      multi: ['score assortativity', 'mean score', 'score units (axis not from 0)', '0 (control)', paramLabel(c).short],
      effects: ['difference from no cleanup', '(Pearson r over ties)', '(count)', 'interval excludes 0'],
      dist: ['friend-weighted score', 'majority', 'minority', 'start (day 0)', 'end (day 8)'],
      net: ['start: day 0', 'end: day 8'],
    };
    const series = r.figures.find((f) => f.id === 'series')!;
    for (const f of r.figures) {
      const [spec, svg, png] = f.files;
      expect(existsSync(spec!) && existsSync(svg!) && existsSync(png!)).toBe(true);
      expect(readFileSync(png!).subarray(1, 4).toString()).toBe('PNG');
      const texts = svgText(svg!);
      const all = texts.join('\n');
      for (const w of want[f.id]!) expect(all, `${f.id}: ${w}`).toContain(w);
      // no raw ids: no dotted scenario path, no metric column name as a title
      expect(all).not.toMatch(/regimes\.friend-cleanup|score_assortativity|tie_count|mean_score/);
      // numbers for people: no run of six zeros after a decimal point
      expect(all).not.toMatch(/\.\d*000000/);
      const meta = JSON.parse(readFileSync(spec!, 'utf8')).usermeta.scorelab;
      expect(meta.caption.length).toBeGreaterThan(20);
      expect(f.seconds).toBeLessThan(5);
    }
    // small multiples: one panel per metric in a grid, categories down the y axis in design
    // order with the control named, a dashed rule at the control's value, and a caption that
    // says which axes do not start at 0
    const multi = r.figures.find((f) => f.id === 'multi')!;
    const mspec = JSON.parse(readFileSync(multi.files[0]!, 'utf8'));
    expect(mspec.concat).toHaveLength(2);
    expect(mspec.columns).toBe(2);
    for (const panel of mspec.concat) {
      const dots = panel.layer[panel.layer.length - 1];
      expect(dots.encoding.y.scale.domain).toEqual(['0 (control)', '0.3']);
      expect(dots.encoding.x.field).toBe('mean');
      expect(panel.layer[0].transform).toEqual([{ filter: 'datum.control' }]);
      expect(panel.layer[0].mark.type).toBe('rule');
    }
    expect(mspec.concat[1].layer[2].encoding.y.axis.labels).toBe(false);
    expect(multi.caption).toMatch(/dashed line marks no cleanup/);
    expect(multi.caption).toMatch(/axes of (.*, )?mean score do not start at 0/);
    // the timeseries: one row per metric, the facets as columns, the x axis ending on the last day
    const sspec = JSON.parse(readFileSync(series.files[0]!, 'utf8'));
    expect(sspec.vconcat).toHaveLength(2);
    for (const row of sspec.vconcat) {
      expect(row.facet.column.field).toBe('facet');
      expect(row.spec.layer[0].encoding.x.scale.domain).toEqual([0, 8]);
    }
    // the legend once (the colour is shared), drawn from the lines
    expect(svgText(series.files[1]!).filter((t) => t === paramLabel(c).title)).toHaveLength(1);
    // dose: ticks at the design's levels, with a precision of their own (not the tick step's)
    const dspec = JSON.parse(readFileSync(r.figures.find((f) => f.id === 'dose')!.files[0]!, 'utf8'));
    expect(dspec.layer[0].encoding.x.axis).toMatchObject({ values: [0, 0.3], format: ',.4~r' });
    // effects: every panel lists the same treatments, named only in the first column
    const espec = JSON.parse(readFileSync(r.figures.find((f) => f.id === 'effects')!.files[0]!, 'utf8'));
    const domains = espec.concat.map((p: { layer: { encoding: { y?: { scale: { domain: string[] } } } }[] }) => JSON.stringify(p.layer[2]!.encoding.y!.scale.domain));
    expect(new Set(domains).size).toBe(1);
    // the timeseries leaves out the metric that has no value (listed_share: no blacklist here)
    expect(series.notes.join(' ')).toMatch(/agents on a blacklist: no values/);
    expect(svgText(series.files[1]!).join('\n')).not.toContain('agents on a blacklist');
    // re-run figures reproduce the sweep's record of replicate 0 and say so
    for (const id of ['dist', 'net']) {
      const f = r.figures.find((x) => x.id === id)!;
      expect(f.reproduction).toHaveLength(1);
      expect(f.reproduction![0]!.reproduced).toBe(true);
      expect(f.caption).toMatch(/reproduces the sweep's record byte for byte/);
    }
    // the network shows at most `agents` nodes (60) in each picture
    const net = JSON.parse(readFileSync(r.figures.find((x) => x.id === 'net')!.files[0]!, 'utf8'));
    for (const panel of net.hconcat) expect(panel.layer[1].data.values).toHaveLength(60);
  }, 60_000);

  it('says when a re-run does not reproduce, and reports a figure it cannot draw while drawing the rest', async () => {
    const copy = join(tmp(), 'copy');
    cpSync(dir, copy, { recursive: true });
    // replicate 0 of the network's point: change one recorded value of its record
    const plan = JSON.parse(readFileSync(join(copy, 'plan.json'), 'utf8'));
    const pi = plan.points.findIndex((p: Record<string, number>) => p['regimes.friend-cleanup.c'] === 0.3);
    const run = plan.runs.find((x: { point: number; replicate: number }) => x.point === pi && x.replicate === 0);
    const recFile = join(copy, 'runs', `${run.runId}.json`);
    const rec = JSON.parse(readFileSync(recFile, 'utf8'));
    const was = rec.rows[2][rec.columns.indexOf('tie_count')];
    rec.rows[2][rec.columns.indexOf('tie_count')] = 1;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(recFile, JSON.stringify(rec));
    rmSync(join(copy, 'effects.csv'));
    rmSync(join(copy, 'figures'), { recursive: true, force: true });
    await plotExperiment(copy, { only: ['heat'] });
    const r = await plotExperiment(copy, { only: ['net', 'effects', 'dose'] });
    // figures/index.json: what was drawn and when, in declared order, earlier drawings kept
    const index = JSON.parse(readFileSync(join(copy, 'figures', 'index.json'), 'utf8'));
    expect(index.figures.map((e: { id: string }) => e.id)).toEqual(['dose', 'heat', 'effects', 'net']);
    const entry = (id: string) => index.figures.find((e: { id: string }) => e.id === id);
    expect(entry('heat')).toMatchObject({ rendered: true, files: ['heat.vl.json', 'heat.svg', 'heat.png'] });
    expect(entry('dose').rendered).toBe(true);
    expect(Date.parse(entry('dose').at)).toBeGreaterThanOrEqual(Date.parse(entry('heat').at));
    expect(entry('effects')).toMatchObject({ rendered: false, at: null });
    expect(entry('effects').error).toMatch(/needs effects\.csv/);
    // the manifest names the declared figures and where their drawing is recorded
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    expect(manifest.figures.declared).toEqual(['series (timeseries)', 'dose (dose)', 'heat (heatmap)', 'multi (multiples)', 'effects (effects)', 'dist (distribution)', 'net (network)']);
    expect(manifest.figures.drawn).toMatch(/figures\/index\.json/);
    expect(r.figures.map((f) => f.id).sort()).toEqual(['dose', 'net']);
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0]!.error).toMatch(/needs effects\.csv/);
    const net = r.figures.find((f) => f.id === 'net')!;
    expect(net.reproduction![0]!.reproduced).toBe(false);
    expect(net.caption).toMatch(new RegExp(`does NOT reproduce.*step 2, column tie_count: committed 1, re-run ${was}\\)`));
  }, 60_000);

  it('the CLI draws with --only, and names an unknown figure with exit code 2', () => {
    const ok = cli(['plot', dir, '--only', 'heat']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/heat \(heatmap\): .*heat\.png/);
    const bad = cli(['plot', dir, '--only', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--only: no figure 'nope' in .*plan\.json \(figures: series, dose, heat, multi, effects, dist, net\)/);
    expect(cli(['plot', '--help']).stdout).toMatch(/^Usage: scorelab plot/);
    const none = cli(['plot', tmp()]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/not a sweep results folder \(no plan\.json\)/);
  }, 60_000);
});
