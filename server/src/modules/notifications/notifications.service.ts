import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { CursorQuery } from '#contracts/common.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import { checkMomentCursors, momentKey } from '#server/platform/db/keyset-moment.ts';
import { notifications } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** What a notification says and where it leads. */
export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** Same key for the same user → stored once (reminders run repeatedly). */
  dedupeKey?: string | null;
}

const ids = (values: string[]) =>
  sql.join(
    values.map((value) => sql`${value}::uuid`),
    sql`, `,
  );

/**
 * Notifies the emulation officers (tdkt_officer) granted on the units, in one statement: `unitIds`
 * is a list of ids or a subquery returning them (e.g. every unit given an obligation).
 * Returns how many notifications were stored.
 */
export async function notifyUnitOfficers(
  executor: Executor,
  unitIds: string[] | SQL,
  message: NotificationInput,
): Promise<number> {
  if (Array.isArray(unitIds) && !unitIds.length) return 0;
  const units = Array.isArray(unitIds) ? ids(unitIds) : unitIds;
  const result = (await executor.execute(sql`
    insert into notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key)
    select distinct g.user_id, ${message.kind}, ${message.title}, ${message.body}, ${message.link ?? null},
      ${message.entityType ?? null}, ${message.entityId ?? null}, ${message.dedupeKey ?? null}
    from role_grants g
    join users u on u.id = g.user_id and u.is_active
    where g.role = 'tdkt_officer' and g.unit_id in (${units})
    on conflict (user_id, dedupe_key) do nothing
    returning id`)) as unknown as { rows: unknown[] };
  return result.rows.length;
}

/** Notifies given users directly. */
export async function notifyUsers(executor: Executor, userIds: string[], message: NotificationInput) {
  if (!userIds.length) return;
  await executor.execute(sql`
    insert into notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key)
    select id, ${message.kind}, ${message.title}, ${message.body}, ${message.link ?? null},
      ${message.entityType ?? null}, ${message.entityId ?? null}, ${message.dedupeKey ?? null}
    from users where id in (${ids(userIds)})
    on conflict (user_id, dedupe_key) do nothing`);
}

/** The notification list's key: newest first on (created_at, id), notifications_user_created_idx. */
const KEY_KINDS: readonly KeyKind[] = ['string', 'uuid'];

/**
 * One keyset page of the user's notifications, newest first, the total and the unread count (both
 * counted up to TOTAL_CAP unless the exact total is asked for).
 */
export async function listNotifications(
  executor: Executor,
  userId: string,
  options: { unreadOnly: boolean } & Pick<CursorQuery, 'after' | 'before' | 'limit' | 'exactTotal'>,
) {
  checkMomentCursors(options, KEY_KINDS);
  const mine = eq(notifications.userId, userId);
  const unreadOnly = and(mine, isNull(notifications.readAt));
  const where = options.unreadOnly ? unreadOnly : mine;
  const moment = momentKey(notifications.createdAt);
  const [page, total, unread] = await Promise.all([
    readKeysetPage({
      query: options,
      order: 'desc',
      columns: [notifications.createdAt, notifications.id],
      kinds: KEY_KINDS,
      read: async ({ where: key, descending, limit }) =>
        executor
          .select({ notification: notifications, moment })
          .from(notifications)
          .where(and(where, key))
          .orderBy(
            ...(descending
              ? [desc(notifications.createdAt), desc(notifications.id)]
              : [asc(notifications.createdAt), asc(notifications.id)]),
          )
          .limit(limit),
      keyOf: (row) => [row.moment, row.notification.id],
    }),
    countCapped(
      executor,
      executor.select({ id: notifications.id }).from(notifications).where(where),
      options.exactTotal === 'true',
    ),
    countCapped(
      executor,
      executor.select({ id: notifications.id }).from(notifications).where(unreadOnly),
      false,
    ),
  ]);
  return {
    items: page.rows.map((row) => row.notification),
    next: page.next,
    prev: page.prev,
    total,
    unread: unread.value,
  };
}

/** Marks one of the user's notifications read (idempotent); 404 for someone else's. */
export async function markNotificationRead(executor: Executor, userId: string, id: string) {
  const [row] = await executor
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy thông báo.');
  return row;
}
