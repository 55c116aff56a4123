import { z } from 'zod';
import { Grant, Role, USERNAME_PATTERN } from './auth.ts';
import { CursorQuery, cursorPageOf, RecordVersion, Text, Uuid } from './common.ts';

/**
 * Account administration in the web app ("Tài khoản"): an administrator manages every account; a
 * TĐKT officer manages, on the units of their subtree, accounts whose roles all rank below theirs.
 */

/** The person (cán bộ) an account belongs to, as the account list shows them. */
export const AccountPerson = z.object({ id: z.string(), fullName: z.string(), unitName: z.string() });
export type AccountPerson = z.infer<typeof AccountPerson>;

/** One account as the "Tài khoản" page lists it. */
export const Account = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
  /** A one-time password was issued and not yet changed by its owner. */
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
  grants: z.array(Grant),
  person: AccountPerson.nullable(),
  /** True when the caller may change this account (grant, revoke, disable, reset, link). */
  canManage: z.boolean(),
});
export type Account = z.infer<typeof Account>;

/** Query of GET /api/accounts: a search on username or full name (diacritics optional), keyset paged. */
export const AccountQuery = CursorQuery.extend({ q: Text(100).optional() });
export type AccountQuery = z.infer<typeof AccountQuery>;
export const AccountPage = cursorPageOf(Account);
export type AccountPage = z.infer<typeof AccountPage>;

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (2–63 ký tự)');

/** Administrators hold their role system-wide; every other role is held on a unit. */
function checkGrantUnit(value: { role: Role; unitId: string | null }, context: z.RefinementCtx) {
  if (value.role === 'admin' && value.unitId) {
    context.addIssue({
      code: 'custom',
      path: ['unitId'],
      message: 'Quyền quản trị hệ thống áp dụng cho toàn hệ thống, không chọn đơn vị',
      input: value.unitId,
    });
  }
  if (value.role !== 'admin' && !value.unitId) {
    context.addIssue({
      code: 'custom',
      path: ['unitId'],
      message: 'Vui lòng chọn đơn vị áp dụng vai trò',
      input: value.unitId,
    });
  }
}

/** Body of POST /api/accounts: a new account with its first role; the password is issued afterwards. */
export const CreateAccountBody = z
  .object({
    username: Username,
    fullName: Text(200).min(1, 'Vui lòng nhập họ và tên'),
    email: z.email('Địa chỉ thư điện tử không hợp lệ').max(254).nullable().optional(),
    role: Role,
    unitId: Uuid.nullable().default(null),
    /** The person (cán bộ) the account belongs to, optional. */
    personId: Uuid.nullable().optional(),
  })
  .superRefine(checkGrantUnit);
export type CreateAccountBody = z.infer<typeof CreateAccountBody>;

/** The version of the account the form loaded: every change of an account carries it (409 when stale). */
const Versioned = z.object({ version: RecordVersion });

/** Body of POST /api/accounts/:id/grants and /grants/revoke: a role on a unit (null only for admin). */
export const AccountGrantBody = z
  .object({ role: Role, unitId: Uuid.nullable().default(null), version: RecordVersion })
  .superRefine(checkGrantUnit);
export type AccountGrantBody = z.infer<typeof AccountGrantBody>;

/** Body of POST /api/accounts/:id/active: disable (false) or enable (true) the account. */
export const AccountActiveBody = Versioned.extend({ isActive: z.boolean() });
export type AccountActiveBody = z.infer<typeof AccountActiveBody>;

/** Body of POST /api/accounts/:id/person: the person the account belongs to, or null to unlink. */
export const AccountPersonBody = Versioned.extend({ personId: Uuid.nullable() });
export type AccountPersonBody = z.infer<typeof AccountPersonBody>;

/** Body of POST /api/accounts/:id/one-time-password. */
export const OneTimePasswordBody = Versioned;
export type OneTimePasswordBody = z.infer<typeof OneTimePasswordBody>;

/** Reply of POST /api/accounts/:id/one-time-password: shown once, never stored in clear. */
export const OneTimePasswordReply = z.object({ account: Account, oneTimePassword: z.string() });
export type OneTimePasswordReply = z.infer<typeof OneTimePasswordReply>;

/** A unit the caller may grant roles on, for the unit picker of the account dialogs. */
export const GrantableUnit = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  parentName: z.string().nullable(),
});
export type GrantableUnit = z.infer<typeof GrantableUnit>;

/** A person the caller may link an account to, for the person picker. */
export const LinkablePerson = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  unitName: z.string(),
  /** The account already linked to the person, if any. */
  username: z.string().nullable(),
});
export type LinkablePerson = z.infer<typeof LinkablePerson>;

/** Query of the pickers: a few words of a name or code. */
export const PickerQuery = z.object({ q: Text(100).optional() });
export type PickerQuery = z.infer<typeof PickerQuery>;
