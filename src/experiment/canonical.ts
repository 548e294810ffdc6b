/**
 * Canonical forms and hashes: what makes seeds, run ids and definition hashes depend on what a
 * run *is* and never on how or where it was computed.
 *
 * - `canonicalJson`: JSON with object keys sorted at every depth, `undefined` fields dropped,
 *   functions written as their source text (so a changed summary function or custom regime
 *   changes a definition hash), numbers in JavaScript's shortest round-trip form.
 * - `runSeed` / `runId`: derived from (experiment id, canonical JSON of the parameter point,
 *   replicate). Adding a grid point or a replicate never changes another run's seed or id.
 *   The seed is the 32-bit FNV-1a hash of ../core/rng.ts (`hashString`); the run id is the first
 *   12 hex digits of a SHA-256 of the same text (48 bits, so ids do not collide in practice;
 *   a plan with a collision is refused, see ./plan.ts).
 * - `encodeNumbers` / `decodeNumbers`: JSON cannot hold NaN or ±Infinity; run records write them
 *   as the strings "NaN", "Infinity", "-Infinity" and read them back as numbers.
 */
import { createHash } from 'node:crypto';
import { hashString } from '../core/rng.js';

function canon(v: unknown): unknown {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'function') return `[function] ${v.toString()}`;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (typeof v === 'bigint') return v.toString();
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : canon(x)));
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as object).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = canon(x);
  }
  return out;
}

/** JSON with sorted keys at every depth (see the file header). */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(canon(v)) ?? 'null';
}

/** Hex SHA-256 of a string. */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** The text a run's seed and id are derived from. */
function runKey(experimentId: string, point: Record<string, unknown>, replicate: number): string {
  return `${experimentId}\u0000${canonicalJson(point)}\u0000${replicate}`;
}

/**
 * 32-bit seed of a run. With `crn` (common random numbers) the seed depends on the replicate
 * only, so every parameter point of one replicate shares its random streams.
 */
export function runSeed(experimentId: string, point: Record<string, unknown>, replicate: number, crn = false): number {
  return hashString(crn ? `${experimentId}\u0000crn\u0000${replicate}` : runKey(experimentId, point, replicate));
}

/** 12-hex-digit id of a run (file name of its record, first column of every table). */
export function runId(experimentId: string, point: Record<string, unknown>, replicate: number): string {
  return sha256(runKey(experimentId, point, replicate)).slice(0, 12);
}

const NONFINITE = new Set(['NaN', 'Infinity', '-Infinity']);

/** Numbers that JSON cannot hold → strings (for run records). */
export function encodeNumber(v: number | null): number | string | null {
  return typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
}

/** Inverse of `encodeNumber`. */
export function decodeNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && NONFINITE.has(v)) return Number(v);
  return null;
}
