import { z } from 'zod';
import { auditActions } from './audit-actions.ts';
import { CursorQuery, cursorPageOf, endNotBeforeStart, IsoDate, Text } from './common.ts';

/** One append-only audit event: who did what to which record, before and after. */
export const AuditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The record's name as it is now (or as the event last saw it when the record is gone); null when unknown. */
  entityName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  /** Names of the records the before/after values point to (unit, person, movement ids), by id. */
  names: z.record(z.string(), z.string()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Filters of GET /api/audit-events (dates are ISO yyyy-mm-dd, inclusive), newest first, keyset-paged. */
export const AuditQuery = CursorQuery.extend({
  action: Text(100).optional(),
  entityType: Text(100).optional(),
  entityId: Text(100).optional(),
  actor: Text(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
}).superRefine(endNotBeforeStart('from', 'to', 'Ngày kết thúc không được trước ngày bắt đầu'));
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = cursorPageOf(AuditEvent);
export type AuditPage = z.infer<typeof AuditPage>;

export { auditActions };

/** One action of the audit trail. */
export type AuditAction = (typeof auditActions)[number];

/** True when the text is one of the audit actions. */
export const isAuditAction = (value: string): value is AuditAction =>
  (auditActions as readonly string[]).includes(value);

export { auditActionLabel, auditActionLabels, auditEntityLabel, auditEntityLabels } from './audit-labels.ts';
