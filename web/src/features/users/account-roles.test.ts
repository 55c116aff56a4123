import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client.ts';
import { describeError } from '../../lib/notify.ts';
import { grantableRoles } from './account-roles.ts';

const user = (role: 'admin' | 'tdkt_officer' | 'staff') => ({
  id: '1',
  username: 'u',
  fullName: 'Người dùng',
  grants: [{ role, unitId: role === 'admin' ? null : 'x', unitName: null }],
});

describe('account roles and error messages on screen', () => {
  it('offers an officer only the roles below theirs', () => {
    expect(grantableRoles(user('admin'))).toEqual([
      'admin',
      'tdkt_officer',
      'unit_head',
      'council_member',
      'staff',
    ]);
    expect(grantableRoles(user('tdkt_officer'))).toEqual(['unit_head', 'council_member', 'staff']);
    expect(grantableRoles(user('staff'))).toEqual([]);
  });

  it('shows the request id only for unexpected (5xx) errors', () => {
    const wrong = new ApiError(401, { code: 'INVALID_CREDENTIALS', message: 'Sai.', requestId: 'r-1' });
    const crash = new ApiError(500, { code: 'INTERNAL', message: 'Lỗi.', requestId: 'r-2' });
    expect(describeError(wrong)).toBe('Sai.');
    expect(describeError(crash)).toBe('Lỗi. (Mã yêu cầu: r-2)');
  });
});
