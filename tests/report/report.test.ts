/**
 * scorelab report: one self-contained page (nothing to fetch: no http(s) src or href, no script,
 * inline SVG and CSS) with every section, the claim quoted and escaped, the figures inline, the
 * effects table holding effects.csv's values, and expected directions reported as found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plotExperiment } from '../../src/plots/plot.js';
import { readCsvTable } from '../../src/plots/sweep-data.js';
import { verdict, writeReport } from '../../src/report/report.js';
import { markdownToHtml, esc } from '../../src/report/html.js';
import { cli } from '../helpers.js';
import { figureSweep } from '../plots/sweep-folder.js';

let dir = '';
let html = '';
beforeAll(async () => {
  dir = figureSweep();
  await plotExperiment(dir, { only: ['dose', 'effects', 'heat'] });
  const r = await writeReport(dir);
  html = readFileSync(r.file, 'utf8');
}, 60_000);

describe('scorelab report', () => {
  it('is self-contained and has every section', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<script|<link\b|<iframe|@import/i);
    for (const id of ['question', 'claim', 'mechanism', 'control', 'found', 'figures', 'effects', 'parameters', 'odd', 'manifest']) {
      expect(html, id).toContain(`<h2 id="${id}">`);
    }
    expect(html).toContain('Does dropping low-scored friends sort a tiny network by score?');
    // the quote is escaped, with its source and page
    expect(html).toContain('Friends with low scores are dropped, and the network sorts by score &lt;b&gt;&amp;amp;&lt;/b&gt;.');
    expect(html).toContain('— A test fixture (no source), p. 1');
    expect(html).toContain('<strong>no cleanup</strong>');
    // three figures drawn inline, the others named as not drawn yet
    expect(html.match(/<figure id="figure-/g)).toHaveLength(3);
    expect(html.match(/<svg/g)!.length).toBe(3);
    expect(html).toMatch(/Figure 1 \(series, timeseries\) is not drawn/);
    // when each drawn figure was drawn, from figures/index.json
    expect(html).toMatch(/\(drawn \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; figures\/dose\.svg/);
    // the parameter table: design factors with units and descriptions, and held settings
    expect(html).toContain('<code>regimes.friend-cleanup.c</code></td><td>cleanup rate</td><td>probability</td>');
    expect(html).toMatch(/replicates<\/td><td>runs per design point<\/td><td>3</);
    // the ODD text of the base scenario, and the manifest
    expect(html).toMatch(/<h[34]>[^<]*Purpose and patterns<\/h[34]>/);
    expect(html).toContain('common random numbers: seed = FNV-1a-32');
  });

  it("holds effects.csv's values, and reports each expected direction as found", () => {
    const eff = readCsvTable(join(dir, 'effects.csv'))!;
    const section = html.slice(html.indexOf('<h2 id="effects">'), html.indexOf('<h2 id="parameters">'));
    const values = [...section.matchAll(/data-value="([^"]*)"/g)].map((m) => m[1]);
    const want = eff.raw.flatMap((r) => ['n', 'treatment_mean', 'control_mean', 'diff', 'ci_low', 'ci_high', 'rel_diff'].map((c) => r[eff.columns.indexOf(c)]));
    expect(values).toEqual(want);
    const found = html.slice(html.indexOf('<h2 id="found">'), html.indexOf('<h2 id="figures">'));
    for (const r of eff.rows.filter((x) => x.metric === 'score_assortativity' || x.metric === 'tie_count')) {
      const exp = r.metric === 'score_assortativity' ? 'up' : 'none';
      const v = verdict(exp, r.ci_low as number, r.ci_high as number);
      expect(found).toContain(esc(v.agrees ? `as expected: ${v.found}` : `not as expected: ${v.found}`));
    }
    expect(verdict('up', 0.1, 0.3)).toMatchObject({ agrees: true, found: 'up (the interval excludes 0)' });
    expect(verdict('up', -0.1, 0.3)).toMatchObject({ agrees: false, found: 'no clear effect (the interval includes 0)' });
    expect(verdict('none', -0.3, -0.1)).toMatchObject({ agrees: false, found: 'down (the interval excludes 0)' });
  });

  it('renders the Markdown subset safely', () => {
    const h = markdownToHtml('# T <x>\n\npara **b** `c`\n- one\n  wrapped\n- two\n\n| a | b |\n|---|---|\n| 1 | <i> |\n', 2);
    expect(h).toBe('<h3>T &lt;x&gt;</h3>\n<p>para <strong>b</strong> <code>c</code></p>\n<ul><li>one wrapped</li><li>two</li></ul>\n<table class="odd"><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>&lt;i&gt;</td></tr></tbody></table>');
  });

  it('the CLI writes report.html and --help works', () => {
    const r = cli(['report', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/report in .*report\.html/);
    expect(r.stderr).toMatch(/figure\(s\) series, multi, dist, net not drawn yet/);
    expect(cli(['report', '--help']).stdout).toMatch(/^Usage: scorelab report/);
  }, 30_000);
});
