/**
 * The page's settings in `location.hash` (URLSearchParams): `preset`, `seed`, `agents`, repeated
 * `set=<path>=<value>` for the parameters changed from the preset, `network=on|off`,
 * `color=score|group|listed`, and `ab=<path>=<value>` while A/B is on. A shared link restores
 * the same settings, hence the same numbers.
 */
export type ColorBy = 'score' | 'group' | 'listed';

export interface PageState {
  preset: string;
  seed: number | null;
  agents: number | null;
  sets: [string, string][];
  network: boolean;
  color: ColorBy;
  ab: [string, string] | null;
}

function pair(text: string, what: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`the link's ${what}=${text} is not of the form path=value`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}

function int(text: string | null, what: string): number | null {
  if (text === null || text === '') return null;
  const v = Number(text);
  if (!Number.isInteger(v) || v < 0) throw new Error(`the link's ${what}=${text} is not a whole number`);
  return v;
}

/** Reads a hash (with or without '#'); unknown keys are ignored, malformed values are errors. */
export function parseHash(hash: string): Partial<PageState> {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const out: Partial<PageState> = {};
  const preset = q.get('preset');
  if (preset) out.preset = preset;
  const seed = int(q.get('seed'), 'seed');
  if (seed !== null) out.seed = seed;
  const agents = int(q.get('agents'), 'agents');
  if (agents !== null) out.agents = agents;
  const sets = q.getAll('set');
  if (sets.length) out.sets = sets.map((s) => pair(s, 'set'));
  const net = q.get('network');
  if (net !== null) {
    if (net !== 'on' && net !== 'off') throw new Error(`the link's network=${net} should be on or off`);
    out.network = net === 'on';
  }
  const color = q.get('color');
  if (color !== null) {
    if (color !== 'score' && color !== 'group' && color !== 'listed') throw new Error(`the link's color=${color} should be score, group or listed`);
    out.color = color;
  }
  const ab = q.get('ab');
  if (ab) out.ab = pair(ab, 'ab');
  return out;
}

export function toHash(s: PageState): string {
  const q = new URLSearchParams();
  q.set('preset', s.preset);
  if (s.seed !== null) q.set('seed', String(s.seed));
  if (s.agents !== null) q.set('agents', String(s.agents));
  for (const [p, v] of s.sets) q.append('set', `${p}=${v}`);
  q.set('network', s.network ? 'on' : 'off');
  q.set('color', s.color);
  if (s.ab) q.set('ab', `${s.ab[0]}=${s.ab[1]}`);
  return '#' + q.toString();
}
