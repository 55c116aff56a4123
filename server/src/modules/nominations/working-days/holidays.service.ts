import { and, asc, between, eq, gte, lte } from 'drizzle-orm';
import type { CreateHolidayBody, UpdateHolidayBody } from '#contracts/nominations.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { publicHolidays } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { addWorkingDays, calendarOf, type WorkingCalendar } from './working-days.ts';

const HOLIDAY = { subject: 'Ngày nghỉ này', notFound: 'Không tìm thấy ngày nghỉ.' };
const TAKEN = 'Ngày này đã có trong bảng ngày nghỉ.';

const isUniqueViolation = (error: unknown): boolean => {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; ) {
    if (current.code === '23505') return true;
    current = current.cause as typeof current;
  }
  return false;
};

/** The days of the holiday table in one year, in date order. */
export function listHolidays(db: Executor, year: number) {
  return db
    .select()
    .from(publicHolidays)
    .where(between(publicHolidays.date, `${year}-01-01`, `${year}-12-31`))
    .orderBy(asc(publicHolidays.date));
}

/** One day of the table, or null. */
export async function findHoliday(db: Executor, id: string) {
  const [row] = await db.select().from(publicHolidays).where(eq(publicHolidays.id, id));
  return row ?? null;
}

/** The working calendar of the span (the holiday-table rows between the dates, inclusive). */
export async function loadCalendar(db: Executor, from: string, to: string): Promise<WorkingCalendar> {
  const rows = await db
    .select({ date: publicHolidays.date, kind: publicHolidays.kind })
    .from(publicHolidays)
    .where(and(gte(publicHolidays.date, from), lte(publicHolidays.date, to)));
  return calendarOf(rows);
}

/** The day `days` working days after `from`, by the holiday table (loads a span wide enough for it). */
export async function workingDayAfter(db: Executor, from: string, days: number): Promise<string> {
  // Two calendar weeks per working week, plus Tết, always cover the span.
  const span = Math.abs(days) * 2 + 20;
  const time = Date.parse(`${from}T00:00:00Z`);
  const iso = (offset: number) => new Date(time + offset * 86_400_000).toISOString().slice(0, 10);
  const calendar = await loadCalendar(db, iso(-span), iso(span));
  return addWorkingDays(calendar, from, days);
}

/** Adds a day to the table (one row per date: 409 when the date is already there). */
export async function createHoliday(db: Database, actor: ActorContext, input: CreateHolidayBody) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(publicHolidays)
        .values({ ...input, updatedBy: actor.userId })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await recordAudit(tx, actor, {
        action: 'holiday.create',
        entityType: 'public_holiday',
        entityId: row.id,
        after: row,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', TAKEN);
    throw error;
  }
}

/** Changes a day of the table at the version the client loaded (409 when stale). */
export async function updateHoliday(db: Database, actor: ActorContext, id: string, input: UpdateHolidayBody) {
  const { version, ...changes } = input;
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(publicHolidays).where(eq(publicHolidays.id, id));
      if (!before) throw new AppError('NOT_FOUND', HOLIDAY.notFound);
      const rows = await tx
        .update(publicHolidays)
        .set({ ...changes, ...nextVersion(publicHolidays, actor) })
        .where(atVersion(publicHolidays, id, version))
        .returning();
      const row = await versionedRow(tx, rows, publicHolidays, id, HOLIDAY);
      await recordAudit(tx, actor, {
        action: 'holiday.update',
        entityType: 'public_holiday',
        entityId: id,
        before,
        after: row,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', TAKEN);
    throw error;
  }
}

/** Removes a day from the table. */
export async function deleteHoliday(db: Database, actor: ActorContext, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(publicHolidays).where(eq(publicHolidays.id, id)).returning();
    if (!row) throw new AppError('NOT_FOUND', HOLIDAY.notFound);
    await recordAudit(tx, actor, {
      action: 'holiday.delete',
      entityType: 'public_holiday',
      entityId: id,
      before: row,
    });
  });
}
