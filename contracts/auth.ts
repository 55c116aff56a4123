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

/**
 * How far a role reaches when managing accounts: an officer may grant (and manage accounts holding
 * only) roles ranked below their own, on units of their subtree; only an administrator grants
 * `tdkt_officer` or `admin`.
 */
export const roleRank: Record<Role, number> = {
  admin: 5,
  tdkt_officer: 4,
  unit_head: 3,
  council_member: 2,
  staff: 1,
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
  /** True after a one-time password: the user must choose a new password before anything else. */
  mustChangePassword: z.boolean().optional(),
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

/** The shortest password a user may choose. */
export const PASSWORD_MIN = 10;

/** Body of POST /api/auth/password: the current password and the new one (10–256 characters). */
export const ChangePasswordBody = z
  .object({
    currentPassword: Password(1, 256, 'Vui lòng nhập mật khẩu hiện tại'),
    newPassword: Password(PASSWORD_MIN, 256, `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN} ký tự`),
  })
  .superRefine((value, context) => {
    if (value.newPassword === value.currentPassword) {
      context.addIssue({
        code: 'custom',
        path: ['newPassword'],
        message: 'Mật khẩu mới phải khác mật khẩu hiện tại',
        input: value.newPassword,
      });
    }
  });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
