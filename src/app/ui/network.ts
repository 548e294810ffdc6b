/**
 * The live network (sigma.js 3.0.3, WebGL): agents placed by the worker's layout, coloured by
 * score, group or list status; listed agents drawn larger; ties dropped by cleanup hidden. The
 * graph is built once per run; a new frame only changes the typed arrays the reducers read, and
 * the view is refreshed at most once per animation frame.
 */
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram } from 'sigma/rendering';
import type { Built, Frame } from '../protocol.js';
import { GROUP_COLORS, LISTED_COLOR, NO_SCORE_COLOR, UNLISTED_COLOR, VIRIDIS } from './palette.js';
import type { ColorBy } from './url.js';

export class NetworkView {
  private sigma: Sigma | null = null;
  private frame: Frame | null = null;
  private group: Uint8Array = new Uint8Array(0);
  private size = 3;
  private queued = false;
  colorBy: ColorBy = 'score';
  /** Milliseconds the last redraw took (the run loop sizes its batches so that drawing does not hold it back). */
  renderMs = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly onClick: (id: number) => void,
  ) {}

  /** Draws a new run's network (the layout and ties of `built`). */
  show(built: Built): void {
    this.clear();
    const net = built.network;
    if (!net) return;
    const g = new UndirectedGraph();
    for (let i = 0; i < built.n; i++) g.addNode(String(i), { x: net.x[i], y: net.y[i] });
    for (let e = 0; e < net.src.length; e++) g.addEdgeWithKey(String(e), String(net.src[e]), String(net.dst[e]));
    this.group = built.group;
    this.frame = built.frame ?? null;
    this.size = built.n <= 500 ? 5 : built.n <= 2500 ? 3 : 2;
    this.sigma = new Sigma(g, this.container, {
      renderLabels: false,
      hideEdgesOnMove: true,
      defaultEdgeColor: '#cfcfcf',
      zIndex: true,
      // large networks: ties as 1-pixel GL lines instead of anti-aliased rectangles (the default),
      // several times cheaper to draw, most of all in software WebGL
      ...(built.n > 3000 ? { edgeProgramClasses: { line: EdgeLineProgram } } : {}),
      allowInvalidContainer: true,
      nodeReducer: (key, data) => this.nodeLook(Number(key), data),
      edgeReducer: (key, data) => (this.frame?.alive && this.frame.alive[Number(key)] === 0 ? { ...data, hidden: true } : data),
    });
    this.sigma.on('clickNode', ({ node }) => this.onClick(Number(node)));
  }

  private nodeLook(i: number, data: Record<string, unknown>) {
    const f = this.frame;
    const listed = f ? f.listed[i] === 1 : false;
    let color = NO_SCORE_COLOR;
    if (this.colorBy === 'group') color = GROUP_COLORS[this.group[i]!] ?? NO_SCORE_COLOR;
    else if (this.colorBy === 'listed') color = listed ? LISTED_COLOR : UNLISTED_COLOR;
    else if (f) {
      const s = f.score[i]!;
      if (!Number.isNaN(s)) color = VIRIDIS[Math.max(0, Math.min(255, Math.round(s * 255)))]!;
    }
    return { ...data, color, size: listed ? this.size * 1.9 : this.size, zIndex: listed ? 1 : 0 };
  }

  /** Takes a new frame; the view redraws on the next animation frame (once, however many frames came). */
  update(frame: Frame | null): void {
    if (frame) this.frame = frame;
    if (!this.sigma || this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => {
      this.queued = false;
      const t0 = performance.now();
      this.sigma?.refresh({ skipIndexation: true });
      this.renderMs = performance.now() - t0;
    });
  }

  setColorBy(c: ColorBy): void {
    this.colorBy = c;
    this.update(null);
  }

  /** What the colours mean, in words (shown beside the network, read by screen readers). */
  static legend(c: ColorBy, scoreName: string | null): string {
    const larger = 'Agents on a blacklist are drawn larger; ties dropped during the run disappear.';
    if (c === 'group') return `Colour: blue = majority group, orange = minority group. ${larger}`;
    if (c === 'listed') return `Colour: vermillion = on a blacklist now, light grey = not listed. ${larger}`;
    return scoreName
      ? `Colour: ${scoreName} from dark purple (lowest the scale allows) through green to yellow (highest). ${larger}`
      : `This preset has no score: every agent is grey. ${larger}`;
  }

  clear(): void {
    this.sigma?.kill();
    this.sigma = null;
    this.container.replaceChildren();
  }
}
