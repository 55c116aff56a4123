import { eq } from 'drizzle-orm';
import type {
  DisciplineBody,
  DisciplineUpdateBody,
  InitiativeBody,
  InitiativeUpdateBody,
  PersonRatingBody,
  PositionClassBody,
  RatingUpdateBody,
  ReceivedBody,
  ReceivedUpdateBody,
  RecordKind,
  RecordRef,
  UnitRatingBody,
} from '#contracts/award-records.ts';
import { isUniqueViolation } from '#server/modules/organisation/sql-rows.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { personPositionClasses } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import {
  checkMeaning,
  duplicateError,
  findRow,
  kinds,
  type Row,
  subjectOfBody,
  subjectOfRow,
  valuesOf,
} from './record-kinds.ts';
import { assertWritable, type Caller, personSubject } from './subjects.ts';

/** Adds one record of a kind for a person or unit the caller is an officer of (audited). */
export async function createRecord(
  db: Database,
  caller: Caller,
  kind: RecordKind,
  body:
    | PersonRatingBody
    | UnitRatingBody
    | DisciplineBody
    | ReceivedBody
    | InitiativeBody
    | Record<string, unknown>,
): Promise<RecordRef> {
  const subject = await subjectOfBody(db, body as { personId?: string; unitId?: string });
  await assertWritable(db, caller, subject);
  const values = valuesOf(kind, body as Record<string, unknown>);
  checkMeaning(kind, values, subject);
  const info = kinds[kind];
  try {
    return await db.transaction(async (tx) => {
      const [row] = (await tx
        .insert(info.table)
        .values({ ...values, updatedBy: caller.actor.userId } as never)
        .returning()) as Row[];
      if (!row) throw new Error('insert returned no row');
      await recordAudit(tx, caller.actor, {
        action: 'award_record.create',
        entityType: info.entityType,
        entityId: row.id,
        after: row,
      });
      return { id: row.id, version: row.version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError(kind);
    throw error;
  }
}

/** Changes one record at the version the form loaded (else 409), audited with before and after. */
export async function updateRecord(
  db: Database,
  caller: Caller,
  kind: RecordKind,
  id: string,
  body: RatingUpdateBody | DisciplineUpdateBody | ReceivedUpdateBody | InitiativeUpdateBody,
): Promise<RecordRef> {
  const before = await findRow(db, kind, id);
  const subject = await subjectOfRow(db, before);
  await assertWritable(db, caller, subject);
  const { version, ...fields } = body;
  checkMeaning(kind, { ...fields, awardCode: (fields as { awardCode?: string }).awardCode }, subject);
  if (kind === 'disciplines') {
    const merged = { ...before, ...fields } as { fromDate: string; toDate: string | null };
    if (merged.toDate && merged.toDate < merged.fromDate)
      throw new AppError('VALIDATION_FAILED', 'Ngày kết thúc không được trước ngày bắt đầu.', [
        { path: 'toDate', message: 'Ngày kết thúc không được trước ngày bắt đầu' },
      ]);
  }
  if (kind === 'initiatives') {
    const merged = { ...before, ...fields } as { usedForAward: string | null; usedForYear: number | null };
    if ((merged.usedForAward === null) !== (merged.usedForYear === null))
      throw new AppError('VALIDATION_FAILED', 'Ghi cả danh hiệu đã dùng sáng kiến và năm của danh hiệu đó.', [
        { path: 'usedForYear', message: 'Ghi cả danh hiệu và năm' },
      ]);
  }
  const info = kinds[kind];
  try {
    return await db.transaction(async (tx) => {
      const rows = (await tx
        .update(info.table)
        .set({ ...fields, ...nextVersion(info.table, caller.actor) } as never)
        .where(atVersion(info.table, id, version))
        .returning()) as Row[];
      const row = await versionedRow(tx, rows, info.table, id, info.subject);
      await recordAudit(tx, caller.actor, {
        action: 'award_record.update',
        entityType: info.entityType,
        entityId: id,
        before,
        after: row,
      });
      return { id: row.id, version: row.version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError(kind);
    throw error;
  }
}

/** Removes one record (audited with the row removed). */
export async function deleteRecord(
  db: Database,
  caller: Caller,
  kind: RecordKind,
  id: string,
): Promise<void> {
  const before = await findRow(db, kind, id);
  await assertWritable(db, caller, await subjectOfRow(db, before));
  const info = kinds[kind];
  await db.transaction(async (tx) => {
    const removed = await tx.delete(info.table).where(eq(info.table.id, id)).returning({ id: info.table.id });
    if (!removed.length) throw new AppError('NOT_FOUND', info.subject.notFound);
    await recordAudit(tx, caller.actor, {
      action: 'award_record.delete',
      entityType: info.entityType,
      entityId: id,
      before,
    });
  });
}

/** Sets a person's statistics position class (created the first time; later at the loaded version). */
export async function setPositionClass(
  db: Database,
  caller: Caller,
  personId: string,
  body: PositionClassBody,
): Promise<RecordRef> {
  const subject = await personSubject(db, personId, 'id');
  await assertWritable(db, caller, subject);
  const table = personPositionClasses;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(table).where(eq(table.personId, personId));
    if (!before) {
      if (body.version !== undefined)
        throw new AppError('NOT_FOUND', 'Cán bộ chưa có phân loại chức vụ để sửa.');
      const [row] = await tx
        .insert(table)
        .values({ personId, positionClass: body.positionClass, updatedBy: caller.actor.userId })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await recordAudit(tx, caller.actor, {
        action: 'award_record.create',
        entityType: 'award_position_class',
        entityId: personId,
        after: row,
      });
      return { id: personId, version: row.version };
    }
    if (body.version === undefined)
      throw new AppError('VALIDATION_FAILED', 'Thiếu phiên bản của phân loại chức vụ đang sửa.', [
        { path: 'version', message: 'Thiếu phiên bản' },
      ]);
    const rows = await tx
      .update(table)
      .set({
        positionClass: body.positionClass,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: caller.actor.userId,
      })
      .where(eq(table.personId, personId))
      .returning();
    const [row] = rows;
    if (!row || before.version !== body.version) {
      throw new AppError('VERSION_CONFLICT', 'Phân loại chức vụ này vừa được người khác sửa.');
    }
    await recordAudit(tx, caller.actor, {
      action: 'award_record.update',
      entityType: 'award_position_class',
      entityId: personId,
      before,
      after: row,
    });
    return { id: personId, version: row.version };
  });
}
