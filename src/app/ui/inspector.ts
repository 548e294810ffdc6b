/**
 * The agent inspector: score over time (a small SVG sparkline), lists, sanctions and friends of
 * one agent. Friends are buttons, so one can walk the network from the keyboard.
 */
import type { AgentInfo } from '../protocol.js';
import { fmt } from './chart.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A sparkline of the score history, with a text alternative. */
function sparkline(info: AgentInfo): Element {
  const wrap = el('div', undefined, 'history');
  const h = Array.from(info.history);
  if (!info.scoreName || !h.length) {
    wrap.textContent = 'No score in this preset.';
    return wrap;
  }
  const lo = Math.min(...h);
  const hi = Math.max(...h);
  const W = 240;
  const H = 48;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('width', String(W));
  svg.setAttribute('height', String(H));
  svg.setAttribute('role', 'img');
  const text = `${info.scoreName} of agent ${info.id}: ${fmt(h[0])} at step 0, ${fmt(h[h.length - 1])} at step ${h.length - 1} (lowest ${fmt(lo)}, highest ${fmt(hi)})`;
  svg.setAttribute('aria-label', text);
  const line = document.createElementNS(SVG, 'polyline');
  const pts = h.map((v, k) => `${h.length === 1 ? 0 : (k / (h.length - 1)) * W},${hi === lo ? H / 2 : H - 2 - ((v - lo) / (hi - lo)) * (H - 4)}`);
  line.setAttribute('points', pts.join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#0072B2');
  line.setAttribute('stroke-width', '1.5');
  svg.append(line);
  wrap.append(svg, el('p', text, 'history-text'));
  return wrap;
}

export function showAgent(container: HTMLElement, info: AgentInfo, onFriend: (id: number) => void): void {
  const box = el('section');
  box.dataset.agentId = String(info.id);
  box.append(el('h3', `Agent ${info.id} (${info.group ? 'minority' : 'majority'} group)`));
  box.append(el('h4', 'Score over time'), sparkline(info));
  box.append(el('h4', 'Lists'));
  const lists = el('ul', undefined, 'lists');
  if (!info.lists.length) lists.append(el('li', 'This preset keeps no lists.'));
  for (const l of info.lists) {
    const what = l.on ? `on it since day ${l.since}` : 'not on it';
    lists.append(el('li', `${l.id} (${l.kind === 'black' ? 'blacklist' : 'honour list'}): ${what}; listed ${l.times} time${l.times === 1 ? '' : 's'}`));
  }
  box.append(lists);
  box.append(el('h4', 'Sanctions'));
  const sanc = el('ul', undefined, 'sanctions');
  if (!info.sanctions.length) sanc.append(el('li', 'No sanction so far.'));
  for (const s of info.sanctions) sanc.append(el('li', `${s.domain}: ${s.count} step${s.count === 1 ? '' : 's'} with a sanction`));
  sanc.append(el('li', `income multiplier this step: ${fmt(info.incomeMult)}`));
  box.append(sanc);
  box.append(el('h4', `Friends (${info.friends.length})`));
  const friends = el('ul', undefined, 'friends');
  for (const f of info.friends) {
    const li = el('li');
    li.dataset.id = String(f);
    const b = el('button', String(f));
    b.type = 'button';
    b.setAttribute('aria-label', `inspect agent ${f}`);
    b.addEventListener('click', () => onFriend(f));
    li.append(b);
    friends.append(li);
  }
  box.append(friends);
  container.replaceChildren(box);
}
