import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DossierComponent, DossierFile, DossierFileQuery } from '#contracts/nomination-dossier.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import { checkMomentCursors, momentKey } from '#server/platform/db/keyset-moment.ts';
import { nominationFiles, storedFiles } from '#server/platform/db/schema.ts';

/** A dossier file row with its stored file's name, type and size (never its bytes). */
export type DossierFileRow = {
  file: typeof nominationFiles.$inferSelect;
  fileName: string;
  contentType: string;
  size: number;
};

const columns = {
  file: nominationFiles,
  fileName: storedFiles.fileName,
  contentType: storedFiles.contentType,
  size: storedFiles.size,
};
const base = (executor: Executor) =>
  executor
    .select(columns)
    .from(nominationFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, nominationFiles.fileId));

/** The API shape of a dossier file. */
export const presentDossierFile = (row: DossierFileRow): DossierFile => ({
  id: row.file.id,
  nominationId: row.file.nominationId,
  nomineeId: row.file.nomineeId,
  component: row.file.component as DossierComponent,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  uploadedBy: row.file.uploadedBy,
  createdAt: row.file.createdAt.toISOString(),
  version: row.file.version,
});

/** One dossier file of a tờ trình, or null. */
export async function findDossierFile(executor: Executor, nominationId: string, fileId: string) {
  const [row] = await base(executor).where(
    and(eq(nominationFiles.id, fileId), eq(nominationFiles.nominationId, nominationId)),
  );
  return row ?? null;
}

/** Every dossier file of the tờ trình that hold the nominees (bounded: a few files per component). */
export function filesOfNominations(executor: Executor, nominationIds: readonly string[]) {
  if (!nominationIds.length) return Promise.resolve([] as DossierFileRow[]);
  return base(executor)
    .where(inArray(nominationFiles.nominationId, [...nominationIds]))
    .orderBy(asc(nominationFiles.createdAt), asc(nominationFiles.id));
}

const LIST_KEY = [nominationFiles.createdAt, nominationFiles.id] as const;
const LIST_KINDS: readonly KeyKind[] = ['string', 'uuid'];

/** One keyset page of a tờ trình's dossier files, oldest first. */
export async function listDossierFiles(executor: Executor, nominationId: string, query: DossierFileQuery) {
  checkMomentCursors(query, LIST_KINDS);
  const where = eq(nominationFiles.nominationId, nominationId);
  const moment = momentKey(nominationFiles.createdAt);
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: LIST_KEY,
      kinds: LIST_KINDS,
      read: ({ where: key, descending, limit }) =>
        executor
          .select({ ...columns, moment })
          .from(nominationFiles)
          .innerJoin(storedFiles, eq(storedFiles.id, nominationFiles.fileId))
          .where(and(where, key))
          .orderBy(...LIST_KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit),
      keyOf: (row) => [row.moment, row.file.id],
    }),
    countCapped(
      executor,
      executor.select({ id: nominationFiles.id }).from(nominationFiles).where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}
