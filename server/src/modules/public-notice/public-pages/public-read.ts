import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '#server/platform/db/client.ts';
import { type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import { publicComments, publicNotices } from '#server/platform/db/schema.ts';
import { statusCondition } from '../notices/notices.repo.ts';

/** What the public may read of a notice: the snapshot taken at posting, nothing else. */
const publicColumns = {
  id: publicNotices.id,
  startDate: publicNotices.startDate,
  endDate: publicNotices.endDate,
  noticeText: publicNotices.noticeText,
  subjectName: publicNotices.subjectName,
  position: publicNotices.position,
  unitName: publicNotices.unitName,
  awardName: publicNotices.awardName,
  achievements: publicNotices.achievements,
};

const KEY = [publicNotices.endDate, publicNotices.id] as const;
const KINDS: readonly KeyKind[] = ['string', 'uuid'];

/** One page of the notices open for comment today, closing soonest first. */
export function listOpenNotices(db: Executor, today: string, position: { after?: string; before?: string }) {
  return readKeysetPage({
    query: { ...position, limit: 20 },
    columns: KEY,
    kinds: KINDS,
    read: ({ where, descending, limit }) =>
      db
        .select(publicColumns)
        .from(publicNotices)
        .where(and(statusCondition('open', today), where))
        .orderBy(...KEY.map((column) => (descending ? desc(column) : asc(column))))
        .limit(limit),
    keyOf: (row) => [row.endDate, row.id],
  });
}

/** A notice open for comment today, or null (withdrawn, not yet started, ended or unknown). */
export async function findOpenNotice(db: Executor, id: string, today: string) {
  const [row] = await db
    .select(publicColumns)
    .from(publicNotices)
    .where(and(eq(publicNotices.id, id), statusCondition('open', today)));
  return row ?? null;
}
export type PublicNoticeView = NonNullable<Awaited<ReturnType<typeof findOpenNotice>>>;

/** The comments the office published on a notice, with their answers (oldest first, at most 200). */
export function publishedComments(db: Executor, noticeId: string) {
  return db
    .select({
      authorName: publicComments.authorName,
      body: publicComments.body,
      answer: publicComments.answer,
      createdAt: publicComments.createdAt,
    })
    .from(publicComments)
    .where(and(eq(publicComments.noticeId, noticeId), eq(publicComments.status, 'published')))
    .orderBy(asc(publicComments.createdAt), asc(publicComments.id))
    .limit(200);
}
export type PublishedComment = Awaited<ReturnType<typeof publishedComments>>[number];

/** True for a uuid (anything else is a 404 without touching the database). */
export const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
