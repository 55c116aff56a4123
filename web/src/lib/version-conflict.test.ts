import { describe, expect, it } from 'vitest';
import { type ConflictField, planReload, readableValue } from './version-conflict.ts';

interface Values {
  name: string;
  shortName: string;
  code: string;
  kind: string;
}

const fields: ConflictField<Values>[] = [
  { name: 'name', label: 'Tên đơn vị' },
  { name: 'shortName', label: 'Tên viết tắt' },
  { name: 'code', label: 'Mã đơn vị' },
  { name: 'kind', label: 'Loại', format: (value) => (value === 'division' ? 'Phòng, ban' : 'Khác') },
];

describe('planReload', () => {
  it('fills in what only the other person changed, keeps what the user changed, lists both-changed fields', () => {
    const loaded = { name: 'Văn phòng', shortName: 'VP', code: 'VP', kind: 'division' };
    const typed = { name: 'Văn phòng Sở', shortName: 'VPS', code: 'VP', kind: 'division' };
    const fresh = { name: 'Văn phòng', shortName: 'VP Sở', code: 'VP2', kind: 'division' };
    expect(planReload(fields, loaded, typed, fresh)).toEqual([
      { name: 'shortName', label: 'Tên viết tắt', kind: 'both', typed: 'VPS', fresh: 'VP Sở' },
      { name: 'code', label: 'Mã đơn vị', kind: 'taken', typed: 'VP', fresh: 'VP2' },
    ]);
  });

  it('lists nothing when both made the same change, and compares values as they read', () => {
    const loaded = { name: 'A', shortName: '', code: 'X', kind: 'division' };
    const same = { name: 'B', shortName: '', code: 'X', kind: 'division' };
    expect(planReload(fields, loaded, same, { ...same, shortName: undefined as unknown as string })).toEqual(
      [],
    );
    expect(planReload(fields, loaded, loaded, { ...loaded, kind: 'other' })).toEqual([
      { name: 'kind', label: 'Loại', kind: 'taken', typed: 'Phòng, ban', fresh: 'Khác' },
    ]);
  });
});

describe('readableValue', () => {
  it('shows values as people read them', () => {
    expect(readableValue('2026-02-01')).toBe('01/02/2026');
    expect(readableValue(true)).toBe('Có');
    expect(readableValue('')).toBe('(để trống)');
    expect(readableValue([{ label: 'Sáng kiến', value: 2, unit: null }])).toBe('Sáng kiến 2');
  });
});
