/**
 * Small, safe HTML helpers for the report: escaping, tables, and a Markdown subset (headings,
 * paragraphs, lists, pipe tables, **bold**, `code`) for the ODD text. Every piece of text goes
 * through `esc`; nothing here fetches anything.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Inline Markdown on escaped text: `code` and **bold**. */
function inline(text: string): string {
  return esc(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/**
 * Markdown → HTML for the subset that the ODD writer produces. Headings are shifted down by
 * `shift` levels so that they nest under the report's own.
 */
export function markdownToHtml(md: string, shift = 2): string {
  const out: string[] = [];
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
    if (list) out.push(`<ul>${list.map((li) => `<li>${inline(li)}</li>`).join('')}</ul>`);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      const level = Math.min(6, h[1]!.length + shift);
      out.push(`<h${level}>${inline(h[2]!)}</h${level}>`);
      continue;
    }
    if (/^\s*\|/.test(line)) {
      flush();
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i]!)) rows.push(cells(lines[i++]!));
      i--;
      const [head, sep, ...body] = rows;
      const hasHead = sep !== undefined && sep.every((c) => /^:?-{2,}:?$/.test(c));
      const bodyRows = hasHead ? body : rows.slice(head ? 0 : 1);
      out.push(
        '<table class="odd">' +
          (hasHead ? `<thead><tr>${head!.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead>` : '') +
          `<tbody>${bodyRows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
      );
      continue;
    }
    const li = /^\s*[-*]\s+(.*)$/.exec(line);
    if (li) {
      if (para.length) {
        out.push(`<p>${inline(para.join(' '))}</p>`);
        para = [];
      }
      (list ??= []).push(li[1]!);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    if (list) {
      // a wrapped list item
      list[list.length - 1] += ` ${line.trim()}`;
      continue;
    }
    para.push(line.trim());
  }
  flush();
  return out.join('\n');
}

/** A table from a header and rows of cells that are already HTML. */
export function table(head: string[], rows: string[][], cls = ''): string {
  return (
    `<table${cls ? ` class="${esc(cls)}"` : ''}><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/** A cell that shows a formatted number and keeps the value as written in the table. */
export function numCell(shown: string, raw: unknown): string {
  return `<span class="num" data-value="${esc(raw === null || raw === undefined ? '' : raw)}">${esc(shown)}</span>`;
}

export const CSS = `
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 1180px; margin: 2em auto; padding: 0 1.2em; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.08em; } h4, h5, h6 { font-size: 1em; }
.meta { color: #555; font-size: 0.9em; }
blockquote { border-left: 4px solid #0072B2; margin: 1em 0; padding: 0.3em 1em; background: #f5f9fc; }
blockquote cite { display: block; margin-top: 0.4em; color: #444; font-style: normal; font-size: 0.92em; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.55em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1.5em 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.92em; color: #333; max-width: 60em; }
.verdict-yes { color: #00613a; } .verdict-no { color: #a23c00; } .verdict-none { color: #555; }
.warn { color: #a23c00; }
pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.82em; }
code { background: #f3f3f3; padding: 0 0.2em; }
nav ul { columns: 2; }
`;
