/**
 * Tests for the experiment designs: exact checks on tiny designs, golden Sobol points
 * (from scipy.stats.qmc.Sobol(d, scramble=False), which uses the same Joe–Kuo table), and
 * seeded statistical checks of the Sobol and Morris estimators on the Ishigami function
 * (Ishigami & Homma 1990; analytic indices as in Saltelli et al. 2010 / Sobol' & Levitan 1999).
 */
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/core/rng.js';
import {
  gridDesign,
  latinHypercube,
  latinHypercubeUnit,
  morrisDesign,
  morrisIndices,
  saltelliDesign,
  sobolIndices,
  sobolSequence,
  SOBOL_MAX_DIM,
  type Factor,
  type MorrisMeta,
  type Point,
  type SaltelliMeta,
} from '../../src/experiment/designs/index.js';

/** Ishigami test function: f = sin x1 + a sin² x2 + b x3⁴ sin x1, on [−π, π]³. */
function ishigami(x1: number, x2: number, x3: number, a = 7, b = 0.1): number {
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}
const ISHI: Factor[] = ['x1', 'x2', 'x3'].map((name) => ({ name, min: -Math.PI, max: Math.PI }));
const ishiY = (pts: Point[]) => pts.map((p) => ishigami(p.x1 as number, p.x2 as number, p.x3 as number));
// Analytic values for a = 7, b = 0.1: V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50).
const S1_TRUE = [0.3139052, 0.4424111, 0];
const ST_TRUE = [0.5575889, 0.4424111, 0.2436837];

describe('gridDesign', () => {
  it('sweeps arrays, holds scalars, first key slowest', () => {
    const pts = gridDesign({ a: [1, 2], n: 100, b: ['x', 'y', 'z'], on: true });
    expect(pts).toHaveLength(6);
    expect(pts.map((p) => `${p.a}${p.b}`)).toEqual(['1x', '1y', '1z', '2x', '2y', '2z']);
    for (const p of pts) {
      expect(p.n).toBe(100);
      expect(p.on).toBe(true);
      expect(Object.keys(p)).toEqual(['a', 'n', 'b', 'on']);
    }
  });
  it('product size; one point when nothing is swept; dotted and nested keys', () => {
    expect(gridDesign({ a: [1, 2, 3], b: [1, 2], c: [0, 1, 2, 3] })).toHaveLength(24);
    expect(gridDesign({ a: 1, b: 'x' })).toEqual([{ a: 1, b: 'x' }]);
    const nested = gridDesign({ regimes: { sesame: { friendWeight: [0.1, 0.2] } }, 'graph.n': 50 });
    expect(nested).toEqual([
      { 'regimes.sesame.friendWeight': 0.1, 'graph.n': 50 },
      { 'regimes.sesame.friendWeight': 0.2, 'graph.n': 50 },
    ]);
  });
  it('rejects empty lists, non-scalar levels and doubled keys, naming the field', () => {
    expect(() => gridDesign({ a: [] })).toThrow(/designs\/grid: a: an empty list/);
    expect(() => gridDesign({ a: [1, [2]] })).toThrow(/a\[1\]/);
    expect(() => gridDesign({ a: null })).toThrow(/designs\/grid: a/);
    expect(() => gridDesign({ 'x.y': 1, x: { y: 2 } })).toThrow(/given twice/);
  });
});

describe('latinHypercube', () => {
  it('hits each of n strata exactly once per factor, within bounds', () => {
    const n = 37;
    const F: Factor[] = [
      { name: 'u', min: 0, max: 1 },
      { name: 'w', min: -5, max: 20 },
      { name: 'g', min: 1e-3, max: 10, log: true },
    ];
    const pts = latinHypercube(F, n, makeRng('lhs'));
    expect(pts).toHaveLength(n);
    for (const f of F) {
      const xs = pts.map((p) => p[f.name] as number);
      for (const x of xs) expect(x >= f.min && x <= f.max).toBe(true);
      const t = (x: number) => (f.log ? Math.log(x / f.min) / Math.log(f.max / f.min) : (x - f.min) / (f.max - f.min));
      const strata = xs.map((x) => Math.min(n - 1, Math.floor(t(x) * n + 1e-9)));
      expect(new Set(strata).size).toBe(n);
    }
    const unit = latinHypercubeUnit(4, 50, makeRng('unit'));
    for (let j = 0; j < 4; j++) expect(new Set(unit.map((r) => Math.floor(r[j]! * 50))).size).toBe(50);
  });
  it('rounds int factors into range; deterministic per seed', () => {
    const F: Factor[] = [{ name: 'k', min: 2, max: 9, int: true }, { name: 'p', min: 0, max: 1 }];
    const a = latinHypercube(F, 20, makeRng('s'));
    for (const p of a) expect(Number.isInteger(p.k) && (p.k as number) >= 2 && (p.k as number) <= 9).toBe(true);
    expect(latinHypercube(F, 20, makeRng('s'))).toEqual(a);
    expect(latinHypercube(F, 20, makeRng('t'))).not.toEqual(a);
    expect(() => latinHypercube([{ name: 'g', min: 0, max: 1, log: true }], 5, makeRng('x'))).toThrow(/log factor/);
  });
});

describe('sobolSequence', () => {
  it('matches scipy.stats.qmc.Sobol(scramble=False) (Joe–Kuo new-joe-kuo-6.21201)', () => {
    const s = sobolSequence(4096, 6);
    expect(s.slice(0, 8).map((r) => r.slice(0, 3))).toEqual([
      [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
    ]);
    expect(s[1000]).toEqual([0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375, 0.9072265625]);
    expect(s[4095]).toEqual([0.000244140625, 0.941162109375, 0.334228515625, 0.901611328125, 0.940185546875, 0.078857421875]);
    expect(sobolSequence(3, 6, { skip: 1000 })[0]).toEqual(s[1000]);
  });
  it('every one of the 53 coordinates of the first 2^m points is a (0, m, 1)-net', () => {
    const m = 9;
    const s = sobolSequence(2 ** m, SOBOL_MAX_DIM);
    for (let d = 0; d < SOBOL_MAX_DIM; d++) expect(new Set(s.map((r) => Math.floor(r[d]! * 2 ** m))).size).toBe(2 ** m);
    expect(() => sobolSequence(4, SOBOL_MAX_DIM + 1)).toThrow(/designs\/sobol: dim/);
  });
  it('a digital shift keeps the stratification and is deterministic per seed', () => {
    const a = sobolSequence(256, 4, { rng: makeRng('shift') });
    expect(sobolSequence(256, 4, { rng: makeRng('shift') })).toEqual(a);
    for (let d = 0; d < 4; d++) expect(new Set(a.map((r) => Math.floor(r[d]! * 256))).size).toBe(256);
  });
});

describe('saltelliDesign / sobolIndices', () => {
  it('builds A, A_B^(i), B row by row: N(k + 2) points', () => {
    const F: Factor[] = [{ name: 'p', min: 0, max: 1 }, { name: 'q', min: 10, max: 20 }, { name: 'r', min: 1, max: 100, log: true }];
    const d = saltelliDesign(F, 16);
    const meta = d.meta as SaltelliMeta;
    expect(d.points).toHaveLength(16 * 5);
    expect(meta.matrixNames).toEqual(['A', 'AB:p', 'AB:q', 'AB:r', 'B']);
    expect(meta.matrix.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    for (let j = 0; j < 16; j++) {
      const [A, ...rest] = d.points.slice(j * 5, j * 5 + 5);
      const B = rest[3]!;
      F.forEach((f, i) => {
        for (const g of F) expect(rest[i]![g.name]).toBe(g === f ? B[g.name] : A![g.name]);
      });
      expect(meta.row[j * 5]).toBe(j);
    }
    expect(saltelliDesign(F, 16, { rng: makeRng('a') })).toEqual(saltelliDesign(F, 16, { rng: makeRng('a') }));
  });
  it('a factor the output ignores gets S1 = ST = 0 exactly', () => {
    const d = saltelliDesign(ISHI, 64);
    const r = sobolIndices(d, d.points.map((p) => Math.sin(p.x1 as number) + (p.x3 as number) ** 2));
    expect(r.S1[1]).toBe(0);
    expect(r.ST[1]).toBe(0);
    expect(() => sobolIndices(d, [1, 2])).toThrow(/designs\/saltelli: y/);
  });
  it('recovers the Ishigami indices (N = 2^13)', () => {
    const d = saltelliDesign(ISHI, 2 ** 13);
    const r = sobolIndices(d, ishiY(d.points), { resamples: 100, rng: makeRng('boot') });
    console.log('Ishigami N=2^13 S1', r.S1.map((v) => v.toFixed(4)), 'ST', r.ST.map((v) => v.toFixed(4)),
      'S1_conf', r.S1_conf!.map((v) => v.toFixed(3)), 'ST_conf', r.ST_conf!.map((v) => v.toFixed(3)));
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.S1[i]! - [0.314, 0.442, 0][i]!)).toBeLessThan(0.05);
      expect(Math.abs(r.ST[i]! - [0.558, 0.442, 0.244][i]!)).toBeLessThan(0.05);
      expect(Math.abs(r.S1[i]! - S1_TRUE[i]!)).toBeLessThan(0.01);
      expect(Math.abs(r.ST[i]! - ST_TRUE[i]!)).toBeLessThan(0.01);
      expect(r.S1_conf![i]!).toBeGreaterThan(0);
      expect(Math.abs(r.S1[i]! - S1_TRUE[i]!)).toBeLessThan(r.S1_conf![i]!);
      expect(Math.abs(r.ST[i]! - ST_TRUE[i]!)).toBeLessThan(r.ST_conf![i]!);
    }
  });
  it('a shifted (randomised) design also recovers them (N = 2^12)', () => {
    const d = saltelliDesign(ISHI, 2 ** 12, { rng: makeRng('shift') });
    const r = sobolIndices(d, ishiY(d.points));
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.S1[i]! - S1_TRUE[i]!)).toBeLessThan(0.05);
      expect(Math.abs(r.ST[i]! - ST_TRUE[i]!)).toBeLessThan(0.05);
    }
  });
});

describe('morrisDesign / morrisIndices', () => {
  it('trajectories move one factor by Δ at a time, each factor once, on the grid', () => {
    const F: Factor[] = [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: -2, max: 2 }, { name: 'c', min: 0, max: 3 }];
    const d = morrisDesign(F, 5, 4, makeRng('m'));
    const meta = d.meta as MorrisMeta;
    expect(d.points).toHaveLength(5 * 4);
    expect(meta.delta).toBeCloseTo(2 / 3, 12);
    for (let t = 0; t < 5; t++) {
      const tr = d.points.slice(t * 4, t * 4 + 4);
      expect(new Set(meta.moved.slice(t * 4 + 1, t * 4 + 4))).toEqual(new Set([0, 1, 2]));
      for (let m = 1; m < 4; m++) {
        const changed = F.filter((f) => tr[m]![f.name] !== tr[m - 1]![f.name]);
        expect(changed).toHaveLength(1);
        const f = changed[0]!;
        const step = ((tr[m]![f.name] as number) - (tr[m - 1]![f.name] as number)) / (f.max - f.min);
        expect(step).toBeCloseTo(meta.sign[t * 4 + m]! * (2 / 3), 12);
      }
      for (const p of tr) for (const f of F) expect(((p[f.name] as number) - f.min) / ((f.max - f.min) / 3) % 1).toBeCloseTo(0, 9);
    }
    expect(morrisDesign(F, 5, 4, makeRng('m'))).toEqual(d);
    expect(() => morrisDesign(F, 5, 5, makeRng('m'))).toThrow(/designs\/morris: levels/);
  });
  it('a linear model gives μ = μ* = slope × range and σ = 0', () => {
    const F: Factor[] = [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: -2, max: 2 }];
    const d = morrisDesign(F, 8, 6, makeRng('lin'));
    const r = morrisIndices(d, d.points.map((p) => 3 * (p.a as number) - 0.5 * (p.b as number)));
    [3, -2].forEach((e, i) => {
      expect(r.mu[i]).toBeCloseTo(e, 10);
      expect(r.muStar[i]).toBeCloseTo(Math.abs(e), 10);
      expect(r.sigma[i]).toBeCloseTo(0, 10);
    });
  });
  it('Ishigami, p = 4: μ*₂ = 7.875 exactly, μ*₁ ≈ 7.70, μ*₃ ≈ 6.25, x3 ranked last', () => {
    // On the 4-level grid {−π, −π/3, π/3, π}: sin² x2 ∈ {0, ¾}, so every EE of x2 is ±7·¾/Δ;
    // EE₁ = (√3/2)(1 + 0.1·x3⁴)/Δ ≥ 0; |EE₃| = 0.1·|sin x1|·(π⁴ − (π/3)⁴)/Δ or 0, each w.p. ½.
    const d = morrisDesign(ISHI, 1000, 4, makeRng('morris-ishigami'));
    const r = morrisIndices(d, ishiY(d.points));
    console.log('Ishigami Morris r=1000 p=4 mu*', r.muStar.map((v) => v.toFixed(3)), 'mu', r.mu.map((v) => v.toFixed(3)),
      'sigma', r.sigma.map((v) => v.toFixed(3)));
    expect(r.muStar[1]).toBeCloseTo(7.875, 9);
    expect(Math.abs(r.muStar[0]! - 7.704)).toBeLessThan(0.7);
    expect(Math.abs(r.muStar[2]! - 6.249)).toBeLessThan(0.7);
    expect(r.mu[0]).toBeCloseTo(r.muStar[0]!, 9);
    expect(Math.abs(r.mu[1]!)).toBeLessThan(0.1 * r.muStar[1]!);
    expect(Math.abs(r.mu[2]!)).toBeLessThan(0.1 * r.muStar[2]!);
    expect(r.muStar[2]).toBeLessThan(Math.min(r.muStar[0]!, r.muStar[1]!));
    expect(r.sigma[2]).toBeGreaterThan(r.sigma[0]!); // x3 acts only through its interaction with x1
  });
});
