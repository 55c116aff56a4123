import { eq, sql } from 'drizzle-orm';
import type { ExemplarStage, ExemplarStatus } from '#contracts/exemplars.ts';
import { matchesWords, typedWords } from '#server/modules/organisation/index.ts';
import type { ActorContext } from '#server/platform/audit/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { readKeysetPage } from '#server/platform/db/keyset.ts';
import { exemplars, movements, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { ExemplarPlace } from './exemplar-rules.ts';

/** How an exemplar is named when gone or changed by someone else. */
export const EXEMPLAR = { subject: 'Điển hình này', notFound: 'Không tìm thấy điển hình.' };

/** An exemplar with its proposing unit and movement, or 404. */
export async function getExemplarRow(db: Executor, id: string) {
  const [row] = await db
    .select({ exemplar: exemplars, unitName: units.name, unitPath: units.path, movementName: movements.name })
    .from(exemplars)
    .innerJoin(units, eq(units.id, exemplars.unitId))
    .leftJoin(movements, eq(movements.id, exemplars.movementId))
    .where(eq(exemplars.id, id));
  if (!row) throw new AppError('NOT_FOUND', EXEMPLAR.notFound);
  return row;
}
export type ExemplarRow = Awaited<ReturnType<typeof getExemplarRow>>;

/** What the policy needs of an exemplar. */
export const placeOf = (row: ExemplarRow): ExemplarPlace => ({
  unitPath: row.unitPath,
  status: row.exemplar.status as ExemplarStatus,
  stage: row.exemplar.stage as ExemplarStage,
  isPublished: row.exemplar.isPublished,
});

/**
 * Raises the exemplar's version at the version loaded (else 404/409): every change of the record
 * and of its files, replications and awards goes through here, so two officers never overwrite
 * each other.
 */
export async function bumpExemplar(
  tx: Executor,
  actor: ActorContext,
  id: string,
  version: number,
  fields: Partial<typeof exemplars.$inferInsert> = {},
) {
  const rows = await tx
    .update(exemplars)
    .set({ ...fields, ...nextVersion(exemplars, actor) })
    .where(atVersion(exemplars, id, version))
    .returning();
  return versionedRow(tx, rows, exemplars, id, EXEMPLAR);
}

/** One exemplar as the public portal may show it. */
export interface PublishedExemplar {
  id: string;
  title: string;
  kind: string;
  subject: string;
  subjectName: string | null;
  summary: string;
  stage: string;
  unitName: string;
  movementName: string | null;
  publishedAt: string;
}

/** The one rule of what the public may read: published, hence confirmed (the table checks both). */
export const PUBLISHED = sql`e.is_published and e.status = 'confirmed'`;
const PUBLISHED_COLUMNS = sql`e.id, e.title, e.kind, e.subject, e.subject_name as "subjectName", e.summary,
  e.stage, u.name as "unitName", m.name as "movementName",
  to_char(e.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "publishedAt"`;
const PUBLISHED_FROM = sql`from exemplars e join units u on u.id = e.unit_id
  left join movements m on m.id = e.movement_id`;

/**
 * Published exemplars only, newest publication first, one keyset page (after or before a cursor),
 * optionally those whose title or subject's name has every word typed (with or without diacritics):
 * what the public portal reads. Nothing unpublished (or unconfirmed) ever comes out of it.
 */
export async function listPublishedExemplars(
  db: Executor,
  query: { after?: string | undefined; before?: string | undefined; q?: string | undefined; limit: number },
) {
  const words =
    query.q && typedWords(query.q).length ? sql`and ${matchesWords(sql`e.search_terms`, query.q)}` : sql``;
  return readKeysetPage<PublishedExemplar>({
    query,
    order: 'desc',
    columns: [sql`e.published_at`, sql`e.id`],
    kinds: ['string', 'uuid'],
    keyOf: (row) => [row.publishedAt, row.id],
    read: async ({ where, descending, limit }) => {
      const direction = sql.raw(descending ? 'desc' : 'asc');
      const result = await db.execute(sql`select ${PUBLISHED_COLUMNS} ${PUBLISHED_FROM}
        where ${PUBLISHED} ${words} ${where ? sql`and ${where}` : sql``}
        order by e.published_at ${direction}, e.id ${direction} limit ${limit}`);
      return (result as unknown as { rows: PublishedExemplar[] }).rows;
    },
  });
}

/** A published exemplar, or null (unpublished, unconfirmed, withdrawn or unknown). */
export async function findPublishedExemplar(db: Executor, id: string) {
  const result = await db.execute(sql`select ${PUBLISHED_COLUMNS} ${PUBLISHED_FROM}
    where ${PUBLISHED} and e.id = ${id}`);
  return (result as unknown as { rows: PublishedExemplar[] }).rows[0] ?? null;
}

/** The photos of a published exemplar (their ids, oldest first, at most 24); none when it is not published. */
export async function listPublishedPhotos(db: Executor, id: string) {
  const result = await db.execute(sql`select f.id from exemplar_files f
    join exemplars e on e.id = f.exemplar_id
    where f.exemplar_id = ${id} and f.kind = 'photo' and ${PUBLISHED}
    order by f.created_at, f.id limit 24`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
}

/** The stored file of a photo of an exemplar that is published now, or null. */
export async function findPublishedPhotoFile(db: Executor, id: string, photoId: string) {
  const result = await db.execute(sql`select f.file_id as "fileId" from exemplar_files f
    join exemplars e on e.id = f.exemplar_id
    where f.exemplar_id = ${id} and f.id = ${photoId} and f.kind = 'photo' and ${PUBLISHED}`);
  return (result as unknown as { rows: { fileId: string }[] }).rows[0]?.fileId ?? null;
}
