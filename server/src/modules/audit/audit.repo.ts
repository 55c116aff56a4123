import { and, eq, gte, type SQL, sql } from 'drizzle-orm';
import { type AuditQuery, isAuditAction } from '#contracts/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import {
  countCapped,
  type KeyKind,
  pageTotal,
  readKeysetPage,
  readWithTotal,
  totalColumn,
} from '#server/platform/db/keyset.ts';
import { checkMomentCursors, momentKey } from '#server/platform/db/keyset-moment.ts';
import { auditEvents } from '#server/platform/db/schema.ts';
import { matchesText } from '#server/platform/db/search.ts';

/** The list's key: the moment to the microsecond (UTC text, so no precision is lost) and the id. */
const KEY_KINDS: readonly KeyKind[] = ['string', 'number'];
const KEY_COLUMNS = [auditEvents.occurredAt, auditEvents.id] as const;

/** The moment of an event as its cursor carries it. */
const cursorMoment = momentKey(auditEvents.occurredAt);

/** The filters of the audit list: each one is the leading part of an index ending in (occurred_at, id). */
function auditFilter(query: AuditQuery): SQL | undefined {
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
  return filters.length ? and(...filters) : undefined;
}

/**
 * One keyset page of audit events, newest first (occurred_at, id descending: a range scan of
 * audit_events_occurred_id_idx, or of the entity or action index when filtered), with the total
 * counted up to TOTAL_CAP unless the exact figure is asked for — page and total in one query.
 */
export async function listAuditEvents(executor: Executor, query: AuditQuery) {
  checkMomentCursors(query, KEY_KINDS);
  const where = auditFilter(query);
  const exact = query.exactTotal === 'true';
  const counted = executor.select({ id: auditEvents.id }).from(auditEvents).where(where);
  const read = readWithTotal(totalColumn(counted, exact), async ({ where: key, descending, limit }, total) =>
    executor
      .select({ event: auditEvents, cursorMoment, total })
      .from(auditEvents)
      .where(and(where, key))
      .orderBy(
        ...(descending
          ? [sql`${auditEvents.occurredAt} desc`, sql`${auditEvents.id} desc`]
          : [sql`${auditEvents.occurredAt} asc`, sql`${auditEvents.id} asc`]),
      )
      .limit(limit),
  );
  const page = await readKeysetPage({
    query,
    order: 'desc',
    columns: KEY_COLUMNS,
    kinds: KEY_KINDS,
    read,
    keyOf: (row) => [row.cursorMoment, row.event.id],
  });
  const total = pageTotal(page.rows, exact) ?? (await countCapped(executor, counted, exact));
  return { ...page, rows: page.rows.map((row) => row.event), total };
}
