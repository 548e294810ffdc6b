import { describe, expect, it } from 'vitest';
import { num, numList, oneOf, prob, resolveParams } from '../../src/core/params.js';

const table = {
  rate: prob(0.1, { doc: 'a rate' }),
  days: num(3, { min: 0, int: true, unit: 'days', doc: 'days' }),
  mode: oneOf('a', ['a', 'b'] as const, { doc: 'mode' }),
  weights: numList([0.5, 0.5], { length: 2, min: 0, max: 1, doc: 'weights' }),
};

describe('parameter tables', () => {
  it('fills defaults and parses strings from the command line', () => {
    expect(resolveParams(table, { rate: '0.3' }, 'f.yaml', 'regimes.x')).toEqual({ rate: 0.3, days: 3, mode: 'a', weights: [0.5, 0.5] });
    expect(resolveParams(table, { weights: '0.2,0.8' }, 'f.yaml', 'regimes.x').weights).toEqual([0.2, 0.8]);
  });
  it('names file, field, expected and found', () => {
    expect(() => resolveParams(table, { rate: 2 }, 'f.yaml', 'regimes.x')).toThrow(/f\.yaml: regimes\.x\.rate: expected a number between 0 and 1, found 2/);
    expect(() => resolveParams(table, { days: 1.5 }, 'f.yaml', 'regimes.x')).toThrow(/f\.yaml: regimes\.x\.days: expected an integer between 0 and \d+, found 1\.5/);
    expect(() => resolveParams(table, { mode: 'c' }, 'f.yaml', 'regimes.x')).toThrow(/expected one of 'a', 'b', found "c"/);
    expect(() => resolveParams(table, { rte: 1 }, 'f.yaml', 'regimes.x')).toThrow(/unknown parameter 'rte' \(did you mean 'rate'\?\)/);
  });
});
