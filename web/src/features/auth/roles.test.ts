import { describe, expect, it } from 'vitest';
import { describeGrant, hasRole, safeNextPath } from './roles.ts';

const officer = {
  id: '1',
  username: 'demo.officer',
  fullName: 'Lê Văn Cán',
  grants: [{ role: 'tdkt_officer' as const, unitId: 'u1', unitName: 'Sở Nội vụ' }],
};

describe('roles and sign-in redirects', () => {
  it('checks roles from grants', () => {
    expect(hasRole(officer, 'tdkt_officer')).toBe(true);
    expect(hasRole(officer, 'admin')).toBe(false);
    expect(hasRole(null, 'admin')).toBe(false);
  });

  it('describes a grant in Vietnamese', () => {
    expect(describeGrant({ role: 'admin', unitId: null, unitName: null })).toBe(
      'Quản trị hệ thống · Toàn hệ thống',
    );
  });

  it('only returns to paths of this site after signing in', () => {
    expect(safeNextPath('/quan-tri/nhat-ky?page=2')).toBe('/quan-tri/nhat-ky?page=2');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/dang-nhap')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
