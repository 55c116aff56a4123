import type { AuditEvent } from '#contracts/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import type { auditEvents } from '#server/platform/db/schema.ts';
import { type NamesByKind, namesForEvent, resolveAuditNames } from './audit-names.ts';

type AuditRow = typeof auditEvents.$inferSelect;

/** Stored audit row → API shape, with the names found for the page. */
export function presentAuditEvent(row: AuditRow, names: NamesByKind = new Map()): AuditEvent {
  return {
    id: String(row.id),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    ...namesForEvent(row, names),
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
    requestId: row.requestId,
    ip: row.ip,
  };
}

/** A page of audit rows as the API shows them: the names of every record they mention, looked up per page. */
export async function presentAuditEvents(executor: Executor, rows: AuditRow[]): Promise<AuditEvent[]> {
  const names = await resolveAuditNames(executor, rows);
  return rows.map((row) => presentAuditEvent(row, names));
}
