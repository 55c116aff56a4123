import { and, count, desc, eq, gte, type SQL, sql } from 'drizzle-orm';
import { type AuditQuery, isAuditAction } from '../../../../contracts/audit.ts';
import type { Executor } from '../../platform/db/client.ts';
import { auditEvents } from '../../platform/db/schema.ts';
import { matchesText } from '../../platform/db/search.ts';

/** One page of audit events, newest first, with the total matching the filters. */
export async function listAuditEvents(executor: Executor, query: AuditQuery) {
  const filters: SQL[] = [];
  // A known action (picked from the list) matches exactly: "auth.login" must not find "auth.login_failed".
  if (query.action)
    filters.push(
      isAuditAction(query.action)
        ? eq(auditEvents.action, query.action)
        : matchesText(auditEvents.action, query.action),
    );
  if (query.entityType) filters.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) filters.push(eq(auditEvents.entityId, query.entityId));
  if (query.actor) filters.push(matchesText(auditEvents.actorUsername, query.actor));
  // Dates are calendar days in Vietnam's time zone, inclusive at both ends.
  if (query.from)
    filters.push(
      gte(auditEvents.occurredAt, sql`(${query.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`),
    );
  if (query.to)
    filters.push(
      sql`${auditEvents.occurredAt} < ((${query.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
    );
  const where = filters.length ? and(...filters) : undefined;
  const [items, [total]] = await Promise.all([
    executor
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ value: count() }).from(auditEvents).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}
