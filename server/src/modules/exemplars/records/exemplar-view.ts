import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { awardCatalogue } from '#contracts/award-catalogue.ts';
import type {
  ExemplarAward,
  ExemplarFileKind,
  ExemplarKind,
  ExemplarStage,
  ExemplarStatus,
  ExemplarSubject,
  ExemplarView,
} from '#contracts/exemplars.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import {
  awardsReceived,
  exemplarAwards,
  exemplarFiles,
  exemplarReplications,
  exemplarStageMoves,
  persons,
  storedFiles,
  units,
  users,
} from '#server/platform/db/schema.ts';
import { assertAllowed, type Caller, exemplarAccess } from '../exemplars.policy.ts';
import { type ExemplarRow, getExemplarRow, placeOf } from '../exemplars.repo.ts';

/** The most replicating units and linked awards a page shows (the count says how many in all). */
export const VIEW_ROWS_MAX = 100;

/** An award record as the exemplar page names it: award, year, decision and recipient. */
export const awardColumns = {
  awardReceivedId: awardsReceived.id,
  awardCode: awardsReceived.awardCode,
  year: awardsReceived.year,
  decisionNumber: awardsReceived.decisionNumber,
  decisionDate: awardsReceived.decisionDate,
  recipientName: sql<string>`coalesce(${persons.fullName}, ${units.name}, ${awardsReceived.householdName}, '')`,
};
export const awardNameOf = (code: string) =>
  (awardCatalogue as Record<string, { name: string } | undefined>)[code]?.name ?? code;

/** The award records linked to an exemplar, newest first. */
async function readAwards(db: Executor, id: string): Promise<ExemplarAward[]> {
  const rows = await db
    .select({ id: exemplarAwards.id, ...awardColumns })
    .from(exemplarAwards)
    .innerJoin(awardsReceived, eq(awardsReceived.id, exemplarAwards.awardReceivedId))
    .leftJoin(persons, eq(persons.id, awardsReceived.personId))
    .leftJoin(units, eq(units.id, awardsReceived.unitId))
    .where(eq(exemplarAwards.exemplarId, id))
    .orderBy(desc(awardsReceived.year), asc(exemplarAwards.id))
    .limit(VIEW_ROWS_MAX);
  return rows.map((row) => ({ ...row, awardName: awardNameOf(row.awardCode) }));
}

/** One exemplar the caller may read, with its stage history, files, replications, awards and actions. */
export async function getExemplar(db: Database, caller: Caller, id: string): Promise<ExemplarView> {
  const row = await getExemplarRow(db, id);
  const access = await exemplarAccess(db, caller.principal, placeOf(row));
  assertAllowed(access, 'read');
  const [moves, files, replications, awards, [replicated]] = await Promise.all([
    db
      .select({
        id: exemplarStageMoves.id,
        stage: exemplarStageMoves.stage,
        movedOn: exemplarStageMoves.movedOn,
        note: exemplarStageMoves.note,
        movedByName: users.fullName,
      })
      .from(exemplarStageMoves)
      .leftJoin(users, eq(users.id, exemplarStageMoves.movedBy))
      .where(eq(exemplarStageMoves.exemplarId, id))
      .orderBy(asc(exemplarStageMoves.movedOn), asc(exemplarStageMoves.createdAt)),
    db
      .select({
        id: exemplarFiles.id,
        kind: exemplarFiles.kind,
        fileName: storedFiles.fileName,
        contentType: storedFiles.contentType,
        size: storedFiles.size,
        createdAt: exemplarFiles.createdAt,
      })
      .from(exemplarFiles)
      .innerJoin(storedFiles, eq(storedFiles.id, exemplarFiles.fileId))
      .where(eq(exemplarFiles.exemplarId, id))
      .orderBy(asc(exemplarFiles.createdAt), asc(exemplarFiles.id)),
    db
      .select({
        id: exemplarReplications.id,
        unitId: exemplarReplications.unitId,
        unitName: units.name,
        replicatedOn: exemplarReplications.replicatedOn,
        note: exemplarReplications.note,
      })
      .from(exemplarReplications)
      .innerJoin(units, eq(units.id, exemplarReplications.unitId))
      .where(eq(exemplarReplications.exemplarId, id))
      .orderBy(asc(exemplarReplications.replicatedOn), asc(exemplarReplications.id))
      .limit(VIEW_ROWS_MAX),
    readAwards(db, id),
    db.select({ value: count() }).from(exemplarReplications).where(eq(exemplarReplications.exemplarId, id)),
  ]);
  return present(row, {
    moves: moves.map((move) => ({ ...move, stage: move.stage as ExemplarStage })),
    files: files.map((file) => ({
      ...file,
      kind: file.kind as ExemplarFileKind,
      createdAt: file.createdAt.toISOString(),
    })),
    replications,
    replicationCount: replicated?.value ?? 0,
    awards,
    actions: access.actions,
  });
}

function present(
  row: ExemplarRow,
  extra: Pick<ExemplarView, 'moves' | 'files' | 'replications' | 'replicationCount' | 'awards' | 'actions'>,
): ExemplarView {
  const { exemplar } = row;
  return {
    id: exemplar.id,
    title: exemplar.title,
    kind: exemplar.kind as ExemplarKind,
    subject: exemplar.subject as ExemplarSubject,
    subjectName: exemplar.subjectName,
    unitId: exemplar.unitId,
    unitName: row.unitName,
    movementId: exemplar.movementId,
    movementName: row.movementName,
    stage: exemplar.stage as ExemplarStage,
    status: exemplar.status as ExemplarStatus,
    isPublished: exemplar.isPublished,
    discoveredOn: exemplar.discoveredOn,
    summary: exemplar.summary,
    personId: exemplar.personId,
    subjectUnitId: exemplar.subjectUnitId,
    returnReason: exemplar.returnReason,
    confirmedAt: exemplar.confirmedAt?.toISOString() ?? null,
    publishedAt: exemplar.publishedAt?.toISOString() ?? null,
    version: exemplar.version,
    ...extra,
  };
}
