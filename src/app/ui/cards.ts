/**
 * Metric cards: the current value of four key metrics with one line each on what it means. A card
 * shows a metric only when the preset records it ("not recorded" otherwise), so the page's CSV stays
 * the CLI's steps.csv for the same settings — nothing is computed beside the recorded rows.
 */
import type { Row } from '../../core/contracts.js';
import { fmt } from './chart.js';

export const CARDS: { id: string; title: string; explain: string }[] = [
  { id: 'listed_share', title: 'Listed share', explain: 'Share of people on a blacklist right now.' },
  { id: 'gini_wealth', title: 'Gini of wealth', explain: 'Wealth inequality: 0 = everyone has the same, 1 = one person has everything.' },
  { id: 'score_assortativity', title: 'Score assortativity', explain: 'Do friends have alike scores? Above 0: people with similar scores cluster together.' },
  { id: 'listed_rate_ratio', title: 'Listed rate ratio', explain: 'How many times more often the minority is listed than the majority (1 = equally often).' },
];

/** Builds the cards (one `.card[data-metric]` each) into `el`. */
export function makeCards(el: HTMLElement): void {
  el.replaceChildren(
    ...CARDS.map((c) => {
      const card = document.createElement('div');
      card.className = 'card';
      card.dataset.metric = c.id;
      const h = document.createElement('h3');
      h.textContent = c.title;
      const code = document.createElement('code');
      code.textContent = c.id;
      const value = document.createElement('p');
      value.className = 'value';
      value.textContent = '—';
      const explain = document.createElement('p');
      explain.className = 'explain';
      explain.textContent = c.explain;
      card.append(h, code, value, explain);
      return card;
    }),
  );
}

/** Shows the last recorded value of each card's metric. */
export function updateCards(el: HTMLElement, columns: string[], rows: Row[]): void {
  const last = rows[rows.length - 1];
  for (const c of CARDS) {
    const v = el.querySelector<HTMLElement>(`.card[data-metric="${c.id}"] .value`);
    if (!v) continue;
    v.textContent = !columns.includes(c.id) ? 'not recorded' : last ? fmt(last[c.id]) : '—';
  }
}
