import { z } from 'zod';
import { endNotBeforeStart, IsoDate, PageQuery, pageOf, Text } from './common.ts';

/** One append-only audit event: who did what to which record, before and after. */
export const AuditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Filters of GET /api/audit-events (dates are ISO yyyy-mm-dd, inclusive). */
export const AuditQuery = PageQuery.extend({
  action: Text(100).optional(),
  entityType: Text(100).optional(),
  entityId: Text(100).optional(),
  actor: Text(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
}).superRefine(endNotBeforeStart('from', 'to', 'Ngày kết thúc không được trước ngày bắt đầu'));
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = pageOf(AuditEvent);
export type AuditPage = z.infer<typeof AuditPage>;

/** Vietnamese names of audit actions, for the audit log screen. Unknown actions show their code. */
export const auditActionLabels: Record<string, string> = {
  'auth.login': 'Đăng nhập',
  'auth.logout': 'Đăng xuất',
  'auth.login_failed': 'Đăng nhập thất bại',
  'user.create': 'Tạo tài khoản',
  'user.grant': 'Phân quyền',
  'user.password_reset': 'Đặt lại mật khẩu',
  'system.restore': 'Khôi phục dữ liệu',
};
