import { z } from 'zod';
import { Password, Text } from './common.ts';

/** Roles a user can be granted on a unit; a grant covers the unit's whole subtree. */
export const Role = z.enum(['admin', 'tdkt_officer', 'unit_head', 'council_member', 'staff']);
export type Role = z.infer<typeof Role>;

/** Vietnamese names of the roles, for every screen. */
export const roleLabels: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  tdkt_officer: 'Cán bộ thi đua – khen thưởng',
  unit_head: 'Thủ trưởng đơn vị',
  council_member: 'Thành viên Hội đồng TĐKT',
  staff: 'Cán bộ, công chức, viên chức',
};

/** A role held on a unit (null unit = system-wide, used for administrators). */
export const Grant = z.object({
  role: Role,
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type Grant = z.infer<typeof Grant>;

/** The signed-in user as the web sees it. */
export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  grants: z.array(Grant),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** Reply of GET /api/auth/session: the user (null when signed out) and the CSRF token to send back. */
export const SessionResponse = z.object({ user: SessionUser.nullable(), csrfToken: z.string().nullable() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** Body of POST /api/auth/login. */
export const LoginBody = z.object({
  username: Text(64).toLowerCase().min(1, 'Vui lòng nhập tên đăng nhập'),
  password: Password(1, 256, 'Vui lòng nhập mật khẩu'),
});
export type LoginBody = z.infer<typeof LoginBody>;
