import { describe, expect, it } from 'vitest';
import type { Principal } from '#server/platform/auth/policy.ts';
import { accountScope, mayGrant, mayManage } from './accounts.policy.ts';

const principal = (grants: Principal['scopedGrants']): Principal => ({
  id: 'me',
  username: 'me',
  fullName: 'Tôi',
  grants: [],
  scopedGrants: grants,
});
const provinceOfficer = principal([{ role: 'tdkt_officer', unitId: 'p', unitPath: '/p/' }]);
const admin = principal([{ role: 'admin', unitId: null, unitPath: null }]);

describe('account administration policy', () => {
  it('lets an officer grant only roles ranked below theirs, on their subtree', () => {
    expect(mayGrant(provinceOfficer, 'unit_head', '/p/c/')).toBe(true);
    expect(mayGrant(provinceOfficer, 'staff', '/p/')).toBe(true);
    expect(mayGrant(provinceOfficer, 'tdkt_officer', '/p/c/')).toBe(false);
    expect(mayGrant(provinceOfficer, 'admin', null)).toBe(false);
    expect(mayGrant(provinceOfficer, 'staff', '/q/')).toBe(false);
    expect(mayGrant(provinceOfficer, 'staff', null)).toBe(false);
    expect(mayGrant(admin, 'admin', null)).toBe(true);
    // A head of unit manages no accounts, whatever the rank of the role.
    expect(mayGrant(principal([{ role: 'unit_head', unitId: 'p', unitPath: '/p/' }]), 'staff', '/p/')).toBe(
      false,
    );
  });

  it('lets an officer manage another account only when every role of it is one they could grant', () => {
    expect(mayManage(provinceOfficer, { id: 'a', grants: [{ role: 'staff', unitPath: '/p/c/' }] })).toBe(
      true,
    );
    expect(
      mayManage(provinceOfficer, {
        id: 'a',
        grants: [
          { role: 'staff', unitPath: '/p/c/' },
          { role: 'staff', unitPath: '/q/' },
        ],
      }),
    ).toBe(false);
    expect(
      mayManage(provinceOfficer, { id: 'a', grants: [{ role: 'tdkt_officer', unitPath: '/p/c/' }] }),
    ).toBe(false);
    expect(mayManage(provinceOfficer, { id: 'a', grants: [] })).toBe(false);
    expect(mayManage(provinceOfficer, { id: 'me', grants: [{ role: 'staff', unitPath: '/p/' }] })).toBe(
      false,
    );
    expect(mayManage(admin, { id: 'a', grants: [] })).toBe(true);
  });

  it('lists every account to an administrator, the subtree’s to an officer', () => {
    expect(accountScope(admin)).toBeNull();
    expect(accountScope(provinceOfficer)).toEqual(['/p/']);
  });
});
