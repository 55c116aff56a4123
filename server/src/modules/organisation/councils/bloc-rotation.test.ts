import { describe, expect, it } from 'vitest';
import { planMembers, rotateHead } from './bloc-rotation.ts';

const members = planMembers([
  { unitId: 'a', role: 'member' },
  { unitId: 'b', role: 'head' },
  { unitId: 'c', role: 'deputy' },
  { unitId: 'd', role: 'member' },
]);

describe('rotateHead', () => {
  it('makes the next member head and returns the old head to the ranks', () => {
    expect(rotateHead(members).map((m) => `${m.unitId}:${m.role}`)).toEqual([
      'a:member',
      'b:member',
      'c:head',
      'd:member',
    ]);
  });

  it('wraps round from the last member to the first, and starts with the first when there is no head', () => {
    const last = rotateHead(rotateHead(rotateHead(members)));
    expect(last.find((m) => m.role === 'head')?.unitId).toBe('a');
    expect(rotateHead(members.map((m) => ({ ...m, role: 'member' as const })))[0]?.role).toBe('head');
    expect(rotateHead([])).toEqual([]);
  });
});

describe('planMembers', () => {
  it('refuses a unit twice or two heads', () => {
    expect(() =>
      planMembers([
        { unitId: 'a', role: 'member' },
        { unitId: 'a', role: 'member' },
      ]),
    ).toThrow(/một lần/);
    expect(() =>
      planMembers([
        { unitId: 'a', role: 'head' },
        { unitId: 'b', role: 'head' },
      ]),
    ).toThrow(/một đơn vị trưởng/);
  });
});
