/**
 * The parameter sliders (`#params`) and the A/B parameter menu, built from the plug-ins'
 * parameter tables as the worker reports them (unit, range, doc).
 */
import type { ParamInfo } from '../protocol.js';
import { fmt } from './chart.js';

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`scorelab app: the page has no #${id}`);
  return e as T;
}

/** Builds one labelled slider per numeric parameter; `onChange(path, value)` when one is released or moved by keys. */
export function makeSliders(fieldset: HTMLElement, params: ParamInfo[], onChange: (p: ParamInfo, value: string) => void): void {
  const legend = fieldset.querySelector('legend');
  fieldset.replaceChildren(...(legend ? [legend] : []));
  const nums = params.filter((p) => p.kind === 'number');
  if (!nums.length) {
    const p = document.createElement('p');
    p.textContent = 'This preset has no adjustable parameters.';
    fieldset.append(p);
  }
  nums.forEach((p, k) => {
    const id = `param-${k}`;
    const row = document.createElement('div');
    row.className = 'param';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = `${p.label}${p.unit ? ` (${p.unit})` : ''}`;
    const input = document.createElement('input');
    input.type = 'range';
    input.id = id;
    input.dataset.param = p.path;
    input.min = String(p.min);
    input.max = String(p.max);
    input.step = String(p.step);
    input.value = String(p.value);
    input.title = p.doc;
    const docId = `${id}-doc`;
    input.setAttribute('aria-describedby', docId);
    const out = document.createElement('output');
    out.htmlFor.add(id);
    out.textContent = fmt(p.value);
    const doc = document.createElement('p');
    doc.className = 'doc';
    doc.id = docId;
    doc.textContent = `${p.doc.replace(/\.?\s*$/, '.')} Range ${fmt(p.min)} to ${fmt(p.max)}; preset value ${fmt(p.base)}.`;
    input.addEventListener('input', () => (out.textContent = fmt(Number(input.value))));
    input.addEventListener('change', () => onChange(p, input.value));
    row.append(label, input, out, doc);
    fieldset.append(row);
  });
}

/** Fills the A/B menu with every parameter (numbers and switches), keeping `selected` when present. */
export function fillAbParams(select: HTMLSelectElement, params: ParamInfo[], selected: string | null): void {
  select.replaceChildren(
    ...params.map((p) => {
      const o = document.createElement('option');
      o.value = p.path;
      o.textContent = `${p.label}${p.unit ? ` (${p.unit})` : ''}`;
      return o;
    }),
  );
  if (selected && params.some((p) => p.path === selected)) select.value = selected;
}

/** A value for B that differs from A's: a switch flipped, a number moved to the other end of its range. */
export function suggestB(p: ParamInfo): string {
  if (p.kind === 'boolean') return String(!p.value);
  const v = p.value as number;
  return String(v === p.min ? p.max : p.min);
}

/** The recorded columns whose values differ between A's and B's rows so far. */
export function diffColumns(a: Record<string, unknown>[], b: Record<string, unknown>[], columns: string[]): string[] {
  const n = Math.min(a.length, b.length);
  return columns.filter((c) => {
    if (c === 'step' || c === 'day' || c === 'seed') return false;
    for (let k = 0; k < n; k++) if (a[k]![c] !== b[k]![c]) return true;
    return false;
  });
}
