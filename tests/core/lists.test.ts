import { describe, expect, it } from 'vitest';
import { ListRegistry } from '../../src/core/lists.js';
import { Cases } from '../../src/core/truth.js';

describe('lists and guards', () => {
  it('lists, counts without notice, and measures days from due to removal', () => {
    const reg = new ListRegistry(3);
    const l = reg.get('court', 'black');
    expect(reg.propose({ list: l, agent: 0, day: 10, cause: -1, severity: 1, termDays: 730 })).toBe('listed');
    expect(l.on[0]).toBe(1);
    expect(l.window.withoutNotice).toBe(1);
    l.markDue(0, 20);
    l.remove(0, 23);
    expect(l.window.delistDays).toBe(3);
    expect(l.window.delistCount).toBe(1);
    expect(l.count).toBe(0);
  });

  it('a guard can block, or delay with notice; a delayed listing is withdrawn if no longer due', () => {
    const cases = new Cases();
    const weak = cases.make(-2, 0, true), strong = cases.make(3, 0, false);
    const reg = new ListRegistry(3, cases);
    const l = reg.get('court', 'black');
    reg.addGuard('test', (p) => {
      if (cases.evidence(p.cause) < 0) return false; // a guard decides on what it sees
      p.notice = true;
      p.effectiveDay = p.day + 5;
      return true;
    });
    expect(reg.propose({ list: l, agent: 0, day: 0, cause: weak, severity: 1, termDays: 10 })).toBe('blocked');
    let paid = false;
    expect(reg.propose({ list: l, agent: 1, day: 0, cause: strong, severity: 1, termDays: 10, stillDue: () => !paid })).toBe('pending');
    expect(reg.propose({ list: l, agent: 2, day: 0, cause: strong, severity: 1, termDays: 10 })).toBe('pending');
    reg.settle(4);
    expect(l.count).toBe(0);
    paid = true;
    reg.settle(5);
    expect(l.on[1]).toBe(0);
    expect(l.on[2]).toBe(1);
    expect(l.notice[2]).toBe(1);
    expect(l.total.withdrawn).toBe(1);
    expect(l.total.blocked).toBe(1);
    expect(l.cause[2]).toBe(strong);
  });

  it('entries keep their case; the label is readable only while metrics are computed', () => {
    const cases = new Cases();
    const reg = new ListRegistry(2, cases);
    const l = reg.get('risk', 'black');
    l.add(0, 0, 10, cases.make(0, 1, true), false);
    l.add(1, 0, 10, cases.make(2, 0, false), false);
    expect(l.total.wrongful).toBe(1);
    expect(() => l.isMistaken(0)).toThrow(/ground truth/);
    cases.open = true;
    expect([l.isMistaken(0), l.isMistaken(1)]).toEqual([true, false]);
    l.remove(0, 3, true);
    expect([l.isMistaken(0), l.cleared[0]]).toEqual([false, 1]);
  });
});
