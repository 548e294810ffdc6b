/**
 * The ODD document as Markdown (`oddMarkdown`, for a paper appendix; src/scenario/odd.ts builds
 * the document).
 */
import type { OddDocument, OddParam, OddSectionKey } from './model.js';

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function cell(v: unknown): string {
  return show(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function paramTable(rows: OddParam[]): string[] {
  if (!rows.length) return ['No parameters.'];
  const out = ['| parameter | value | default | unit | meaning | source |', '|---|---|---|---|---|---|'];
  for (const r of rows) out.push(`| ${cell(r.name)} | ${cell(r.value)} | ${cell(r.default)} | ${cell(r.unit || '—')} | ${cell(r.doc)} | ${cell(r.source || '(no source given)')} |`);
  return out;
}

/** The ODD document as Markdown (a paper appendix). */
export function oddMarkdown(doc: OddDocument): string {
  const o: string[] = [];
  const h2 = (k: OddSectionKey) => {
    const sec = doc.sections.find((x) => x.key === k)!;
    o.push(`## ${sec.number}. ${sec.title}`, '');
  };
  o.push(`# ODD protocol: ${doc.scenario.title || doc.scenario.name}`, '');
  o.push(`Scenario \`${doc.scenario.name}\`${doc.scenario.file ? ` (${doc.scenario.file})` : ''}, described after the ODD protocol of ${doc.protocol.reference}.`, '');

  h2('purposeAndPatterns');
  o.push('### Purpose', '', doc.purposeAndPatterns.purpose, '', '### Patterns', '', ...doc.purposeAndPatterns.patterns.map((p) => `- ${p}`), '');

  h2('entities');
  o.push('### Entities', '', ...doc.entities.entities.map((e) => `- **${e.name}**: ${e.description}`), '');
  o.push('### State variables', '');
  if (doc.entities.stateVariables.length) {
    o.push('Agent state variables (columns; plug-ins add their own):', '', '| variable | type | owner | meaning |', '|---|---|---|---|');
    for (const v of doc.entities.stateVariables) o.push(`| ${cell(v.name)} | ${v.type} | ${cell(v.owner)} | ${cell(v.doc || '(not described)')} |`);
  } else o.push('(not listed: the world was not built because its graph comes from a file that was not read)');
  o.push('', 'Each tie carries a layer (online, offline, or both). The world keeps the step number and the day.', '');
  o.push('### Scales', '', `- Temporal: ${doc.entities.scales.temporal}`, `- Spatial: ${doc.entities.scales.spatial}`, '');

  h2('process');
  o.push(doc.process.overview, '', '| stage | the core | plug-ins, in order |', '|---|---|---|');
  for (const st of doc.process.stages) o.push(`| ${st.stage} | ${cell(st.core.join('; ') || '—')} | ${cell(st.plugins.join(', ') || '—')} |`);
  o.push('', doc.process.scheduling, '');

  h2('designConcepts');
  doc.designConcepts.forEach((c, i) => {
    o.push(`### 4.${i + 1} ${c.title}`, '', c.text, '');
    if (c.key === 'observation' && doc.metrics.length) {
      o.push('| metric columns | definition | reference |', '|---|---|---|');
      for (const m of doc.metrics) o.push(`| ${cell(m.columns.join(', '))} | ${cell(m.doc)} | ${cell(m.reference || '—')} |`);
      o.push('');
    }
  });

  h2('initialization');
  o.push(doc.initialization.text, '', ...paramTable(doc.initialization.parameters), '');

  h2('inputData');
  o.push(doc.inputData.text, '');

  h2('submodels');
  doc.submodels.forEach((m, i) => {
    o.push(`### 7.${i + 1} ${m.id} — ${m.title}`, '');
    o.push(`Family: ${m.family}. Acts at: ${m.stages.join(', ') || '(no stage found)'}.`, '');
    o.push(m.description || '(the plug-in gives no description)', '');
    o.push('Equations:', '');
    if (m.equations) o.push(...m.equations.map((e) => `- \`${e}\``));
    else o.push('- (not given by the plug-in: its rules are stated in words above)');
    o.push('');
    if (m.family !== 'core') o.push('Parameters:', '', ...paramTable(m.params), '');
    if (m.agentColumns.length) o.push(`Agent columns: ${m.agentColumns.join(', ')}.`, '');
    if (m.stepColumns.length) o.push(`Step columns: ${m.stepColumns.join(', ')}.`, '');
    o.push(`Sources: ${m.sources.length ? m.sources.join('; ') : '(none given)'}`, '');
  });

  o.push('## What the plug-ins do not document', '');
  if (doc.gaps.length) for (const g of doc.gaps) o.push(`- ${g.plugin}: ${g.lacks.join('; ')}`);
  else o.push('Nothing: every plug-in gives its equations, sources and units.');
  o.push('');
  return o.join('\n');
}
