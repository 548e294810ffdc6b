/**
 * The classroom page: pick a preset, move a slider, press Run, watch the network and the charts.
 * Its ids, data attributes and `window.scorelab` are a contract with the end-to-end tests; the
 * simulation runs in workers (src/app/worker.ts) on the same core as `scorelab run`.
 */
import type { Row } from '../core/contracts.js';
import { browserRunnable } from './runnable.js';
import { makeCards, updateCards } from './ui/cards.js';
import { fmt, MetricChart } from './ui/chart.js';
import { byId, diffColumns, fillAbParams, makeSliders, suggestB } from './ui/controls.js';
import { showAgent } from './ui/inspector.js';
import { Loop, SPEED_MAX } from './ui/loop.js';
import { NetworkView } from './ui/network.js';
import { REPLACED, Runner } from './ui/runner.js';
import { parseHash, toHash, type ColorBy, type PageState } from './ui/url.js';

interface Preset { name: string; title: string; description: string; watch: string; raw: Record<string, unknown> }
declare const __SCORELAB_PRESETS__: Preset[];

/** The page's population when neither the link nor the teacher sets one: the preset's, at most this. */
const DEFAULT_AGENTS_CAP = 2_000;
/** The largest population the page builds (a browser tab's memory; the command line goes further). */
const MAX_AGENTS = 100_000;

const all = __SCORELAB_PRESETS__;
const presets = all.filter((p) => browserRunnable(p.raw) === null);
const excluded = all.filter((p) => browserRunnable(p.raw) !== null);
const el = {
  preset: byId<HTMLSelectElement>('preset'), params: byId('params'), agents: byId<HTMLInputElement>('agents'), seed: byId<HTMLInputElement>('seed'),
  speed: byId<HTMLInputElement>('speed'), speedOut: byId('speed-out'), tick: byId('tick'), total: byId('total'), status: byId('status'),
  netToggle: byId<HTMLInputElement>('network-toggle'), colorBy: byId<HTMLSelectElement>('color-by'), metric: byId<HTMLSelectElement>('chart-metric'),
  cards: byId('cards'), cardsB: byId('cards-b'), inspector: byId('inspector'), inspectId: byId<HTMLInputElement>('inspect-id'),
  abToggle: byId<HTMLInputElement>('ab-toggle'), abPanel: byId('ab-panel'), abParam: byId<HTMLSelectElement>('ab-param'), abValue: byId<HTMLInputElement>('ab-value'),
  tickB: byId('tick-b'), abDiff: byId('ab-diff'), bFigure: byId('b-figure'), shareUrl: byId<HTMLOutputElement>('share-url'),
};
const workerUrl = new URL('worker.js', import.meta.url).href;
const network = new NetworkView(byId('network'), (id) => void inspect(id));
const chartA = new MetricChart(byId('chart'), byId('chart-summary'), 'A');
const chartB = new MetricChart(byId('chart-b'), byId('chart-summary-b'), 'B');
const A = new Runner(workerUrl);
let B: Runner | null = null;
let state: PageState = { preset: '', seed: null, agents: null, sets: [], network: true, color: 'score', ab: null };
let inspected: number | null = null;
let generation = 0;

const say = (text: string) => (el.status.textContent = text);
/** A batch cut short because its run was rebuilt or B switched off: not an error to show. */
const replaced = (e: Error) => e.message === REPLACED;
const preset = () => presets.find((p) => p.name === state.preset)!;
const runners = () => (B ? [A, B] : [A]);
const speed = () => Number(el.speed.value);
const loop = new Loop(runners, speed, () => state.network, onBatch, (why) => say(`Finished: ${why} (step ${A.tick}).`), (e) => !replaced(e) && say(`Error: ${e.message}`), () => (state.network ? network.renderMs : 0));

function setsOf(s: PageState, forB: boolean): string[] {
  const sets = s.sets.filter(([p]) => !(forB && s.ab && p === s.ab[0])).map(([p, v]) => `${p}=${v}`);
  if (forB && s.ab) sets.push(`${s.ab[0]}=${s.ab[1]}`);
  return sets;
}

function writeHash(): void {
  history.replaceState(null, '', toHash(state));
}

/** The latest rebuild, settled or not: Run and Step wait for it, so no batch meets a half-built pair of runs. */
let building: Promise<void> = Promise.resolve();

/** Builds the world(s) for the current settings; every change of settings comes here (a reset). */
function rebuild(freshPreset = false): Promise<void> {
  building = rebuildNow(freshPreset);
  return building;
}

async function rebuildNow(freshPreset: boolean): Promise<void> {
  const me = ++generation;
  loop.stop();
  const p = preset();
  const raw = p.raw as { seed?: number; population?: { agents?: number } };
  state.seed ??= raw.seed ?? 1;
  state.agents ??= Math.min(raw.population?.agents ?? 1000, DEFAULT_AGENTS_CAP);
  el.agents.value = String(state.agents);
  el.seed.value = String(state.seed);
  writeHash();
  say(`Building ${fmt(state.agents)} agents…`);
  if (state.ab && !B) B = new Runner(workerUrl);
  if (!state.ab && B) (B.terminate(), (B = null));
  const req = (forB: boolean) => ({ raw: p.raw, label: p.name, sets: setsOf(state, forB), seed: state.seed!, agents: state.agents!, network: state.network && !forB });
  const [a, b] = await Promise.all([A.build(req(false)), B ? B.build(req(true)) : Promise.resolve(null)]);
  if (me !== generation) return;
  if (freshPreset || !el.params.querySelector('input')) makeSliders(el.params, a.params, onSlider);
  fillAbParams(el.abParam, a.params, state.ab?.[0] ?? null);
  const keep = el.metric.value;
  el.metric.replaceChildren(...a.metrics.map((m) => Object.assign(document.createElement('option'), { value: m, textContent: m })));
  el.metric.value = a.metrics.includes(keep) ? keep : (a.metrics.find((m) => m === 'listed_share') ?? a.metrics[0] ?? '');
  el.total.textContent = String(a.total);
  network.show(a);
  setColor(state.color);
  el.bFigure.hidden = !b;
  await Promise.all([chartA.show(el.metric.value, A.rows), b ? chartB.show(el.metric.value, B!.rows) : null]);
  inspected = null;
  el.inspector.replaceChildren();
  onBatch();
  say(`Ready: ${fmt(a.n)} agents, ${a.name}, seed ${state.seed}${b ? `; B sets ${state.ab![0]} = ${state.ab![1]}` : ''}. Press Run.`);
}

function setColor(c: ColorBy): void {
  state.color = c;
  network.setColorBy(c);
  byId('legend').textContent = NetworkView.legend(c, A.built?.scoreName ?? null);
}

function onBatch(): void {
  el.tick.textContent = String(A.tick);
  const cols = A.built?.columns ?? [];
  updateCards(el.cards, cols, A.rows);
  chartA.update(A.rows);
  if (state.network) network.update(A.frame);
  if (B) {
    el.tickB.textContent = String(B.tick);
    updateCards(el.cardsB, B.built?.columns ?? [], B.rows);
    chartB.update(B.rows);
    const d = diffColumns(A.rows, B.rows, cols);
    el.abDiff.textContent = d.length ? `Differs between A and B so far: ${d.join(', ')}` : 'A and B: identical so far';
  }
  if (loop.running) say(`Running ${fmt(A.built?.n ?? 0)} agents: step ${A.tick} of ${A.built?.total ?? 0} (${loop.stepsPerSecond().toFixed(1)} steps/s)`);
  if (inspected !== null && !loop.running) void inspect(inspected);
}

function onSlider(p: { path: string; base: number | boolean }, value: string): void {
  state.sets = state.sets.filter(([q]) => q !== p.path);
  if (Number(value) !== p.base) state.sets.push([p.path, value]);
  void rebuild().catch(fail);
}

async function inspect(id: number): Promise<void> {
  try {
    const info = await A.agent(id);
    inspected = id;
    el.inspectId.value = String(id);
    showAgent(el.inspector, info, (f) => void inspect(f));
  } catch (e) {
    say(`Cannot inspect: ${(e as Error).message}`);
  }
}

function download(name: string, href: string): void {
  const a = Object.assign(document.createElement('a'), { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

function fail(e: unknown): void {
  say(`Error: ${(e as Error).message ?? String(e)}`);
}

function choosePreset(name: string): void {
  state = { ...state, preset: name, seed: null, agents: null, sets: [], ab: null };
  el.abToggle.checked = false;
  el.abPanel.hidden = true;
  showPresetText();
  void rebuild(true).catch(fail);
}

function showPresetText(): void {
  const p = preset();
  el.preset.value = p.name;
  byId('preset-title').textContent = p.title || p.name;
  byId('preset-description').textContent = p.description.trim();
  byId('preset-watch').textContent = p.watch.trim();
}

function wire(): void {
  el.preset.addEventListener('change', () => choosePreset(el.preset.value));
  const num = (input: HTMLInputElement, key: 'agents' | 'seed') =>
    input.addEventListener('change', () => {
      const v = Number(input.value);
      const [lo, hi] = key === 'agents' ? [2, MAX_AGENTS] : [0, 2 ** 32 - 1];
      if (!Number.isInteger(v) || v < lo || v > hi) return say(`${key === 'agents' ? 'Population' : 'Seed'}: expected a whole number from ${fmt(lo)} to ${fmt(hi)}, found "${input.value}"`);
      state[key] = v;
      void rebuild().catch(fail);
    });
  num(el.agents, 'agents');
  num(el.seed, 'seed');
  const showSpeed = () => {
    const s = speed();
    el.speedOut.textContent = s >= SPEED_MAX ? 'max' : String(s);
    el.speed.setAttribute('aria-valuetext', s >= SPEED_MAX ? 'as fast as possible' : `${s} steps per second`);
  };
  el.speed.addEventListener('input', showSpeed);
  showSpeed();
  byId('run').addEventListener('click', () => {
    void building.then(() => {
      if (A.done) return say('The run has ended; press Reset to start again.');
      loop.start();
      say(`Running ${fmt(A.built?.n ?? 0)} agents`);
    }, fail);
  });
  byId('pause').addEventListener('click', () => (loop.stop(), say(`Paused at step ${A.tick}.`), inspected !== null && void inspect(inspected)));
  byId('step').addEventListener('click', () => void building.then(() => loop.stepOnce()).then(() => say(`Step ${A.tick}.`), fail));
  byId('reset').addEventListener('click', () => void rebuild().catch(fail));
  el.netToggle.addEventListener('change', () => {
    state.network = el.netToggle.checked;
    writeHash();
    if (!state.network) return network.clear();
    // the run goes on: the worker lays out the ties of now (a frame, while running, follows)
    void (A.built?.network ? Promise.resolve(A.built) : A.layout()).then((b) => (network.show(b), setColor(state.color)), fail);
  });
  el.colorBy.addEventListener('change', () => {
    setColor(el.colorBy.value as ColorBy);
    writeHash();
  });
  el.metric.addEventListener('change', () => void Promise.all([chartA.show(el.metric.value, A.rows), B ? chartB.show(el.metric.value, B.rows) : null]));
  const go = () => void inspect(Number(el.inspectId.value));
  byId('inspect-go').addEventListener('click', go);
  el.inspectId.addEventListener('keydown', (e) => e.key === 'Enter' && go());
  byId('export-csv').addEventListener('click', async () => {
    const text = await A.csv();
    download(`${state.preset}-seed${state.seed}.csv`, URL.createObjectURL(new Blob([text], { type: 'text/csv' })));
  });
  byId('export-png').addEventListener('click', async () => download(`${state.preset}-seed${state.seed}-${el.metric.value}.png`, await chartA.png()));
  byId('share').addEventListener('click', async () => {
    el.shareUrl.value = location.href;
    try {
      await navigator.clipboard.writeText(location.href);
      say('Link copied.');
    } catch {
      say('The link is shown beside the button; copy it from there.');
    }
  });
  const setAb = () => {
    state.ab = el.abToggle.checked ? [el.abParam.value, el.abValue.value.trim()] : null;
    el.abPanel.hidden = !el.abToggle.checked;
    void rebuild().catch(fail);
  };
  el.abToggle.addEventListener('change', () => {
    const p = A.built?.params.find((q) => q.path === el.abParam.value);
    if (el.abToggle.checked && !el.abValue.value && p) el.abValue.value = suggestB(p);
    setAb();
  });
  el.abParam.addEventListener('change', () => {
    const p = A.built?.params.find((q) => q.path === el.abParam.value);
    if (p) el.abValue.value = suggestB(p);
    if (el.abToggle.checked) setAb();
  });
  el.abValue.addEventListener('change', () => el.abToggle.checked && setAb());
}

function start(): Promise<void> {
  if (!presets.length) throw new Error('this build holds no preset that a browser can run');
  el.preset.replaceChildren(...presets.map((p) => Object.assign(document.createElement('option'), { value: p.name, textContent: `${p.title || p.name}` })));
  byId('about-excluded').textContent = excluded.length
    ? `Left out of the menu: ${excluded.map((p) => `${p.name} (${browserRunnable(p.raw)})`).join('; ')}. Run them with the command line.`
    : 'Every preset of scorelab runs here.';
  makeCards(el.cards);
  makeCards(el.cardsB);
  wire();
  let h: Partial<PageState> = {};
  try {
    h = parseHash(location.hash);
  } catch (e) {
    say(`The link's settings were not understood (${(e as Error).message}); starting from the preset's.`);
  }
  const name = h.preset && presets.some((p) => p.name === h.preset) ? h.preset : (presets.find((p) => p.name === 'default') ?? presets[0]!).name;
  state = { preset: name, seed: h.seed ?? null, agents: h.agents ?? null, sets: h.sets ?? [], network: h.network ?? true, color: h.color ?? 'score', ab: h.ab ?? null };
  el.netToggle.checked = state.network;
  el.colorBy.value = state.color;
  el.abToggle.checked = state.ab !== null;
  el.abPanel.hidden = state.ab === null;
  if (state.ab) el.abValue.value = state.ab[1];
  if (state.agents !== null && state.agents > MAX_AGENTS) state.agents = MAX_AGENTS;
  showPresetText();
  return rebuild(true).catch(async (e: Error) => {
    if (!state.sets.length && !state.ab) throw e;
    // a link whose parameters this preset refuses: show the preset's own settings, and say why
    state.sets = [];
    state.ab = null;
    el.abToggle.checked = false;
    el.abPanel.hidden = true;
    await rebuild(true);
    say(`The link's parameters were refused (${e.message}); showing the preset's own settings.`);
  });
}

const rowsCopy = (rows: Row[]) => rows.map((r) => ({ ...r }));
const ready = start();
ready.catch(fail);
(window as unknown as { scorelab: unknown }).scorelab = Object.freeze({
  ready,
  tick: () => A.tick,
  rows: () => rowsCopy(A.rows),
  rowsB: () => rowsCopy(B?.rows ?? []),
  stepsPerSecond: () => loop.stepsPerSecond(),
});
