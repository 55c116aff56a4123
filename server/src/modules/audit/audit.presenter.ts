import type { AuditEvent } from '../../../../contracts/audit.ts';
import type { auditEvents } from '../../platform/db/schema.ts';

/** Stored audit row → API shape. */
export function presentAuditEvent(row: typeof auditEvents.$inferSelect): AuditEvent {
  return {
    id: String(row.id),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
    requestId: row.requestId,
    ip: row.ip,
  };
}
