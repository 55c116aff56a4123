import { and, eq } from 'drizzle-orm';
import type { StatisticsManualBody } from '#contracts/statistics.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { atVersion, nextVersion, staleVersionError } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { getForm } from './form-registry.ts';
import { type Caller, placeOf } from './statistics.policy.ts';
import { statisticsManualCells } from './statistics.schema.ts';
import { manualReason } from './statistics.service.ts';

const CELL = { subject: 'Số liệu của ô này', notFound: 'Không tìm thấy số liệu đã nhập của ô này.' };

/**
 * Stores the unit's own figure of a typed cell: the first entry without a version, a change at the
 * version the officer loaded (409 when someone changed it since); audited in the same transaction.
 */
export async function setManualCell(
  db: Database,
  caller: Caller,
  code: string,
  body: StatisticsManualBody,
): Promise<{ value: number; version: number }> {
  const form = getForm(code, body.year);
  const row = form.rows.find((item) => item.code === body.row);
  if (!row || row.heading || !form.columns.some((item) => item.code === body.column))
    throw new AppError('NOT_FOUND', 'Biểu không có ô này.');
  if (manualReason(form, body.row, body.column) === null)
    throw new AppError('VALIDATION_FAILED', 'Ô này do hệ thống đếm từ dữ liệu, không nhập tay được.', [
      { path: 'row', message: 'Ô do hệ thống đếm' },
    ]);
  const place = await placeOf(db, caller, body.unitId);
  if (!place.canEnter)
    throw new AppError('OUT_OF_SCOPE', 'Bạn không được nhập số liệu thống kê của đơn vị này.');
  const key = and(
    eq(statisticsManualCells.unitId, body.unitId),
    eq(statisticsManualCells.formCode, form.code),
    eq(statisticsManualCells.year, body.year),
    eq(statisticsManualCells.rowCode, body.row),
    eq(statisticsManualCells.columnCode, body.column),
  );
  const fields = { value: body.value, note: body.note ?? null };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(statisticsManualCells).where(key);
    let after: typeof statisticsManualCells.$inferSelect | undefined;
    if (!before) {
      if (body.version !== undefined) throw new AppError('NOT_FOUND', CELL.notFound);
      [after] = await tx
        .insert(statisticsManualCells)
        .values({
          unitId: body.unitId,
          formCode: form.code,
          year: body.year,
          rowCode: body.row,
          columnCode: body.column,
          ...fields,
          updatedBy: caller.actor.userId,
        })
        .onConflictDoNothing()
        .returning();
    } else if (body.version !== undefined) {
      [after] = await tx
        .update(statisticsManualCells)
        .set({ ...fields, ...nextVersion(statisticsManualCells, caller.actor) })
        .where(atVersion(statisticsManualCells, before.id, body.version))
        .returning();
    }
    if (!after) {
      const [current] = await tx
        .select({ id: statisticsManualCells.id })
        .from(statisticsManualCells)
        .where(key);
      throw current
        ? await staleVersionError(tx, statisticsManualCells, current.id, CELL)
        : new AppError('CONFLICT');
    }
    await recordAudit(tx, caller.actor, {
      action: 'statistics.manual_cell_set',
      entityType: 'statistics_manual_cell',
      entityId: after.id,
      before: before ? { value: before.value, note: before.note, version: before.version } : null,
      after: {
        form: form.code,
        year: body.year,
        unitId: body.unitId,
        row: body.row,
        column: body.column,
        value: after.value,
        note: after.note,
        version: after.version,
      },
    });
    return { value: after.value, version: after.version };
  });
}
