/**
 * `scorelab report`: one self-contained HTML page for a sweep's results folder — the question,
 * the claim it tests (quoted, with source and page), the mechanism and the control, the expected
 * directions against what effects.csv shows, the figures (inline SVG from figures/, drawn by
 * `scorelab plot`) with their captions, the effects table with intervals, the parameter table,
 * the ODD description of the base scenario (src/scenario/odd.ts) and the manifest.
 *
 * The page needs no network: the SVGs and the CSS are inline and there is no script. Every piece
 * of text is escaped. Effects are reported as found: a direction that did not appear is said so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { FigureSpec } from '../experiment/define.js';
import { scenarioFor } from '../experiment/plan.js';
import { fmt, fmtMetric, fmtParam, metricLabel, metricTitle, paramLabel } from '../plots/labels.js';
import type { FigureMeta } from '../plots/plot.js';
import { declaredFigures, readFigureIndex } from '../plots/plot.js';
import { pointText } from '../plots/figures.js';
import { experimentText, labelKeys, openSweep, varyingParams, type Cell, type ExperimentText, type SweepFolder } from '../plots/sweep-data.js';
import { writeFileAtomic } from '../results/atomic.js';
import { prepareScenario } from '../scenario/load.js';
import { oddDocument, oddMarkdown } from '../scenario/odd.js';
import { CSS, esc, markdownToHtml, numCell, table } from './html.js';

/** What `writeReport` wrote. */
export interface ReportResult {
  file: string;
  sections: string[];
  /** Figures declared but not found in figures/ (not drawn yet, or failed). */
  missingFigures: string[];
}

/** A path as a reader of this page can use it: relative to the working folder when inside it. */
function shownPath(p: string | null | undefined): string {
  if (!p) return '';
  if (!isAbsolute(p)) return p;
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
}

const num = (v: Cell | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

type Direction = 'up' | 'down' | 'none';

/** What an effect's interval says, against the expected direction. */
export function verdict(expected: Direction | undefined, lo: number | null, hi: number | null): { found: string; cls: string; agrees: boolean | null } {
  if (lo === null || hi === null) return { found: 'no interval (fewer than 2 replicate pairs)', cls: 'verdict-none', agrees: null };
  const found: Direction = lo > 0 ? 'up' : hi < 0 ? 'down' : 'none';
  const words = found === 'none' ? 'no clear effect (the interval includes 0)' : `${found} (the interval excludes 0)`;
  if (!expected) return { found: words, cls: 'verdict-none', agrees: null };
  const agrees = found === expected;
  return { found: words, cls: agrees ? 'verdict-yes' : 'verdict-no', agrees };
}

function pointName(f: SweepFolder, i: number | null, against: number | null): string {
  const p = i === null ? undefined : f.plan.points[i];
  if (!p) return String(i);
  const c = against === null ? undefined : f.plan.points[against];
  // the factors that differ from the control first (a naming factor before them)
  const differ = c ? f.plan.paramKeys.filter((k) => JSON.stringify(p[k] ?? null) !== JSON.stringify(c[k] ?? null)) : [];
  return pointText(p, labelKeys(f.plan, [], differ)) || `point ${i}`;
}

function claimSection(t: ExperimentText): string {
  const parts: string[] = ['<h2 id="question">The question</h2>', t.question ? `<p>${esc(t.question)}</p>` : '<p class="meta">The experiment states no question (question: in its file).</p>'];
  parts.push('<h2 id="claim">The claim</h2>');
  if (t.claim) {
    const where = [t.claim.source, t.claim.page].filter(Boolean).join(', ');
    parts.push(`<blockquote><p>${esc(t.claim.quote)}</p><cite>— ${esc(where)}</cite></blockquote>`);
  } else parts.push('<p class="meta">The experiment quotes no claim (claim: in its file).</p>');
  parts.push('<h2 id="mechanism">The mechanism</h2>', t.mechanism ? `<p>${esc(t.mechanism)}</p>` : '<p class="meta">No mechanism described (mechanism: in its file).</p>');
  parts.push('<h2 id="control">The control</h2>');
  if (t.control) {
    const set = Object.entries(t.control.set).map(([k, v]) => `${esc(paramLabel(k).short)} = ${esc(fmtParam(v))} <span class="meta">(<code>${esc(k)}</code>)</span>`);
    parts.push(`<p>${t.control.label ? `<strong>${esc(t.control.label)}</strong>: ` : ''}${set.join('; ')}. Every other design point is a treatment, paired with the point that equals it except for these values, replicate by replicate under common random numbers.</p>`);
  } else parts.push('<p class="meta">The experiment declares no control, so no paired effects are computed.</p>');
  return parts.join('\n');
}

function expectedSection(f: SweepFolder, t: ExperimentText): string {
  const out = ['<h2 id="found">Expected and found</h2>'];
  const expected = (t.expected ?? {}) as Record<string, Direction>;
  const eff = f.table('effects');
  const metrics = Object.keys(expected);
  if (!metrics.length) {
    out.push('<p class="meta">The experiment states no expected directions (expected: in its file).</p>');
    return out.join('\n');
  }
  if (!eff) {
    out.push(`<p class="warn">No effects.csv in this folder${t.control ? '' : ' (the experiment declares no control)'}: the expected directions below are not tested.</p>`);
  }
  const rows: string[][] = [];
  const summary: string[] = [];
  for (const m of metrics) {
    const exp = expected[m];
    const hits = eff?.rows.filter((r) => r.metric === m) ?? [];
    if (hits.length) {
      const found = hits.map((r) => {
        const lo = num(r.ci_low);
        const hi = num(r.ci_high);
        return lo === null || hi === null ? 'no interval' : lo > 0 ? 'up' : hi < 0 ? 'down' : 'no clear effect';
      });
      const count = (w: string) => found.filter((x) => x === w).length;
      const parts = ['up', 'down', 'no clear effect', 'no interval'].filter((w) => count(w)).map((w) => `${w} in ${count(w)}`);
      summary.push(`<li><strong>${esc(metricLabel(m).label)}</strong> (expected ${esc(exp === 'none' ? 'no effect' : exp)}): ${esc(parts.join(', '))} of ${hits.length} treatment(s).</li>`);
    }
    if (!hits.length) {
      rows.push([esc(metricLabel(m).label), esc(exp), '—', '—', `<span class="verdict-none">not measured (not in effects.csv)</span>`]);
      continue;
    }
    for (const r of hits) {
      const lo = num(r.ci_low);
      const hi = num(r.ci_high);
      const v = verdict(exp, lo, hi);
      const said = v.agrees === null ? v.found : v.agrees ? `as expected: ${v.found}` : `not as expected: ${v.found}`;
      rows.push([
        esc(metricLabel(m).label),
        esc(exp),
        esc(pointName(f, num(r.treatment), num(r.control))),
        `${numCell(fmtMetric(m, num(r.diff)), r.diff)} [${numCell(fmtMetric(m, lo), r.ci_low)}, ${numCell(fmtMetric(m, hi), r.ci_high)}]`,
        `<span class="${v.cls}">${esc(said)}</span>`,
      ]);
    }
  }
  out.push('<p>Each treatment against its control: the paired difference (treatment − control) of the run summaries with its 95 % interval, from effects.csv. “Up” or “down” only when the interval excludes 0.</p>');
  if (summary.length) out.push(`<ul class="summary">${summary.join('')}</ul>`);
  out.push(table(['outcome', 'expected', 'treatment', 'difference [95 % interval]', 'found'], rows, 'found'));
  return out.join('\n');
}

function figureMeta(dir: string, id: string): FigureMeta | null {
  const p = join(dir, 'figures', `${id}.vl.json`);
  if (!existsSync(p)) return null;
  try {
    return (JSON.parse(readFileSync(p, 'utf8')) as { usermeta?: { scorelab?: FigureMeta } }).usermeta?.scorelab ?? null;
  } catch {
    return null;
  }
}

/**
 * An SVG file for inlining: no XML prolog or doctype, no script, and its ids (vega's clip paths,
 * gradients) prefixed with the figure's id, since several SVGs share one document's id space.
 */
export function inlineSvg(text: string, prefix: string): string {
  const p = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  return text
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/<!DOCTYPE[^>]*>\s*/i, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/\bid="([^"]+)"/g, `id="${p}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${p}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${p}-$1"`);
}

function figuresSection(f: SweepFolder, figs: FigureSpec[], missing: string[]): string {
  const out = ['<h2 id="figures">Figures</h2>'];
  if (!figs.length) out.push('<p class="meta">The experiment declares no figures.</p>');
  // figures/index.json (written by scorelab plot): which figures were drawn, when, and why not
  const index = new Map((readFigureIndex(f.dir)?.figures ?? []).map((e) => [e.id, e]));
  figs.forEach((fig, k) => {
    const svgPath = join(f.dir, 'figures', `${fig.id}.svg`);
    const entry = index.get(fig.id);
    const failed = entry && !entry.rendered && entry.error ? ` The last <code>scorelab plot</code> could not draw it: ${esc(entry.error)}` : '';
    if (!existsSync(svgPath)) {
      missing.push(fig.id);
      out.push(`<p class="warn">Figure ${k + 1} (${esc(fig.id)}, ${esc(fig.kind)}) is not drawn: run <code>scorelab plot ${esc(shownPath(f.dir))}</code>.${failed}</p>`);
      return;
    }
    if (failed) out.push(`<p class="warn">Figure ${k + 1} (${esc(fig.id)}) below is from an earlier drawing.${failed}</p>`);
    const drawn = entry?.rendered && entry.at ? `drawn ${esc(entry.at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}; ` : '';
    const meta = figureMeta(f.dir, fig.id);
    const caption = meta?.caption ?? fig.caption ?? '';
    const notes = meta?.notes?.length ? ` <span class="meta">${esc(meta.notes.join('; '))}.</span>` : '';
    const bad = meta?.reproduction?.some((r) => r.reproduced === false) ? ' <strong class="warn">The re-run did not reproduce the sweep.</strong>' : '';
    out.push(
      `<figure id="figure-${esc(fig.id)}">${inlineSvg(readFileSync(svgPath, 'utf8'), `fig-${fig.id}`)}<figcaption><strong>Figure ${k + 1}.</strong> ${esc(caption)}${notes}${bad} <span class="meta">(${drawn}figures/${esc(fig.id)}.svg, .png, .vl.json)</span></figcaption></figure>`,
    );
  });
  return out.join('\n');
}

function effectsSection(f: SweepFolder, t: ExperimentText): string {
  const out = ['<h2 id="effects">Effects</h2>'];
  const eff = f.table('effects');
  if (!eff) {
    out.push(`<p class="meta">No effects.csv${t.control ? '' : ': the experiment declares no control'}.</p>`);
    return out.join('\n');
  }
  const rows = eff.rows.map((r) => {
    const m = String(r.metric);
    const cell = (k: string) => numCell(fmtMetric(m, num(r[k])), r[k]);
    return [
      esc(pointName(f, num(r.treatment), num(r.control))),
      `${esc(metricLabel(m).label)} <span class="meta">(<code>${esc(m)}</code>)</span>`,
      numCell(fmt(num(r.n), ',d'), r.n),
      cell('treatment_mean'),
      cell('control_mean'),
      cell('diff'),
      `[${cell('ci_low')}, ${cell('ci_high')}]`,
      numCell(fmt(num(r.rel_diff), '+.1~%'), r.rel_diff),
    ];
  });
  out.push(`<p>Paired by replicate against ${esc(t.control?.label ?? 'the control')}; n is the number of replicate pairs; the interval is the 95 % Student t interval of the mean paired difference; the relative difference is diff ÷ |control mean|.</p>`);
  out.push(table(['treatment', 'outcome', 'n', 'treatment mean', 'control mean', 'difference', '95 % interval', 'relative'], rows, 'effects'));
  return out.join('\n');
}

function parametersSection(f: SweepFolder, t: ExperimentText): string {
  const plan = f.plan;
  const out = ['<h2 id="parameters">Parameters</h2>', '<h3>Design factors</h3>'];
  const varying = new Set(varyingParams(plan));
  const factorRows = plan.paramKeys.map((k) => {
    const l = paramLabel(k);
    const vals = [...new Set(plan.points.map((p) => fmtParam(p[k])))];
    const shown = vals.length > 12 ? `${vals.length} values from ${vals[0]} to ${vals[vals.length - 1]}` : vals.join(', ');
    return [`<code>${esc(k)}</code>`, esc(l.short), esc(l.unit || '—'), esc(l.doc || '—'), esc(varying.has(k) ? shown : `${shown} (held)`)];
  });
  out.push(factorRows.length ? table(['parameter', 'what', 'unit', 'description', 'values'], factorRows) : '<p class="meta">No design factors.</p>');
  out.push(`<p>Design: ${esc(plan.design.kind)}, ${plan.points.length} distinct point(s) × ${plan.settings.replicates} replicate(s) = ${plan.runs.length} runs.</p>`);
  out.push('<h3>Held settings</h3>');
  const held: string[][] = [];
  for (const [k, v] of Object.entries(t.set ?? {})) {
    const l = paramLabel(k);
    held.push([`<code>${esc(k)}</code>`, esc(l.short), esc(fmtParam(v)), esc(l.unit || '—')]);
  }
  const s = plan.settings;
  held.push(['base scenario', 'the scenario every run starts from', esc(shownPath(plan.base.file)), '—']);
  if (s.steps !== null) held.push(['steps', 'steps per run', esc(fmtParam(s.steps)), 'steps']);
  if (s.agents !== null) held.push(['population.agents', 'agents per run', esc(fmtParam(s.agents)), 'count']);
  held.push(['replicates', 'runs per design point', esc(String(s.replicates)), 'count']);
  held.push(['crn', 'common random numbers (pairs share seeds)', s.crn ? 'on' : 'off', '—']);
  if (s.metrics) held.push(['metrics', 'recorded at each step', esc(s.metrics.map((m) => metricTitle(m)).join('; ')), '—']);
  held.push(['summary', 'one row of runs.csv per run', esc(plan.summary), '—']);
  out.push(table(['setting', 'what', 'value', 'unit'], held));
  return out.join('\n');
}

async function oddSection(f: SweepFolder): Promise<string> {
  const out = ['<h2 id="odd">The model (ODD description of the base scenario)</h2>'];
  const exp = await f.experiment();
  if (!exp) {
    out.push(`<p class="warn">Not available: ${esc(f.experimentError ?? 'the experiment file cannot be loaded')}.</p>`);
    return out.join('\n');
  }
  try {
    const raw = scenarioFor(exp, f.plan.settings, {}, f.plan.runs[0]?.seed ?? 0);
    const loaded = await prepareScenario(raw, exp.baseFile);
    const md = oddMarkdown(oddDocument(loaded.scenario, { plugins: [...exp.plugins, ...loaded.plugins], graph: loaded.graph }));
    out.push('<p class="meta">The base scenario with the experiment’s held settings, before the design’s values are applied.</p>');
    out.push(markdownToHtml(md, 2));
  } catch (e) {
    out.push(`<p class="warn">The ODD description could not be built: ${esc((e as Error).message)}</p>`);
  }
  return out.join('\n');
}

/** The sweep command that makes this folder again (the sizes given on its command line included). */
async function sweepCommand(f: SweepFolder): Promise<string> {
  const plan = f.plan;
  const exp = await f.experiment();
  const def = exp?.def;
  const flags: string[] = [];
  const s = plan.settings;
  if (def) {
    if (s.replicates !== (def.replicates ?? 1)) flags.push(`--replicates ${s.replicates}`);
    if (s.steps !== (def.steps ?? null) && s.steps !== null) flags.push(`--steps ${s.steps}`);
    if (s.agents !== (def.agents ?? null) && s.agents !== null) flags.push(`--agents ${s.agents}`);
  }
  return `scorelab sweep ${shownPath(plan.experiment.file) || plan.experiment.id}${flags.length ? ` ${flags.join(' ')}` : ''}`;
}

function manifestSection(f: SweepFolder, command: string): string {
  const m = f.manifest;
  const out = ['<h2 id="manifest">Provenance (manifest.json)</h2>'];
  if (!m) {
    out.push('<p class="warn">No manifest.json in this folder.</p>');
    return out.join('\n');
  }
  const ex = (m.execution ?? {}) as Record<string, unknown>;
  const rows: [string, unknown][] = [
    ['scorelab version', m.scorelab],
    ['git commit', m.commit ?? '(not in a git checkout)'],
    ['Node', m.node],
    ['platform', m.platform],
    ['definition hash', m.definition],
    ['seeds', m.seeds],
    ['order of runs', m.order],
    ['runs', m.runs ? `${m.runs.completed} of ${m.runs.planned} finished, ${m.runs.failed} failed` : ''],
    ['started', ex.startedAt],
    ['finished', ex.finishedAt],
    ['wall time', typeof ex.seconds === 'number' ? `${fmt(ex.seconds, ',.1f')} s on ${ex.workers} worker(s)` : ''],
  ];
  out.push(table(['field', 'value'], rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [esc(k), esc(v)])));
  out.push(`<details><summary>The whole manifest</summary><pre>${esc(JSON.stringify(m, null, 2))}</pre></details>`);
  out.push(`<p>Reproduce: <code>${esc(command)}</code>; check the committed folder with <code>scorelab verify ${esc(shownPath(f.dir))}</code>.</p>`);
  return out.join('\n');
}

/** Builds the report page of a results folder (figures are read from figures/). */
export async function reportHtml(f: SweepFolder): Promise<{ html: string; sections: string[]; missingFigures: string[] }> {
  const t = await experimentText(f);
  const plan = f.plan;
  const title = t.title ?? plan.experiment.title ?? plan.experiment.id;
  const missing: string[] = [];
  const sections = [
    claimSection(t),
    expectedSection(f, t),
    figuresSection(f, declaredFigures(f), missing),
    effectsSection(f, t),
    parametersSection(f, t),
    await oddSection(f),
    manifestSection(f, await sweepCommand(f)),
  ];
  const ids = ['question', 'claim', 'mechanism', 'control', 'found', 'figures', 'effects', 'parameters', 'odd', 'manifest'];
  const names = ['Question', 'Claim', 'Mechanism', 'Control', 'Expected and found', 'Figures', 'Effects', 'Parameters', 'Model (ODD)', 'Provenance'];
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="meta">Experiment <code>${esc(plan.experiment.id)}</code> · ${plan.runs.length} runs · scorelab ${esc(f.manifest?.scorelab ?? plan.scorelab)}${f.manifest?.commit ? ` · commit ${esc(String(f.manifest.commit).slice(0, 12))}` : ''}</p>
${t.description ? `<p>${esc(t.description)}</p>` : ''}
<nav><ul>${ids.map((id, k) => `<li><a href="#${id}">${esc(names[k])}</a></li>`).join('')}</ul></nav>
${sections.join('\n')}
</body>
</html>
`;
  return { html, sections: ids, missingFigures: missing };
}

/** Writes report.html into a results folder. */
export async function writeReport(dir: string, opts: { experiment?: string } = {}, folder?: SweepFolder): Promise<ReportResult> {
  const f = folder ?? openSweep(dir, opts);
  const { html, sections, missingFigures } = await reportHtml(f);
  const file = join(f.dir, 'report.html');
  writeFileAtomic(file, html);
  return { file, sections, missingFigures };
}
