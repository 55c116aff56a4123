import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type {
  AnswerCommentBody,
  PublicCommentForm,
  PublicCommentQuery,
  PublicCommentStatus,
} from '#contracts/public-notice.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import { publicComments, publicNotices, users } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError, RetryLaterError } from '#server/platform/http/app-error.ts';
import { noticeStatusOf, vietnamToday } from '../notices/notice-rules.ts';
import { type Caller, getVisibleNotice, getWritableNotice } from '../notices/notices.service.ts';

const COMMENT = { subject: 'Ý kiến này', notFound: 'Không tìm thấy ý kiến góp ý.' };

/** Comments one address may send within RATE_WINDOW_MINUTES, over every notice. */
export const RATE_LIMIT = 5;
export const RATE_WINDOW_MINUTES = 60;

export const commentColumns = {
  comment: publicComments,
  answeredByName: users.fullName,
};
// Milliseconds, as the cursor carries them (the column holds microseconds).
const LIST_KEY = [sql`date_trunc('milliseconds', ${publicComments.createdAt})`, publicComments.id] as const;
const LIST_KINDS: readonly KeyKind[] = ['string', 'uuid'];

/** A page of a notice's comments (every status, oldest first), for the receiving level. */
export async function searchComments(
  db: Database,
  caller: Caller,
  noticeId: string,
  query: PublicCommentQuery,
) {
  await getVisibleNotice(db, caller, noticeId);
  const where = and(
    eq(publicComments.noticeId, noticeId),
    query.status ? eq(publicComments.status, query.status) : undefined,
    query.unanswered === 'true' ? sql`${publicComments.answer} is null` : undefined,
  );
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: LIST_KEY,
      kinds: LIST_KINDS,
      read: ({ where: key, descending, limit }) =>
        db
          .select(commentColumns)
          .from(publicComments)
          .leftJoin(users, eq(users.id, publicComments.answeredBy))
          .where(and(where, key))
          .orderBy(...LIST_KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit),
      keyOf: (row) => [row.comment.createdAt.toISOString(), row.comment.id],
    }),
    countCapped(
      db,
      db.select({ id: publicComments.id }).from(publicComments).where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}

/** A comment the caller may moderate: the TĐKT officers of its notice's receiving level. */
async function getWritableComment(db: Executor, caller: Caller, id: string) {
  const [comment] = await db.select().from(publicComments).where(eq(publicComments.id, id));
  if (!comment) throw new AppError('NOT_FOUND', COMMENT.notFound);
  await getWritableNotice(db, caller, comment.noticeId);
  return comment;
}

/** Answers a comment (or changes the answer) at the version the user saw; audited. */
export async function answerComment(db: Database, caller: Caller, id: string, input: AnswerCommentBody) {
  const before = await getWritableComment(db, caller, id);
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(publicComments)
      .set({
        answer: input.answer,
        answeredAt: new Date(),
        answeredBy: caller.actor.userId,
        ...nextVersion(publicComments, caller.actor),
      })
      .where(atVersion(publicComments, id, input.version))
      .returning();
    const comment = await versionedRow(tx, updated, publicComments, id, COMMENT);
    await recordAudit(tx, caller.actor, {
      action: 'public_comment.answer',
      entityType: 'public_comment',
      entityId: id,
      before: { answer: before.answer, version: before.version },
      after: { answer: comment.answer, version: comment.version, noticeId: comment.noticeId },
    });
    return comment;
  });
}

/** Publishes a comment on the public page, or keeps it off (hidden); audited. */
export async function moderateComment(
  db: Database,
  caller: Caller,
  id: string,
  status: Exclude<PublicCommentStatus, 'pending'>,
  version: number,
) {
  const before = await getWritableComment(db, caller, id);
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(publicComments)
      .set({ status, ...nextVersion(publicComments, caller.actor) })
      .where(atVersion(publicComments, id, version))
      .returning();
    const comment = await versionedRow(tx, updated, publicComments, id, COMMENT);
    await recordAudit(tx, caller.actor, {
      action: status === 'published' ? 'public_comment.publish' : 'public_comment.hide',
      entityType: 'public_comment',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: comment.status, version: comment.version, noticeId: comment.noticeId },
    });
    return comment;
  });
}

/** What an anonymous comment carries besides the form: who sent it (hashed) and its dedup key. */
export interface CommentOrigin {
  actor: ActorContext;
  addressHash: string;
  formNonce: string;
}

/**
 * Stores a comment from the public, held for moderation: only while the notice is open (409 after),
 * at most RATE_LIMIT per address in RATE_WINDOW_MINUTES (429, nothing stored; judged under a lock
 * per address in the database, so every server process enforces it), and once per form sent
 * (a second send of the same form is `duplicate`). Audited with the sender's address.
 */
export async function receiveComment(
  db: Database,
  noticeId: string,
  form: PublicCommentForm,
  origin: CommentOrigin,
): Promise<'created' | 'duplicate'> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`public-comment:${origin.addressHash}`}))`);
    const [notice] = await tx.select().from(publicNotices).where(eq(publicNotices.id, noticeId));
    if (!notice) throw new AppError('NOT_FOUND', 'Không tìm thấy thông báo công khai.');
    if (noticeStatusOf(notice, vietnamToday()) !== 'open')
      throw new AppError(
        'CONFLICT',
        'Thông báo này không còn trong thời gian lấy ý kiến; ý kiến chưa được ghi nhận.',
      );
    const result = await tx.execute(sql`
      select count(*)::int as n,
        ceil(extract(epoch from (min(created_at) + make_interval(mins => ${RATE_WINDOW_MINUTES}) - now())))::int as wait
      from public_comments
      where address_hash = ${origin.addressHash}
        and created_at > now() - make_interval(mins => ${RATE_WINDOW_MINUTES})`);
    const [recent] = (result as unknown as { rows: { n: number; wait: number | null }[] }).rows;
    if (Number(recent?.n ?? 0) >= RATE_LIMIT) {
      const wait = Math.max(60, Number(recent?.wait ?? 60));
      throw new RetryLaterError(
        'RATE_LIMITED',
        `Bạn đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng gửi lại sau khoảng ${Math.ceil(wait / 60)} phút; nội dung bạn đã nhập vẫn được giữ bên dưới.`,
        wait,
      );
    }
    const [comment] = await tx
      .insert(publicComments)
      .values({
        noticeId,
        authorName: form.authorName,
        contact: form.contact || null,
        body: form.body,
        addressHash: origin.addressHash,
        formNonce: origin.formNonce,
      })
      .onConflictDoNothing({ target: publicComments.formNonce })
      .returning();
    if (!comment) return 'duplicate';
    await recordAudit(tx, origin.actor, {
      action: 'public_comment.create',
      entityType: 'public_comment',
      entityId: comment.id,
      after: {
        noticeId,
        authorName: comment.authorName,
        contact: comment.contact,
        body: comment.body,
        status: comment.status,
      },
    });
    return 'created';
  });
}

/** One comment with the name of who answered it, or null. */
export async function findComment(db: Executor, id: string) {
  const [row] = await db
    .select(commentColumns)
    .from(publicComments)
    .leftJoin(users, eq(users.id, publicComments.answeredBy))
    .where(eq(publicComments.id, id));
  return row ?? null;
}
export type CommentRow = NonNullable<Awaited<ReturnType<typeof findComment>>>;
