import { eq } from 'drizzle-orm';
import { awardName } from '#contracts/award-catalogue.ts';
import type { ReceivedBody, RecordKind } from '#contracts/award-records.ts';
import type { AwardCode } from '#contracts/awards.ts';
import type { Executor } from '#server/platform/db/client.ts';
import {
  awardsReceived,
  initiatives,
  personDisciplines,
  personRatings,
  unitRatings,
} from '#server/platform/db/schema.ts';
import type { VersionedTable } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { personSubject, type Subject, unitSubject } from './subjects.ts';

export type Row = Record<string, unknown> & { id: string; version: number };

/** What each kind of record needs: its table, audit entity, how it is named, the duplicate message. */
interface KindInfo {
  table: VersionedTable;
  entityType: string;
  subject: { subject: string; notFound: string };
  duplicate: string;
}

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

export const duplicateError = (kind: RecordKind) => new AppError('CONFLICT', kinds[kind].duplicate);

/** The subject a body names (person or unit), checked to exist. */
export async function subjectOfBody(
  db: Executor,
  body: { personId?: string; unitId?: string },
): Promise<Subject> {
  return body.personId ? personSubject(db, body.personId) : unitSubject(db, body.unitId as string);
}

/** The subject a stored row belongs to. */
export async function subjectOfRow(db: Executor, row: Row): Promise<Subject> {
  return row.personId ? personSubject(db, row.personId as string) : unitSubject(db, row.unitId as string);
}

export async function findRow(db: Executor, kind: RecordKind, id: string): Promise<Row> {
  const info = kinds[kind];
  const [row] = (await db.select().from(info.table).where(eq(info.table.id, id))) as Row[];
  if (!row) throw new AppError('NOT_FOUND', info.subject.notFound);
  return row;
}

/** The insert values of a create body (the subject id kept, defaults applied by the contract). */
export function valuesOf(kind: RecordKind, body: Record<string, unknown>) {
  if (kind === 'received') {
    const received = body as ReceivedBody;
    return { ...received, personId: received.personId ?? null, unitId: received.unitId ?? null };
  }
  return body;
}

/** Checks what the contract cannot: an award given to the right subject; a rating year not in the future. */
export function checkMeaning(
  kind: RecordKind,
  values: Record<string, unknown>,
  subject: Subject | null,
): void {
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
