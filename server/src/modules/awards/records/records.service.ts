import { desc, eq } from 'drizzle-orm';
import { awardName } from '#contracts/award-catalogue.ts';
import type {
  DisciplineBody,
  DisciplineUpdateBody,
  DisciplineView,
  InitiativeBody,
  InitiativeUpdateBody,
  InitiativeView,
  PersonAwardRecords,
  PersonRatingBody,
  PositionClass,
  PositionClassBody,
  RatingUpdateBody,
  RatingView,
  ReceivedBody,
  ReceivedUpdateBody,
  ReceivedView,
  RecordKind,
  RecordRef,
  UnitAwardRecords,
  UnitRatingBody,
} from '#contracts/award-records.ts';
import type { AwardCode } from '#contracts/awards.ts';
import { isUniqueViolation } from '#server/modules/organisation/sql-rows.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import {
  awardsReceived,
  initiatives,
  personDisciplines,
  personPositionClasses,
  personRatings,
  unitRatings,
} from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, type VersionedTable, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import {
  assertReadable,
  assertWritable,
  type Caller,
  canWrite,
  personSubject,
  type Subject,
  unitSubject,
} from './subjects.ts';

type Row = Record<string, unknown> & { id: string; version: number };

/** What each kind of record needs: its table, audit entity, how it is named, the duplicate message. */
interface KindInfo {
  table: VersionedTable;
  entityType: string;
  subject: { subject: string; notFound: string };
  duplicate: string;
}

export type { Caller };

export const kinds: Record<RecordKind, KindInfo> = {
  'person-ratings': {
    table: personRatings,
    entityType: 'award_person_rating',
    subject: { subject: 'Bản xếp loại này', notFound: 'Không tìm thấy bản xếp loại.' },
    duplicate: 'Cán bộ đã có xếp loại của năm này; hãy sửa bản đã có.',
  },
  'unit-ratings': {
    table: unitRatings,
    entityType: 'award_unit_rating',
    subject: { subject: 'Bản xếp loại này', notFound: 'Không tìm thấy bản xếp loại.' },
    duplicate: 'Đơn vị đã có xếp loại của năm này; hãy sửa bản đã có.',
  },
  disciplines: {
    table: personDisciplines,
    entityType: 'award_discipline',
    subject: { subject: 'Quyết định kỷ luật này', notFound: 'Không tìm thấy bản ghi kỷ luật.' },
    duplicate: 'Bản ghi kỷ luật bị trùng.',
  },
  received: {
    table: awardsReceived,
    entityType: 'award_received',
    subject: { subject: 'Bản ghi khen thưởng này', notFound: 'Không tìm thấy bản ghi khen thưởng.' },
    duplicate: 'Đã ghi nhận danh hiệu, hình thức này cho cùng năm thành tích và loại hình khen thưởng.',
  },
  initiatives: {
    table: initiatives,
    entityType: 'award_initiative',
    subject: { subject: 'Sáng kiến này', notFound: 'Không tìm thấy sáng kiến.' },
    duplicate: 'Sáng kiến bị trùng.',
  },
};

const duplicateError = (kind: RecordKind) => new AppError('CONFLICT', kinds[kind].duplicate);

/** The subject a body names (person or unit), checked to exist. */
async function subjectOfBody(db: Executor, body: { personId?: string; unitId?: string }): Promise<Subject> {
  return body.personId ? personSubject(db, body.personId) : unitSubject(db, body.unitId as string);
}

/** The subject a stored row belongs to. */
async function subjectOfRow(db: Executor, row: Row): Promise<Subject> {
  return row.personId ? personSubject(db, row.personId as string) : unitSubject(db, row.unitId as string);
}

async function findRow(db: Executor, kind: RecordKind, id: string): Promise<Row> {
  const info = kinds[kind];
  const [row] = (await db.select().from(info.table).where(eq(info.table.id, id))) as Row[];
  if (!row) throw new AppError('NOT_FOUND', info.subject.notFound);
  return row;
}

/** The insert values of a create body (the subject id kept, defaults applied by the contract). */
function valuesOf(kind: RecordKind, body: Record<string, unknown>) {
  if (kind === 'received') {
    const received = body as ReceivedBody;
    return { ...received, personId: received.personId ?? null, unitId: received.unitId ?? null };
  }
  return body;
}

/** Checks what the contract cannot: an award given to the right subject; a rating year not in the future. */
function checkMeaning(kind: RecordKind, values: Record<string, unknown>, subject: Subject | null): void {
  const year = values.year as number | undefined;
  if (year !== undefined && year > new Date().getFullYear()) {
    throw new AppError('VALIDATION_FAILED', 'Năm không được ở tương lai.', [
      { path: 'year', message: 'Năm không được ở tương lai' },
    ]);
  }
  if (kind === 'received' && values.awardCode && subject) {
    const code = values.awardCode as AwardCode;
    if (code === 'LDTT' || code === 'CSTT' || code.startsWith('CSTD')) {
      if (subject.unitId)
        throw new AppError('VALIDATION_FAILED', `${awardName(code)} chỉ tặng cho cá nhân.`, [
          { path: 'awardCode', message: 'Danh hiệu chỉ tặng cho cá nhân' },
        ]);
    }
    if (['TTLDTT', 'TTLDXS', 'DVTT', 'DVQT', 'CO_BO_TINH', 'CO_CP'].includes(code) && subject.personId) {
      throw new AppError('VALIDATION_FAILED', `${awardName(code)} chỉ tặng cho tập thể.`, [
        { path: 'awardCode', message: 'Danh hiệu chỉ tặng cho tập thể' },
      ]);
    }
  }
}

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

const ratingView = (
  row: typeof personRatings.$inferSelect | typeof unitRatings.$inferSelect,
): RatingView => ({
  id: row.id,
  version: row.version,
  year: row.year,
  rating: row.rating as RatingView['rating'],
  score: row.score,
  source: row.source as RatingView['source'],
});

const receivedView = (row: typeof awardsReceived.$inferSelect): ReceivedView => ({
  id: row.id,
  version: row.version,
  awardCode: row.awardCode as AwardCode,
  awardName: awardName(row.awardCode as AwardCode),
  year: row.year,
  rewardType: row.rewardType as ReceivedView['rewardType'],
  decisionNumber: row.decisionNumber,
  decisionDate: row.decisionDate,
  decider: row.decider,
});

const disciplineView = (row: typeof personDisciplines.$inferSelect): DisciplineView => ({
  id: row.id,
  version: row.version,
  level: row.level as DisciplineView['level'],
  fromDate: row.fromDate,
  toDate: row.toDate,
  pending: row.pending,
  decisionNumber: row.decisionNumber,
  note: row.note,
});

const initiativeView = (row: typeof initiatives.$inferSelect): InitiativeView => ({
  id: row.id,
  version: row.version,
  name: row.name,
  scope: row.scope as InitiativeView['scope'],
  year: row.year,
  decisionNumber: row.decisionNumber,
  decisionDate: row.decisionDate,
  usedForAward: row.usedForAward as AwardCode | null,
  usedForYear: row.usedForYear,
});

/** Bound of the rows of one kind read for one person or unit (decades of yearly records). */
const PER_SUBJECT_MAX = 500;

/** Everything recorded for a person the caller may see, newest first. */
export async function personRecords(
  db: Database,
  caller: Caller,
  personId: string,
): Promise<PersonAwardRecords> {
  const subject = await personSubject(db, personId, 'id');
  await assertReadable(db, caller, subject);
  const [ratings, disciplines, received, found, classes, editable] = await Promise.all([
    db
      .select()
      .from(personRatings)
      .where(eq(personRatings.personId, personId))
      .orderBy(desc(personRatings.year))
      .limit(PER_SUBJECT_MAX),
    db
      .select()
      .from(personDisciplines)
      .where(eq(personDisciplines.personId, personId))
      .orderBy(desc(personDisciplines.fromDate))
      .limit(PER_SUBJECT_MAX),
    db
      .select()
      .from(awardsReceived)
      .where(eq(awardsReceived.personId, personId))
      .orderBy(desc(awardsReceived.year), awardsReceived.awardCode)
      .limit(PER_SUBJECT_MAX),
    db
      .select()
      .from(initiatives)
      .where(eq(initiatives.personId, personId))
      .orderBy(desc(initiatives.year), initiatives.name)
      .limit(PER_SUBJECT_MAX),
    db.select().from(personPositionClasses).where(eq(personPositionClasses.personId, personId)),
    canWrite(db, caller, subject),
  ]);
  const [positionClass] = classes;
  return {
    personId,
    canEdit: editable,
    ratings: ratings.map(ratingView),
    disciplines: disciplines.map(disciplineView),
    received: received.map(receivedView),
    initiatives: found.map(initiativeView),
    positionClass: positionClass
      ? {
          value: positionClass.positionClass as PositionClass,
          version: positionClass.version,
        }
      : null,
  };
}

/** Everything recorded for a unit the caller may see, newest first. */
export async function unitRecords(db: Database, caller: Caller, unitId: string): Promise<UnitAwardRecords> {
  const subject = await unitSubject(db, unitId, 'id');
  await assertReadable(db, caller, subject);
  const [ratings, received, editable] = await Promise.all([
    db
      .select()
      .from(unitRatings)
      .where(eq(unitRatings.unitId, unitId))
      .orderBy(desc(unitRatings.year))
      .limit(PER_SUBJECT_MAX),
    db
      .select()
      .from(awardsReceived)
      .where(eq(awardsReceived.unitId, unitId))
      .orderBy(desc(awardsReceived.year), awardsReceived.awardCode)
      .limit(PER_SUBJECT_MAX),
    canWrite(db, caller, subject),
  ]);
  return {
    unitId,
    canEdit: editable,
    ratings: ratings.map(ratingView),
    received: received.map(receivedView),
  };
}
