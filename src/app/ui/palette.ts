/**
 * Colour-blind-safe colours: viridis for scores (perceptually uniform, readable in grey), and
 * Okabe & Ito's palette (2008, "Color Universal Design") for groups and list status.
 */
export const OKABE_ITO = { orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', grey: '#999999' };

/** Viridis at nine evenly spaced points (matplotlib's table). */
const VIRIDIS_STOPS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

function rgb(hex: string): [number, number, number] {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

/** 256 viridis colours as CSS hex strings, so colouring an agent is a table look-up. */
export const VIRIDIS: string[] = Array.from({ length: 256 }, (_, k) => {
  const t = (k / 255) * (VIRIDIS_STOPS.length - 1);
  const i = Math.min(VIRIDIS_STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const a = rgb(VIRIDIS_STOPS[i]!);
  const b = rgb(VIRIDIS_STOPS[i + 1]!);
  return '#' + a.map((x, c) => Math.round(x + (b[c]! - x) * f).toString(16).padStart(2, '0')).join('');
});

export const GROUP_COLORS = [OKABE_ITO.blue, OKABE_ITO.orange];
export const LISTED_COLOR = OKABE_ITO.vermillion;
export const UNLISTED_COLOR = '#c8c8c8';
export const NO_SCORE_COLOR = OKABE_ITO.grey;
