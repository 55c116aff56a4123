import { z } from 'zod';
import { Grant, Role, USERNAME_PATTERN } from './auth.ts';
import { CursorQuery, cursorPageOf, Password, Text } from './common.ts';

/** A user account as listed to administrators. */
export const UserListItem = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
  grants: z.array(Grant),
});
export type UserListItem = z.infer<typeof UserListItem>;

/** Accounts in username order, keyset-paged; `q` searches username and full name without diacritics. */
export const UserQuery = CursorQuery.extend({ q: Text(100).optional() });
export type UserQuery = z.infer<typeof UserQuery>;
export const UserPage = cursorPageOf(UserListItem);

/** Body of POST /api/users (administrators only). */
export const CreateUserBody = z.object({
  /** Lower-cased before the pattern is checked, which also refuses every control character. */
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(USERNAME_PATTERN, 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (2–63 ký tự)'),
  fullName: Text(200).min(1, 'Vui lòng nhập họ và tên'),
  password: Password(10, 256, 'Mật khẩu phải có ít nhất 10 ký tự'),
  role: Role,
  unitId: z.string().uuid('Mã đơn vị không hợp lệ').nullable().default(null),
  /** Where e-mail reminders go when the server has SMTP configured (optional). */
  email: z.email('Địa chỉ thư điện tử không hợp lệ').max(254).nullable().optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;
